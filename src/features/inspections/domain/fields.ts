/**
 * Zod fields and error keys for the inspections domain. Every message is an i18n KEY
 * (`inspections.errors.*`), never text: the UI translates, the domain stays language-free.
 */
import { z } from 'zod'

/** Every error key the inspections domain can produce; the i18n messages must define each. */
export const INSPECTION_ERROR_KEYS = [
  // template shape
  'inspections.errors.required',
  'inspections.errors.tooLong',
  'inspections.errors.choice',
  'inspections.errors.integer',
  'inspections.errors.range',
  'inspections.errors.number',
  'inspections.errors.boolean',
  'inspections.errors.itemKey',
  'inspections.errors.duplicateKey',
  'inspections.errors.noItems',
  'inspections.errors.criticalPointsItem',
  'inspections.errors.thresholdsOrder',
  'inspections.errors.thresholdsLastZero',
  'inspections.errors.duplicateGrade',
  // answers
  'inspections.errors.answers',
  'inspections.errors.uuid',
  'inspections.errors.unknownItem',
  'inspections.errors.duplicateAnswer',
  'inspections.errors.unanswered',
  'inspections.errors.naNotAllowed',
  'inspections.errors.wrongResultForMode',
  'inspections.errors.pointsRequired',
  'inspections.errors.pointsNotAllowed',
  'inspections.errors.pointsRange',
  'inspections.errors.photoRequired',
  // rectifications
  'inspections.errors.notAssignee',
  'inspections.errors.notInspector',
  'inspections.errors.afterPhotoRequired',
  'inspections.errors.badTransition',
  // issue #12: the fixer never verifies; a reopened task's new deadline is after the verification
  'inspections.errors.ownFix',
  'inspections.errors.dueBeforeNow',
] as const
export type InspectionErrorKey = (typeof INSPECTION_ERROR_KEYS)[number]

export const E = Object.fromEntries(INSPECTION_ERROR_KEYS.map((k) => [k.slice('inspections.errors.'.length), k])) as {
  [K in InspectionErrorKey as K extends `inspections.errors.${infer N}` ? N : never]: K
}

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

/** Item and section keys: stable identifiers stored in answers and rectifications. */
export const ITEM_KEY_RE = /^[a-z][a-z0-9_]{0,63}$/
export const key = () => z.string({ error: E.itemKey }).regex(ITEM_KEY_RE, { error: E.itemKey })
