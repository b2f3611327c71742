// Who reads tasks, their facts and 督办 sheets (issue 11 "RLS"): the assignee theirs, co-assignees,
// the person a task is being handed to, its giver, the sheet's officer, a department's members while
// nobody has taken its task, and the admin head and executive of its site (a department's head:
// tasks-department-head.test.ts). The definer-side twin (private.can_see_task) must agree with the policy.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { FIN, HQ, HR, SZ, actOn, assign, op, person } from './support/tasks'

let db: TestDb
const U = DEMO.users
const staff = U.assetKeeper as string
let alice: string, bob: string, carol: string, dave: string, szHead: string, officer: string
let mine: string, deptTask: string, szTask: string, sheet: string

beforeAll(async () => {
  db = await openTestDb()
  alice = await person(db, 'employee', HQ, FIN, 'alice')
  bob = await person(db, 'employee', HQ, FIN, 'bob')
  carol = await person(db, 'employee', HQ, HR, 'carol')
  dave = await person(db, 'employee', HQ, HR, 'dave')
  szHead = await person(db, 'admin_head', SZ, null, 'szhead')
  officer = await person(db, 'employee', HQ, HR, 'officer')
  mine = await assign(db, staff, alice, { department_id: HR, co_assignee_ids: [dave] })
  await actOn(db, alice, mine, 'accept', {}, '2026-03-10T09:00:00+08:00')
  sheet = randomUUID()
  const r = await op(db, U.adminHead as string, 'follow_up.open', { task_id: mine, officer_id: officer, reason: 'important', instructions: '每周汇报' }, '2026-03-10T10:00:00+08:00', sheet)
  if (r.status !== 'applied') throw new Error(r.detail)
  deptTask = await assign(db, staff, null, { department_id: FIN })
  szTask = await assign(db, U.executive as string, carol, { site_id: SZ, department_id: DEMO.departments.PRD })
})
afterAll(() => db?.close())

async function visible(user: string, table: string, ids: string[]): Promise<string[]> {
  const rows = await db.asUser(user, (q) => q<{ id: string }>(`select id from public.${table} where id = any ($1::uuid[]) order by id`, [ids]))
  return rows.map((r) => r.id).sort()
}
/** private.can_see_task as the user (claims set for the superuser session, as vehicles-rls does). */
async function twin(user: string, id: string): Promise<boolean> {
  await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: user, role: 'authenticated' })])
  try {
    const [row] = await db.query<{ ok: boolean }>('select private.can_see_task($1) as ok', [id])
    return row?.ok ?? false
  } finally {
    await db.query(`select set_config('request.jwt.claims', '', false)`)
  }
}

describe('tasks RLS', () => {
  it('each person sees exactly their scope, and the definer twin agrees', async () => {
    const all = [mine, deptTask, szTask].sort()
    const expected: [string, string, string[]][] = [
      ['alice (assignee; a FIN member sees the untaken FIN task)', alice, [mine, deptTask].sort()],
      ['bob (FIN member: the untaken department task)', bob, [deptTask]],
      ['carol (assignee at the other site; HR member of a taken task)', carol, [szTask]],
      ['dave (co-assignee)', dave, [mine]],
      ['officer (督办人员 of the sheet)', officer, [mine]],
      ['staff (the giver)', staff, [mine, deptTask].sort()],
      ['admin head (every site)', U.adminHead as string, all],
      ['executive', U.executive as string, all],
      ['admin head of SZ only', szHead, [szTask]],
      ['driver', U.driver as string, []],
    ]
    for (const [who, user, ids] of expected) {
      expect(await visible(user, 'tasks', all), who).toEqual(ids)
      for (const id of all) expect(await twin(user, id), `${who} twin ${id}`).toBe(ids.includes(id))
    }
  })

  it('facts follow their task; sheets their officer and task', async () => {
    const facts = (await db.query<{ id: string }>('select id from public.task_events')).map((r) => r.id)
    expect((await visible(alice, 'task_events', facts)).length).toBe(2) // accept + follow_up
    expect(await visible(bob, 'task_events', facts)).toEqual([])
    expect(await visible(officer, 'follow_ups', [sheet])).toEqual([sheet])
    expect(await visible(alice, 'follow_ups', [sheet])).toEqual([sheet])
    expect(await visible(carol, 'follow_ups', [sheet])).toEqual([])
    expect(await visible(szHead, 'follow_ups', [sheet])).toEqual([])
  })

  it('a department task leaves its other members once taken; a handover shows it to the new side', async () => {
    await actOn(db, bob, deptTask, 'accept')
    const fin2 = await person(db, 'employee', HQ, FIN, 'fin2')
    expect(await visible(fin2, 'tasks', [deptTask])).toEqual([])
    await actOn(db, staff, deptTask, 'handover', { to_id: carol, note: '改由 carol 办理' })
    expect(await visible(carol, 'tasks', [deptTask])).toEqual([deptTask])
  })

  it('calendar days are read by everyone signed in; nobody writes tables directly', async () => {
    await op(db, U.adminHead as string, 'calendar_day.set', { day: '2026-04-30', kind: 'off' })
    const rows = await db.asUser(U.driver as string, (q) => q<{ n: number }>('select count(*)::int as n from public.calendar_days'))
    expect(rows[0]?.n).toBeGreaterThan(0)
    await expect(db.asUser(U.adminHead as string, (q) => q("update public.tasks set status = 'scored'"))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(alice, (q) => q('insert into public.task_events (id) values ($1)', [randomUUID()]))).rejects.toThrow(/permission denied/)
  })
})
