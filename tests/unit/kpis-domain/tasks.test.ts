import { beforeAll, describe, expect, it } from 'vitest'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { figures, followUpItems, monthPeriod, taskItems, type FollowUpFacts, type KpiItem, type RemindFacts } from '@/features/kpis/domain'
import { ALICE, BOB, DEPT, DEPT2, ctx, id, task } from './fixtures'

let cal: CompanyCalendar
beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
})

const NOW = '2026-12-01T10:00:00+08:00'
const of = (items: KpiItem[], kpi: string) => items.filter((i) => i.kpi === kpi)

describe('1.2 affairs done on time', () => {
  it('is on time to the last minute of the due day in the company zone, late one minute after', () => {
    const onTime = task({ status: 'completed', completed_at: '2026-11-20T23:59:00+08:00' })
    const late = task({ status: 'completed', completed_at: '2026-11-20T16:00:00Z' }) // 00:00 on the 21st in Shanghai
    const items = of(taskItems(ctx(cal, NOW), [onTime, late]), 'affairs_on_time')
    expect(items.map((i) => [i.record_id, i.value])).toEqual([
      [onTime.id, 1],
      [late.id, 0],
    ])
    const [fig] = figures(items, monthPeriod('2026-11')).filter((f) => f.kpi === 'affairs_on_time')
    expect(fig).toMatchObject({ value: 50, decided: 2, met: 1, pending: 0 })
  })

  it('an open task is missed once its day has passed, undecided before; a cancelled one does not count', () => {
    const overdue = task({ due_on: '2026-11-30' })
    const notYet = task({ due_on: '2026-12-01' })
    const cancelled = task({ status: 'cancelled', due_on: '2026-11-02' })
    const items = of(taskItems(ctx(cal, NOW), [overdue, notYet, cancelled]), 'affairs_on_time')
    expect(items.map((i) => [i.record_id, i.value])).toEqual([
      [overdue.id, 0],
      [notYet.id, null],
    ])
  })

  it('a department task counts for the department; the assignee\'s department when the task names none', () => {
    const items = of(taskItems(ctx(cal, NOW), [task({ department_id: DEPT2, assignee_id: null }), task({ assignee_id: BOB })]), 'affairs_on_time')
    expect(items.map((i) => [i.person_id, i.department_id])).toEqual([
      [null, DEPT2],
      [BOB, DEPT2],
    ])
  })
})

describe('1.2 node 9: the summary within 3 working days', () => {
  it('counts across the National Day holiday and the make-up Saturday (2026-10-10)', () => {
    // Done Wed 30 Sep: 1–7 Oct off, Thu 8 and Fri 9 worked, Sat 10 is the make-up working day = day 3.
    const onTime = task({ status: 'completed', completed_at: '2026-09-30T17:00:00+08:00', summary_at: '2026-10-10T23:59:00+08:00' })
    const late = task({ status: 'completed', completed_at: '2026-09-30T17:00:00+08:00', summary_at: '2026-10-11T08:00:00+08:00' })
    const items = of(taskItems(ctx(cal, NOW), [onTime, late]), 'affairs_summary_on_time')
    expect(items.map((i) => [i.due, i.value])).toEqual([
      ['2026-10-10', 1],
      ['2026-10-10', 0],
    ])
  })

  it('a summary not written is missed after its due day, and a task not done has none due', () => {
    const items = taskItems(ctx(cal, '2026-10-12T09:00:00+08:00'), [
      task({ status: 'completed', completed_at: '2026-09-30T17:00:00+08:00' }),
      task({ status: 'completed', completed_at: '2026-10-09T17:00:00+08:00' }),
      task(),
    ])
    expect(of(items, 'affairs_summary_on_time').map((i) => i.value)).toEqual([0, null])
  })
})

