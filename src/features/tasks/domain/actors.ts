/**
 * Who may do what to a task. Roles hold per site (a grant with siteId null holds at every
 * site), as on the server (public.has_role_at). There is no department-head role yet, so
 * "the person above" an assignee is the task's giver (the assigner), then 行政部长 of the
 * task's site, then 执行长; a department's task is seen and accepted by its members.
 */
import type { EscalationLevel, Task } from './task'
import { E, type TaskErrorKey } from './fields'

export interface TaskActor {
  id: string
  grants: readonly { role: string; siteId: string | null }[]
  departmentId: string | null
}

export const holdsAt = (actor: TaskActor, role: string, siteId: string): boolean =>
  actor.grants.some((g) => g.role === role && (g.siteId === null || g.siteId === siteId))

export const isAdminHeadOf = (actor: TaskActor, siteId: string) => holdsAt(actor, 'admin_head', siteId)
export const isExecutive = (actor: TaskActor, siteId: string) => holdsAt(actor, 'executive', siteId)

/**
 * Who gives tasks (manual 1.2 node 2, "from the level directly above"): 行政部长, 执行长, and the
 * administration staff (行政人员: the keepers, the fleet manager, inspectors, the dorm manager)
 * of the site. A problem goes first to whoever gave the task; drivers, cleaners and other
 * employees carry tasks out but do not give them.
 */
export const ASSIGNER_ROLES = ['admin_head', 'executive', 'seal_keeper', 'asset_keeper', 'fleet_manager', 'inspector', 'dorm_manager'] as const

export const mayAssign = (actor: TaskActor, siteId: string) => ASSIGNER_ROLES.some((r) => holdsAt(actor, r, siteId))

/** The assigner's own level decides where a problem goes first (a step never lands on the person who gave the task and its level). */
export function assignerLevel(actor: TaskActor, siteId: string): EscalationLevel {
  if (isExecutive(actor, siteId)) return 'executive'
  if (isAdminHeadOf(actor, siteId)) return 'admin_head'
  return 'supervisor'
}

/** The next level up, or null at the top (执行长). */
export function nextLevel(level: EscalationLevel): EscalationLevel | null {
  return level === 'supervisor' ? 'admin_head' : level === 'admin_head' ? 'executive' : null
}

/** Whether the actor handles a problem at this level (the assigner, the site's admin head, the executive). */
export function handlesLevel(task: Pick<Task, 'assigner_id' | 'site_id'>, level: EscalationLevel, actor: TaskActor): boolean {
  switch (level) {
    case 'supervisor':
      return actor.id === task.assigner_id
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
    isCoAssignee(task, actor) ||
    task.handover_to === actor.id ||
    inLine(task, actor)
  )
}

export type Permission = { ok: true } | { ok: false; reason: TaskErrorKey }
export const allow: Permission = { ok: true }
export const deny = (reason: TaskErrorKey): Permission => ({ ok: false, reason })
export { E }
