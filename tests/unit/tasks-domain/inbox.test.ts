import { beforeAll, describe, expect, it } from 'vitest'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { bellCount, inboxFor, newFollowUp, type FollowUp, type Task } from '@/features/tasks/domain'
import { DEPT, TZ, adminHead, alice, bob, executive, makeTask, officer, staff } from './fixtures'

let cal: CompanyCalendar
beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
})

const sheet = (taskId: string, over: Partial<FollowUp> = {}): FollowUp => ({
  ...newFollowUp({ id: `s-${taskId}`, task_id: taskId, opened_by: adminHead.id, officer_id: officer.id, reason: 'late', instructions: 'x', at: '2026-03-14T09:00:00+08:00' }),
  ...over,
})
const task = (id: string, over: Partial<Task> = {}): Task => ({ ...makeTask(), id, ...over })
const kinds = (items: { kind: string; taskId: string }[]) => items.map((i) => `${i.kind}:${i.taskId}`)

describe('the reminder centre', () => {
  it('tells the assignee what to accept, what is due today or overdue, reminders received and the summary due', () => {
    const now = '2026-03-13T10:00:00+08:00'
    const tasks = [
      task('a1'),
      task('a2', { status: 'accepted', due_on: '2026-03-12', follow_up_id: 's-a2' }),
      task('a3', { status: 'accepted', due_on: '2026-03-13' }),
      task('a4', { status: 'accepted', due_on: '2026-03-20' }),
      task('a5', { status: 'completed', completed_at: '2026-03-10T17:00:00+08:00' }),
      task('a6', { status: 'completed', completed_at: '2026-03-12T17:00:00+08:00' }),
      task('b1', { assignee_id: bob.id, assigned_to: bob.id }),
    ]
    const items = inboxFor({ tasks, followUps: [sheet('a2', { level: 1, first_at: '2026-03-13T09:00:00+08:00' })], actor: alice, calendar: cal, now, timeZone: TZ })
    expect(kinds(items)).toEqual(['overdue:a2', 'dueToday:a1', 'dueToday:a3', 'toAccept:a1', 'reminded:a2', 'summaryDue:a5', 'summaryDue:a6'])
    // a5's summary is due 03-13 (today: urgent); a6's 03-17 (upcoming: listed, not on the badge).
    expect(items.find((i) => i.taskId === 'a6')).toMatchObject({ due: '2026-03-17', urgent: false })
    expect(bellCount(items)).toBe(6)
  })

  it('a department\'s untaken task asks its members to accept; a handover asks each side that has not confirmed', () => {
    const dept = task('d1', { assignee_id: null, assigned_to: null, department_id: DEPT, due_on: '2026-03-30' })
    const h = task('h1', { status: 'handover', handover_from: alice.id, handover_to: bob.id, handover_to_ok: true })
    const now = '2026-03-13T10:00:00+08:00'
    expect(kinds(inboxFor({ tasks: [dept, h], followUps: [], actor: bob, calendar: cal, now, timeZone: TZ }))).toEqual(['toAccept:d1'])
    expect(kinds(inboxFor({ tasks: [dept, h], followUps: [], actor: alice, calendar: cal, now, timeZone: TZ }))).toEqual(['dueToday:h1', 'toAccept:d1', 'handoverToConfirm:h1'])
  })

  it('tells the line about problems, scores, reminders due, reviews and approvals', () => {
    const now = '2026-03-16T10:00:00+08:00'
    const tasks = [
      task('p1', { status: 'problem', escalation_level: 'supervisor', resume_status: 'accepted' }),
      task('p2', { status: 'problem', escalation_level: 'admin_head', resume_status: 'accepted' }),
      task('c1', { status: 'completed', completed_at: '2026-03-12T17:00:00+08:00', follow_up_id: 's-c1' }),
      task('r1', { status: 'accepted', follow_up_id: 's-r1', due_on: '2026-03-13' }),
      task('v1', { status: 'scored', score: 90, completed_at: '2026-03-12T17:00:00+08:00', follow_up_id: 's-v1' }),
    ]
    const followUps = [sheet('c1'), sheet('r1', { level: 1, first_at: '2026-03-14T10:00:00+08:00', next_on: '2026-03-16' }), sheet('v1', { status: 'reviewed' })]
    const input = { tasks, followUps, calendar: cal, now, timeZone: TZ }
    expect(kinds(inboxFor({ ...input, actor: staff }))).toEqual(['problem:p1'])
    expect(kinds(inboxFor({ ...input, actor: adminHead }))).toEqual(['problem:p2', 'reminderDue:r1', 'toScore:c1', 'toReview:c1'])
    expect(kinds(inboxFor({ ...input, actor: officer }))).toEqual(['reminderDue:r1'])
    expect(kinds(inboxFor({ ...input, actor: executive }))).toEqual(['toApprove:v1'])
    // Before the day set for the next reminder, nothing is due.
    expect(kinds(inboxFor({ ...input, now: '2026-03-15T10:00:00+08:00', actor: officer }))).toEqual([])
  })
})