describe('1.2 node 10: scores per person per month', () => {
  it('averages the scores in the month they were given; an unscored task gives nothing', () => {
    const items = taskItems(ctx(cal, NOW), [
      task({ status: 'scored', completed_at: '2026-11-02T10:00:00+08:00', score: 90, scored_at: '2026-11-03T10:00:00+08:00' }),
      task({ status: 'scored', completed_at: '2026-11-02T10:00:00+08:00', score: 70, scored_at: '2026-11-30T23:00:00+08:00' }),
      task({ status: 'scored', completed_at: '2026-11-02T10:00:00+08:00', score: 10, scored_at: '2026-12-01T00:30:00+08:00' }),
      task({ status: 'completed', completed_at: '2026-11-02T10:00:00+08:00' }),
    ])
    const nov = figures(items, monthPeriod('2026-11'), { kind: 'person', id: ALICE }).find((f) => f.kpi === 'affairs_score')
    expect(nov).toMatchObject({ value: 80, decided: 2 })
    expect(figures(items, monthPeriod('2026-11'), { kind: 'department', id: DEPT }).find((f) => f.kpi === 'affairs_score')?.value).toBe(80)
  })
})

describe('1.3 督办: reminders on time and first-reminder success', () => {
  const officer = BOB
  const sheet = (taskId: string, over: Partial<FollowUpFacts> = {}): FollowUpFacts => ({
    id: id(),
    task_id: taskId,
    officer_id: officer,
    opened_at: '2026-11-23T09:00:00+08:00',
    first_at: null,
    second_at: null,
    final_at: null,
    status: 'open',
    deleted_at: null,
    ...over,
  })
  const remind = (followUpId: string, level: string, at: string, nextOn: string | null): RemindFacts => ({
    id: id(),
    follow_up_id: followUpId,
    type: 'remind',
    device_time: at,
    data: { level, reminded_at: at, next_on: nextOn },
    flagged: false,
  })

  it('the first is due the day the sheet opens, the second on the day the first set; done after the first = success', () => {
    const t = task({ due_on: '2026-11-20', status: 'completed', completed_at: '2026-11-25T10:00:00+08:00' })
    const f = sheet(t.id, { first_at: '2026-11-23T18:00:00+08:00' })
    const items = followUpItems(ctx(cal, NOW), [f], new Map([[t.id, t]]), new Map([[f.id, [remind(f.id, 'first', f.first_at!, '2026-11-26')]]]))
    // The task was done on the 25th, before the second reminder's day: no second is owed.
    expect(items.map((i) => [i.kpi, i.key.split(':')[1] ?? '', i.value])).toEqual([
      ['follow_up_reminder_on_time', 'first', 1],
      ['follow_up_first_success', '', 1],
    ])
  })

  it('a second reminder given late is missed, and the first reminder did not succeed', () => {
    const t = task({ due_on: '2026-11-20' })
    const f = sheet(t.id, { first_at: '2026-11-24T09:00:00+08:00', second_at: '2026-11-27T09:00:00+08:00' })
    const events = [remind(f.id, 'first', f.first_at!, '2026-11-26'), remind(f.id, 'second', f.second_at!, null)]
    const items = followUpItems(ctx(cal, NOW), [f], new Map([[t.id, t]]), new Map([[f.id, events]]))
    expect(items.map((i) => [i.key.split(':')[1] ?? 'success', i.due, i.value])).toEqual([
      ['first', '2026-11-23', 0],
      ['second', '2026-11-26', 0],
      // The final one is due the day after the task's deadline (the second set no day), long passed.
      ['final', '2026-11-21', 0],
      ['success', null, 0],
    ])
  })

  it('with the remind facts missing (not pulled), the second falls due the day after the deadline', () => {
    const t = task({ due_on: '2026-11-30' })
    const f = sheet(t.id, { first_at: '2026-11-23T10:00:00+08:00' })
    const items = followUpItems(ctx(cal, NOW), [f], new Map([[t.id, t]]), new Map())
    expect(items.map((i) => [i.key.split(':')[1] ?? 'success', i.due, i.value])).toEqual([
      ['first', '2026-11-23', 1],
      ['second', '2026-12-01', null],
      ['success', null, null],
    ])
  })
})
