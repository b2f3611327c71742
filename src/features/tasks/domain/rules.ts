/**
 * Who may record which fact, before the state machine decides whether it fits. The server's
 * sync_apply functions refuse the same people ('forbidden'); the page shows only the acts
 * `availableActs` lists (permitted AND fitting the current state).
 */
import { E, allow, deny, handlesLevel, inLine, isAdminHeadOf, isAssignee, isCoAssignee, isExecutive, levelRank, type Permission, type TaskActor } from './actors'
import type { TaskEvent, TaskEventType } from './events'
import type { FollowUp } from './followUp'
import { applyEvent, type TaskState } from './machine'
import { ESCALATION_LEVELS, type Task } from './task'

/** Whether the actor may record this kind of fact on the task (not whether it fits its state). */
export function mayAct(task: Task, type: TaskEventType, actor: TaskActor, followUp?: FollowUp | null): Permission {
  switch (type) {
    case 'accept':
    case 'raise':
    case 'complete':
    case 'summary':
      return isAssignee(task, actor) ? allow : deny(E.notAssignee)
    case 'progress':
      return isAssignee(task, actor) || isCoAssignee(task, actor) ? allow : deny(E.notAssignee)
    case 'escalate':
    case 'resolve':
      // Whoever handles the problem now, or anyone above them (never below).
      return task.escalation_level !== null && handlesAtOrAbove(task, actor) ? allow : deny(E.notHandler)
    case 'handover':
    case 'cancel':
      return inLine(task, actor) ? allow : deny(E.notAllowed)
    case 'handover_confirm':
      return actor.id === task.handover_from || actor.id === task.handover_to ? allow : deny(E.notHandoverParty)
    case 'score':
      return isAdminHeadOf(actor, task.site_id) ? allow : deny(E.notAllowed)
    case 'follow_up':
      return isAdminHeadOf(actor, task.site_id) || isExecutive(actor, task.site_id) ? allow : deny(E.notAllowed)
    case 'remind':
      if (!followUp) return deny(E.noFollowUp)
      return followUp.officer_id === actor.id || isAdminHeadOf(actor, task.site_id) ? allow : deny(E.notAllowed)
    case 'review':
      return isAdminHeadOf(actor, task.site_id) || isExecutive(actor, task.site_id) ? allow : deny(E.notAllowed)
  }
}

/** The problem's current level or any level above it. */
function handlesAtOrAbove(task: Task, actor: TaskActor): boolean {
  const level = task.escalation_level
  if (level === null) return false
  return ESCALATION_LEVELS.some((l) => levelRank(l) >= levelRank(level) && handlesLevel(task, l, actor))
}

/** Whether this actor is the one the problem waits on now (Home's 'problems' list, the escalate button). */
export const handlesNow = (task: Task, actor: TaskActor): boolean =>
  task.status === 'problem' && task.escalation_level !== null && handlesLevel(task, task.escalation_level, actor)

const TASK_BUTTONS = ['accept', 'raise', 'progress', 'complete', 'summary', 'escalate', 'resolve', 'handover', 'handover_confirm', 'score', 'cancel', 'follow_up'] as const
export type TaskButton = (typeof TASK_BUTTONS)[number]

/** Sample payloads that let the state machine say whether an act fits now. */
const PROBE: Record<TaskButton, Record<string, unknown>> = {
  accept: {},
  raise: { note: '-' },
  progress: { note: '-' },
  complete: { report: '-' },
  summary: { summary: '-' },
  escalate: {},
  resolve: { note: '-' },
  handover: { to_id: '\u0000probe', note: '-' },
  handover_confirm: {},
  score: { score: 0 },
  cancel: { note: '-' },
  follow_up: { follow_up_id: '\u0000probe', officer_id: '-', reason: 'late', instructions: '-' },
}

/** The acts the page offers this person now: permitted, and fitting the task's state. */
export function availableActs(state: TaskState, actor: TaskActor, at: string): TaskButton[] {
  return TASK_BUTTONS.filter((type) => {
    if (!mayAct(state.task, type, actor).ok) return false
    // Escalating is for the one who handles it now; those above resolve (or escalate from their own level).
    if (type === 'escalate' && !handlesNow(state.task, actor)) return false
    const probe: TaskEvent = { id: '\u0000probe', task_id: state.task.id, type, actor_id: actor.id, device_time: at, data: PROBE[type], flagged: false }
    return applyEvent(state, probe).ok
  })
}
