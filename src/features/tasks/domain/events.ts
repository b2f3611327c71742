/**
 * The facts of a task after its assignment: one append-only event each (task_events on
 * the server), folded in device-time order into the task's state (machine.ts) and its
 * 督办 sheets (followUp.ts). Payload schemas here are what the ops carry.
 */
import { z } from 'zod'
import { E, LIMITS, choice, dateTime, int, nullableDate, optionalText, photoIds, text, uuid } from './fields'

/** Acts on the task itself (op 'task.act', the payload's `type`). */
export const TASK_ACTS = [
  'accept',
  'raise',
  'escalate',
  'resolve',
  'progress',
  'handover',
  'handover_confirm',
  'complete',
  'summary',
  'score',
  'cancel',
] as const
export type TaskAct = (typeof TASK_ACTS)[number]

/** Acts on a 督办 sheet (ops 'follow_up.open', 'follow_up.remind', 'follow_up.review'). */
export const FOLLOW_UP_ACTS = ['follow_up', 'remind', 'review'] as const
export type FollowUpAct = (typeof FOLLOW_UP_ACTS)[number]

export type TaskEventType = TaskAct | FollowUpAct

/** How a reminder (催办) was given: by phone, in person, in writing (催办单). */
export const REMINDER_CHANNELS = ['phone', 'in_person', 'written'] as const
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number]

/** 1st, 2nd (reported to the assignee's superior), final (the penalty stated): always in this order. */
export const REMINDER_LEVELS = ['first', 'second', 'final'] as const
export type ReminderLevel = (typeof REMINDER_LEVELS)[number]

export const FOLLOW_UP_REASONS = ['late', 'important'] as const
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number]

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

/** The stored event: the act's payload plus who and when (by the device clock). */
export interface TaskEvent {
  id: string
  task_id: string
  type: TaskEventType
  actor_id: string
  device_time: string
  /** The act's payload (without task_id), as the op carried it. */
  data: Record<string, unknown>
  /** The act did not fit the task's state at its device time: kept, changed nothing. */
  flagged: boolean
}

export type EventData<T extends TaskEventType> = T extends TaskAct
  ? Omit<Extract<TaskActPayload, { type: T }>, 'type' | 'task_id'>
  : T extends 'follow_up'
    ? Omit<FollowUpOpen, 'task_id'>
    : T extends 'remind'
      ? FollowUpRemind
      : FollowUpReview

