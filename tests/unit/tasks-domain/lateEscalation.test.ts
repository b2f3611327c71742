// An overdue task goes up the line by itself: 2 working days past its deadline it reaches whoever gave
// it, then one level every 2 working days (the department head → 行政部长 → 执行长), on the company
// calendar: across the 2026 Spring Festival (15–23 Feb off) and its make-up working days (14 and 28
// Feb, Saturdays). The server's private.task_late_level agrees (tests/db/tasks-late-escalation.test.ts).
import { beforeAll, describe, expect, it } from 'vitest'
import { inboxFor, lateDueRange, lateLevel, lateSteps, type Task } from '@/features/tasks/domain'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { DEPT, SITE, TZ, adminHead, alice, bob, executive, makeTask, staff } from './fixtures'

let cal: CompanyCalendar
beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
})

/** Given by the asset keeper to Alice, due Friday 13 February 2026 (the day before the make-up Saturday). */
const task = (over: Partial<Task> = {}): Task => ({ ...makeTask(staff, { due_on: '2026-02-13', assigned_at: '2026-02-09T09:00:00+08:00' }), due_on: '2026-02-13', status: 'accepted', ...over })

describe('the level an overdue task stands at', () => {
  it('climbs one level every 2 working days, across the Spring Festival and its make-up days', () => {
    const at = (today: string) => lateLevel(cal, task(), today, bob.id)
    expect(at('2026-02-13')).toBeNull() // due today
    expect(at('2026-02-14')).toBeNull() // make-up Saturday: 1 working day late
    expect(at('2026-02-23')).toBeNull() // ten days later, still 1: the holiday is not counted
    expect(at('2026-02-24')).toBe('supervisor') // 2: the giver
    expect(at('2026-02-25')).toBe('supervisor')
    expect(at('2026-02-26')).toBe('department_head') // 4
    expect(at('2026-02-27')).toBe('department_head') // 5
    expect(at('2026-02-28')).toBe('admin_head') // 6: the make-up Saturday counts
    expect(at('2026-03-01')).toBe('admin_head') // Sunday
    expect(at('2026-03-03')).toBe('executive') // 8
    expect(at('2026-12-31')).toBe('executive') // the top: no further
  })

  it('counts working days, capped where the ladder ends', () => {
    expect(lateSteps(cal, '2026-02-13', '2026-02-23', SITE)).toBe(0)
    expect(lateSteps(cal, '2026-02-13', '2026-02-28', SITE)).toBe(3)
    expect(lateSteps(cal, '2026-02-13', '2026-12-31', SITE)).toBe(4)
  })

  it("skips the department head's step as a raised problem does; starts at the giver's own level", () => {
    // No head, or the head is the one carrying it out: the giver → 行政部长 at 4 working days.
    expect(lateLevel(cal, task(), '2026-02-26', null)).toBe('admin_head')
    expect(lateLevel(cal, task(), '2026-02-26', alice.id)).toBe('admin_head')
    // Given by 行政部长: 行政部长 first, 执行长 2 working days later.
    const byHead = { ...task(), assigner_id: adminHead.id, assigner_level: 'admin_head' as const }
    expect(lateLevel(cal, byHead, '2026-02-24', bob.id)).toBe('admin_head')
    expect(lateLevel(cal, byHead, '2026-02-26', bob.id)).toBe('executive')
  })

  it('only open tasks not waiting on a raised problem', () => {
    for (const status of ['assigned', 'accepted', 'handover'] as const) expect(lateLevel(cal, task({ status }), '2026-02-24', bob.id)).toBe('supervisor')
    for (const status of ['problem', 'completed', 'scored', 'cancelled'] as const) expect(lateLevel(cal, task({ status }), '2026-03-03', bob.id)).toBeNull()
  })

  it('a site working a company holiday counts it', () => {
    const siteCal = makeCalendar(cal.statutory, [{ date: '2026-02-16', site_id: SITE, kind: 'work', note: null }])
    expect(lateLevel(siteCal, task(), '2026-02-16', bob.id)).toBe('supervisor')
    expect(lateLevel(siteCal, task({ site_id: '05000000-0000-4000-8000-0000000000ff' }), '2026-02-16', bob.id)).toBeNull()
  })
})

describe('the reminder centre shows it to whoever is at that level', () => {
  const heads = new Map([[DEPT, bob.id]])
  const items = (actor: typeof alice, today: string) =>
    inboxFor({ tasks: [task()], followUps: [], actor, calendar: cal, now: `${today}T10:00:00+08:00`, timeZone: TZ, departmentHeads: heads })
      .filter((i) => i.kind === 'late')
      .map((i) => i.urgent)
  const headBob = { ...bob, headOf: [DEPT] }

  it('one level at a time, urgent (on the bell)', () => {
    expect(items(staff, '2026-02-24')).toEqual([true])
    expect(items(headBob, '2026-02-24')).toEqual([])
    expect(items(staff, '2026-02-26')).toEqual([])
    expect(items(headBob, '2026-02-26')).toEqual([true])
    expect(items(adminHead, '2026-02-28')).toEqual([true])
    expect(items(executive, '2026-02-28')).toEqual([])
    expect(items(executive, '2026-03-03')).toEqual([true])
    expect(items(adminHead, '2026-03-03')).toEqual([])
  })

  it('not without the calendar (offline before it loads: nothing guessed)', () => {
    expect(inboxFor({ tasks: [task()], followUps: [], actor: staff, calendar: null, now: '2026-03-03T10:00:00+08:00', timeZone: TZ }).filter((i) => i.kind === 'late')).toEqual([])
  })
})

describe('the due days a level covers (for index reads)', () => {
  it('holds every task at that level, across the holiday', () => {
    // The admin head's level is left after 4 steps at most: the 8th working day back from 3 March is
    // 13 February (past the holiday and the make-up Saturday); a deadline before it is 8 or more late.
    const { from, upTo } = lateDueRange(cal, '2026-03-03', [SITE], 4)
    expect(upTo).toBe('2026-03-01')
    expect(from).toBe('2026-02-13')
    for (let d = 1; d <= 28; d++) {
      const due = `2026-02-${String(d).padStart(2, '0')}`
      const level = lateLevel(cal, task({ due_on: due, assigner_level: 'admin_head' }), '2026-03-03', bob.id)
      if (level === 'admin_head') expect(due >= (from ?? '') && due <= upTo, due).toBe(true)
    }
    expect(lateDueRange(cal, '2026-03-03', [SITE], null).from).toBeNull()
  })
})
