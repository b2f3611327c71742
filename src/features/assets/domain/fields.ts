/**
 * Reusable zod fields for the assets domain. Every message is an i18n KEY
 * (`assets.errors.*`), never text: the UI translates, the domain stays language-free.
 */
import { z } from 'zod'
import { isCalendarDate } from '@/shared/lib/zonedTime'

/** Every error key the assets domain can produce; the i18n messages must define each. */
export const ASSET_ERROR_KEYS = [
  'assets.errors.required',
  'assets.errors.tooLong',
  'assets.errors.uuid',
  'assets.errors.date',
  'assets.errors.dateTime',
  'assets.errors.dateOrder',
  'assets.errors.choice',
  'assets.errors.integer',
  'assets.errors.range',
  'assets.errors.number',
  'assets.errors.numberKind',
  'assets.errors.keeperRole',
  'assets.errors.token',
  'assets.errors.plate',
  'assets.errors.tankSize',
  'assets.errors.dueRequired',
  'assets.errors.dueNotAllowed',
  'assets.errors.dueBeforeStart',
  'assets.errors.requesterRequired',
  'assets.errors.photos',
] as const
export type AssetErrorKey = (typeof ASSET_ERROR_KEYS)[number]

export const E = Object.fromEntries(ASSET_ERROR_KEYS.map((k) => [k.slice('assets.errors.'.length), k])) as {
  [K in AssetErrorKey as K extends `assets.errors.${infer N}` ? N : never]: K
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

/** A calendar date `YYYY-MM-DD` (company time zone), checked to be a real day. */
export const calendarDate = () =>
  z.string({ error: E.date }).refine(isCalendarDate, { error: E.date })

/** An instant with its offset, e.g. `2025-03-01T09:30:00+08:00` or `...Z`. */
export const dateTime = () => z.iso.datetime({ offset: true, error: E.dateTime })

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: E.choice })

export const int = (min: number, max: number) =>
  z
    .number({ error: E.integer })
    .int({ error: E.integer })
    .min(min, { error: E.range })
    .max(max, { error: E.range })

export const photoIds = () => z.array(uuid(), { error: E.photos }).max(10, { error: E.photos })
