/**
 * The facts of a task after its assignment: one append-only event each (task_events on
 * the server), folded in device-time order into the task's state (machine.ts) and its
 * 督办 sheets (followUp.ts). What the ops carry (zod): eventsSchema.ts.
 */
import type { FollowUpOpen, FollowUpRemind, FollowUpReview, TaskActPayload } from './eventsSchema'

export type { FollowUpOpen, FollowUpRemind, FollowUpReview, TaskActPayload }

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

