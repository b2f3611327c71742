/**
 * Zod fields, error keys and flag kinds for the vehicles domain. Every message and
 * kind is an i18n KEY (`vehicles.errors.*`, `vehicles.flags.*`), never text: the UI
 * translates, the domain stays language-free.
 */
import { z } from 'zod'
import { isCalendarDate } from '@/shared/lib/zonedTime'

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

/** Required text, trimmed, 1..max characters. */
export const text = (max: number) =>
  z
    .string({ error: E.required })
    .trim()
    .min(1, { error: E.required })
    .max(max, { error: E.tooLong })

/** Optional text: empty or missing becomes null. */
export const optionalText = (max: number) =>
  z
    .string({ error: E.required })
    .trim()
    .max(max, { error: E.tooLong })
    .nullish()
    .transform((v) => (v ? v : null))

export const uuid = () => z.uuid({ error: E.uuid })

export const nullableUuid = () =>
  uuid()
    .nullish()
    .transform((v) => v ?? null)

/** A calendar date `YYYY-MM-DD` (company time zone), checked to be a real day. */
export const calendarDate = () => z.string({ error: E.date }).refine(isCalendarDate, { error: E.date })

/** An instant with its offset, e.g. `2025-03-01T09:30:00+08:00` or `...Z`. */
export const dateTime = () => z.iso.datetime({ offset: true, error: E.dateTime })

export const nullableDateTime = () =>
  dateTime()
    .nullish()
    .transform((v) => v ?? null)

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: E.choice })

export const int = (min: number, max: number) =>
  z
    .number({ error: E.integer })
    .int({ error: E.integer })
    .min(min, { error: E.range })
    .max(max, { error: E.range })

/** A non-negative decimal (yuan, litres) within a range; rounding is amounts.ts's job. */
export const decimal = (max: number) =>
  z
    .number({ error: E.number })
    .min(0, { error: E.range })
    .max(max, { error: E.range })

export const bool = () => z.boolean({ error: E.boolean })

export const photoIds = (max = 10) =>
  z
    .array(uuid(), { error: E.photos })
    .max(max, { error: E.photos })
    .default([])

/** Odometer readings in whole km (the vehicle registry keeps the same unit). */
export const odometer = () => int(0, 9_999_999)
