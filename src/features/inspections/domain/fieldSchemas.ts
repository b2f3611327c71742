/**
 * The inspections domain's zod field builders, bound to its error keys (fields.ts). Only schema
 * modules import them: importing this loads zod, which pages load when something is validated.
 */
import { z } from 'zod'
import { E, ITEM_KEY_RE } from './fields'

/** Required text, trimmed, 1..max characters. */
export const text = (max: number) =>
  z
    .string({ error: E.required })
    .trim()
    .min(1, { error: E.required })
    .max(max, { error: E.tooLong })

/** Optional text (guidance, notes): trimmed, may be absent. */
export const optionalText = (max: number) => z.string({ error: E.required }).trim().max(max, { error: E.tooLong }).optional()

export const uuid = () => z.uuid({ error: E.uuid })

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: E.choice })

export const int = (min: number, max: number) =>
  z
    .number({ error: E.integer })
    .int({ error: E.integer })
    .min(min, { error: E.range })
    .max(max, { error: E.range })

export const bool = () => z.boolean({ error: E.boolean })

export const key = () => z.string({ error: E.itemKey }).regex(ITEM_KEY_RE, { error: E.itemKey })
