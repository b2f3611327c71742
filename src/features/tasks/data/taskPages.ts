/**
 * The long task lists a page at a time, soonest deadline first: the tasks I gave and my scope (an
 * admin head's or executive's sites, a department head's departments). An admin head sees the whole
 * site (20,000 tasks in the bench), so these never read every row: each status is a range of a
 * [<who>+status+due_on] index already in deadline order, `limit` rows from each, merged; then the
 * rows sharing the last deadline are completed, so a page is always an exact head of the whole
 * sorted list (byDue). The tab badges count open tasks from the same indexes without reading rows.
 */
import type { AdminFieldDb } from '@/platform/db'
import { MAX_KEY, MIN_KEY, type Collection, type IndexableType } from '@/platform/db/keys'
import type { TaskRow } from '@/platform/db/rows'
import { OPEN_STATUSES, TASK_STATUSES, type TaskActor, type TaskStatus } from '../domain'
import { byDue } from './taskReads'

export type ListFilter = 'open' | 'done' | 'all'
export type PagedTab = 'given' | 'scope'

export interface TaskPage {
  rows: TaskRow[]
  /** More rows may follow (a source filled its limit). */
  more: boolean
}

const statusesOf = (filter: ListFilter): readonly TaskStatus[] =>
  filter === 'open' ? OPEN_STATUSES : filter === 'done' ? TASK_STATUSES.filter((s) => !OPEN_STATUSES.includes(s)) : TASK_STATUSES

/** One list's rows of one status: in deadline order between two deadlines (a compound index range), or all of them unordered. */
interface Source {
  range?: (from: IndexableType, to: IndexableType) => Collection<TaskRow, string>
  all?: () => Collection<TaskRow, string>
}

/** Every site on the device when a grant holds at every site (site_id null). */
async function headSites(database: AdminFieldDb, actor: TaskActor): Promise<string[]> {
  const grants = actor.grants.filter((g) => g.role === 'admin_head' || g.role === 'executive')
  if (grants.some((g) => g.siteId === null)) return (await database.sites.toArray()).filter((s) => !s.deleted_at).map((s) => s.id)
  return [...new Set(grants.map((g) => g.siteId as string))]
}

async function sourcesOf(database: AdminFieldDb, actor: TaskActor, tab: PagedTab, statuses: readonly TaskStatus[]): Promise<Source[]> {
  const t = database.tasks
  if (tab === 'given') {
    return statuses.map((s) => ({ range: (from, to) => t.where('[assigner_id+status+due_on]').between([actor.id, s, from], [actor.id, s, to], true, true) }))
  }
  const sites = await headSites(database, actor)
  const sources: Source[] = sites.flatMap((site) =>
    statuses.map((s): Source => ({ range: (from, to) => t.where('[site_id+status+due_on]').between([site, s, from], [site, s, to], true, true) })),
  )
  // A department head's departments (outside the sites already listed): a department's tasks are few, read whole.
  const departments = await headedOutside(database, actor, sites)
  if (departments.length > 0) sources.push({ all: () => t.where('[department_id+status]').anyOf(departments.flatMap((d) => statuses.map((s) => [d, s]))) })
  return sources
}

async function headedOutside(database: AdminFieldDb, actor: TaskActor, sites: readonly string[]): Promise<string[]> {
  const headOf = actor.headOf ?? []
  if (headOf.length === 0) return []
  const rows = await database.departments.bulkGet([...headOf])
  return rows.filter((d) => d && !d.deleted_at && !sites.includes(d.site_id)).map((d) => d!.id)
}

/**
 * The first `limit` tasks of the tab (and every task sharing the last one's deadline), filtered by
 * status and by a text in the title, soonest deadline first.
 */
export async function taskPage(database: AdminFieldDb, actor: TaskActor, tab: PagedTab, filter: ListFilter, search: string, limit: number): Promise<TaskPage> {
  const q = search.trim()
  const keep = (r: TaskRow) => !r.deleted_at && (q === '' || r.title.includes(q))
  const sources = await sourcesOf(database, actor, tab, statusesOf(filter))
  let more = false
  const lists = await Promise.all(
    sources.map(async (src) => {
      if (src.all) return src.all().filter(keep).toArray()
      // Without a search, one getAll of `limit` rows; a filtered read walks a cursor row by row (a
      // tombstone, which no op makes, sends it there too so the page stays an exact head).
      const whole = q === '' ? await src.range!(MIN_KEY, MAX_KEY).limit(limit).toArray() : null
      const rows = whole && whole.every(keep) ? whole : await src.range!(MIN_KEY, MAX_KEY).filter(keep).limit(limit).toArray()
      if (rows.length === limit) more = true
      return rows
    }),
  )
  const byId = new Map<string, TaskRow>()
  for (const list of lists) for (const r of list) byId.set(r.id, r)
  const head = [...byId.values()].sort(byDue).slice(0, limit)
  const last = head.at(-1)?.due_on
  if (last === undefined) return { rows: [], more: false }
  // Rows due the same day as the last one, from sources that stopped at their limit.
  const ties = await Promise.all(sources.filter((s) => s.range).map((s) => s.range!(last, last).toArray().then((list) => list.filter(keep))))
  for (const list of ties) for (const r of list) byId.set(r.id, r)
  const rows = [...byId.values()].filter((r) => r.due_on <= last).sort(byDue)
  return { rows, more: more || byId.size > rows.length }
}

/** Open tasks of the tab, counted from the indexes (a tombstoned task, which no op makes, would count). */
export async function openCount(database: AdminFieldDb, actor: TaskActor, tab: PagedTab): Promise<number> {
  const sources = await sourcesOf(database, actor, tab, OPEN_STATUSES)
  const counts = await Promise.all(sources.map((s) => (s.range ? s.range(MIN_KEY, MAX_KEY).count() : s.all!().count())))
  return counts.reduce((a, b) => a + b, 0)
}
