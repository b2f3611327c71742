/**
 * Error keys and flag kinds for the vehicles domain; its zod builders are in fieldSchemas.ts.
 * Every message and kind is an i18n KEY (`vehicles.errors.*`, `vehicles.flags.*`), never
 * text: the UI translates, the domain stays language-free.
 */

/** Every error key the vehicles domain can produce; the i18n messages must define each. */
export const VEHICLE_ERROR_KEYS = [
  'vehicles.errors.required',
  'vehicles.errors.tooLong',
  'vehicles.errors.uuid',
  'vehicles.errors.date',
  'vehicles.errors.dateTime',
  'vehicles.errors.choice',
  'vehicles.errors.integer',
  'vehicles.errors.range',
  'vehicles.errors.number',
  'vehicles.errors.boolean',
  'vehicles.errors.photos',
  // fuel amounts
  'vehicles.errors.twoOfThree',
  'vehicles.errors.amountsMismatch',
  'vehicles.errors.positive',
  // trips and lifecycles
  'vehicles.errors.outOfService',
  'vehicles.errors.inRepair',
  'vehicles.errors.retired',
  'vehicles.errors.onTripByOther',
  'vehicles.errors.alreadyOnTrip',
  'vehicles.errors.preTripRequired',
  'vehicles.errors.tripNotOpen',
  'vehicles.errors.notTripDriver',
  'vehicles.errors.badTransition',
  'vehicles.errors.notAllowed',
  'vehicles.errors.completionRequired',
  'vehicles.errors.position',
  'vehicles.errors.ruleEmpty',
] as const
export type VehicleErrorKey = (typeof VEHICLE_ERROR_KEYS)[number]

export const E = Object.fromEntries(VEHICLE_ERROR_KEYS.map((k) => [k.slice('vehicles.errors.'.length), k])) as {
  [K in VehicleErrorKey as K extends `vehicles.errors.${infer N}` ? N : never]: K
}
