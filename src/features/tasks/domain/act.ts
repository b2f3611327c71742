/**
 * The device's entry points: check the input (zod), the person (rules.ts) and the state
 * (machine.ts), and return the row(s) to store with the event to push. Refusals are i18n keys.
 * Not in the barrel (it loads zod): save paths load it with loadAct() when the user saves.
 */
import { calendarDate } from '@/shared/lib/zonedTime'
import { assignerLevel, escalationTarget, mayAssign, type TaskActor } from './actors'
import type { TaskEvent, TaskEventType } from './events'
import { followUpOpenSchema, followUpRemindSchema, followUpReviewSchema, taskActSchema } from './eventsSchema'
import { E, type TaskErrorKey } from './fields'
import type { FollowUp } from './followUp'
import { applyEvent, type TaskState } from './machine'
import { mayAct } from './rules'
import { newTask, type Task } from './task'
import { taskAssignSchema, type TaskAssignInput } from './taskSchema'

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: TaskErrorKey; field?: string }

function invalid<T>(error: { issues: readonly { message: string; path: readonly PropertyKey[] }[] }): Outcome<T> {
  const issue = error.issues[0]
  return { ok: false, reason: (issue?.message ?? E.required) as TaskErrorKey, field: String(issue?.path[0] ?? '') }
}

/** A new task from the assign form. The deadline may not be before the company's today. */
export function assignTask(input: TaskAssignInput, actor: TaskActor, timeZone: string): Outcome<Task> {
  const parsed = taskAssignSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const a = parsed.data
  if (!mayAssign(actor, a.site_id)) return { ok: false, reason: E.notAllowed }
  if (a.due_on < calendarDate(a.assigned_at, timeZone)) return { ok: false, reason: E.dueInPast, field: 'due_on' }
  return { ok: true, value: newTask(a, { id: actor.id, level: assignerLevel(actor, a.site_id) }) }
}

export interface Acted {
  /** The fact; its id is the op's entity_id (a 督办 sheet's fact shares the sheet's id). */
  event: TaskEvent
  state: TaskState
  /** The op's payload exactly as the server's sync_apply function reads it. */
  payload: Record<string, unknown>
}

interface StepInput {
  type: TaskEventType
  data: Record<string, unknown>
  payload: Record<string, unknown>
  eventId?: string
  followUp?: FollowUp | null
}

function step(state: TaskState, actor: TaskActor, at: string, input: StepInput): Outcome<Acted> {
  const may = mayAct(state.task, input.type, actor, input.followUp)
  if (!may.ok) return may
  const event: TaskEvent = {
    id: input.eventId ?? crypto.randomUUID(),
    task_id: state.task.id,
    type: input.type,
    actor_id: actor.id,
    device_time: at,
    data: input.data,
    flagged: false,
  }
  const moved = applyEvent(state, event)
  if (!moved.ok) return moved
  return { ok: true, value: { event, state: moved.state, payload: input.payload } }
}

/** Drops nulls: an absent optional field is what the server expects. */
const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined))

/** What an act needs to know beyond the task: the head of the task's department (an escalation's target). */
export interface ActContext {
  departmentHeadId: string | null
}

/**
 * 'task.act': accept, raise, escalate, resolve, progress, handover, confirm, complete, summary, score, cancel.
 * An escalation's fact records the level it reaches (`to`); the op does not carry it: the server
 * decides it the same way from its own departments.head_id.
 */
export function actOnTask(state: TaskState, input: unknown, actor: TaskActor, at: string, context: ActContext = { departmentHeadId: null }): Outcome<Acted> {
  const parsed = taskActSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { type, task_id: taskId, ...data } = parsed.data
  if (taskId !== state.task.id) return { ok: false, reason: E.uuid, field: 'task_id' }
  const payload = compact({ type, task_id: taskId, ...data })
  if (type === 'escalate') {
    const to = escalationTarget(state.task, context.departmentHeadId)
    if (to === null && state.task.escalation_level !== null) return { ok: false, reason: E.topLevel }
    return step(state, actor, at, { type, data: to === null ? data : { ...data, to }, payload })
  }
  return step(state, actor, at, { type, data, payload })
}

/** 'follow_up.open': a 督办单 on the task. */
export function openFollowUp(state: TaskState, input: unknown, actor: TaskActor, at: string): Outcome<Acted> {
  const parsed = followUpOpenSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const { task_id: taskId, follow_up_id: sheetId, ...rest } = parsed.data
  if (taskId !== state.task.id) return { ok: false, reason: E.uuid, field: 'task_id' }
  return step(state, actor, at, { type: 'follow_up', data: { follow_up_id: sheetId, ...rest }, payload: { task_id: taskId, ...rest }, eventId: sheetId })
}

/** 'follow_up.remind': the next 催办, in order. */
export function remindFollowUp(state: TaskState, input: unknown, actor: TaskActor, at: string): Outcome<Acted> {
  const parsed = followUpRemindSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const sheet = state.followUps.get(parsed.data.follow_up_id) ?? null
  return step(state, actor, at, { type: 'remind', data: compact(parsed.data), payload: compact(parsed.data), followUp: sheet })
}

/** 'follow_up.review': the admin head's review, then the executive's approval. */
export function reviewFollowUp(state: TaskState, input: unknown, actor: TaskActor, at: string): Outcome<Acted> {
  const parsed = followUpReviewSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const d = parsed.data
  // The manual: 行政部长 reviews, 执行长 approves.
  const role = d.step === 'review' ? 'admin_head' : 'executive'
  if (!actor.grants.some((g) => g.role === role && (g.siteId === null || g.siteId === state.task.site_id))) return { ok: false, reason: E.notAllowed }
  return step(state, actor, at, { type: 'review', data: compact(d), payload: compact(d), followUp: state.followUps.get(d.follow_up_id) ?? null })
}
