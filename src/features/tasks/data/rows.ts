/**
 * Device rows ↔ the domain's shapes. They are the same columns (the server's); the domain's
 * types are stricter (status unions, data as parsed), so the mapping is a checked cast.
 */
import type { FollowUpRow, TaskEventRow, TaskRow } from '@/platform/db/rows'
import type { FollowUp, Task, TaskEvent, TaskState } from '../domain'

export const taskOf = (row: TaskRow): Task => row as unknown as Task
export const followUpOf = (row: FollowUpRow): FollowUp => row as FollowUp
export const eventOf = (row: TaskEventRow): TaskEvent => row as unknown as TaskEvent

/** The officer of the task's current sheet (the server derives it; the device mirrors it). */
export function taskRowOf(state: TaskState): TaskRow {
  const sheet = state.task.follow_up_id ? state.followUps.get(state.task.follow_up_id) : undefined
  return { ...(state.task as unknown as TaskRow), officer_id: sheet?.officer_id ?? null }
}

export function eventRowOf(event: TaskEvent): TaskEventRow {
  const sheet = typeof event.data.follow_up_id === 'string' ? event.data.follow_up_id : null
  return { ...event, follow_up_id: sheet, updated_at: event.device_time, deleted_at: null }
}

export function stateOf(task: TaskRow, followUps: readonly FollowUpRow[]): TaskState {
  return { task: taskOf(task), followUps: new Map(followUps.filter((f) => f.deleted_at === null).map((f) => [f.id, followUpOf(f)])) }
}
