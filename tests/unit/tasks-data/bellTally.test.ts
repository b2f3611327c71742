/**
 * The bell's tally (data/bellTally.ts) kept up to date task by task equals the bell counted again
 * from everything on the device (the inbox over every task and 督办 sheet), after generated writes:
 * new tasks, status changes and problems at every escalation level, reassignments (to a person, to a
 * department, between departments), deadline moves, handovers, deletes (soft and hard), 督办 sheets
 * opened, reminded (levels 1–3, next days), reviewed and deleted, writes of both in one transaction,
 * a sync's bulk page, a department's new head; and across the company's midnight and role switches.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { DepartmentRow, FollowUpRow, TaskRow } from '@/platform/db/rows'
import { bellCount, inboxFor, newFollowUp, type Task, type TaskActor } from '@/features/tasks/domain'
import { tallyBell, type BellTally } from '@/features/tasks/data/bellTally'
import { followUpOf, taskOf } from '@/features/tasks/data/rows'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar, type StatutoryDays } from '@/shared/lib/calendar'
import { addDays } from '@/shared/lib/zonedTime'
import { freshDb } from '../features/testDb'
import { DEPT, OTHER_SITE, SITE, TZ, adminHead, alice, bob, carol, executive, makeTask, officer, otherAdminHead, staff } from '../tasks-domain/fixtures'

const START = Date.parse('2026-03-13T04:00:00Z') // Friday 13 March, noon in Shanghai
const DAY = 86_400_000
const STATUSES: Task['status'][] = ['assigned', 'accepted', 'problem', 'handover', 'completed', 'scored', 'cancelled']
const LEVELS = ['supervisor', 'department_head', 'admin_head', 'executive'] as const
const PEOPLE = [alice, bob, carol, officer, staff] as const
const GIVERS = [staff, adminHead, executive] as const
const DEPTS = [DEPT, '0d000000-0000-4000-8000-000000000001', '0d000000-0000-4000-8000-000000000003'] as const
const STEPS = 90
const ACTORS: TaskActor[] = [alice, bob, carol, officer, staff, adminHead, otherAdminHead, executive]

/** A seeded generator: the same sequence every run (a failure can be replayed). */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!
  return { next, int, pick }
}
type Random = ReturnType<typeof random>

let statutory: StatutoryDays
let cal: CompanyCalendar
let db: AdminFieldDb
let clock = START
let serial = 0
const tallies: BellTally[] = []

beforeAll(async () => {
  statutory = await loadStatutoryDays()
  cal = makeCalendar(statutory)
})
afterEach(() => tallies.splice(0).forEach((t) => t.stop()))

const uuid = (prefix: string) => `${prefix}-0000-4000-8000-${String(++serial).padStart(12, '0')}`
const at = () => new Date(clock - 2 * 3_600_000).toISOString()

/** A task in a state the app can reach (a handover's old side is its assignee; a problem has a level). */
function makeRow(r: Random, id = uuid('f0000000')): TaskRow {
  const by = r.pick(GIVERS)
  const who = r.next() < 0.15 ? null : r.pick(PEOPLE)
  const base = makeTask(by, { id, assignee_id: who?.id ?? null, department_id: r.pick(DEPTS) })
  // Some at the other site (given there by the executive's grant, which holds at every site).
  const site_id = r.next() < 0.85 ? SITE : OTHER_SITE
  return { ...reshape(r, base as unknown as TaskRow, r.pick(STATUSES)), site_id, due_on: addDays('2026-03-13', r.int(40) - 30), officer_id: null }
}

/** The row moved to `status` with the fields that go with it. */
function reshape(r: Random, row: TaskRow, status: Task['status']): TaskRow {
  const done = status === 'completed' || status === 'scored'
  const assignee = row.assignee_id ?? (status === 'assigned' ? null : r.pick(PEOPLE).id)
  return {
    ...row,
    status,
    assignee_id: assignee,
    completed_at: done ? new Date(clock - r.int(8) * DAY).toISOString() : null,
    summary: done && r.next() < 0.5 ? '总结' : null,
    escalation_level: status === 'problem' ? r.pick(LEVELS) : null,
    handover_from: status === 'handover' ? assignee : null,
    handover_to: status === 'handover' ? r.pick(PEOPLE).id : null,
    handover_from_ok: status === 'handover' && r.next() < 0.3,
    handover_to_ok: status === 'handover' && r.next() < 0.3,
    updated_at: at(),
  }
}

