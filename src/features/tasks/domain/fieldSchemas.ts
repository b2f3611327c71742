/**
 * The tasks domain's zod field builders, bound to its error keys (fields.ts). Only schema
 * modules import them: importing this loads zod, which pages load when something is validated.
 */
import { fieldBuilders } from '@/shared/lib/zodFields'
import { E } from './fields'

const base = fieldBuilders(E)
export const { text, optionalText, uuid, calendarDate, dateTime, choice, int } = base

/** Photo ids (attachments, progress photos); missing means none. */
export const photoIds = (max = 10) => base.photoIds(max).default([])

export const nullableUuid = () =>
  uuid()
    .nullish()
    .transform((v) => v ?? null)

export const nullableDate = () =>
  calendarDate()
    .nullish()
    .transform((v) => v ?? null)
