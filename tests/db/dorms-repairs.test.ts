// 报修 from a dormitory room (issue 10): dorm_repair.report makes a task of the tasks engine (source
// 'repair', source_ref = the room) for the site's dorm manager, due in 3 working days; who may report,
// refusals, replays, RLS (the reporter sees it as its giver, a neighbour does not), and the task tracked
// to done with the tasks engine's own acts. The device's twin (repairTitle) gives the same title.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repairTitle } from '@/features/dorms/domain'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { dormOp } from './support/dorms'

let db: TestDb
const U = DEMO.users
const dorms = DEMO.raw.dorms
const ROOM_101 = dorms.rooms.find((r) => r.number === '101')!
const ROOM_201 = dorms.rooms.find((r) => r.number === '201')!
const BED_101_2 = ROOM_101.beds.find((b) => b.code === '2')!
// The demo driver lives in 101 (bed 2); the demo cleaner in 201; the employee is about to move into 101.
const AT = '2026-11-27T10:00:00+08:00' // a Friday: 3 working days on is Wednesday 2 December

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const report = (user: string, payload: Record<string, unknown>, id = randomUUID(), at = AT) => dormOp(db, user, 'dorm_repair.report', id, payload, at)
const taskOf = async (id: string) =>
  (await db.query<Record<string, unknown>>(
    `select site_id, title, source, source_ref, assigner_id, assigner_level, assignee_id, method, due_on::text, status, photo_ids from public.tasks where id = $1`,
    [id],
  ))[0]

describe('dorm_repair.report', () => {
  it('a resident reports a defect of their bed: a task for the dorm manager, due in 3 working days, titled as on the device', async () => {
    const id = randomUUID()
    const photo = randomUUID()
    const r = await report(U.driver, { room_id: ROOM_101.id, bed_id: BED_101_2.id, what: ' 床板断裂 ', description: '下铺床板中间裂开', photo_ids: [photo] }, id)
    expect(r).toMatchObject({ status: 'applied' })
    expect(await taskOf(id)).toEqual({
      site_id: DEMO.sites['SZ-PLANT'],
      title: repairTitle('101', '2', '床板断裂'),
      source: 'repair',
      source_ref: ROOM_101.id,
      assigner_id: U.driver,
      assigner_level: 'supervisor',
      assignee_id: U.dormManager,
      method: '下铺床板中间裂开',
      due_on: '2026-12-02',
      status: 'assigned',
      photo_ids: [photo],
    })
    expect(repairTitle('101', '2', '床板断裂')).toBe('101室-2 报修：床板断裂')
    // The same op again is a duplicate; another report under its id is refused.
    expect(await report(U.driver, { room_id: ROOM_101.id, bed_id: BED_101_2.id, what: '床板断裂', description: '下铺床板中间裂开', photo_ids: [photo] }, id)).toMatchObject({ status: 'duplicate' })
    expect(await report(U.driver, { room_id: ROOM_101.id, what: '门锁坏了', photo_ids: [] }, id)).toMatchObject({ status: 'refused', reason: 'invalid' })
  })

  it('someone about to move in, and the dorm manager, may report; a resident of another room, or nobody\'s room, may not', async () => {
    expect(await report(U.employee, { room_id: ROOM_101.id, what: '空调不制冷', photo_ids: [] })).toMatchObject({ status: 'applied' })
    expect(await report(U.dormManager, { room_id: ROOM_201.id, what: '热水器漏水', photo_ids: [] })).toMatchObject({ status: 'applied' })
    expect(await report(U.cleaner, { room_id: ROOM_101.id, what: '窗户关不上', photo_ids: [] })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await report(U.inspector, { room_id: ROOM_201.id, what: '窗户关不上', photo_ids: [] })).toMatchObject({ status: 'refused', reason: 'forbidden' })
  })

  it('refuses a missing room, a bed of another room, an empty or too long defect, unknown fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ room_id: randomUUID(), what: '灯不亮', photo_ids: [] }, 'not_found'],
      [{ room_id: ROOM_101.id, bed_id: ROOM_201.beds[0]!.id, what: '灯不亮', photo_ids: [] }, 'not_found'],
      [{ room_id: ROOM_101.id, what: '   ', photo_ids: [] }, 'invalid'],
      [{ room_id: ROOM_101.id, what: '坏'.repeat(101), photo_ids: [] }, 'invalid'],
      [{ room_id: ROOM_101.id, what: '灯不亮', photo_ids: [], priority: 'urgent' }, 'invalid'],
      [{ room_id: ROOM_101.id, what: '灯不亮', photo_ids: Array.from({ length: 11 }, () => randomUUID()) }, 'invalid'],
    ]
    for (const [payload, reason] of cases) expect(await report(U.driver, payload), JSON.stringify(payload)).toMatchObject({ status: 'refused', reason })
  })

  it('the reporter and the dorm manager see it; a neighbour in another room does not; tracked to done on the tasks engine', async () => {
    const id = randomUUID()
    expect(await report(U.driver, { room_id: ROOM_101.id, what: '卫生间下水堵塞', photo_ids: [] }, id)).toMatchObject({ status: 'applied' })
    const sees = async (user: string) => (await db.asUser(user, (q) => q<{ id: string }>('select id from public.tasks where id = $1', [id]))).length === 1
    expect(await sees(U.driver)).toBe(true)
    expect(await sees(U.dormManager)).toBe(true)
    expect(await sees(U.cleaner)).toBe(false)
    const step = (type: string, extra: Record<string, unknown>, at: string) => dormOp(db, U.dormManager, 'task.act', randomUUID(), { type, task_id: id, ...extra }, at)
    expect(await step('accept', {}, '2026-11-27T11:00:00+08:00')).toMatchObject({ status: 'applied' })
    expect(await step('complete', { report: '已疏通', photo_ids: [] }, '2026-11-28T09:00:00+08:00')).toMatchObject({ status: 'applied' })
    const [done] = await db.asUser(U.driver, (q) => q<{ status: string; report: string }>('select status, report from public.tasks where id = $1', [id]))
    expect(done).toEqual({ status: 'completed', report: '已疏通' })
  })
})
