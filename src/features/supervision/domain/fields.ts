/** Zod fields and error keys of the supervision domain: every message is an i18n KEY (`supervision.errors.*`). */
import { fieldBuilders } from '@/shared/lib/zodFields'

export const SUPERVISION_ERROR_KEYS = [
  'supervision.errors.required',
  'supervision.errors.tooLong',
  'supervision.errors.uuid',
  'supervision.errors.date',
  'supervision.errors.dateTime',
  'supervision.errors.choice',
  'supervision.errors.integer',
  'supervision.errors.range',
  'supervision.errors.photos',
  'supervision.errors.endsBeforeStart',
  'supervision.errors.publishBeforeEnd',
  'supervision.errors.inspectorsRequired',
  'supervision.errors.checklistsRequired',
  'supervision.errors.notAllowed',
  'supervision.errors.badStage',
  'supervision.errors.notApproved',
  'supervision.errors.notRefused',
  'supervision.errors.noCalendar',
] as const
export type SupervisionErrorKey = (typeof SUPERVISION_ERROR_KEYS)[number]

export const E = Object.fromEntries(SUPERVISION_ERROR_KEYS.map((k) => [k.slice('supervision.errors.'.length), k])) as {
  [K in SupervisionErrorKey as K extends `supervision.errors.${infer N}` ? N : never]: K
}

export const { text, optionalText, uuid, calendarDate, choice, int, photoIds } = fieldBuilders(E)

/** Limits shared with the server's CHECK constraints and validators. */
export const LIMITS = { focus: 200, scope: 1000, notice: 1000, summary: 4000, note: 1000, finding: 200, findings: 50, ids: 10, fixDays: 60 } as const
