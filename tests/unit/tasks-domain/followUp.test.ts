import { describe, expect, it } from 'vitest'
import type { TaskState } from '@/features/tasks/domain'
import { actOnTask, openFollowUp, remindFollowUp, reviewFollowUp } from '@/features/tasks/domain/act'
import { FOLLOW_UP_ID, TASK_ID, adminHead, alice, ev, executive, fold, makeTask, officer, stateOf } from './fixtures'

type Out = ReturnType<typeof openFollowUp>
function must(out: Out): TaskState {
  if (!out.ok) throw new Error(out.reason)
  return out.value.state
}

const open = (s: TaskState, by = adminHead) =>
  openFollowUp(s, { follow_up_id: FOLLOW_UP_ID, task_id: TASK_ID, officer_id: officer.id, reason: 'late', instructions: '周五前务必完成' }, by, '2026-03-14T09:00:00+08:00')

const remind = (s: TaskState, level: string, extra: Record<string, unknown> = {}, by = officer) =>
  remindFollowUp(s, { follow_up_id: FOLLOW_UP_ID, level, channel: 'phone', reminded_at: '2026-03-14T10:00:00+08:00', ...extra }, by, '2026-03-14T10:05:00+08:00')

describe('督办单: issuing', () => {
  it('the admin head or the executive issues one; one open sheet per task', () => {
    const s = stateOf(makeTask())
    expect(open(s, alice)).toMatchObject({ ok: false, reason: 'tasks.errors.notAllowed' })
    const f = must(open(s))
    expect(f.task.follow_up_id).toBe(FOLLOW_UP_ID)
    expect(f.followUps.get(FOLLOW_UP_ID)).toMatchObject({ status: 'open', level: 0, officer_id: officer.id, reason: 'late' })
    const again = openFollowUp(f, { follow_up_id: TASK_ID, task_id: TASK_ID, officer_id: officer.id, reason: 'important', instructions: 'x' }, executive, '2026-03-14T09:30:00+08:00')
    expect(again).toMatchObject({ ok: false, reason: 'tasks.errors.followUpOpen' })
  })

  it('not on a task already done', () => {
    const done = { ...makeTask(), status: 'completed' as const, completed_at: '2026-03-12T17:00:00+08:00' }
    expect(open(stateOf(done))).toMatchObject({ ok: false, reason: 'tasks.errors.taskNotDone' })
  })
})

