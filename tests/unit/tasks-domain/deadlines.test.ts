import { beforeAll, describe, expect, it } from 'vitest'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { dueInWorkingDays, ledgerByDepartment, ledgerTotal, newFollowUp, reminderDueOn, summaryDueOn, summaryState, taskDueState, timing, type Task } from '@/features/tasks/domain'
import { DEPT, SITE, TZ, makeTask } from './fixtures'

let cal: CompanyCalendar
beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
})

const completed = (completedAt: string, over: Partial<Task> = {}): Task => ({ ...makeTask(), status: 'completed', completed_at: completedAt, ...over })

describe('working-day deadlines', () => {
  it('"3 working days" from the assign form crosses the Spring Festival and counts its make-up Saturday', () => {
    expect(dueInWorkingDays(cal, '2026-02-12T09:00:00+08:00', TZ, 3, SITE)).toBe('2026-02-24')
    // A site's own day off pushes it one more.
    const siteCal = makeCalendar({ ...cal.statutory }, [{ date: '2026-02-24', site_id: SITE, kind: 'off' }])
    expect(dueInWorkingDays(siteCal, '2026-02-12T09:00:00+08:00', TZ, 3, SITE)).toBe('2026-02-25')
  })

  it('a task is due until its day ends in the company zone', () => {
    const t = makeTask()
    expect(taskDueState(t, '2026-03-13T15:59:00Z', TZ)).toBe('today')
    expect(taskDueState(t, '2026-03-13T16:01:00Z', TZ)).toBe('overdue')
    expect(taskDueState({ ...t, status: 'completed' }, '2026-03-20T00:00:00Z', TZ)).toBe(null)
  })

  it('on time or late by the completion day in the company zone', () => {
    expect(timing(completed('2026-03-13T15:30:00Z'), '2026-03-20T00:00:00Z', TZ)).toBe('onTime')
    expect(timing(completed('2026-03-13T16:30:00Z'), '2026-03-20T00:00:00Z', TZ)).toBe('late')
    expect(timing(makeTask(), '2026-03-14T00:00:00Z', TZ)).toBe('overdue')
    expect(timing(makeTask(), '2026-03-12T00:00:00Z', TZ)).toBe('open')
    expect(timing({ ...makeTask(), status: 'cancelled' }, '2026-03-20T00:00:00Z', TZ)).toBe('cancelled')
  })
})

describe('the summary within 3 working days of completion', () => {
  it('from a Friday it is due the next Wednesday', () => {
    expect(summaryDueOn(cal, completed('2026-03-13T17:00:00+08:00'), TZ)).toBe('2026-03-18')
  })

  it('across National Day: completed 09-30, due 10-10 (the make-up Saturday is the third working day)', () => {
    // 10-08 Thu, 10-09 Fri, 10-10 Sat worked in lieu.
    expect(summaryDueOn(cal, completed('2026-09-30T17:00:00+08:00'), TZ)).toBe('2026-10-10')
  })

  it('says done, done late, or where it stands', () => {
    const t = completed('2026-03-13T17:00:00+08:00')
    expect(summaryState(cal, t, '2026-03-16T09:00:00+08:00', TZ)).toBe('upcoming')
    expect(summaryState(cal, t, '2026-03-18T09:00:00+08:00', TZ)).toBe('today')
    expect(summaryState(cal, t, '2026-03-19T09:00:00+08:00', TZ)).toBe('overdue')
    expect(summaryState(cal, { ...t, summary_at: '2026-03-18T23:59:00+08:00' }, '2026-03-19T09:00:00+08:00', TZ)).toBe('done')
    expect(summaryState(cal, { ...t, summary_at: '2026-03-19T00:01:00+08:00' }, '2026-03-19T09:00:00+08:00', TZ)).toBe('doneLate')
    expect(summaryState(cal, makeTask(), '2026-03-19T09:00:00+08:00', TZ)).toBe(null)
  })
})

describe('reminders due and the 督办 ledger', () => {
  const sheet = (id: string, taskId: string, level = 0) => ({
    ...newFollowUp({ id, task_id: taskId, opened_by: 'a', officer_id: 'o', reason: 'late', instructions: 'x', at: '2026-03-14T09:00:00+08:00' }),
    level,
  })

  it('the first reminder is due at once, the next on the set day or the day after the deadline', () => {
    const t = makeTask()
    expect(reminderDueOn(sheet('f1', t.id), t, TZ)).toBe('2026-03-14')
    expect(reminderDueOn({ ...sheet('f1', t.id, 1), next_on: '2026-03-17' }, t, TZ)).toBe('2026-03-17')
    expect(reminderDueOn(sheet('f1', t.id, 2), t, TZ)).toBe('2026-03-14')
    expect(reminderDueOn(sheet('f1', t.id, 3), t, TZ)).toBe(null)
    expect(reminderDueOn(sheet('f1', t.id, 1), { ...t, status: 'completed' }, TZ)).toBe(null)
  })

  it('counts sheets per department: on time, late, open, overdue, done after the first reminder', () => {
    const other = '0d000000-0000-4000-8000-000000000009'
    const tasks = new Map<string, Task>([
      ['t1', { ...completed('2026-03-12T10:00:00+08:00'), id: 't1' }],
      ['t2', { ...completed('2026-03-16T10:00:00+08:00'), id: 't2' }],
      ['t3', { ...makeTask(), id: 't3' }],
      ['t4', { ...makeTask(), id: 't4', department_id: other, due_on: '2026-04-30' }],
    ])
    const rows = ledgerByDepartment([sheet('a', 't1', 1), sheet('b', 't2', 3), sheet('c', 't3', 2), sheet('d', 't4')], tasks, '2026-03-20T09:00:00+08:00', TZ)
    expect(rows).toEqual([
      { departmentId: DEPT, sheets: 3, onTime: 1, late: 1, open: 1, overdue: 1, afterFirst: 1 },
      { departmentId: other, sheets: 1, onTime: 0, late: 0, open: 1, overdue: 0, afterFirst: 0 },
    ])
    expect(ledgerTotal(rows)).toMatchObject({ sheets: 4, onTime: 1, late: 1, open: 2, overdue: 1 })
  })
})
