/**
 * The vehicles domain's zod field builders, bound to its error keys (fields.ts). Only schema
 * modules import them: importing this loads zod, which pages load when something is validated.
 */
import { z } from 'zod'
import { fieldBuilders } from '@/shared/lib/zodFields'
import { E } from './fields'

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
