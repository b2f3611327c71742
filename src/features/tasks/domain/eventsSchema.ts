/**
 * The payloads the task's ops carry, validated with zod. Imported where an act is checked
 * (act.ts); importing it loads zod.
 */
import { z } from 'zod'
import { E, LIMITS } from './fields'
import { choice, dateTime, int, nullableDate, optionalText, photoIds, text, uuid } from './fieldSchemas'
import { FOLLOW_UP_REASONS, REMINDER_CHANNELS, REMINDER_LEVELS } from './events'

const note = () => optionalText(LIMITS.note)
const requiredNote = () => text(LIMITS.note)

/** The payload of 'task.act', by type. */
export const taskActSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('accept'), task_id: uuid(), note: note() }),
    /** Cannot meet the deadline, or beyond the assignee's authority (manual 1.2 nodes 3, 6). */
    z.object({ type: z.literal('raise'), task_id: uuid(), note: requiredNote() }),
    z.object({ type: z.literal('escalate'), task_id: uuid(), note: note() }),
    /** The answer to the problem; it may move the deadline. */
    z.object({ type: z.literal('resolve'), task_id: uuid(), note: requiredNote(), due_on: nullableDate() }),
    z.object({ type: z.literal('progress'), task_id: uuid(), note: requiredNote(), photo_ids: photoIds() }),
    /** A written handover record: progress so far, deadline, requirements (manual 1.2 node 8). */
    z.object({ type: z.literal('handover'), task_id: uuid(), to_id: uuid(), note: text(LIMITS.report), due_on: nullableDate() }),
    z.object({ type: z.literal('handover_confirm'), task_id: uuid(), note: note() }),
    z.object({ type: z.literal('complete'), task_id: uuid(), report: text(LIMITS.report), photo_ids: photoIds() }),
    z.object({ type: z.literal('summary'), task_id: uuid(), summary: text(LIMITS.report) }),
    z.object({ type: z.literal('score'), task_id: uuid(), score: int(0, 100), note: note() }),
    z.object({ type: z.literal('cancel'), task_id: uuid(), note: requiredNote() }),
  ],
  { error: E.choice },
)
export type TaskActInput = z.input<typeof taskActSchema>
export type TaskActPayload = z.output<typeof taskActSchema>

/** 'follow_up.open': the admin head issues a 督办单 on a late or important task. */
export const followUpOpenSchema = z.object({
  follow_up_id: uuid(),
  task_id: uuid(),
  /** The follow-up officer (督办人员) who reminds; the opener if none is named. */
  officer_id: uuid(),
  reason: choice(FOLLOW_UP_REASONS),
  instructions: text(LIMITS.note),
})
export type FollowUpOpen = z.output<typeof followUpOpenSchema>

/** 'follow_up.remind': one 催办, logged with how and when. */
export const followUpRemindSchema = z
  .object({
    follow_up_id: uuid(),
    level: choice(REMINDER_LEVELS),
    channel: choice(REMINDER_CHANNELS),
    /** When the reminder was given (a phone call logged afterwards keeps its own time). */
    reminded_at: dateTime(),
    note: note(),
    /** 2nd: the assignee's superior it was reported to. */
    reported_to: uuid().nullish().transform((v) => v ?? null),
    /** Final: the penalty for further delay. */
    penalty: optionalText(LIMITS.note),
    /** If still not done by this day, the next reminder is due. */
    next_on: nullableDate(),
  })
  .refine((r) => r.level !== 'second' || r.reported_to !== null, { error: E.reportedToRequired, path: ['reported_to'] })
  .refine((r) => r.level !== 'final' || r.penalty !== null, { error: E.penaltyRequired, path: ['penalty'] })
export type FollowUpRemind = z.output<typeof followUpRemindSchema>
export type FollowUpRemindInput = z.input<typeof followUpRemindSchema>

/** 'follow_up.review': the admin head reviews the result, then the executive approves it (批复). */
export const followUpReviewSchema = z.object({
  follow_up_id: uuid(),
  step: choice(['review', 'approve'] as const),
  note: note(),
})
export type FollowUpReview = z.output<typeof followUpReviewSchema>