function makeSheet(r: Random, task: TaskRow): FollowUpRow {
  const sheet = newFollowUp({ id: uuid('f1000000'), task_id: task.id, opened_by: adminHead.id, officer_id: r.pick([officer, staff, adminHead]).id, reason: 'late', instructions: '尽快', at: new Date(clock - r.int(6) * DAY).toISOString() })
  return { ...sheet, level: r.int(4), next_on: r.next() < 0.5 ? null : addDays('2026-03-13', r.int(5) - 2), status: r.next() < 0.8 ? 'open' : 'reviewed' } as FollowUpRow
}

async function seed(r: Random, n: number): Promise<void> {
  db = freshDb()
  const tasks: TaskRow[] = []
  const sheets: FollowUpRow[] = []
  for (let i = 0; i < n; i++) {
    const row = makeRow(r)
    if (r.next() < 0.3) {
      const sheet = makeSheet(r, row)
      sheets.push(sheet)
      row.follow_up_id = sheet.id
      row.officer_id = sheet.officer_id
    }
    tasks.push(row)
  }
  await db.tasks.bulkAdd(tasks)
  await db.follow_ups.bulkAdd(sheets)
  await db.sites.bulkAdd([
    { id: SITE, code: 'HQ', name: '总部', updated_at: at(), deleted_at: null },
    { id: OTHER_SITE, code: 'SZ', name: '深圳', updated_at: at(), deleted_at: null },
  ])
  await db.departments.bulkAdd(DEPTS.map((id, i): DepartmentRow => ({ id, site_id: SITE, code: `D${i}`, name: `部门${i}`, head_id: i === 0 ? bob.id : null, updated_at: at(), deleted_at: null })))
}

/** The bell counted from everything on the device: every task and sheet, the departments' heads. */
async function recount(actor: TaskActor): Promise<number> {
  return (await recounter())(actor)
}

/** One read of everything, counted for any person. */
async function recounter(): Promise<(actor: TaskActor) => number> {
  const [tasks, sheets, departments] = await Promise.all([db.tasks.toArray(), db.follow_ups.toArray(), db.departments.toArray()])
  const live = departments.filter((d) => !d.deleted_at)
  return (actor) => {
    const headOf = live.filter((d) => d.head_id === actor.id).map((d) => d.id)
    return bellCount(
      inboxFor({
        tasks: tasks.map(taskOf),
        followUps: sheets.map(followUpOf),
        actor: headOf.length > 0 ? { ...actor, headOf } : actor,
        calendar: cal,
        now: clock,
        timeZone: TZ,
        departmentHeads: new Map(live.map((d) => [d.id, d.head_id ?? null])),
      }),
    )
  }
}

function start(actor: TaskActor): BellTally {
  const tally = tallyBell(db, actor, { statutory, now: () => clock, onError: (e) => { throw e } }, () => {})
  tallies.push(tally)
  return tally
}

/** One generated write, as the app or a sync makes it. */
async function change(r: Random): Promise<string> {
  const tasks = await db.tasks.toArray()
  const task = r.pick(tasks)
  const step = r.int(14)
  switch (step) {
    case 0:
      await db.tasks.add(makeRow(r))
      return 'add'
    case 1:
      await db.tasks.put(reshape(r, task, r.pick(STATUSES)))
      return 'status'
    case 2:
      await db.tasks.put({ ...reshape(r, task, 'problem'), escalation_level: r.pick(LEVELS) })
      return 'escalate'
    case 3: {
      const who = r.next() < 0.3 ? null : r.pick(PEOPLE).id
      await db.tasks.put({ ...task, assignee_id: who, department_id: r.pick(DEPTS), handover_from: task.status === 'handover' ? who : task.handover_from, status: who === null && task.status !== 'cancelled' ? 'assigned' : task.status })
      return 'reassign'
    }
    case 4:
      await db.tasks.put({ ...task, due_on: addDays(task.due_on, r.int(21) - 10) })
      return 'deadline'
    case 5:
      if (r.next() < 0.5) await db.tasks.delete(task.id)
      else await db.tasks.put({ ...task, deleted_at: at() })
      return 'delete task'
    case 6: {
      const sheet = makeSheet(r, task)
      await db.transaction('rw', [db.tasks, db.follow_ups], async () => {
        await db.follow_ups.add(sheet)
        await db.tasks.put({ ...task, follow_up_id: sheet.id, officer_id: sheet.officer_id })
      })
      return 'open sheet'
    }
    case 7:
    case 8: {
      const sheets = await db.follow_ups.toArray()
      if (sheets.length === 0) return 'no sheet'
      const sheet = r.pick(sheets)
      if (step === 7) await db.follow_ups.put({ ...sheet, level: Math.min(3, sheet.level + 1), next_on: r.next() < 0.5 ? null : addDays('2026-03-13', r.int(5) - 2), status: r.pick(['open', 'open', 'reviewed', 'approved'] as const) })
      else if (r.next() < 0.5) await db.follow_ups.delete(sheet.id)
      else await db.follow_ups.put({ ...sheet, deleted_at: at() })
      return step === 7 ? 'remind' : 'delete sheet'
    }
    case 9:
      await db.tasks.put({ ...task, status: 'handover', handover_from: task.assignee_id, handover_to: r.pick(PEOPLE).id, handover_from_ok: false, handover_to_ok: r.next() < 0.5 })
      return 'handover'
    case 10: {
      // A few rows at once (keys known), or a sync's page (a range: counted again).
      const many = r.next() < 0.5 ? 60 : 5
      const rows = Array.from({ length: many }, () => r.pick(tasks)).map((t) => reshape(r, t, r.pick(STATUSES)))
      await db.tasks.bulkPut([...new Map(rows.map((t) => [t.id, t])).values()])
      return `bulk ${many}`
    }
    case 11: {
      const dept = await db.departments.get(r.pick(DEPTS))
      await db.departments.put({ ...dept!, head_id: r.pick([bob.id, carol.id, staff.id, null]) })
      return 'department head'
    }
    default:
      await db.tasks.put({ ...task, summary: task.summary === null ? '总结' : null, completed_at: task.completed_at ?? at() })
      return 'summary'
  }
}

