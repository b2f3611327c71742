/**
 * Error keys and flag kinds of the dormitories domain (员工宿舍); its zod builders are in
 * fieldSchemas.ts. Every message is an i18n KEY (`dorms.errors.*`): the UI translates, the domain
 * stays language-free.
 */

/** Every error key the dorms domain can produce; both message catalogues must define each. */
export const DORM_ERROR_KEYS = [
  'dorms.errors.required',
  'dorms.errors.tooLong',
  'dorms.errors.uuid',
  'dorms.errors.date',
  'dorms.errors.dateTime',
  'dorms.errors.choice',
  'dorms.errors.integer',
  'dorms.errors.range',
  'dorms.errors.photos',
  'dorms.errors.money',
  'dorms.errors.token',
  'dorms.errors.bedCount',
  'dorms.errors.bedCode',
  'dorms.errors.dateOrder',
  'dorms.errors.reading',
  'dorms.errors.floorAbove',
  'dorms.errors.floorsBelowRooms',
  'dorms.errors.numberTaken',
  'dorms.errors.bedHeld',
  'dorms.errors.inUse',
  'dorms.errors.hasRooms',
] as const
export type DormErrorKey = (typeof DORM_ERROR_KEYS)[number]

export const E = Object.fromEntries(DORM_ERROR_KEYS.map((k) => [k.slice('dorms.errors.'.length), k])) as {
  [K in DormErrorKey as K extends `dorms.errors.${infer N}` ? N : never]: K
}

/**
 * Why a fact was kept but flagged (invariant 2: never refused for a state conflict). The bed's
 * conflicts carry their kind; an allocation against the room's gender is flagged, not refused.
 */
export const DORM_FLAGS = {
  doubleBooking: 'dorms.flags.doubleBooking',
  inRepair: 'dorms.flags.inRepair',
  genderMismatch: 'dorms.flags.genderMismatch',
  requestNotApproved: 'dorms.flags.requestNotApproved',
  /** A key handed over (or back) while the custody engine has it elsewhere: kept, flagged on the key. */
  keyConflict: 'dorms.flags.keyConflict',
  /** 长期外出: another absence of the stay over the same days (both kept, the days counted once). */
  absenceOverlap: 'dorms.flags.absenceOverlap',
  /** A second return of one absence: the first stands. */
  returnedAlready: 'dorms.flags.returnedAlready',
} as const
export type DormFlag = (typeof DORM_FLAGS)[keyof typeof DORM_FLAGS]
