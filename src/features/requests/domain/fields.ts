/**
 * Error keys and flag keys of the requests engine (申请与审批); its zod builders are in
 * fieldSchemas.ts. Every message is an i18n KEY (`requests.errors.*`, `requests.flags.*`): the UI
 * translates, the domain stays language-free.
 */

/** Every error key the requests domain can produce; both message catalogues must define each. */
export const REQUEST_ERROR_KEYS = [
  'requests.errors.required',
  'requests.errors.tooLong',
  'requests.errors.uuid',
  'requests.errors.date',
  'requests.errors.dateTime',
  'requests.errors.choice',
  'requests.errors.integer',
  'requests.errors.range',
  'requests.errors.number',
  'requests.errors.photos',
  'requests.errors.unknownField',
  'requests.errors.unknownType',
  'requests.errors.notAfter',
  'requests.errors.reasonRequired',
  'requests.errors.notAllowed',
  'requests.errors.notApplicant',
  'requests.errors.ownApplication',
  'requests.errors.notPending',
  'requests.errors.notEditable',
  'requests.errors.delegationDates',
  'requests.errors.delegationSelf',
] as const
export type RequestErrorKey = (typeof REQUEST_ERROR_KEYS)[number]

export const E = Object.fromEntries(REQUEST_ERROR_KEYS.map((k) => [k.slice('requests.errors.'.length), k])) as {
  [K in RequestErrorKey as K extends `requests.errors.${infer N}` ? N : never]: K
}

/**
 * Why an event was kept but not applied (invariant 2: a decision made offline is never lost).
 * stale: the application changed meanwhile (decided by another approver, withdrawn, edited).
 */
export const REQUEST_FLAGS = { stale: 'requests.flags.stale' } as const
export type RequestFlag = (typeof REQUEST_FLAGS)[keyof typeof REQUEST_FLAGS]
