/**
 * The bell's own read: only the tasks and 督办 sheets that can ring it, each found by an index,
 * instead of every task this person sees (an admin head sees the whole site: 20,000 rows). Urgent
 * inbox items (domain/inbox.ts) come only from:
 *   - my tasks (assignee_id = me) open, or done without a summary        → [assignee_id+status]
 *     (a handover waiting on its old side is still the old assignee's)
 *   - my department's untaken tasks waiting to be accepted                → [department_id+status]
 *   - handovers coming to me                                              → handover_to
 *   - problems at my level: those I gave (the person above), my departments'
 *     when I head one, and at the admin head's or the executive's level
 *     when I hold that role                                                → [assigner_id+status], [department_id+status],
 *                                                                           [status+escalation_level]
 *   - 督办 sheets: on my tasks, those I am the officer of, and every open
 *     one at an admin head's sites (reminders to give)                     → follow_ups officer_id / status
 *     with their tasks: open ones that have a sheet, by index, not one get
 *     per sheet (only the few left, a done task's sheet waiting for review) → [status+follow_up_id]
 *   - overdue tasks gone up the line to my level (domain/lateEscalation.ts),
 *     when the calendar is known: those I gave, my departments', my sites'
 *     as admin head or executive, each within the due days that level
 *     covers (lateDueRange)                                                → [assigner_id+status+due_on],
 *                                                                           [department_id+status], [site_id+status+due_on]
 * so the bell's count over these equals the count over everything (tests/unit/tasks-data/bell.test.ts).
 */
import { MAX_KEY, MIN_KEY } from '@/platform/db/keys'
import type { AdminFieldDb } from '@/platform/db'
import type { FollowUpRow, TaskRow } from '@/platform/db/rows'
import type { CompanyCalendar } from '@/shared/lib/calendar'
import type { CalendarDate } from '@/shared/lib/zonedTime'
import { LATE_STATUSES, OPEN_STATUSES, holdsAt, lateDueRange, type TaskActor } from '../domain'

const MINE: readonly TaskRow['status'][] = ['assigned', 'accepted', 'problem', 'handover', 'completed', 'scored']

export interface BellInput {
  tasks: TaskRow[]
  followUps: FollowUpRow[]
  /** The person with the departments they head (the inbox needs them for the department head's level). */
  actor: TaskActor
  /** Every department's head, for the late tasks' department-head level (InboxInput.departmentHeads). */
  departmentHeads: Map<string, string | null>
}

/** The calendar and the company's today: with them the read also finds the overdue tasks gone up to this person's level. */
export interface LateRead {
  calendar: CompanyCalendar
  today: CalendarDate
}

const holdsAnywhere = (actor: TaskActor, role: string) => actor.grants.some((g) => g.role === role)

/**
 * A small index range read whole (IndexedDB's getAll) and filtered here: Dexie's Collection.filter
 * walks a cursor, one request per row, and the requests of one transaction run one after another.
 */
const keep = <T>(rows: Promise<T[]>, test: (row: T) => boolean): Promise<T[]> => rows.then((list) => list.filter(test))

/** In one read transaction: a dozen small index reads, not a dozen transactions. */
export function bellInput(database: AdminFieldDb, actor: TaskActor, late: LateRead | null = null): Promise<BellInput> {
  return database.transaction('r', [database.tasks, database.follow_ups, database.departments, database.sites], () => read(database, actor, false, late))
}

/**
 * The reminder centre's read: the bell's, plus what is listed without ringing — tasks completed at
 * an admin head's sites (to score, [site_id+status+due_on]) and 督办 sheets reviewed (for the
 * executive to approve) with their tasks — so its inbox equals the inbox over every task the
 * person sees (tests/unit/tasks-data/bell.test.ts) without reading them all.
 */
export function inboxRead(database: AdminFieldDb, actor: TaskActor, late: LateRead | null = null): Promise<BellInput> {
  return database.transaction('r', [database.tasks, database.follow_ups, database.departments, database.sites], () => read(database, actor, true, late))
}

/** The sites where the person holds the role (a grant with site null: every site on the device). */
async function sitesWith(database: AdminFieldDb, actor: TaskActor, role: string, all: () => Promise<string[]>): Promise<string[]> {
  const grants = actor.grants.filter((g) => g.role === role)
  if (grants.length === 0) return []
  return grants.some((g) => g.siteId === null) ? all() : [...new Set(grants.map((g) => g.siteId as string))]
}

