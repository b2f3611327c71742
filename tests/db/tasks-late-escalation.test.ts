// An overdue task goes up the line by itself (issue 11): the server computes the level as the device
// does (src/features/tasks/domain/lateEscalation.ts) — 2 working days past the deadline the giver,
// then one level every 2 working days: the department head → 行政部长 → 执行长, on the company
// calendar (the 2026 Spring Festival and its make-up Saturdays) — and the reminder sender is told
// once per level, to whoever stands at it.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lateLevel, type Task } from '../../src/features/tasks/domain'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '../../src/shared/lib/calendar'
import { addDays } from '../../src/shared/lib/zonedTime'
import { messageOf, type ClaimedReminder } from '../../supabase/functions/send-reminders/reminders'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { FIN, HQ, actOn, assign, op, person, taskRow } from './support/tasks'

let db: TestDb
let cal: CompanyCalendar
let alice: string, finHead: string, staff: string
const U = DEMO.users
const DUE = '2026-02-13'
const ASSIGNED = '2026-02-09T09:00:00+08:00'

/** The task's 'late' pushes claimed at noon (Shanghai) on a day: level and whose device. */
async function claimLate(task: string, day: string): Promise<string[]> {
  await db.exec('set role service_role')
  try {
    const rows = await db.query<{ task_id: string; kind: string; level: number; channel: string; endpoint: string | null }>('select * from public.claim_reminders(1000, $1::timestamptz)', [
      `${day}T04:00:00Z`,
    ])
    return rows
      .filter((r) => r.task_id === task && r.kind === 'late' && r.channel === 'push')
      .map((r) => `${r.level}:${(r.endpoint ?? '').split('/').pop()}`)
      .sort()
  } finally {
    await db.exec('reset role')
  }
}

const subscribe = (user: string, name: string) =>
  op(db, user, 'push_subscription.set', { endpoint: `https://push.example.com/late-${name}`, p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) }, undefined, randomUUID())

async function serverLevel(task: string, day: string): Promise<string | null> {
  const [row] = await db.query<{ level: string | null }>('select private.task_late_level(t, $2::date) as level from public.tasks t where t.id = $1', [task, day])
  return row?.level ?? null
}

beforeAll(async () => {
  cal = makeCalendar(await loadStatutoryDays())
  db = await openTestDb()
  alice = await person(db, 'employee', HQ, FIN, 'late-alice')
  finHead = await person(db, 'employee', HQ, FIN, 'late-finhead')
  staff = await person(db, 'inspector', HQ, null, 'late-staff')
  await db.query('update public.departments set head_id = $2 where id = $1', [FIN, finHead])
  for (const [u, n] of [[staff, 'staff'], [finHead, 'finhead'], [U.adminHead as string, 'head'], [U.executive as string, 'exec'], [alice, 'alice']] as const) {
    expect((await subscribe(u, n)).status).toBe('applied')
  }
})
afterAll(() => db?.close())

describe('an overdue task goes up the line by itself', () => {
  it('the server and the device agree on the level every day for a month, across the holiday and the make-up days', async () => {
    const task = await assign(db, staff, alice, { due_on: DUE }, ASSIGNED)
    await actOn(db, alice, task, 'accept', {}, '2026-02-10T09:00:00+08:00')
    const row = (await taskRow(db, task)) as unknown as Task
    const device = { ...row, due_on: DUE }
    const seen: (string | null)[] = []
    for (let i = 0; i <= 30; i++) {
      const day = addDays(DUE, i)
      const server = await serverLevel(task, day)
      expect(server, day).toBe(lateLevel(cal, device, day, finHead))
      seen.push(server)
    }
    // It did climb every step (not null = null all month).
    expect(new Set(seen)).toEqual(new Set([null, 'supervisor', 'department_head', 'admin_head', 'executive']))
    expect(await serverLevel(task, '2026-02-23')).toBeNull() // ten days on, 1 working day late
    expect(await serverLevel(task, '2026-02-28')).toBe('admin_head') // the make-up Saturday counts
  })

  it('tells whoever is at the level, once per level', async () => {
    const task = await assign(db, staff, alice, { due_on: DUE, title: '逾期上报测试' }, ASSIGNED)
    await actOn(db, alice, task, 'accept', {}, '2026-02-10T09:00:00+08:00')
    const mine = (day: string) => claimLate(task, day)
    expect(await mine('2026-02-23')).toEqual([])
    expect(await mine('2026-02-24')).toEqual(['1:late-staff'])
    // The sender running again the same day or the next (same level): nothing new.
    expect(await mine('2026-02-24')).toEqual([])
    expect(await mine('2026-02-25')).toEqual([])
    expect(await mine('2026-02-26')).toEqual(['2:late-finhead'])
    expect(await mine('2026-02-28')).toEqual(['3:late-head'])
    expect(await mine('2026-03-03')).toEqual(['4:late-exec'])
    expect(await mine('2026-03-20')).toEqual([])
    // The notification names the level.
    const m = messageOf({ kind: 'late', level: 3, title: '逾期上报测试', due_on: DUE, task_id: task, person: '行政部长' } as ClaimedReminder, 'https://app.example.com/')
    expect(m).toEqual({ title: '逾期上报行政部长｜行政外勤', body: '行政部长：逾期上报测试（期限 2026-02-13）', url: `https://app.example.com/tasks/${task}` })
  })

  it('a raised problem, a finished task or a moved deadline is not (or no longer) late', async () => {
    const task = await assign(db, staff, alice, { due_on: DUE, title: '问题中的任务' }, ASSIGNED)
    await actOn(db, alice, task, 'accept', {}, '2026-02-10T09:00:00+08:00')
    expect(await serverLevel(task, '2026-02-24')).toBe('supervisor')
    expect((await actOn(db, alice, task, 'raise', { note: '缺材料' }, '2026-02-24T09:00:00+08:00')).status).toBe('applied')
    expect(await serverLevel(task, '2026-02-24')).toBeNull()
    // Resolved with a new deadline: counted again from it.
    expect((await actOn(db, staff, task, 'resolve', { note: '延期', due_on: '2026-03-06' }, '2026-02-24T10:00:00+08:00')).status).toBe('applied')
    expect(await serverLevel(task, '2026-03-06')).toBeNull()
    expect(await serverLevel(task, '2026-03-10')).toBe('supervisor')
    expect((await actOn(db, alice, task, 'complete', { report: '已完成' }, '2026-02-25T10:00:00+08:00')).status).toBe('applied')
    expect(await serverLevel(task, '2026-03-10')).toBeNull()
  })
})
