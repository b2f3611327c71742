// A raised problem is pushed to whoever must handle it (issue 11, manual 1.2 nodes 6-7): the task's
// giver first, then every 行政部长 of the site, then the 执行长, one level at a time, each once (FIN
// has no head here: its step is tasks-department-head.test.ts's; levels 1 giver … 4 执行长);
// the work-chat robot gets each step once even when several people share the level.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messageOf, type ClaimedReminder } from '../../supabase/functions/send-reminders/reminders'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { FIN, HQ, actOn, assign, op, person } from './support/tasks'

let db: TestDb
const NOW = '2026-03-10T06:00:00Z'
let alice: string, staff: string, head2: string

interface Claimed {
  reminder_key: string
  kind: string
  task_id: string
  level: number | null
  channel: string
  endpoint: string | null
  person: string | null
}

async function claim(): Promise<Claimed[]> {
  await db.exec('set role service_role')
  try {
    return await db.query<Claimed>('select * from public.claim_reminders(500, $1::timestamptz)', [NOW])
  } finally {
    await db.exec('reset role')
  }
}

const subscribe = (user: string, name: string) =>
  op(db, user, 'push_subscription.set', { endpoint: `https://push.example.com/${name}`, p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) }, undefined, randomUUID())

beforeAll(async () => {
  db = await openTestDb()
  alice = await person(db, 'employee', HQ, FIN, 'alice')
  staff = await person(db, 'inspector', HQ, null, 'staff')
  head2 = await person(db, 'admin_head', HQ, null, 'head2')
  for (const [u, n] of [[staff, 'staff'], [DEMO.users.adminHead as string, 'head'], [head2, 'head2'], [DEMO.users.executive as string, 'exec']] as const) {
    expect((await subscribe(u, n)).status).toBe('applied')
  }
  await db.query(`insert into private.webhook_targets (department_id, kind, url) values ($1, 'wecom', 'https://robot.example.com/fin')`, [FIN])
})
afterAll(async () => {
  await db?.close()
})

const problems = (rows: Claimed[]) =>
  rows
    .filter((r) => r.kind === 'problem')
    .map((r) => `${r.level}:${r.channel}:${r.channel === 'push' ? (r.endpoint ?? '').split('/').pop() : 'robot'}`)
    .sort()

describe('a raised problem reaches the level it waits at', () => {
  it('goes to the giver, then to every admin head of the site, then the executive; each step once', async () => {
    const task = await assign(db, staff, alice, { due_on: '2026-03-13' })
    await claim() // the new task's own reminders
    expect((await actOn(db, alice, task, 'accept', {}, '2026-03-09T10:00:00+08:00')).status).toBe('applied')
    expect(problems(await claim())).toEqual([])

    expect((await actOn(db, alice, task, 'raise', { note: '超出权限' }, '2026-03-10T09:00:00+08:00')).status).toBe('applied')
    expect(problems(await claim())).toEqual(['1:push:staff', '1:webhook:robot'])
    expect(problems(await claim())).toEqual([])

    expect((await actOn(db, staff, task, 'escalate', {}, '2026-03-10T10:00:00+08:00')).status).toBe('applied')
    const heads = await db.query<{ user_id: string }>(
      `select user_id from public.user_roles where role = 'admin_head' and deleted_at is null and (site_id is null or site_id = $1)`,
      [HQ],
    )
    expect(heads.map((h) => h.user_id)).toEqual(expect.arrayContaining([DEMO.users.adminHead, head2]))
    // Both admin heads' phones; the department's robot once, not once per admin head.
    expect(problems(await claim())).toEqual(['3:push:head', '3:push:head2', '3:webhook:robot'])

    expect((await actOn(db, DEMO.users.adminHead as string, task, 'escalate', {}, '2026-03-10T11:00:00+08:00')).status).toBe('applied')
    expect(problems(await claim())).toEqual(['4:push:exec', '4:webhook:robot'])
    expect(problems(await claim())).toEqual([])
  })

  it('a resolved problem stops; raising it again is a new reminder', async () => {
    const task = await assign(db, staff, alice, { due_on: '2026-03-13', title: '第二件' })
    await actOn(db, alice, task, 'accept', {}, '2026-03-09T10:00:00+08:00')
    await actOn(db, alice, task, 'raise', { note: '缺材料' }, '2026-03-10T09:00:00+08:00')
    expect(problems(await claim())).toEqual(['1:push:staff', '1:webhook:robot'])
    expect((await actOn(db, staff, task, 'resolve', { note: '已补' }, '2026-03-10T09:30:00+08:00')).status).toBe('applied')
    expect(problems(await claim())).toEqual([])
    expect((await actOn(db, alice, task, 'raise', { note: '又缺' }, '2026-03-10T10:30:00+08:00')).status).toBe('applied')
    const again = (await claim()).filter((r) => r.kind === 'problem')
    expect(again.map((r) => r.channel).sort()).toEqual(['push', 'webhook'])
    expect(again.every((r) => r.task_id === task && (r.person ?? '').startsWith('staff'))).toBe(true)
  })

  it('says on the phone which level the problem waits at, and opens the task', () => {
    const m = messageOf({ kind: 'problem', level: 3, title: '整理档案', due_on: '2026-03-13', task_id: 'T1', person: '王部长' } as ClaimedReminder, 'https://app.example.com/')
    expect(m).toEqual({ title: '问题上报行政部长｜行政外勤', body: '王部长：整理档案（期限 2026-03-13）', url: 'https://app.example.com/tasks/T1' })
  })
})
