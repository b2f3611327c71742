/**
 * Error keys of the inspections domain; its zod builders are in fieldSchemas.ts. Every message
 * is an i18n KEY (`inspections.errors.*`), never text: the UI translates, the domain stays language-free.
 */

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

/** Item and section keys: stable identifiers stored in answers and rectifications. */
export const ITEM_KEY_RE = /^[a-z][a-z0-9_]{0,63}$/
