/**
 * Zod fields, error keys and flag kinds for the vehicles domain. Every message and
 * kind is an i18n KEY (`vehicles.errors.*`, `vehicles.flags.*`), never text: the UI
 * translates, the domain stays language-free.
 */
import { z } from 'zod'
import { fieldBuilders } from '@/shared/lib/zodFields'

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

const base = fieldBuilders(E)
export const { text, optionalText, uuid, calendarDate, dateTime, choice, int } = base

export const nullableUuid = () =>
  uuid()
    .nullish()
    .transform((v) => v ?? null)

export const nullableDateTime = () =>
  dateTime()
    .nullish()
    .transform((v) => v ?? null)

/** A non-negative decimal (yuan, litres) within a range; rounding is amounts.ts's job. */
export const decimal = (max: number) =>
  z
    .number({ error: E.number })
    .min(0, { error: E.range })
    .max(max, { error: E.range })

export const bool = () => z.boolean({ error: E.boolean })

/** Photo ids; missing means none. */
export const photoIds = (max = 10) => base.photoIds(max).default([])

/** Odometer readings in whole km (the vehicle registry keeps the same unit). */
export const odometer = () => int(0, 9_999_999)