describe('催办: 1st, 2nd (reported to the superior), final (the penalty), in order', () => {
  it('gives the three levels in order, each logged with how and when', () => {
    let s = must(open(stateOf(makeTask())))
    expect(remind(s, 'second', { reported_to: adminHead.id })).toMatchObject({ ok: false, reason: 'tasks.errors.reminderOrder' })
    expect(remind(s, 'final', { penalty: '扣绩效 5 分' })).toMatchObject({ ok: false, reason: 'tasks.errors.reminderOrder' })
    expect(remind(s, 'first', {}, alice)).toMatchObject({ ok: false, reason: 'tasks.errors.notAllowed' })
    s = must(remind(s, 'first', { channel: 'in_person', next_on: '2026-03-16' }))
    expect(s.followUps.get(FOLLOW_UP_ID)).toMatchObject({ level: 1, first_at: '2026-03-14T10:00:00+08:00', next_on: '2026-03-16' })
    expect(remind(s, 'first')).toMatchObject({ ok: false, reason: 'tasks.errors.reminderOrder' })
    expect(remind(s, 'second')).toMatchObject({ ok: false, reason: 'tasks.errors.reportedToRequired', field: 'reported_to' })
    s = must(remind(s, 'second', { reported_to: adminHead.id, channel: 'written' }))
    expect(s.followUps.get(FOLLOW_UP_ID)).toMatchObject({ level: 2, reported_to: adminHead.id, next_on: null })
    expect(remind(s, 'final')).toMatchObject({ ok: false, reason: 'tasks.errors.penaltyRequired', field: 'penalty' })
    // The admin head may remind too.
    s = must(remind(s, 'final', { penalty: '再逾期扣绩效 5 分' }, adminHead))
    expect(s.followUps.get(FOLLOW_UP_ID)).toMatchObject({ level: 3, penalty: '再逾期扣绩效 5 分' })
    expect(remind(s, 'final', { penalty: 'x' })).toMatchObject({ ok: false, reason: 'tasks.errors.reminderOrder' })
  })

  it('checks how it was given', () => {
    const s = must(open(stateOf(makeTask())))
    expect(remind(s, 'first', { channel: 'pigeon' })).toMatchObject({ ok: false, reason: 'tasks.errors.choice', field: 'channel' })
    expect(remind(s, 'first', { reminded_at: '2026-03-14 10:00' })).toMatchObject({ ok: false, reason: 'tasks.errors.dateTime' })
  })

  it('no reminder once the task is done; no sheet, no reminder', () => {
    let s = must(open(stateOf({ ...makeTask(), status: 'accepted' as const })))
    const done = actOnTask(s, { type: 'complete', task_id: TASK_ID, report: '完成' }, alice, '2026-03-14T11:00:00+08:00')
    if (!done.ok) throw new Error(done.reason)
    s = done.value.state
    expect(remind(s, 'first')).toMatchObject({ ok: false, reason: 'tasks.errors.badTransition' })
    expect(remind(stateOf(makeTask()), 'first')).toMatchObject({ ok: false, reason: 'tasks.errors.noFollowUp' })
  })

  it('folds reminders by device time: a second logged before the first on the server still lands in order', () => {
    const sheet = ev('follow_up', adminHead, '2026-03-14T09:00:00+08:00', { follow_up_id: FOLLOW_UP_ID, officer_id: officer.id, reason: 'late', instructions: 'x' })
    const first = ev('remind', officer, '2026-03-14T10:00:00+08:00', { follow_up_id: FOLLOW_UP_ID, level: 'first', channel: 'phone', reminded_at: '2026-03-14T10:00:00+08:00' })
    const second = ev('remind', officer, '2026-03-16T10:00:00+08:00', { follow_up_id: FOLLOW_UP_ID, level: 'second', channel: 'phone', reminded_at: '2026-03-16T10:00:00+08:00', reported_to: adminHead.id })
    const out = fold(makeTask(), [second, first, sheet])
    expect(out.flagged.size).toBe(0)
    expect(out.followUps[0]).toMatchObject({ level: 2, first_at: '2026-03-14T10:00:00+08:00', second_at: '2026-03-16T10:00:00+08:00' })
    // A "second" whose device time is before the first is out of order: flagged, kept.
    const early = { ...second, id: 'e0000000-0000-4000-8000-0000000000ff', device_time: '2026-03-14T09:30:00+08:00' }
    const bad = fold(makeTask(), [sheet, first, early])
    expect(bad.flagged.get(early.id)).toBe('tasks.errors.reminderOrder')
    expect(bad.followUps[0]?.level).toBe(1)
  })
})

describe('review and approval (行政部长 reviews, 执行长 approves)', () => {
  it('reviews once the task is done, then approves', () => {
    let s = must(open(stateOf({ ...makeTask(), status: 'accepted' as const })))
    const review = (by = adminHead, step = 'review') => reviewFollowUp(s, { follow_up_id: FOLLOW_UP_ID, step, note: '已按期整改' }, by, '2026-03-15T10:00:00+08:00')
    expect(review()).toMatchObject({ ok: false, reason: 'tasks.errors.taskNotDone' })
    const done = actOnTask(s, { type: 'complete', task_id: TASK_ID, report: '完成' }, alice, '2026-03-14T11:00:00+08:00')
    if (!done.ok) throw new Error(done.reason)
    s = done.value.state
    expect(review(executive, 'review')).toMatchObject({ ok: false, reason: 'tasks.errors.notAllowed' })
    expect(review(executive, 'approve')).toMatchObject({ ok: false, reason: 'tasks.errors.badTransition' })
    s = must(review())
    expect(s.followUps.get(FOLLOW_UP_ID)).toMatchObject({ status: 'reviewed', reviewed_by: adminHead.id, review_note: '已按期整改' })
    expect(review(adminHead, 'approve')).toMatchObject({ ok: false, reason: 'tasks.errors.notAllowed' })
    s = must(review(executive, 'approve'))
    expect(s.followUps.get(FOLLOW_UP_ID)).toMatchObject({ status: 'approved', approved_by: executive.id })
    // The task is done: no new sheet on it.
    expect(open(s)).toMatchObject({ ok: false, reason: 'tasks.errors.taskNotDone' })
  })
})
