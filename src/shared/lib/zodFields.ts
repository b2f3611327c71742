/**
 * The zod field builders every domain uses, bound to that domain's i18n error keys
 * (e.g. 'assets.errors.required'): one definition of "required trimmed text", "an instant
 * with its offset", … and each feature keeps its own translated messages.
 */
import { z } from 'zod'
import { isCalendarDate } from './zonedTime'

export interface FieldErrorKeys {
  required: string
  tooLong: string
  uuid: string
  date: string
  dateTime: string
  choice: string
  integer: string
  range: string
  photos: string
  /** Text with control or bidirectional characters; default the shared 'validation.controlChars'. */
  controlChars?: string
}

/**
 * Characters text may not hold, as the server refuses them (private.text_is_clean): C0
 * controls but tab, line feed and carriage return; DEL and the C1 controls; the
 * bidirectional marks, embeddings, overrides and isolates (they make a name read backwards).
 */
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

/** True when `s` has none of the characters the server refuses in text. */
export function isCleanText(s: string): boolean {
  return !UNSAFE_TEXT.test(s)
}

export function fieldBuilders(E: FieldErrorKeys) {
  const clean = { error: E.controlChars ?? 'validation.controlChars' }
  const uuid = () => z.uuid({ error: E.uuid })
  const int = (min: number, max: number) =>
    z
      .number({ error: E.integer })
      .int({ error: E.integer })
      .min(min, { error: E.range })
      .max(max, { error: E.range })
  return {
    /** Required text, trimmed, 1..max characters, no control or bidirectional characters. */
    text: (max: number) =>
      z.string({ error: E.required }).trim().min(1, { error: E.required }).max(max, { error: E.tooLong }).refine(isCleanText, clean),
    /** Optional text: empty or missing becomes null. */
    optionalText: (max: number) =>
      z
        .string({ error: E.required })
        .trim()
        .max(max, { error: E.tooLong })
        .refine(isCleanText, clean)
        .nullish()
        .transform((v) => (v ? v : null)),
    uuid,
    /** A calendar date `YYYY-MM-DD` (company time zone), checked to be a real day. */
    calendarDate: () => z.string({ error: E.date }).refine(isCalendarDate, { error: E.date }),
    /** An instant with its offset, e.g. `2025-03-01T09:30:00+08:00` or `...Z`. */
    dateTime: () => z.iso.datetime({ offset: true, error: E.dateTime }),
    choice: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: E.choice }),
    int,
    photoIds: (max = 10) => z.array(uuid(), { error: E.photos }).max(max, { error: E.photos }),
  }
}
