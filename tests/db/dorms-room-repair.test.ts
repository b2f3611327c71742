// "Under repair" for a whole room and from a 报修 task (issue 10, migration 20261203040200): dorm_room.repair
// marks the listed beds of a room in one act; a bed someone lives on or has reserved is refused with the bed
// named, on every path (also dorm_bed.record); a 报修 task done frees the beds it put under repair, not the
// others; who may; replays; the device's plan (roomRepairPlan) takes the same beds.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roomRepairPlan, roomRepairPayload } from '@/features/dorms/domain'
import { SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { allocation, bedOp, dormOp, makeRoom, pastClock } from './support/dorms'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const at = pastClock()
const beds = async (roomId: string) =>
  db.query<{ id: string; code: string; status: 'vacant' | 'reserved' | 'occupied' | 'under_repair'; in_repair: boolean }>(
    'select id, code, status, in_repair from public.dorm_beds where room_id = $1 and deleted_at is null order by code',
    [roomId],
  )
const repair = (user: string, roomId: string, payload: Record<string, unknown>, when = at(10), op = randomUUID()) => dormOp(db, user, 'dorm_room.repair', roomId, payload, when).then((r) => ({ ...r, op }))

describe('dorm_room.repair', () => {
  it('marks the vacant beds of a room in one act; the lived-on and reserved ones are left out by the device and refused by the server', async () => {
    const room = await makeRoom(db, U.dormManager, SZ)
    const [b1, b2, b3] = room.beds
    const lives = allocation(U.driver)
    expect(await bedOp(db, U.dormManager, b1!.id, 'allocate', lives, at(1))).toMatchObject({ status: 'applied' })
    expect(await bedOp(db, U.driver, b1!.id, 'check_in', { stay_id: lives.stay_id, occupant_id: U.driver }, at(2))).toMatchObject({ status: 'applied' })
    expect(await bedOp(db, U.dormManager, b2!.id, 'allocate', allocation(U.employee), at(3))).toMatchObject({ status: 'applied' })

    const before = await beds(room.roomId)
    const plan = roomRepairPlan(before, 'start')
    expect(plan.beds.map((b) => b.code)).toEqual(['3', '4'])
    expect(plan.skipped.map((s) => [s.bed.code, s.reason])).toEqual([['1', 'occupied'], ['2', 'reserved']])
    const payload = roomRepairPayload(plan, 'start', plan.beds.map(() => randomUUID()), null, ' 墙面渗水 ')
    expect(await repair(U.dormManager, room.roomId, payload)).toMatchObject({ status: 'applied' })
    expect((await beds(room.roomId)).map((b) => [b.code, b.status])).toEqual([['1', 'occupied'], ['2', 'reserved'], ['3', 'under_repair'], ['4', 'under_repair']])
    // The same act again is a duplicate.
    expect(await repair(U.dormManager, room.roomId, payload)).toMatchObject({ status: 'duplicate' })

    // Naming the occupied bed (or the reserved one) is refused, the bed named, nothing written.
    const r1 = await repair(U.dormManager, room.roomId, { action: 'start', beds: [{ bed_id: b3!.id, event_id: randomUUID() }, { bed_id: b1!.id, event_id: randomUUID() }] })
    expect(r1).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r1.detail).toContain('beds[1].bed_id: bed 1 is occupied')
    const r2 = await repair(U.dormManager, room.roomId, { action: 'start', beds: [{ bed_id: b2!.id, event_id: randomUUID() }] })
    expect(r2.detail).toContain('bed 2 is reserved')
    // …and so is the single-bed path.
    const r3 = await bedOp(db, U.dormManager, b1!.id, 'repair_start', { note: '床板' }, at(11))
    expect(r3).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r3.detail).toContain('bed 1 is occupied')
    expect((await beds(room.roomId)).filter((b) => b.in_repair).map((b) => b.code)).toEqual(['3', '4'])

    // Back in use: the beds under repair.
    const end = roomRepairPlan(await beds(room.roomId), 'end')
    expect(await repair(U.dormManager, room.roomId, roomRepairPayload(end, 'end', end.beds.map(() => randomUUID())), at(20))).toMatchObject({ status: 'applied' })
    expect((await beds(room.roomId)).map((b) => b.status)).toEqual(['occupied', 'reserved', 'vacant', 'vacant'])
  })

  it('who may: the dorm manager and the admin head of the site; not a resident, not an inspector; refuses bad input', async () => {
    const room = await makeRoom(db, U.dormManager, SZ)
    const one = () => ({ action: 'start', beds: [{ bed_id: room.beds[0]!.id, event_id: randomUUID() }] })
    expect(await repair(U.driver, room.roomId, one())).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await repair(U.inspector, room.roomId, one())).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const other = await makeRoom(db, U.dormManager, SZ)
    const cases: [string, Record<string, unknown>, string][] = [
      [randomUUID(), one(), 'not_found'],
      [room.roomId, { action: 'start', beds: [{ bed_id: other.beds[0]!.id, event_id: randomUUID() }] }, 'not_found'],
      [room.roomId, { action: 'fix', beds: one().beds }, 'invalid'],
      [room.roomId, { action: 'start', beds: [] }, 'invalid'],
      [room.roomId, { action: 'start', beds: [{ bed_id: room.beds[0]!.id, event_id: randomUUID() }, { bed_id: room.beds[0]!.id, event_id: randomUUID() }] }, 'invalid'],
      [room.roomId, { ...one(), task_id: randomUUID() }, 'not_found'],
      [room.roomId, { ...one(), colour: 'red' }, 'invalid'],
    ]
    for (const [roomId, payload, reason] of cases) expect(await repair(U.dormManager, roomId, payload), JSON.stringify(payload)).toMatchObject({ status: 'refused', reason })
    expect(await repair(U.adminHead, room.roomId, one())).toMatchObject({ status: 'applied' })
  })

  it('a 报修 task puts the room under repair; done, it frees the beds it took and not one marked apart', async () => {
    const room = await makeRoom(db, U.dormManager, SZ)
    const [b1, b2, b3, b4] = room.beds
    const task = randomUUID()
    expect(await dormOp(db, U.dormManager, 'dorm_repair.report', task, { room_id: room.roomId, what: '天花板漏水', photo_ids: [] }, at(30))).toMatchObject({ status: 'applied' })
    // Bed 4 was put under repair on its own before (a broken frame): the task does not free it.
    expect(await bedOp(db, U.dormManager, b4!.id, 'repair_start', { note: '床架' }, at(31))).toMatchObject({ status: 'applied' })
    const ids = [b1, b2, b3].map(() => randomUUID())
    const payload = { action: 'start', beds: [b1, b2, b3].map((b, i) => ({ bed_id: b!.id, event_id: ids[i] })), task_id: task }
    expect(await repair(U.dormManager, room.roomId, payload, at(32))).toMatchObject({ status: 'applied' })
    const [ev] = await db.query<{ payload: unknown }>('select payload from public.dorm_bed_events where id = $1', [ids[0]])
    expect(ev?.payload).toEqual({ task_id: task })
    expect((await beds(room.roomId)).map((b) => b.status)).toEqual(['under_repair', 'under_repair', 'under_repair', 'under_repair'])

    const step = (type: string, extra: Record<string, unknown>, when: string) => dormOp(db, U.dormManager, 'task.act', randomUUID(), { type, task_id: task, ...extra }, when)
    expect(await step('accept', {}, at(40))).toMatchObject({ status: 'applied' })
    expect((await beds(room.roomId)).every((b) => b.in_repair)).toBe(true)
    expect(await step('complete', { report: '已修好', photo_ids: [] }, at(60))).toMatchObject({ status: 'applied' })
    expect((await beds(room.roomId)).map((b) => [b.code, b.status])).toEqual([['1', 'vacant'], ['2', 'vacant'], ['3', 'vacant'], ['4', 'under_repair']])
    const ends = await db.query<{ payload: unknown; actor_id: string }>(`select payload, actor_id from public.dorm_bed_events where type = 'repair_end' and bed_id = any ($1::uuid[])`, [[b1!.id, b2!.id, b3!.id, b4!.id]])
    expect(ends).toHaveLength(3)
    expect(ends.every((e) => (e.payload as { task_id: string }).task_id === task && e.actor_id === U.dormManager)).toBe(true)
    // A done task does not start a repair again.
    const again = await repair(U.dormManager, room.roomId, { action: 'start', beds: [{ bed_id: b1!.id, event_id: randomUUID() }], task_id: task }, at(70))
    expect(again).toMatchObject({ status: 'refused', reason: 'invalid' })
  })
})
