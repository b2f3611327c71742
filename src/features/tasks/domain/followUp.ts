/**
 * The 督办单 (follow-up sheet, manual 1.3): issued by the admin head on a late or important
 * task, with a follow-up officer who reminds the assignee 1st → 2nd (reported to the
 * superior) → final (the penalty stated), never skipping or repeating a level, each logged
 * with how and when; then the result is reviewed by the admin head and approved by the
 * executive. Its row is derived from the task's events like the task's own.
 */
import type { CalendarDate } from '@/shared/lib/zonedTime'
import type { FollowUpReason, ReminderLevel } from './events'

export const FOLLOW_UP_STATUSES = ['open', 'reviewed', 'approved'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

export interface FollowUp {
  id: string
  task_id: string
  opened_by: string
  officer_id: string
  reason: FollowUpReason
  instructions: string
  opened_at: string
  /** Reminders given so far: 0 none, 1 first, 2 second, 3 final. */
  level: number
  first_at: string | null
  second_at: string | null
  final_at: string | null
  reported_to: string | null
  penalty: string | null
  /** Still not done by this day → the next reminder is due. */
  next_on: CalendarDate | null
  status: FollowUpStatus
  reviewed_by: string | null
  reviewed_at: string | null
  review_note: string | null
  approved_by: string | null
  approved_at: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** The level a reminder stands at: first = 1, second = 2, final = 3. */
export const reminderRank = (level: ReminderLevel): number => (level === 'first' ? 1 : level === 'second' ? 2 : 3)

/** The next reminder to give, or null after the final one. */
export function nextReminder(followUp: Pick<FollowUp, 'level'>): ReminderLevel | null {
  return followUp.level === 0 ? 'first' : followUp.level === 1 ? 'second' : followUp.level === 2 ? 'final' : null
}

export function newFollowUp(input: {
  id: string
  task_id: string
  opened_by: string
  officer_id: string
  reason: FollowUpReason
  instructions: string
  at: string
}): FollowUp {
  return {
    id: input.id,
    task_id: input.task_id,
    opened_by: input.opened_by,
    officer_id: input.officer_id,
    reason: input.reason,
    instructions: input.instructions,
    opened_at: input.at,
    level: 0,
    first_at: null,
    second_at: null,
    final_at: null,
    reported_to: null,
    penalty: null,
    next_on: null,
    status: 'open',
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
    approved_by: null,
    approved_at: null,
    created_at: input.at,
    updated_at: input.at,
    deleted_at: null,
  }
}
