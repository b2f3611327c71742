// The room and building editor's server side (issue 10, 20261202170300): a room's floor within its
// building, one room number per building, a building never shrunk below its rooms — refusals naming the
// field; dorm_room.delete / dorm_building.delete: who may, refused while in use, the beds go with the room.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { allocation, bedOp, dormOp, makeRoom, roomPayload } from './support/dorms'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

describe('room and building shape', () => {
  it('a room above the building\'s top floor, or with a number the building already has, is refused with the field', async () => {
    const { buildingId } = await makeRoom(db, U.dormManager, SZ) // 6 floors, room 301
    const above = await dormOp(db, U.dormManager, 'dorm_room.upsert', randomUUID(), roomPayload(buildingId, '701', { floor: 7 }))
    expect(above).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(above.detail).toMatch(/^floor: the building has 6 floors/)
    const twice = await dormOp(db, U.dormManager, 'dorm_room.upsert', randomUUID(), roomPayload(buildingId, ' 301 '))
    expect(twice).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(twice.detail).toMatch(/^number: another room/)
    // A basement and the top floor are fine.
    expect(await dormOp(db, U.dormManager, 'dorm_room.upsert', randomUUID(), roomPayload(buildingId, 'B01', { floor: -1 }))).toMatchObject({ status: 'applied' })
    expect(await dormOp(db, U.dormManager, 'dorm_room.upsert', randomUUID(), roomPayload(buildingId, '601', { floor: 6 }))).toMatchObject({ status: 'applied' })
  })

  it('a building does not shrink below a floor with rooms; it may shrink to it', async () => {
    const { buildingId } = await makeRoom(db, U.dormManager, SZ)
    const shrink = (floors: number) => dormOp(db, U.dormManager, 'dorm_building.upsert', buildingId, { site_id: SZ, name: '缩层楼', floors })
    const r = await shrink(2)
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r.detail).toMatch(/^floors: rooms are on floor 3/)
    expect(await shrink(3)).toMatchObject({ status: 'applied' })
  })

  it('a room edit that resizes it keeps its beds\' labels and refuses dropping a bed someone holds', async () => {
    const { buildingId, roomId, beds } = await makeRoom(db, U.dormManager, SZ, { room_type: 2 })
    await bedOp(db, U.dormManager, beds[1]!.id, 'allocate', allocation(U.driver), '2026-11-20T09:00:00+08:00')
    const single = await dormOp(db, U.dormManager, 'dorm_room.upsert', roomId, { ...roomPayload(buildingId, '301', { room_type: 1 }), beds: [beds[0]] })
    expect(single).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await dormOp(db, U.dormManager, 'dorm_room.upsert', roomId, { ...roomPayload(buildingId, '301', { room_type: 1 }), beds: [beds[1]] })).toMatchObject({ status: 'applied' })
    const live = await db.query<{ id: string; label_token: string }>('select id, label_token from public.dorm_beds where room_id = $1 and deleted_at is null', [roomId])
    expect(live).toEqual([{ id: beds[1]!.id, label_token: beds[1]!.label_token }])
  })
})

describe('taking rooms and buildings out of use', () => {
  it('only the dorm manager or the admin head; refused while a bed is reserved or occupied; the beds go with the room', async () => {
    const { buildingId, roomId, beds } = await makeRoom(db, U.dormManager, SZ, { room_type: 2 })
    expect(await dormOp(db, U.employee, 'dorm_room.delete', roomId, {})).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await dormOp(db, U.executive, 'dorm_room.delete', roomId, {})).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await dormOp(db, U.dormManager, 'dorm_room.delete', roomId, { why: 'x' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await dormOp(db, U.dormManager, 'dorm_room.delete', randomUUID(), {})).toMatchObject({ status: 'refused', reason: 'not_found' })
    const stay = allocation(U.driver)
    await bedOp(db, U.dormManager, beds[0]!.id, 'allocate', stay, '2026-11-20T09:00:00+08:00')
    expect(await dormOp(db, U.dormManager, 'dorm_room.delete', roomId, {})).toMatchObject({ status: 'refused', reason: 'invalid' })
    // The building with a room in it cannot go either.
    expect(await dormOp(db, U.adminHead, 'dorm_building.delete', buildingId, {})).toMatchObject({ status: 'refused', reason: 'invalid' })
    await bedOp(db, U.dormManager, beds[0]!.id, 'cancel', { stay_id: stay.stay_id }, '2026-11-20T10:00:00+08:00')
    expect(await dormOp(db, U.adminHead, 'dorm_room.delete', roomId, {})).toMatchObject({ status: 'applied' })
    const [gone] = await db.query<{ room: boolean; beds: number }>(
      'select (select deleted_at is not null from public.dorm_rooms where id = $1) as room, (select count(*)::int from public.dorm_beds where room_id = $1 and deleted_at is null) as beds',
      [roomId],
    )
    expect(gone).toEqual({ room: true, beds: 0 })
    // The number is free again in the building; the building can now go.
    expect(await dormOp(db, U.dormManager, 'dorm_room.upsert', randomUUID(), roomPayload(buildingId, '301'))).toMatchObject({ status: 'applied' })
    const [again] = await db.query<{ id: string }>(`select id from public.dorm_rooms where building_id = $1 and deleted_at is null`, [buildingId])
    expect(await dormOp(db, U.dormManager, 'dorm_room.delete', again!.id, {})).toMatchObject({ status: 'applied' })
    expect(await dormOp(db, U.dormManager, 'dorm_building.delete', buildingId, {})).toMatchObject({ status: 'applied' })
    expect(await dormOp(db, U.dormManager, 'dorm_building.delete', buildingId, {})).toMatchObject({ status: 'duplicate' })
  })
})
