// The tasks engine's op kinds (issue 11): task.assign, task.act, follow_up.open/remind/review,
// calendar_day.set. Refusals name their reason and change nothing; facts that do not fit the
// task's state are kept and flagged (DESIGN.md invariant 2), folded in device-time order.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { FIN, HQ, HR, SZ, actOn, assign, assignPayload, op, person, taskRow } from './support/tasks'

let db: TestDb
const U = DEMO.users
let alice: string, bob: string, carol: string, szHead: string, officer: string
const staff = U.assetKeeper as string // 行政人员: gives tasks, "the person above" for their problems

beforeAll(async () => {
  db = await openTestDb()
  alice = await person(db, 'employee', HQ, FIN, 'alice')
  bob = await person(db, 'employee', HQ, FIN, 'bob')
  carol = await person(db, 'employee', HQ, HR, 'carol')
  szHead = await person(db, 'admin_head', SZ, null, 'szhead')
  officer = await person(db, 'employee', HQ, DEMO.departments.ADM as string, 'officer')
})
afterAll(() => db?.close())

const count = async (sql: string, params: unknown[] = []) => ((await db.query<{ n: number }>(sql, params))[0]?.n ?? -1)

describe('task.assign', () => {
  it('records the task as assigned, at the assigner\'s level, with the op\'s device time', async () => {
    const id = await assign(db, staff, alice, { co_assignee_ids: [bob], priority: 'high', photo_ids: [randomUUID()] })
    const t = await taskRow(db, id)
    expect(t).toMatchObject({ status: 'assigned', assigner_id: staff, assigner_level: 'supervisor', assigned_to: alice, assignee_id: alice, priority: 'high', co_assignee_ids: [bob] })
    expect(new Date(t.assigned_at as string).toISOString()).toBe('2026-03-09T01:00:00.000Z')
    expect((await taskRow(db, await assign(db, U.adminHead as string, alice))).assigner_level).toBe('admin_head')
    expect((await taskRow(db, await assign(db, U.executive as string, alice))).assigner_level).toBe('executive')
  })

  it('the same task again is a duplicate; another with its id is refused', async () => {
    const id = randomUUID()
    expect((await op(db, staff, 'task.assign', assignPayload(alice), undefined, id)).status).toBe('applied')
    expect((await op(db, staff, 'task.assign', assignPayload(alice), undefined, id)).status).toBe('duplicate')
    expect(await op(db, staff, 'task.assign', assignPayload(bob), undefined, id)).toMatchObject({ status: 'refused', reason: 'invalid' })
  })

  it('refuses who may not give tasks and what is malformed, naming why', async () => {
    const before = await count('select count(*)::int as n from public.tasks')
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [alice, assignPayload(bob), 'forbidden', /administration staff/],
      [U.driver as string, assignPayload(bob), 'forbidden', /task\.assign/],
      [szHead, assignPayload(bob), 'forbidden', /task\.assign/],
      [staff, assignPayload(null, { department_id: null }), 'invalid', /assignee_id/],
      [staff, assignPayload(alice, { co_assignee_ids: [alice] }), 'invalid', /co_assignee_ids/],
      [staff, assignPayload(alice, { title: ' ' }), 'invalid', /title: required/],
      [staff, assignPayload(alice, { due_on: '2026-02-30' }), 'invalid', /due_on/],
      [staff, assignPayload(alice, { source: 'rumour' }), 'invalid', /source: one of/],
      [staff, assignPayload(alice, { colour: 'red' }), 'invalid', /colour: unexpected field/],
      [staff, assignPayload(alice, { department_id: DEMO.departments.PRD }), 'not_found', /department_id/],
      [staff, assignPayload(randomUUID()), 'not_found', /assignee_id/],
    ]
    for (const [user, payload, reason, detail] of cases) {
      const r = await op(db, user, 'task.assign', payload)
      expect(r, JSON.stringify(payload)).toMatchObject({ status: 'refused', reason })
      expect(r.detail).toMatch(detail)
    }
    expect(await count('select count(*)::int as n from public.tasks')).toBe(before)
  })
})