/** Overdue tasks that may stand at this person's level today (a superset: the inbox decides). */
async function lateCandidates(database: AdminFieldDb, actor: TaskActor, headOf: readonly string[], late: LateRead): Promise<TaskRow[]> {
  const t = database.tasks
  let siteList: Promise<string[]> | null = null
  const allSites = () => (siteList ??= database.sites.toArray().then((rows) => rows.filter((r) => !r.deleted_at).map((r) => r.id)))
  const range = async (leftAfter: number | null, sites?: readonly string[]) => lateDueRange(late.calendar, late.today, sites ?? (await allSites()), leftAfter)
  // The giver's level is the first (left after 2 steps), the department head's the second (after 3),
  // the admin head's at most the third (after 4); the executive's is the top (never left).
  const given = async () => {
    const { from, upTo } = await range(2)
    return Promise.all(LATE_STATUSES.map((s) => t.where('[assigner_id+status+due_on]').between([actor.id, s, from], [actor.id, s, upTo], true, true).toArray()))
  }
  const departments = async () => {
    if (headOf.length === 0) return []
    const { from, upTo } = await range(3)
    const rows = await t.where('[department_id+status]').anyOf(headOf.flatMap((d) => LATE_STATUSES.map((s) => [d, s]))).toArray()
    return [rows.filter((r) => r.due_on >= (from ?? '') && r.due_on <= upTo)]
  }
  const atSites = async (role: 'admin_head' | 'executive', leftAfter: number | null) => {
    const sites = await sitesWith(database, actor, role, allSites)
    if (sites.length === 0) return []
    const { from, upTo } = await range(leftAfter, sites)
    return Promise.all(
      sites.flatMap((site) => LATE_STATUSES.map((s) => t.where('[site_id+status+due_on]').between([site, s, from ?? MIN_KEY], [site, s, upTo], true, true).toArray())),
    )
  }
  const lists = await Promise.all([given(), departments(), atSites('admin_head', 4), atSites('executive', null)])
  return lists.flat(2)
}

async function completedAtHeadSites(database: AdminFieldDb, actor: TaskActor): Promise<TaskRow[]> {
  const grants = actor.grants.filter((g) => g.role === 'admin_head')
  if (grants.length === 0) return []
  const sites = grants.some((g) => g.siteId === null)
    ? (await database.sites.toArray()).map((s) => s.id)
    : [...new Set(grants.map((g) => g.siteId as string))]
  const lists = await Promise.all(
    sites.map((site) => database.tasks.where('[site_id+status+due_on]').between([site, 'completed', MIN_KEY], [site, 'completed', MAX_KEY], true, true).toArray()),
  )
  return lists.flat()
}

async function read(database: AdminFieldDb, person: TaskActor, whole: boolean, late: LateRead | null): Promise<BellInput> {
  const t = database.tasks
  const departments = (await database.departments.toArray()).filter((d) => !d.deleted_at)
  const departmentHeads = new Map(departments.map((d) => [d.id, d.head_id ?? null]))
  const headOf = departments.filter((d) => d.head_id === person.id).map((d) => d.id)
  const actor: TaskActor = headOf.length > 0 ? { ...person, headOf } : person
  const none = Promise.resolve([] as TaskRow[])
  const level = (role: 'admin_head' | 'executive') =>
    holdsAnywhere(actor, role) ? keep(t.where('[status+escalation_level]').equals(['problem', role]).toArray(), (r) => holdsAt(actor, role, r.site_id)) : none
  const head = holdsAnywhere(actor, 'admin_head')
  const [mine, department, handovers, given, atDepartmentHead, atHead, atExecutive, officerSheets, headSheets, sheetTasks, toScore, reviewed, overdue] = await Promise.all([
    t.where('[assignee_id+status]').anyOf(MINE.map((s) => [actor.id, s])).toArray(),
    actor.departmentId ? keep(t.where('[department_id+status]').equals([actor.departmentId, 'assigned']).toArray(), (r) => r.assignee_id === null) : none,
    keep(t.where('handover_to').equals(actor.id).toArray(), (r) => r.status === 'handover'),
    t.where('[assigner_id+status]').equals([actor.id, 'problem']).toArray(),
    headOf.length > 0
      ? keep(t.where('[department_id+status]').anyOf(headOf.map((d) => [d, 'problem'])).toArray(), (r) => r.escalation_level === 'department_head')
      : none,
    level('admin_head'),
    level('executive'),
    keep(database.follow_ups.where('officer_id').equals(actor.id).toArray(), (f) => f.status === 'open'),
    head ? database.follow_ups.where('status').equals('open').toArray() : Promise.resolve([] as FollowUpRow[]),
    head ? Promise.all(OPEN_STATUSES.map((s) => t.where('[status+follow_up_id]').between([s, MIN_KEY], [s, MAX_KEY], true, true).toArray())).then((l) => l.flat()) : none,
    whole ? completedAtHeadSites(database, actor) : none,
    whole && holdsAnywhere(actor, 'executive') ? database.follow_ups.where('status').equals('reviewed').toArray() : Promise.resolve([] as FollowUpRow[]),
    late ? lateCandidates(database, actor, headOf, late) : none,
  ])
  const byId = new Map<string, TaskRow>()
  for (const list of [mine, department, handovers, given, atDepartmentHead, atHead, atExecutive, sheetTasks, toScore, overdue]) for (const r of list) if (!r.deleted_at) byId.set(r.id, r)
  const sheets = new Map<string, FollowUpRow>()
  for (const f of [...officerSheets, ...headSheets, ...reviewed]) sheets.set(f.id, f)
  const mySheetIds = mine.map((r) => r.follow_up_id).filter((id): id is string => id !== null && !sheets.has(id))
  for (const f of await database.follow_ups.bulkGet(mySheetIds)) if (f) sheets.set(f.id, f)
  const missing = [...new Set([...sheets.values()].map((f) => f.task_id))].filter((id) => !byId.has(id))
  for (const r of await t.bulkGet(missing)) if (r && !r.deleted_at) byId.set(r.id, r)
  return { tasks: [...byId.values()], followUps: [...sheets.values()].filter((f) => !f.deleted_at), actor, departmentHeads }
}
