// The department head (部门负责人, departments.head_id) as the level above a task's giver (issue 11;
// manual 1.2 nodes 6-7): a raised problem goes the giver → the head of the task's department → every
// 行政部长 of the site → 执行长, one level at a time; the head's step is skipped when the department
// has no head or the head is the giver or the assignee. The head sees the department's tasks (RLS and
// its definer twin), handles a problem at their level or below, and is pushed the problem once.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { FIN, HQ, HR, actOn, assign, op, person, taskRow } from './support/tasks'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const NOW = '2026-03-10T06:00:00Z'
let alice: string, bob: string, finHead: string, staff: string, carol: string

async function claimProblems(): Promise<string[]> {
  await db.exec('set role service_role')
  try {
    const rows = await db.query<{ kind: string; level: number; channel: string; endpoint: string | null }>(
      'select * from public.claim_reminders(500, $1::timestamptz)',
      [NOW],
    )
    return rows
      .filter((r) => r.kind === 'problem' && r.channel === 'push')
      .map((r) => `${r.level}:${(r.endpoint ?? '').split('/').pop()}`)
      .sort()
  } finally {
    await db.exec('reset role')
  }
}

const subscribe = (user: string, name: string) =>
  op(db, user, 'push_subscription.set', { endpoint: `https://push.example.com/${name}`, p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) }, undefined, randomUUID())

async function seen(user: string, id: string): Promise<{ rls: boolean; twin: boolean }> {
  const rows = await db.asUser(user, (q) => q<{ id: string }>('select id from public.tasks where id = $1', [id]))
  await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: user, role: 'authenticated' })])
  try {
    const [row] = await db.query<{ ok: boolean }>('select private.can_see_task($1) as ok', [id])
    return { rls: rows.length === 1, twin: row?.ok ?? false }
  } finally {
    await db.query(`select set_config('request.jwt.claims', '', false)`)
  }
}

const level = async (id: string) => (await taskRow(db, id)).escalation_level

beforeAll(async () => {
  db = await openTestDb()
  alice = await person(db, 'employee', HQ, FIN, 'alice')
  bob = await person(db, 'employee', HQ, FIN, 'bob')
  carol = await person(db, 'employee', HQ, HR, 'carol')
  finHead = await person(db, 'employee', HQ, FIN, 'finhead')
  staff = await person(db, 'inspector', HQ, null, 'staff')
  await db.query('update public.departments set head_id = $2 where id = $1', [FIN, finHead])
  await db.query('update public.departments set head_id = null where id = $1', [HR])
  for (const [u, n] of [[staff, 'staff'], [finHead, 'finhead'], [U.adminHead as string, 'head'], [U.executive as string, 'exec']] as const) {
    expect((await subscribe(u, n)).status).toBe('applied')
  }
})
afterAll(() => db?.close())

