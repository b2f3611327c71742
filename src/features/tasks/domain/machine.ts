/**
 * The task's state machine. `applyEvent` moves a task (and its 督办 sheets) by one fact;
 * a fact that does not fit the state at its device time is refused here with a reason,
 * which the fold turns into a flag: the fact is kept and changes nothing (DESIGN.md
 * invariant 2). `foldTask` replays every fact in device-time order, as the server's
 * private.task_derive does: both must agree.
 *
 *   assigned --accept--> accepted --complete--> completed --score--> scored
 *   assigned|accepted --raise--> problem (at the assigner's level) --escalate--> one level up (the
 *     level the fact records: the department head's step is skipped when it reaches nobody new)
 *   problem --resolve--> back where it was (the deadline may move)
 *   assigned|accepted|problem --handover--> handover --both sides confirm--> accepted (new assignee)
 *   any open status --cancel--> cancelled
 */
import { levelRank, nextLevel } from './actors'
import type { FollowUpOpen, FollowUpRemind, FollowUpReview, TaskEvent } from './events'
import { E, type TaskErrorKey } from './fields'
import { newFollowUp, reminderRank, type FollowUp } from './followUp'
import { ESCALATION_LEVELS, isOpen, type EscalationLevel, type Task } from './task'

export interface TaskState {
  task: Task
  followUps: ReadonlyMap<string, FollowUp>
}

export type Step = { ok: true; state: TaskState } | { ok: false; reason: TaskErrorKey }

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
const bad = (reason: TaskErrorKey = E.badTransition): Step => ({ ok: false, reason })

function withTask(state: TaskState, task: Task, at: string): Step {
  return { ok: true, state: { task: { ...task, updated_at: at }, followUps: state.followUps } }
}

function withFollowUp(state: TaskState, followUp: FollowUp, at: string, task = state.task): Step {
  const followUps = new Map(state.followUps)
  followUps.set(followUp.id, { ...followUp, updated_at: at })
  return { ok: true, state: { task: { ...task, updated_at: at }, followUps } }
}

/** One fact. Its payload was validated at the edge; fields are read defensively (synced data). */
export function applyEvent(state: TaskState, e: TaskEvent): Step {
  const t = state.task
  const at = e.device_time
  const d = e.data
  switch (e.type) {
    case 'accept':
      if (t.status !== 'assigned') return bad()
      return withTask(state, { ...t, status: 'accepted', accepted_at: at, assignee_id: t.assignee_id ?? e.actor_id }, at)
    case 'raise':
      if (t.status !== 'assigned' && t.status !== 'accepted') return bad()
      return withTask(
        state,
        {
          ...t,
          status: 'problem',
          resume_status: t.status,
          assignee_id: t.assignee_id ?? e.actor_id,
          problem_note: str(d.note),
          problem_at: at,
          escalation_level: t.assigner_level,
        },
        at,
      )
    case 'escalate': {
      if (t.status !== 'problem' || t.escalation_level === null) return bad()
      const up = escalatedTo(t.escalation_level, d.to)
      if (up === null) return bad(E.topLevel)
      return withTask(state, { ...t, escalation_level: up }, at)
    }
    case 'resolve':
      if (t.status !== 'problem') return bad()
      return withTask(
        state,
        { ...t, status: t.resume_status ?? 'assigned', resume_status: null, escalation_level: null, due_on: str(d.due_on) ?? t.due_on },
        at,
      )
    case 'progress':
      if (t.status !== 'accepted' && t.status !== 'problem') return bad()
      return withTask(state, { ...t, last_progress_at: at }, at)
    case 'handover': {
      if (t.status !== 'assigned' && t.status !== 'accepted' && t.status !== 'problem') return bad()
      const to = str(d.to_id)
      if (to === null || to === t.assignee_id) return bad(E.sameAssignee)
      return withTask(
        state,
        {
          ...t,
          status: 'handover',
          resume_status: t.status === 'problem' ? t.resume_status : t.status,
          escalation_level: null,
          handover_from: t.assignee_id,
          handover_to: to,
          handover_note: str(d.note),
          // Nobody to hand over from (a department's task not taken yet): that side needs no confirmation.
          handover_from_ok: t.assignee_id === null,
          handover_to_ok: false,
          due_on: str(d.due_on) ?? t.due_on,
        },
        at,
      )
    }
    case 'handover_confirm': {
      if (t.status !== 'handover') return bad()
      const fromOk = t.handover_from_ok || e.actor_id === t.handover_from
      const toOk = t.handover_to_ok || e.actor_id === t.handover_to
      if (fromOk === t.handover_from_ok && toOk === t.handover_to_ok) return bad(E.notHandoverParty)
      if (!(fromOk && toOk)) return withTask(state, { ...t, handover_from_ok: fromOk, handover_to_ok: toOk }, at)
      return withTask(state, confirmedHandover(t, at), at)
    }
    case 'complete':
      if (t.status !== 'accepted') return bad()
      return withTask(state, { ...t, status: 'completed', completed_at: at, report: str(d.report), report_photo_ids: ids(d.photo_ids) }, at)
    case 'summary':
      if (t.status !== 'completed' && t.status !== 'scored') return bad()
      if (t.summary !== null) return bad(E.summaryDone)
      return withTask(state, { ...t, summary: str(d.summary), summary_at: at }, at)
    case 'score': {
      if (t.status !== 'completed') return bad()
      const score = typeof d.score === 'number' ? d.score : null
      return withTask(state, { ...t, status: 'scored', score, score_note: str(d.note), scored_by: e.actor_id, scored_at: at }, at)
    }
    case 'cancel':
      if (!isOpen(t.status)) return bad()
      // A pending handover ends with the task.
      return withTask(
        state,
        { ...t, status: 'cancelled', escalation_level: null, handover_from: null, handover_to: null, handover_from_ok: false, handover_to_ok: false },
        at,
      )
    case 'follow_up':
      return openFollowUp(state, e, d as unknown as Omit<FollowUpOpen, 'task_id'>)
    case 'remind':
      return remind(state, e, d as unknown as FollowUpRemind)
    case 'review':
      return review(state, e, d as unknown as FollowUpReview)
  }
}