describe('the bell kept up to date as tasks change', { timeout: 300_000 }, () => {
  it('equals a recount from everything after every generated write, for every kind of person', async () => {
    const r = random(11)
    await seed(r, 100)
    const running = ACTORS.map((actor) => ({ actor, tally: start(actor) }))
    let rang = 0
    for (let i = 0; i < STEPS; i++) {
      const what = await change(r)
      const count = await recounter()
      for (const { actor, tally } of running) {
        const expected = count(actor)
        expect(await tally.settled(), `step ${i} (${what}), ${actor.id}`).toBe(expected)
        if (expected > 0) rang++
      }
    }
    // Not 0 = 0: most people's bells ring most of the time.
    expect(rang).toBeGreaterThan(ACTORS.length * STEPS * 0.5)
  })

  it('counts again at the company\'s midnight: a reminder, a deadline or a late level falls due while the app is open', async () => {
    const r = random(23)
    await seed(r, 120)
    const running = ACTORS.map((actor) => ({ actor, tally: start(actor) }))
    let moved = 0
    for (let day = 0; day < 8; day++) {
      const before = await Promise.all(running.map(({ tally }) => tally.settled()))
      // Within the day nothing changes; at the company's midnight (16:00 UTC) the tick counts again.
      clock += 3_600_000
      running.forEach(({ tally }) => tally.tick())
      expect(await Promise.all(running.map(({ tally }) => tally.settled()))).toEqual(before)
      clock += DAY - 3_600_000
      running.forEach(({ tally }) => tally.tick())
      const count = await recounter()
      for (const [i, { actor, tally }] of running.entries()) {
        const expected = count(actor)
        expect(await tally.settled(), `day ${day}, ${actor.id}`).toBe(expected)
        if (expected !== before[i]) moved++
      }
      await change(r)
    }
    expect(moved).toBeGreaterThan(0)
    clock = START
  })

  it('a role switch is a new tally with the new grants, counted from scratch', async () => {
    const r = random(5)
    await seed(r, 120)
    const asEmployee: TaskActor = { ...adminHead, grants: [{ role: 'employee', siteId: SITE }] }
    const first = start(asEmployee)
    const second = start(adminHead)
    expect(await first.settled()).toBe(await recount(asEmployee))
    expect(await second.settled()).toBe(await recount(adminHead))
    expect(await second.settled()).not.toBe(await first.settled())
  })

  it('stops listening when stopped', async () => {
    const r = random(7)
    await seed(r, 40)
    const counts: number[] = []
    const tally = tallyBell(db, alice, { statutory, now: () => clock }, (n) => counts.push(n))
    await tally.settled()
    tally.stop()
    const seen = counts.length
    await db.tasks.add({ ...makeRow(r), assignee_id: alice.id, status: 'accepted', due_on: '2026-03-13' })
    await tally.settled()
    expect(counts.length).toBe(seen)
  })
})
