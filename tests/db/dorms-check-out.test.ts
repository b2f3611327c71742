// Check-out on the phone, server side (issue 10): dorm_check_out.submit records the inventory again,
// compared with the stay's check-in (new_damage derived here), the final meters and the keys handed back
// (custody check_ins), together with the bed's check_out event — the bed is vacant in the same
// transaction; its photos register against the record (photo-owner registry); refusals change nothing.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } from '@/features/dorms/domain'
import { allItems } from '@/features/inspections/domain'
import { makeUser } from './support/checklists'
import { assetPayload, SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { allocation, bedOp, dormOp, makeRoom } from './support/dorms'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const answers = (...fail: string[]) =>
  allItems(DORM_INVENTORY_V1).map((i) => (fail.includes(i.key) ? { item_key: i.key, result: 'fail', note: '坏了', photo_ids: [randomUUID()] } : { item_key: i.key, result: 'pass' }))
const meters = (water: number, electricity: number) => [
  { meter: 'water', reading: water, photo_id: randomUUID() },
  { meter: 'electricity', reading: electricity, photo_id: randomUUID() },
]
const base = (stayId: string, bedId: string) => ({ stay_id: stayId, bed_id: bedId, event_id: randomUUID(), template_id: DORM_INVENTORY_TEMPLATE_ID, started_at: new Date(Date.now() - 5 * 60_000).toISOString() })

async function livingThere(name: string) {
  const me = await makeUser(db, 'employee', SZ, name)
  const { roomId, beds } = await makeRoom(db, U.dormManager, SZ)
  const keyId = randomUUID()
  const k = await dormOp(db, U.dormManager, 'asset.upsert', keyId, assetPayload('dorm_key', { site_id: SZ, name: '房门钥匙', details: { key_type: 'room_key', room_id: roomId } }))
  expect(k.status).toBe('applied')
  const bedId = beds[0]?.id as string
  const a = allocation(me)
  await bedOp(db, U.dormManager, bedId, 'allocate', a)
  const checkIn = randomUUID()
  const r = await dormOp(db, me, 'dorm_check_in.submit', checkIn, {
    ...base(a.stay_id, bedId), answers: answers('wardrobe'), meters: meters(10, 200), keys: [{ asset_id: keyId, event_id: randomUUID() }], rules_ack: true, signature_photo_id: randomUUID(),
  })
  expect(r.status).toBe('applied')
  return { me, bedId, stayId: a.stay_id, keyId, checkIn }
}

const row = async (sql: string, id: string) => (await db.query<Record<string, unknown>>(sql, [id]))[0]

describe('dorm_check_out.submit', () => {
  it('the resident checks out: damage new since check-in derived, keys back in stock, bed vacant, stay ended — in one op', async () => {
    const { me, bedId, stayId, keyId, checkIn } = await livingThere('leaver')
    const id = randomUUID()
    const p = { ...base(stayId, bedId), answers: answers('wardrobe', 'desk_chair'), meters: meters(18.5, 260), keys: [{ asset_id: keyId, event_id: randomUUID() }, { label: '信箱钥匙' }], note: '搬去深圳' }

    // Refusals first: each changes nothing.
    const stranger = await makeUser(db, 'employee', SZ, 'stranger-out')
    expect(await dormOp(db, stranger, 'dorm_check_out.submit', randomUUID(), p)).toMatchObject({ reason: 'forbidden' })
    expect(await dormOp(db, me, 'dorm_check_out.submit', randomUUID(), { ...p, meters: meters(1, 2).slice(1) })).toMatchObject({ reason: 'invalid' })
    expect(await dormOp(db, me, 'dorm_check_out.submit', randomUUID(), { ...p, answers: answers().slice(2) })).toMatchObject({ reason: 'invalid' })
    expect(await dormOp(db, me, 'dorm_check_out.submit', randomUUID(), { ...p, keys: [{ asset_id: randomUUID(), event_id: randomUUID() }] })).toMatchObject({ reason: 'not_found' })
    expect(await row('select status from public.dorm_beds where id = $1', bedId)).toEqual({ status: 'occupied' })

    expect(await dormOp(db, me, 'dorm_check_out.submit', id, p)).toMatchObject({ status: 'applied' })
    expect(await row('select status, occupant_id, stay_id from public.dorm_beds where id = $1', bedId)).toEqual({ status: 'vacant', occupant_id: null, stay_id: null })
    expect(await row('select status from public.dorm_stays where id = $1', stayId)).toEqual({ status: 'ended' })
    expect(await row('select status, holder_id from public.assets where id = $1', keyId)).toEqual({ status: 'in_stock', holder_id: null })
    expect(await row('select check_in_id, failed_items, new_damage, keys, note from public.dorm_check_outs where id = $1', id)).toEqual({
      check_in_id: checkIn, failed_items: 2, new_damage: ['desk_chair'], keys: p.keys, note: '搬去深圳',
    })
    // The same op again is a duplicate; another record with its id is refused.
    expect(await dormOp(db, me, 'dorm_check_out.submit', id, p)).toMatchObject({ status: 'duplicate' })
    expect(await dormOp(db, me, 'dorm_check_out.submit', id, { ...p, event_id: randomUUID() })).toMatchObject({ reason: 'invalid' })

    // Photos follow the record: the resident and the manager register and see them, a stranger does not.
    const photo = (user: string, photoId: string) =>
      dormOp(db, user, 'photo.register', photoId, { owner_table: 'dorm_check_outs', owner_id: id, mime: 'image/jpeg', bytes: 1000, width: 640, height: 480, taken_at: new Date().toISOString() })
    expect(await photo(me, p.meters[0]?.photo_id as string)).toMatchObject({ status: 'applied' })
    expect(await photo(stranger, randomUUID())).toMatchObject({ reason: 'forbidden' })
    const seen = (user: string) => db.asUser(user, (q) => q<{ id: string }>('select id from public.dorm_check_outs where id = $1', [id]))
    expect(await seen(me)).toHaveLength(1)
    expect(await seen(U.dormManager)).toHaveLength(1)
    expect(await seen(stranger)).toHaveLength(0)
    expect(await db.asUser(stranger, (q) => q('select id from public.photos where owner_id = $1', [id]))).toEqual([])
  })

  it('the dorm manager checks someone out; a key already handed in at the desk is recorded back again without harm', async () => {
    const { bedId, stayId, keyId } = await livingThere('leaver2')
    // The key came back to the manager earlier (custody check_in by the keeper); the check-out hands it back again.
    const back = await dormOp(db, U.dormManager, 'custody.record', randomUUID(), { asset_id: keyId, type: 'check_in', device_time: new Date(Date.now() - 60_000).toISOString(), payload: { condition: 'good' } })
    expect(back.status).toBe('applied')
    const eventId = randomUUID()
    const r = await dormOp(db, U.dormManager, 'dorm_check_out.submit', randomUUID(), { ...base(stayId, bedId), answers: answers(), meters: meters(11, 201), keys: [{ asset_id: keyId, event_id: eventId }] })
    expect(r).toMatchObject({ status: 'applied' })
    expect(await row('select status from public.dorm_beds where id = $1', bedId)).toEqual({ status: 'vacant' })
    expect(await row('select status, holder_id, has_conflict from public.assets where id = $1', keyId)).toEqual({ status: 'in_stock', holder_id: null, has_conflict: false })
    expect(await row('select type, actor_id from public.custody_events where id = $1', eventId)).toEqual({ type: 'check_in', actor_id: U.dormManager })
  })
})

describe('调宿 room change on the requests engine', () => {
  it('the resident applies, the admin head approves, the manager allocates the new bed from it (fulfilled), checks out the old and in the new', async () => {
    const { me, bedId: oldBed, stayId: oldStay, keyId } = await livingThere('mover')
    await db.query('update public.profiles set site_id = $1 where id = $2', [SZ, me])
    const id = randomUUID()
    const form = { reason: '和同事同班次', move_at: new Date(Date.now() + 86_400_000).toISOString(), preferences: null }
    expect(await dormOp(db, me, 'request.submit', randomUUID(), { event_id: randomUUID(), type: 'dorm_move', form: { ...form, move_at: null }, photo_ids: [] })).toMatchObject({ reason: 'invalid' })
    expect(await dormOp(db, me, 'request.submit', id, { event_id: randomUUID(), type: 'dorm_move', form, photo_ids: [] })).toMatchObject({ status: 'applied' })
    const req = async () => (await db.query<Record<string, unknown>>('select status, waiting_role, fulfiller_role, fulfilled_by from public.requests where id = $1', [id]))[0]
    expect(await req()).toMatchObject({ status: 'pending', waiting_role: 'admin_head', fulfiller_role: 'dorm_manager' })
    expect(await dormOp(db, U.adminHead, 'request.act', randomUUID(), { request_id: id, action: 'approve', step: 0, revision: 1 })).toMatchObject({ status: 'applied' })

    // The move: a bed in another room from the application (fulfilled), the old bed checked out (its key back), the new checked in.
    const next = await makeRoom(db, U.dormManager, SZ)
    const newBed = next.beds[0]?.id as string
    const a = allocation(me, { request_id: id })
    expect(await bedOp(db, U.dormManager, newBed, 'allocate', a)).toMatchObject({ status: 'applied' })
    expect(await req()).toMatchObject({ status: 'approved', fulfilled_by: U.dormManager })
    expect(await dormOp(db, U.dormManager, 'dorm_check_out.submit', randomUUID(), { ...base(oldStay, oldBed), answers: answers('wardrobe'), meters: meters(20, 300), keys: [{ asset_id: keyId, event_id: randomUUID() }] })).toMatchObject({ status: 'applied' })
    expect(await dormOp(db, U.dormManager, 'dorm_check_in.submit', randomUUID(), { ...base(a.stay_id, newBed), answers: answers(), meters: meters(5, 50), keys: [], rules_ack: true, signature_photo_id: randomUUID() })).toMatchObject({ status: 'applied' })
    expect(await row('select status from public.dorm_beds where id = $1', oldBed)).toEqual({ status: 'vacant' })
    expect(await row('select status, occupant_id from public.dorm_beds where id = $1', newBed)).toEqual({ status: 'occupied', occupant_id: me })
    const stays = await db.query<{ id: string; status: string }>('select id, status from public.dorm_stays where occupant_id = $1 order by allocated_at', [me])
    expect(stays).toEqual([{ id: oldStay, status: 'ended' }, { id: a.stay_id, status: 'active' }])
    expect(await row('select status from public.assets where id = $1', keyId)).toEqual({ status: 'in_stock' })
  })
})