describe('task.act: accept, progress, complete, summary, score', () => {
  it('runs the whole way with photos, and only the right people act', async () => {
    const id = await assign(db, staff, alice, { co_assignee_ids: [bob] })
    expect(await actOn(db, carol, id, 'accept')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await actOn(db, alice, id, 'accept', {}, '2026-03-10T09:00:00+08:00')).status).toBe('applied')
    const photo = randomUUID()
    const progress = await actOn(db, bob, id, 'progress', { note: '已完成一半', photo_ids: [photo] }, '2026-03-11T10:00:00+08:00')
    expect(progress.status).toBe('applied')
    expect(await actOn(db, bob, id, 'complete', { report: 'x' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await actOn(db, alice, id, 'complete', { report: '' })).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'report: required text' })
    expect((await actOn(db, alice, id, 'complete', { report: '全部装盒', photo_ids: [randomUUID()] }, '2026-03-12T17:00:00+08:00')).status).toBe('applied')
    expect(await actOn(db, staff, id, 'score', { score: 90 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await actOn(db, szHead, id, 'score', { score: 90 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await actOn(db, U.adminHead as string, id, 'score', { score: 101 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await actOn(db, U.adminHead as string, id, 'score', { score: 92, note: '及时' }, '2026-03-13T10:00:00+08:00')).status).toBe('applied')
    expect((await actOn(db, alice, id, 'summary', { summary: '建议每季度归档' }, '2026-03-16T10:00:00+08:00')).status).toBe('applied')
    const t = await taskRow(db, id)
    expect(t).toMatchObject({ status: 'scored', score: 92, scored_by: U.adminHead, report: '全部装盒', summary: '建议每季度归档' })
    expect(new Date(t.last_progress_at as string).toISOString()).toBe('2026-03-11T02:00:00.000Z')
    // The progress photo registers against its fact.
    const reg = await op(db, bob, 'photo.register', { owner_table: 'task_events', owner_id: progress.id, mime: 'image/jpeg', bytes: 1000, width: 640, height: 480, taken_at: '2026-03-11T10:00:00+08:00' }, undefined, photo)
    expect(reg.status).toBe('applied')
    expect((await op(db, carol, 'photo.register', { owner_table: 'tasks', owner_id: id, mime: 'image/jpeg', bytes: 1, width: 1, height: 1, taken_at: '2026-03-11T10:00:00+08:00' })).reason).toBe('forbidden')
  })

  it('a fact that does not fit is kept and flagged; one synced late refolds in device-time order', async () => {
    const id = await assign(db, staff, alice)
    // The completion arrives first: no acceptance yet, so it is flagged and changes nothing.
    const done = await actOn(db, alice, id, 'complete', { report: '完成' }, '2026-03-12T17:00:00+08:00')
    expect(done).toMatchObject({ status: 'flagged' })
    expect(done.detail).toMatch(/complete does not fit/)
    expect((await taskRow(db, id)).status).toBe('assigned')
    // The acceptance made earlier on the phone arrives: both now fit, in device-time order.
    expect((await actOn(db, alice, id, 'accept', {}, '2026-03-10T09:00:00+08:00')).status).toBe('applied')
    expect((await taskRow(db, id)).status).toBe('completed')
    expect(await count('select count(*)::int as n from public.task_events where task_id = $1 and flagged', [id])).toBe(0)
    // The same op again is a duplicate; its id with other content is refused.
    expect(await op(db, alice, 'task.act', { type: 'accept', task_id: id }, undefined, done.id)).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await actOn(db, alice, randomUUID(), 'accept')).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect(await actOn(db, alice, id, 'dance')).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await actOn(db, alice, id, 'accept', { extra: 1 })).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'extra: unexpected field' })
  })
})

