// The long task lists a page at a time (data/taskPages.ts): each page is exactly the head of the whole
// list as it was read before (every task of the scope, filtered, sorted byDue) — across several sites,
// statuses and many tasks sharing a deadline — and the tab badges count what the whole list counts.
import { beforeAll, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { TaskRow } from '@/platform/db/rows'
import { isOpen, type Task, type TaskActor } from '@/features/tasks/domain'
import { byDue, tasksGivenBy, tasksInScope } from '@/features/tasks/data/taskReads'
import { openCount, taskPage, type ListFilter } from '@/features/tasks/data/taskPages'
import { addDays } from '@/shared/lib/zonedTime'
import { freshDb } from '../features/testDb'
import { DEPT, OTHER_SITE, SITE, adminHead, alice, bob, executive, makeTask, staff } from '../tasks-domain/fixtures'

const STATUSES: Task['status'][] = ['assigned', 'accepted', 'problem', 'handover', 'completed', 'scored', 'cancelled']
const OTHER_DEPT = '0d000000-0000-4000-8000-000000000009'
let db: AdminFieldDb

beforeAll(async () => {
  db = freshDb()
  const rows: TaskRow[] = []
  for (let n = 1; n <= 400; n++) {
    const id = `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    const site = n % 4 === 0 ? OTHER_SITE : SITE
    const base = { ...makeTask(n % 2 ? staff : adminHead, { id, department_id: n % 5 === 0 ? OTHER_DEPT : DEPT, title: `任务 ${n}` }), site_id: site }
    rows.push({
      ...(base as unknown as TaskRow),
      status: STATUSES[(n * 7) % STATUSES.length]!,
      // Few distinct deadlines: many tasks share one, so pages end inside a day.
      due_on: addDays('2026-03-01', n % 9),
      assigned_at: new Date(Date.UTC(2026, 1, 1) + n * 3_600_000).toISOString(),
      deleted_at: n % 97 === 0 ? '2026-03-02T00:00:00Z' : null,
      officer_id: null,
    })
  }
  await db.tasks.bulkAdd(rows)
  await db.sites.bulkAdd([SITE, OTHER_SITE].map((id, i) => ({ id, code: `S${i}`, name: `厂区${i}`, updated_at: '2026-03-01T00:00:00Z', deleted_at: null })))
  await db.departments.add({ id: OTHER_DEPT, site_id: OTHER_SITE, code: 'QA', name: '质检部', head_id: bob.id, updated_at: '2026-03-01T00:00:00Z', deleted_at: null })
})

const keepOf = (filter: ListFilter, q: string) => (r: TaskRow) =>
  (filter === 'all' || (filter === 'open') === isOpen(r.status)) && (q === '' || r.title.includes(q))

describe('a page of a long task list', () => {
  const siteHead: TaskActor = adminHead
  const everywhere: TaskActor = executive
  const deptHead: TaskActor = { ...bob, headOf: [OTHER_DEPT] }

  it('is the head of the whole sorted list, ties on the last deadline included', async () => {
    for (const [who, tab, whole] of [
      ['site admin head', siteHead, () => tasksInScope(db, siteHead)],
      ['executive (every site)', everywhere, () => tasksInScope(db, everywhere)],
      ['department head', deptHead, () => tasksInScope(db, deptHead)],
      ['the giver', staff, () => tasksGivenBy(db, staff.id)],
    ] as const) {
      const all = (await whole()).sort(byDue)
      for (const filter of ['open', 'done', 'all'] as const)
        for (const q of ['', '7'])
          for (const limit of [5, 13, 1000]) {
            const expected = all.filter(keepOf(filter, q))
            const page = await taskPage(db, tab, who === 'the giver' ? 'given' : 'scope', filter, q, limit)
            const label = `${who} ${filter} "${q}" ${limit}`
            expect(page.rows.length, label).toBeGreaterThanOrEqual(Math.min(limit, expected.length))
            expect(page.rows.map((r) => r.id), label).toEqual(expected.slice(0, page.rows.length).map((r) => r.id))
            expect(page.more, label).toBe(page.rows.length < expected.length)
            // A page ends with its whole last day.
            const last = page.rows.at(-1)?.due_on
            if (last) expect(expected.filter((r) => r.due_on === last).every((r) => page.rows.some((p) => p.id === r.id)), label).toBe(true)
          }
    }
  })

  it('counts the open tasks for the badge without reading them', async () => {
    // The device holds no tombstoned task in practice (no op deletes one); the whole list skips them.
    const tombstones = (rows: TaskRow[]) => rows.length
    const openOf = (rows: TaskRow[]) => rows.filter((r) => isOpen(r.status)).length
    const deleted = await db.tasks.filter((r) => !!r.deleted_at && isOpen(r.status)).toArray()
    const siteDeleted = deleted.filter((r) => r.site_id === SITE)
    expect(await openCount(db, siteHead, 'scope')).toBe(openOf(await tasksInScope(db, siteHead)) + tombstones(siteDeleted))
    expect(await openCount(db, deptHead, 'scope')).toBe(openOf(await tasksInScope(db, deptHead)) + tombstones(deleted.filter((r) => r.department_id === OTHER_DEPT)))
    expect(await openCount(db, staff, 'given')).toBe(openOf(await tasksGivenBy(db, staff.id)) + tombstones(deleted.filter((r) => r.assigner_id === staff.id)))
    expect(await openCount(db, alice, 'scope')).toBe(0)
  })
})