/**
 * The level an escalate fact reaches: the one it records (`to`, decided when it was made:
 * escalationTarget) when that is above the problem's level; a fact recorded before the
 * department-head step existed (no `to`) goes where it went then (the giver → 行政部长 → 执行长).
 */
function escalatedTo(level: EscalationLevel, to: unknown): EscalationLevel | null {
  if (to === undefined || to === null) return nextLevel(level, false)
  if (typeof to !== 'string' || !(ESCALATION_LEVELS as readonly string[]).includes(to)) return null
  return levelRank(to as EscalationLevel) > levelRank(level) ? (to as EscalationLevel) : null
}

/** Both sides confirmed the written record: the new assignee carries on (confirming is accepting). */
function confirmedHandover(t: Task, at: string): Task {
  return {
    ...t,
    status: 'accepted',
    resume_status: null,
    assignee_id: t.handover_to,
    accepted_at: at,
    handover_from: null,
    handover_to: null,
    handover_from_ok: false,
    handover_to_ok: false,
  }
}

function openFollowUp(state: TaskState, e: TaskEvent, d: Omit<FollowUpOpen, 'task_id'>): Step {
  const t = state.task
  if (!isOpen(t.status)) return bad(E.taskNotDone)
  const current = t.follow_up_id ? state.followUps.get(t.follow_up_id) : undefined
  if (current && current.status === 'open') return bad(E.followUpOpen)
  if (state.followUps.has(d.follow_up_id)) return bad()
  const sheet = newFollowUp({
    id: d.follow_up_id,
    task_id: t.id,
    opened_by: e.actor_id,
    officer_id: d.officer_id,
    reason: d.reason,
    instructions: d.instructions,
    at: e.device_time,
  })
  return withFollowUp(state, sheet, e.device_time, { ...t, follow_up_id: sheet.id })
}

function remind(state: TaskState, e: TaskEvent, d: FollowUpRemind): Step {
  const f = state.followUps.get(d.follow_up_id)
  if (!f) return bad(E.noFollowUp)
  if (f.status !== 'open' || !isOpen(state.task.status)) return bad()
  // In order, never skipping nor repeating a level.
  if (reminderRank(d.level) !== f.level + 1) return bad(E.reminderOrder)
  const next: FollowUp = { ...f, level: f.level + 1, next_on: d.next_on ?? null }
  if (d.level === 'first') next.first_at = d.reminded_at
  if (d.level === 'second') Object.assign(next, { second_at: d.reminded_at, reported_to: d.reported_to })
  if (d.level === 'final') Object.assign(next, { final_at: d.reminded_at, penalty: d.penalty })
  return withFollowUp(state, next, e.device_time)
}

function review(state: TaskState, e: TaskEvent, d: FollowUpReview): Step {
  const f = state.followUps.get(d.follow_up_id)
  if (!f) return bad(E.noFollowUp)
  const note = d.note ?? null
  if (d.step === 'review') {
    // The result is reviewed once the task is done (or called off).
    if (f.status !== 'open') return bad()
    if (isOpen(state.task.status)) return bad(E.taskNotDone)
    return withFollowUp(state, { ...f, status: 'reviewed', reviewed_by: e.actor_id, reviewed_at: e.device_time, review_note: note }, e.device_time)
  }
  if (f.status !== 'reviewed') return bad()
  return withFollowUp(state, { ...f, status: 'approved', approved_by: e.actor_id, approved_at: e.device_time }, e.device_time)
}

/** Device-time order, then id (the server adds its receipt time between the two). */
export const byDeviceTime = (a: TaskEvent, b: TaskEvent) =>
  a.device_time < b.device_time ? -1 : a.device_time > b.device_time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/** The task as assigned: every derived field back to its start. */
export function assignedState(task: Task): Task {
  return {
    ...task,
    assignee_id: task.assigned_to,
    due_on: task.assigned_due_on,
    status: 'assigned',
    resume_status: null,
    accepted_at: null,
    problem_note: null,
    problem_at: null,
    escalation_level: null,
    handover_from: null,
    handover_to: null,
    handover_note: null,
    handover_from_ok: false,
    handover_to_ok: false,
    last_progress_at: null,
    completed_at: null,
    report: null,
    report_photo_ids: [],
    summary: null,
    summary_at: null,
    score: null,
    score_note: null,
    scored_by: null,
    scored_at: null,
    follow_up_id: null,
    updated_at: task.assigned_at,
  }
}

export interface Folded {
  task: Task
  followUps: FollowUp[]
  /** Events that did not fit, with why. */
  flagged: Map<string, TaskErrorKey>
}

/** Replays the facts over the task as assigned. */
export function foldTask(task: Task, events: readonly TaskEvent[]): Folded {
  let state: TaskState = { task: assignedState(task), followUps: new Map() }
  const flagged = new Map<string, TaskErrorKey>()
  for (const e of [...events].sort(byDeviceTime)) {
    const step = applyEvent(state, e)
    if (step.ok) state = step.state
    else flagged.set(e.id, step.reason)
  }
  return { task: state.task, followUps: [...state.followUps.values()], flagged }
}