describe('the department head in the escalation line', () => {
  it('goes the giver → the department head → the admin head → the executive, each pushed once', async () => {
    const task = await assign(db, staff, alice, { title: '盘点财务档案' })
    expect(await seen(finHead, task)).toEqual({ rls: true, twin: true })
    expect(await seen(bob, task)).toEqual({ rls: false, twin: false })
    await actOn(db, alice, task, 'accept', {}, '2026-03-09T10:00:00+08:00')
    expect((await actOn(db, alice, task, 'raise', { note: '需要调阅历年凭证' }, '2026-03-10T09:00:00+08:00')).status).toBe('applied')
    expect(await claimProblems()).toEqual(['1:staff'])

    expect((await actOn(db, staff, task, 'escalate', {}, '2026-03-10T10:00:00+08:00')).status).toBe('applied')
    expect(await level(task)).toBe('department_head')
    const [fact] = await db.query<{ data: Record<string, unknown> }>(`select data from public.task_events where task_id = $1 and type = 'escalate'`, [task])
    expect(fact?.data).toEqual({ to: 'department_head' })
    expect(await claimProblems()).toEqual(['2:finhead'])
    expect(await claimProblems()).toEqual([])

    // Someone else of the department is not the head: refused with the reason.
    const refused = await actOn(db, bob, task, 'escalate', {}, '2026-03-10T10:30:00+08:00')
    expect(refused).toMatchObject({ status: 'refused', reason: 'forbidden' })

    expect((await actOn(db, finHead, task, 'escalate', { note: '超出部门权限' }, '2026-03-10T11:00:00+08:00')).status).toBe('applied')
    expect(await level(task)).toBe('admin_head')
    expect(await claimProblems()).toEqual(['3:head'])

    expect((await actOn(db, U.adminHead as string, task, 'escalate', {}, '2026-03-10T12:00:00+08:00')).status).toBe('applied')
    expect(await level(task)).toBe('executive')
    expect(await claimProblems()).toEqual(['4:exec'])
    // The top: one more escalation does not fit (kept, flagged).
    expect((await actOn(db, U.executive as string, task, 'escalate', {}, '2026-03-10T13:00:00+08:00')).status).toBe('flagged')
  })

  it('the head resolves a problem still at the giver; below the head nobody else does', async () => {
    const task = await assign(db, staff, alice, { title: '更新报销流程' })
    await actOn(db, alice, task, 'raise', { note: '流程归属不清' }, '2026-03-10T09:00:00+08:00')
    expect(await actOn(db, bob, task, 'resolve', { note: '我来' }, '2026-03-10T09:10:00+08:00')).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await actOn(db, finHead, task, 'resolve', { note: '按新制度办理', due_on: '2026-03-20' }, '2026-03-10T09:30:00+08:00')).status).toBe('applied')
    const row = await taskRow(db, task)
    expect(row.status).toBe('assigned')
    expect(row.escalation_level).toBeNull()
  })

  it('skips the head when the department has none, or the head carries the task out', async () => {
    const noHead = await assign(db, staff, carol, { department_id: HR, title: '人事档案' })
    await actOn(db, carol, noHead, 'raise', { note: '缺授权' }, '2026-03-10T09:00:00+08:00')
    await actOn(db, staff, noHead, 'escalate', {}, '2026-03-10T09:30:00+08:00')
    expect(await level(noHead)).toBe('admin_head')

    const headsOwn = await assign(db, staff, finHead, { title: '部门预算' })
    await actOn(db, finHead, headsOwn, 'raise', { note: '超出部门权限' }, '2026-03-10T09:00:00+08:00')
    await actOn(db, staff, headsOwn, 'escalate', {}, '2026-03-10T09:30:00+08:00')
    expect(await level(headsOwn)).toBe('admin_head')
    await claimProblems()
  })

  it("a retried escalation is the same act, even after the head changed; the head's level stays where it went", async () => {
    const task = await assign(db, staff, alice, { title: '季度对账' })
    await actOn(db, alice, task, 'raise', { note: '对不上' }, '2026-03-10T09:00:00+08:00')
    // The phone sends the same op again (its answer was lost): the same op id and act id.
    const escalate = makeOp('task.act', randomUUID(), { type: 'escalate', task_id: task }, { device_time: '2026-03-10T09:30:00+08:00' })
    expect((await push(db, staff, [escalate]))[0]?.status).toBe('applied')
    expect(await level(task)).toBe('department_head')
    await db.query('update public.departments set head_id = null where id = $1', [FIN])
    try {
      expect((await push(db, staff, [escalate]))[0]?.status).toBe('duplicate')
      // A later fact refolds the task: the recorded escalation still reached the head's level.
      await actOn(db, alice, task, 'progress', { note: '已补凭证' }, '2026-03-10T10:00:00+08:00')
      expect(await level(task)).toBe('department_head')
    } finally {
      await db.query('update public.departments set head_id = $2 where id = $1', [FIN, finHead])
    }
  })
})
