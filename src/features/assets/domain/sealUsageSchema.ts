/**
 * The zod schema of a seal-use record (用印登记; messages are i18n keys). Imported where a
 * record is validated, with `await import()` from code that also shows pages: it loads zod.
 */
import { z } from 'zod'
import { DOCUMENT_TYPES, SEAL_USAGE_MODES } from './sealUsage'
import { E } from './fields'
import { choice, dateTime, int, optionalText, photoIds, text, uuid } from './fieldSchemas'

export const sealUsageSchema = z
  .object({
    id: uuid(),
    seal_id: uuid(),
    /** When the seal was used, by the device clock. */
    used_at: dateTime(),
    /** The keeper who recorded it. */
    recorded_by: uuid(),
    document_title: text(200),
    document_type: choice(DOCUMENT_TYPES),
    /** What "other" means, or a refinement of the type. */
    document_type_note: optionalText(50).optional(),
    copies: int(1, 999),
    purpose: text(500),
    /** The requester's profile, when picked from the people list; needed for a take-out (the holder). */
    requester_id: uuid().nullish().transform((v) => v ?? null),
    requester_name: text(50),
    requester_department: text(100),
    approver_name: text(50),
    mode: choice(SEAL_USAGE_MODES),
    /** Required for a take-out, absent for a stamp here. */
    due_at: dateTime().nullish().transform((v) => v ?? null),
    /** Photos of the stamped page. */
    photo_ids: photoIds().default([]),
  })
  .superRefine((r, ctx) => {
    if (r.mode === 'take_out') {
      if (r.due_at === null) ctx.addIssue({ code: 'custom', message: E.dueRequired, path: ['due_at'] })
      else if (Date.parse(r.due_at) <= Date.parse(r.used_at))
        ctx.addIssue({ code: 'custom', message: E.dueBeforeStart, path: ['due_at'] })
      if (r.requester_id === null) ctx.addIssue({ code: 'custom', message: E.requesterRequired, path: ['requester_id'] })
    } else if (r.due_at !== null) {
      // A due time on a stamp-here record would put a seal that never left on the overdue list.
      ctx.addIssue({ code: 'custom', message: E.dueNotAllowed, path: ['due_at'] })
    }
  })

export type SealUsage = z.output<typeof sealUsageSchema>
export type SealUsageInput = z.input<typeof sealUsageSchema>