describe('problems go up one level at a time: the person above → 行政部长 → 执行长', () => {
  it('escalates, refuses those below the problem, flags past the top, and resolves with a new deadline', async () => {
    const id = await assign(db, staff, alice)
    expect((await actOn(db, alice, id, 'accept', {}, '2026-03-10T09:00:00+08:00')).status).toBe('applied')
    expect(await actOn(db, alice, id, 'raise', {}, '2026-03-10T10:00:00+08:00')).toMatchObject({ status: 'refused', reason: 'invalid', detail: 'note: required text' })
    expect((await actOn(db, alice, id, 'raise', { note: '超出权限' }, '2026-03-10T10:00:00+08:00')).status).toBe('applied')
    expect(await taskRow(db, id)).toMatchObject({ status: 'problem', escalation_level: 'supervisor', problem_note: '超出权限' })
    expect(await actOn(db, alice, id, 'escalate')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await actOn(db, staff, id, 'escalate', {}, '2026-03-10T11:00:00+08:00')).status).toBe('applied')
    expect((await taskRow(db, id)).escalation_level).toBe('admin_head')
    expect(await actOn(db, staff, id, 'resolve', { note: 'x' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await actOn(db, szHead, id, 'escalate')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await actOn(db, U.adminHead as string, id, 'escalate', {}, '2026-03-10T12:00:00+08:00')).status).toBe('applied')
    expect((await taskRow(db, id)).escalation_level).toBe('executive')
    expect(await actOn(db, U.adminHead as string, id, 'resolve', { note: 'x' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await actOn(db, U.executive as string, id, 'escalate', {}, '2026-03-10T13:00:00+08:00')).status).toBe('flagged')
    const r = await actOn(db, U.executive as string, id, 'resolve', { note: '同意延期', due_on: '2026-03-18' }, '2026-03-10T14:00:00+08:00')
    expect(r.status).toBe('applied')
    const t = await taskRow(db, id)
    expect(t).toMatchObject({ status: 'accepted', escalation_level: null })
    expect(String(t.due_on)).toMatch(/2026-03-18|Mar 18 2026/)
  })
})

describe('handover (交接): a written record both sides confirm', () => {
  it('moves the task only when both sides confirmed', async () => {
    const id = await assign(db, staff, alice)
    await actOn(db, alice, id, 'accept', {}, '2026-03-10T09:00:00+08:00')
    expect(await actOn(db, alice, id, 'handover', { to_id: bob, note: 'x' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await actOn(db, staff, id, 'handover', { to_id: randomUUID(), note: 'x' })).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect((await actOn(db, staff, id, 'handover', { to_id: bob, note: '已装盒 2019–2022；剩余 2023–2025', due_on: '2026-03-17' }, '2026-03-11T09:00:00+08:00')).status).toBe('applied')
    expect(await taskRow(db, id)).toMatchObject({ status: 'handover', handover_from: alice, handover_to: bob })
    expect(await actOn(db, carol, id, 'handover_confirm')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await actOn(db, bob, id, 'handover_confirm', {}, '2026-03-11T10:00:00+08:00')).status).toBe('applied')
    expect(await taskRow(db, id)).toMatchObject({ status: 'handover', handover_to_ok: true, handover_from_ok: false })
    expect((await actOn(db, alice, id, 'handover_confirm', { note: '钥匙已交' }, '2026-03-11T11:00:00+08:00')).status).toBe('applied')
    expect(await taskRow(db, id)).toMatchObject({ status: 'accepted', assignee_id: bob, assigned_to: alice, handover_to: null })
  })

  it('a cancel during a handover ends it; a late confirmation is kept and flagged', async () => {
    const id = await assign(db, staff, alice)
    await actOn(db, alice, id, 'accept', {}, '2026-03-10T09:00:00+08:00')
    await actOn(db, staff, id, 'handover', { to_id: bob, note: '改由 bob' }, '2026-03-11T09:00:00+08:00')
    expect((await actOn(db, U.adminHead as string, id, 'cancel', { note: '领导指示取消' }, '2026-03-11T10:00:00+08:00')).status).toBe('applied')
    expect(await taskRow(db, id)).toMatchObject({ status: 'cancelled', handover_to: null, assignee_id: alice })
    expect((await actOn(db, bob, id, 'handover_confirm', {}, '2026-03-11T11:00:00+08:00')).status).toBe('flagged')
  })

  it('a department\'s task is taken by the member who accepts it', async () => {
    const id = await assign(db, staff, null)
    expect(await actOn(db, carol, id, 'accept')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await actOn(db, bob, id, 'accept')).status).toBe('applied')
    expect((await taskRow(db, id)).assignee_id).toBe(bob)
  })
})

describe('督办: a sheet, reminders 1st → 2nd → final in order, review and approval', () => {
  it('logs each reminder with how and when, keeps an out-of-order one flagged, and closes by review and approval', async () => {
    const id = await assign(db, staff, alice)
    await actOn(db, alice, id, 'accept', {}, '2026-03-10T09:00:00+08:00')
    const sheet = randomUUID()
    const open = { task_id: id, officer_id: officer, reason: 'late', instructions: '周五前务必完成' }
    expect(await op(db, alice, 'follow_up.open', open)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await op(db, szHead, 'follow_up.open', open)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await op(db, U.adminHead as string, 'follow_up.open', open, '2026-03-14T09:00:00+08:00', sheet)).status).toBe('applied')
    expect((await taskRow(db, id)).officer_id).toBe(officer)
    const remind = (user: string, level: string, at: string, extra: Record<string, unknown> = {}) =>
      op(db, user, 'follow_up.remind', { follow_up_id: sheet, level, channel: 'phone', reminded_at: at, ...extra }, at)
    // The second before the first: kept, flagged, nothing moves.
    expect((await remind(officer, 'second', '2026-03-14T09:30:00+08:00', { reported_to: U.adminHead })).status).toBe('flagged')
    expect(await remind(alice, 'first', '2026-03-14T10:00:00+08:00')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await remind(officer, 'first', '2026-03-14T10:00:00+08:00', { channel: 'fax' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await remind(officer, 'first', '2026-03-14T10:00:00+08:00', { channel: 'in_person', next_on: '2026-03-16' })).status).toBe('applied')
    expect(await remind(officer, 'second', '2026-03-16T10:00:00+08:00')).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/reported_to/) })
    expect((await remind(officer, 'second', '2026-03-16T10:00:00+08:00', { reported_to: U.adminHead, channel: 'written' })).status).toBe('applied')
    expect(await remind(officer, 'final', '2026-03-17T10:00:00+08:00')).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/penalty/) })
    expect((await remind(U.adminHead as string, 'final', '2026-03-17T10:00:00+08:00', { penalty: '再逾期扣绩效 5 分' })).status).toBe('applied')
    const [f] = await db.query<Record<string, unknown>>('select * from public.follow_ups where id = $1', [sheet])
    expect(f).toMatchObject({ level: 3, status: 'open', reported_to: U.adminHead, penalty: '再逾期扣绩效 5 分', officer_id: officer, site_id: HQ })
    expect(new Date(f?.first_at as string).toISOString()).toBe('2026-03-14T02:00:00.000Z')
    expect(await count('select count(*)::int as n from public.task_events where follow_up_id = $1 and flagged', [sheet])).toBe(1)

    const review = (user: string, step: string, at: string) => op(db, user, 'follow_up.review', { follow_up_id: sheet, step, note: '已整改' }, at)
    expect((await review(U.adminHead as string, 'review', '2026-03-17T12:00:00+08:00')).status).toBe('flagged') // task not done yet
    await actOn(db, alice, id, 'complete', { report: '完成' }, '2026-03-18T10:00:00+08:00')
    expect(await review(U.executive as string, 'review', '2026-03-18T12:00:00+08:00')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await review(U.adminHead as string, 'approve', '2026-03-18T12:00:00+08:00')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await review(U.adminHead as string, 'review', '2026-03-18T12:00:00+08:00')).status).toBe('applied')
    expect((await review(U.executive as string, 'approve', '2026-03-18T15:00:00+08:00')).status).toBe('applied')
    const [g] = await db.query<Record<string, unknown>>('select status, reviewed_by, approved_by from public.follow_ups where id = $1', [sheet])
    expect(g).toEqual({ status: 'approved', reviewed_by: U.adminHead, approved_by: U.executive })
    expect(await op(db, officer, 'follow_up.remind', { follow_up_id: randomUUID(), level: 'first', channel: 'phone', reminded_at: '2026-03-14T10:00:00+08:00' })).toMatchObject({ status: 'refused', reason: 'not_found' })
  })
})

describe('calendar_day.set: the company\'s and a site\'s own days', () => {
  it('the admin head sets a day; the same day again replaces it; others are refused', async () => {
    const a = randomUUID()
    expect((await op(db, U.adminHead as string, 'calendar_day.set', { day: '2026-03-13', kind: 'off', note: '公司年会' }, undefined, a)).status).toBe('applied')
    expect(await op(db, alice, 'calendar_day.set', { day: '2026-03-13', kind: 'off' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await op(db, szHead, 'calendar_day.set', { day: '2026-03-13', kind: 'off' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await op(db, szHead, 'calendar_day.set', { day: '2026-03-14', site_id: SZ, kind: 'work', note: '盘点' })).status).toBe('applied')
    expect(await op(db, U.adminHead as string, 'calendar_day.set', { day: '2026-13-01', kind: 'off' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    const b = randomUUID()
    expect((await op(db, U.executive as string, 'calendar_day.set', { day: '2026-03-13', kind: 'work' }, undefined, b)).status).toBe('applied')
    const live = await db.query<{ id: string; kind: string }>("select id, kind from public.calendar_days where day = '2026-03-13' and site_id is null and deleted_at is null")
    expect(live).toEqual([{ id: b, kind: 'work' }])
  })
})
