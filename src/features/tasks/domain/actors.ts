/**
 * Who may do what to a task. Roles hold per site (a grant with siteId null holds at every
 * site), as on the server (public.has_role_at). "The person above" an assignee is the task's
 * giver (the assigner), then the head of the task's department (部门负责人: departments.head_id,
 * a person, not a role), then 行政部长 of the task's site, then 执行长; a department's task is
 * seen and accepted by its members, and seen by its head.
 */
import { ESCALATION_LEVELS, type AssignerLevel, type EscalationLevel, type Task } from './task'
import { E, type TaskErrorKey } from './fields'

export interface TaskActor {
  id: string
  grants: readonly { role: string; siteId: string | null }[]
  departmentId: string | null
  /** The departments this person heads (departments.head_id); absent = none. */
  headOf?: readonly string[]
}

export const holdsAt = (actor: TaskActor, role: string, siteId: string): boolean =>
  actor.grants.some((g) => g.role === role && (g.siteId === null || g.siteId === siteId))

export const isAdminHeadOf = (actor: TaskActor, siteId: string) => holdsAt(actor, 'admin_head', siteId)
export const isExecutive = (actor: TaskActor, siteId: string) => holdsAt(actor, 'executive', siteId)
/** The head of the task's department (a task given to nobody's department has none). */
export const isDepartmentHeadOf = (actor: TaskActor, departmentId: string | null) =>
  departmentId !== null && (actor.headOf ?? []).includes(departmentId)

/**
 * Who gives tasks (manual 1.2 node 2, "from the level directly above"): 行政部长, 执行长, and the
 * administration staff (行政人员: the keepers, the fleet manager, inspectors, the dorm manager)
 * of the site. A problem goes first to whoever gave the task; drivers, cleaners and other
 * employees carry tasks out but do not give them.
 */
export const ASSIGNER_ROLES = ['admin_head', 'executive', 'seal_keeper', 'asset_keeper', 'fleet_manager', 'inspector', 'dorm_manager'] as const

export const mayAssign = (actor: TaskActor, siteId: string) => ASSIGNER_ROLES.some((r) => holdsAt(actor, r, siteId))

/** The assigner's own level decides where a problem goes first (a step never lands on the person who gave the task and its level). */
export function assignerLevel(actor: TaskActor, siteId: string): AssignerLevel {
  if (isExecutive(actor, siteId)) return 'executive'
  if (isAdminHeadOf(actor, siteId)) return 'admin_head'
  return 'supervisor'
}

/** The next level up, or null at the top (执行长); `withHead`: whether the department-head step is taken. */
export function nextLevel(level: EscalationLevel, withHead = true): EscalationLevel | null {
  switch (level) {
    case 'supervisor':
      return withHead ? 'department_head' : 'admin_head'
    case 'department_head':
      return 'admin_head'
    case 'admin_head':
      return 'executive'
    case 'executive':
      return null
  }
}

export const levelRank = (level: EscalationLevel) => ESCALATION_LEVELS.indexOf(level)

/**
 * Where an escalation from the problem's level goes (the escalate fact records it): one level up,
 * past the department head's step when it has nobody else to reach — the department has no head,
 * or its head is the one who gave the task or the one carrying it out. The server decides the same
 * (private.sync_apply_task_act) from departments.head_id; null at the top.
 */
export function escalationTarget(
  task: Pick<Task, 'escalation_level' | 'assigner_id' | 'assignee_id'>,
  departmentHeadId: string | null,
): EscalationLevel | null {
  if (task.escalation_level === null) return null
  const head = departmentHeadId !== null && departmentHeadId !== task.assigner_id && departmentHeadId !== task.assignee_id
  return nextLevel(task.escalation_level, head)
}

/** Whether the actor handles a problem at this level (the assigner, the department's head, the site's admin head, the executive). */
export function handlesLevel(task: Pick<Task, 'assigner_id' | 'site_id' | 'department_id'>, level: EscalationLevel, actor: TaskActor): boolean {
  switch (level) {
    case 'supervisor':
      return actor.id === task.assigner_id
    case 'department_head':
      return isDepartmentHeadOf(actor, task.department_id)
    case 'admin_head':
      return isAdminHeadOf(actor, task.site_id)
    case 'executive':
      return isExecutive(actor, task.site_id)
  }
}

/** The task's line: the assigner, the site's admin head, the executive. */
export const inLine = (task: Pick<Task, 'assigner_id' | 'site_id'>, actor: TaskActor) =>
  actor.id === task.assigner_id || isAdminHeadOf(actor, task.site_id) || isExecutive(actor, task.site_id)

/** The person carrying it out; for a department's task nobody has taken yet, any of its members. */
export function isAssignee(task: Pick<Task, 'assignee_id' | 'department_id'>, actor: TaskActor): boolean {
  if (task.assignee_id !== null) return task.assignee_id === actor.id
  return task.department_id !== null && task.department_id === actor.departmentId
}

export const isCoAssignee = (task: Pick<Task, 'co_assignee_ids'>, actor: TaskActor) => task.co_assignee_ids.includes(actor.id)

/** Whether the person sees the task at all (mirrors the server's RLS on tasks). */
export function seesTask(task: Pick<Task, 'assignee_id' | 'department_id' | 'co_assignee_ids' | 'assigner_id' | 'site_id' | 'handover_to'>, actor: TaskActor): boolean {
  return (
    isAssignee(task, actor) ||
    isDepartmentHeadOf(actor, task.department_id) ||
    isCoAssignee(task, actor) ||
    task.handover_to === actor.id ||
    inLine(task, actor)
  )
}

export type Permission = { ok: true } | { ok: false; reason: TaskErrorKey }
export const allow: Permission = { ok: true }
export const deny = (reason: TaskErrorKey): Permission => ({ ok: false, reason })
export { E }
