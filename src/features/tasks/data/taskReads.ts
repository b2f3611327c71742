/**
 * Reading tasks on the device: the lists a person sees (mirroring the server's RLS, so local
 * mode shows the same), one task with its timeline and 督办 sheets, the ledger's sheets.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { FollowUpRow, TaskEventRow, TaskRow } from '@/platform/db/rows'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { holdsAt, type TaskActor } from '../domain'

const live = <T extends { deleted_at?: string | null }>(rows: T[]): T[] => rows.filter((r) => !r.deleted_at)

/** Soonest deadline first, then the newest assignment. */
export const byDue = (a: TaskRow, b: TaskRow) => (a.due_on !== b.due_on ? (a.due_on < b.due_on ? -1 : 1) : b.assigned_at.localeCompare(a.assigned_at))

/** Tasks the person carries out or takes part in: assignee, co-assignee, handover's new side, officer, their department's untaken tasks. */
export async function tasksForPerson(database: AdminFieldDb, actor: TaskActor): Promise<TaskRow[]> {
  const t = database.tasks
  const lists = await Promise.all([
    t.where('assignee_id').equals(actor.id).toArray(),
    t.where('co_assignee_ids').equals(actor.id).toArray(),
    t.where('handover_to').equals(actor.id).toArray(),
    t.where('officer_id').equals(actor.id).toArray(),
    actor.departmentId ? t.where('department_id').equals(actor.departmentId).filter((r) => r.assignee_id === null).toArray() : Promise.resolve([]),
  ])
  const byId = new Map<string, TaskRow>()
  for (const list of lists) for (const row of list) byId.set(row.id, row)
  return live([...byId.values()])
}

/** Tasks the person gave. */
export async function tasksGivenBy(database: AdminFieldDb, userId: string): Promise<TaskRow[]> {
  return live(await database.tasks.where('assigner_id').equals(userId).toArray())
}

/** The departments the person heads (departments.head_id), for their scope and the problems at their level. */
export async function departmentsHeadedBy(database: AdminFieldDb, userId: string): Promise<string[]> {
  return (await database.departments.toArray()).filter((d) => !d.deleted_at && d.head_id === userId).map((d) => d.id)
}

/** Every task of the sites where the person is admin head or executive, and of the departments they head (their scope). */
export async function tasksInScope(database: AdminFieldDb, actor: TaskActor): Promise<TaskRow[]> {
  const heads = actor.grants.filter((g) => g.role === 'admin_head' || g.role === 'executive')
  if (heads.length === 0) return tasksOfDepartments(database, actor.headOf ?? [])
  const rows = heads.some((g) => g.siteId === null)
    ? await database.tasks.toArray()
    : await database.tasks.where('site_id').anyOf(heads.map((g) => g.siteId as string)).toArray()
  const sites = live(rows).filter((r) => holdsAt(actor, 'admin_head', r.site_id) || holdsAt(actor, 'executive', r.site_id))
  const seen = new Set(sites.map((r) => r.id))
  return [...sites, ...(await tasksOfDepartments(database, actor.headOf ?? [])).filter((r) => !seen.has(r.id))]
}

async function tasksOfDepartments(database: AdminFieldDb, departmentIds: readonly string[]): Promise<TaskRow[]> {
  return departmentIds.length === 0 ? [] : live(await database.tasks.where('department_id').anyOf([...departmentIds]).toArray())
}

/**
 * Every 督办 sheet on the device (the ledger) with its tasks. A task with a sheet names its current
 * one (follow_up_id; a later sheet replaces it, never nothing), so the tasks are one range read of
 * that index, side by side with the sheets, rather than one get per sheet after them.
 */
export async function followUpsWithTasks(database: AdminFieldDb): Promise<{ followUps: FollowUpRow[]; tasks: Map<string, TaskRow> }> {
  const [sheets, rows] = await database.transaction('r', [database.follow_ups, database.tasks], () =>
    Promise.all([database.follow_ups.toArray(), database.tasks.where('follow_up_id').above('').toArray()]),
  )
  const followUps = live(sheets)
  const tasks = new Map<string, TaskRow>()
  for (const r of rows) if (!r.deleted_at) tasks.set(r.id, r)
  // A sheet whose task does not name it yet (pulled in between): fetched by id.
  const missing = [...new Set(followUps.map((f) => f.task_id))].filter((id) => !tasks.has(id))
  if (missing.length > 0) for (const r of await database.tasks.bulkGet(missing)) if (r && !r.deleted_at) tasks.set(r.id, r)
  return { followUps, tasks }
}

export interface TaskDetail {
  task: TaskRow
  events: TaskEventRow[]
  followUps: FollowUpRow[]
}

export async function loadTaskDetail(database: AdminFieldDb, id: string): Promise<TaskDetail | null> {
  const task = await database.tasks.get(id)
  if (!task || task.deleted_at) return null
  const [events, followUps] = await Promise.all([
    database.task_events.where('[task_id+device_time]').between([id, ''], [id, '\uffff']).toArray(),
    database.follow_ups.where('task_id').equals(id).toArray(),
  ])
  return { task, events: live(events), followUps: live(followUps) }
}

export interface Person {
  id: string
  name: string
  departmentId: string | null
  siteId: string | null
}

export interface Names {
  people: Map<string, string>
  /** Everyone on the device, for the assign form's pickers. */
  profiles: Person[]
  /** headId: the department's head (部门负责人), the level above the task's giver. */
  departments: Map<string, { name: string; siteId: string; headId: string | null }>
  sites: Map<string, string>
  timeZone: string
}

/** Names on rows (people, departments, sites) and the company time zone. */
export async function loadNames(database: AdminFieldDb): Promise<Names> {
  const [profiles, departments, sites, company] = await Promise.all([
    database.profiles.toArray(),
    database.departments.toArray(),
    database.sites.toArray(),
    database.company.toArray(),
  ])
  return {
    people: new Map(live(profiles).map((p) => [p.id, p.display_name])),
    profiles: live(profiles).map((p) => ({ id: p.id, name: p.display_name, departmentId: p.department_id, siteId: p.site_id })),
    departments: new Map(live(departments).map((d) => [d.id, { name: d.name, siteId: d.site_id, headId: d.head_id ?? null }])),
    sites: new Map(live(sites).map((s) => [s.id, s.name])),
    timeZone: company.find((c) => !c.deleted_at)?.timezone ?? DEFAULT_TIME_ZONE,
  }
}
