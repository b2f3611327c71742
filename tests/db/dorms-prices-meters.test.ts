// The damage price list and the monthly meter-reading round, server side (issue 10):
// - dorm_price.set / dorm_price.delete: a building's price by the dorm manager of its site, a company-wide
//   one only by a company-wide role; one live price per item and place; refusals name the field;
// - a check-out's new damage is priced from the list on the server (the building's price first, else the
//   company-wide one; an unpriced item is left out);
// - dorm_meter.record: the manager's round reading with both meters and their photos, for this month or
//   the last; refusals change nothing; an employee reads no meters (RLS).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } from '@/features/dorms/domain'
import { allItems } from '@/features/inspections/domain'
import { makeUser } from './support/checklists'
import { HQ, SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { allocation, bedOp, dormOp, makeRoom } from './support/dorms'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const row = async (sql: string, id: string) => (await db.query<Record<string, unknown>>(sql, [id]))[0]
const answers = (...fail: string[]) =>
  allItems(DORM_INVENTORY_V1).map((i) => (fail.includes(i.key) ? { item_key: i.key, result: 'fail', note: '坏了', photo_ids: [randomUUID()] } : { item_key: i.key, result: 'pass' }))
const meters = (water: number, electricity: number) => [
  { meter: 'water', reading: water, photo_id: randomUUID() },
  { meter: 'electricity', reading: electricity, photo_id: randomUUID() },
]
const base = (stayId: string, bedId: string) => ({ stay_id: stayId, bed_id: bedId, event_id: randomUUID(), template_id: DORM_INVENTORY_TEMPLATE_ID, started_at: new Date(Date.now() - 5 * 60_000).toISOString() })
const price = (user: string, payload: Record<string, unknown>, id = randomUUID()) => dormOp(db, user, 'dorm_price.set', id, payload)
const companyMonth = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(d).slice(0, 7)

describe('dorm_price.set / dorm_price.delete', () => {
  it('a site dorm manager prices their buildings, not company-wide; refusals name the field; one live price per item and place', async () => {
    const siteManager = await makeUser(db, 'dorm_manager', SZ, 'price-site')
    const employee = await makeUser(db, 'employee', SZ, 'price-emp')
    const { buildingId } = await makeRoom(db, U.dormManager, SZ)
    const hq = await makeRoom(db, U.dormManager, HQ)

    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: 15000 })).toMatchObject({ reason: 'forbidden' })
    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: 15000, building_id: hq.buildingId })).toMatchObject({ reason: 'forbidden' })
    expect(await price(employee, { item_key: 'wardrobe', unit_fen: 15000, building_id: buildingId })).toMatchObject({ reason: 'forbidden' })
    expect(await price(siteManager, { item_key: 'sofa', unit_fen: 15000, building_id: buildingId })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('item_key') })
    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: -1, building_id: buildingId })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('unit_fen') })
    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: 1.5, building_id: buildingId })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('unit_fen') })
    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: 100, building_id: buildingId, name: 'x' })).toMatchObject({ reason: 'invalid' })
    expect(await row('select count(*)::int as n from public.dorm_damage_prices where building_id = $1', buildingId)).toEqual({ n: 0 })

    const id = randomUUID()
    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: 15000, building_id: buildingId }, id)).toMatchObject({ status: 'applied' })
    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: 9000, building_id: buildingId })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('item_key: already priced') })
    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: 18000, building_id: buildingId }, id)).toMatchObject({ status: 'applied' })
    expect(await price(siteManager, { item_key: 'desk_chair', unit_fen: 18000, building_id: buildingId }, id)).toMatchObject({ reason: 'invalid' })
    expect(await row('select item_key, unit_fen, site_id, updated_by from public.dorm_damage_prices where id = $1', id)).toEqual({ item_key: 'wardrobe', unit_fen: 18000, site_id: SZ, updated_by: siteManager })

    // Visible to the site's manager and to everyone for company-wide rows; not to an employee for a building they do not live in.
    const see = (user: string) => db.asUser(user, (q) => q<{ id: string }>('select id from public.dorm_damage_prices where id = $1', [id]))
    expect(await see(siteManager)).toHaveLength(1)
    expect(await see(employee)).toHaveLength(0)

    expect(await dormOp(db, employee, 'dorm_price.delete', id, {})).toMatchObject({ reason: 'forbidden' })
    expect(await dormOp(db, siteManager, 'dorm_price.delete', id, {})).toMatchObject({ status: 'applied' })
    expect(await dormOp(db, siteManager, 'dorm_price.delete', id, {})).toMatchObject({ status: 'duplicate' })
    // Removed: the item can be priced again.
    expect(await price(siteManager, { item_key: 'wardrobe', unit_fen: 9000, building_id: buildingId })).toMatchObject({ status: 'applied' })
  })

  it('a check-out is charged its new damage from the list: the building price first, else company-wide; unpriced left out', async () => {
    const me = await makeUser(db, 'employee', SZ, 'priced-leaver')
    const { buildingId, beds } = await makeRoom(db, U.dormManager, SZ)
    const bedId = beds[0]?.id as string
    // Company-wide by the company-wide demo dorm manager; the building's own price for the desk.
    const wide = randomUUID()
    expect(await price(U.dormManager, { item_key: 'desk_chair', unit_fen: 5000 }, wide)).toMatchObject({ status: 'applied' })
    expect(await price(U.dormManager, { item_key: 'lights_sockets', unit_fen: 2000 })).toMatchObject({ status: 'applied' })
    expect(await price(U.dormManager, { item_key: 'desk_chair', unit_fen: 12000, building_id: buildingId })).toMatchObject({ status: 'applied' })
    expect(await db.asUser(me, (q) => q('select id from public.dorm_damage_prices where id = $1', [wide]))).toHaveLength(1)

    const a = allocation(me)
    expect(await bedOp(db, U.dormManager, bedId, 'allocate', a)).toMatchObject({ status: 'applied' })
    expect(await dormOp(db, me, 'dorm_check_in.submit', randomUUID(), { ...base(a.stay_id, bedId), answers: answers('lights_sockets'), meters: meters(1, 2), keys: [], rules_ack: true, signature_photo_id: randomUUID() })).toMatchObject({ status: 'applied' })
    const id = randomUUID()
    // Damaged now: the desk (building price), the lights (already at check-in: not charged), the walls (not on the list).
    expect(await dormOp(db, U.dormManager, 'dorm_check_out.submit', id, { ...base(a.stay_id, bedId), answers: answers('desk_chair', 'lights_sockets', 'walls_floor'), meters: meters(3, 4), keys: [] })).toMatchObject({ status: 'applied' })
    expect(await row('select new_damage, damages, damage_fen from public.dorm_check_outs where id = $1', id)).toEqual({
      new_damage: ['desk_chair', 'walls_floor'],
      damages: [{ item_key: 'desk_chair', fen: 12000 }],
      damage_fen: 12000,
    })
    // Clean up the company-wide prices for other tests of this database.
    await db.query("update public.dorm_damage_prices set deleted_at = now() where building_id is null and item_key in ('desk_chair', 'lights_sockets')")
  })
})

describe('dorm_meter.record', () => {
  it('the manager records a room reading for this month or the last, with both meters; an employee cannot, and reads none', async () => {
    const siteManager = await makeUser(db, 'dorm_manager', SZ, 'round-site')
    const employee = await makeUser(db, 'employee', SZ, 'round-emp')
    const { roomId, buildingId } = await makeRoom(db, U.dormManager, SZ)
    const hq = await makeRoom(db, U.dormManager, HQ)
    const now = new Date(Date.now() - 60_000)
    const month = companyMonth(now)
    const last = companyMonth(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 15)))
    const record = (user: string, payload: Record<string, unknown>, id = randomUUID()) => dormOp(db, user, 'dorm_meter.record', id, payload, now.toISOString())
    const p = { room_id: roomId, month, meters: meters(120.5, 3456), note: '月底抄表' }

    expect(await record(employee, p)).toMatchObject({ reason: 'forbidden' })
    expect(await record(siteManager, { ...p, room_id: hq.roomId })).toMatchObject({ reason: 'forbidden' })
    expect(await record(siteManager, { ...p, room_id: randomUUID() })).toMatchObject({ reason: 'not_found' })
    expect(await record(siteManager, { ...p, month: '2020-01' })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('month') })
    expect(await record(siteManager, { ...p, month: '2026-13' })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('month') })
    expect(await record(siteManager, { ...p, meters: meters(1, 2).slice(1) })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('meters') })
    expect(await record(siteManager, { ...p, meters: [{ meter: 'water', reading: 1.234, photo_id: randomUUID() }, { meter: 'electricity', reading: 2, photo_id: randomUUID() }] })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('reading') })
    expect(await record(siteManager, { ...p, extra: 1 })).toMatchObject({ reason: 'invalid' })
    expect(await row('select count(*)::int as n from public.dorm_meter_readings where room_id = $1', roomId)).toEqual({ n: 0 })

    const id = randomUUID()
    expect(await record(siteManager, p, id)).toMatchObject({ status: 'applied' })
    expect(await record(siteManager, p, id)).toMatchObject({ status: 'duplicate' })
    expect(await record(siteManager, { ...p, month: last })).toMatchObject({ status: 'applied' })
    expect(await row('select room_id, building_id, site_id, month, recorded_by, meters, note from public.dorm_meter_readings where id = $1', id)).toEqual({
      room_id: roomId, building_id: buildingId, site_id: SZ, month, recorded_by: siteManager, meters: p.meters, note: '月底抄表',
    })

    // A meter replaced since the last reading says so: the old meter's final reading and the new one's start.
    const swapped = [{ ...p.meters[0], replaced: { old_final: 140.5, new_start: 0 } }, p.meters[1]]
    expect(await record(siteManager, { ...p, meters: [{ ...p.meters[0], replaced: { old_final: 1 } }, p.meters[1]] })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('meters[0].replaced.new_start') })
    expect(await record(siteManager, { ...p, meters: [{ ...p.meters[0], replaced: { old_final: 1.001, new_start: 0 } }, p.meters[1]] })).toMatchObject({ reason: 'invalid', detail: expect.stringContaining('old_final') })
    expect(await record(siteManager, { ...p, meters: [{ ...p.meters[0], replaced: { old_final: 1, new_start: 0, extra: 1 } }, p.meters[1]] })).toMatchObject({ reason: 'invalid' })
    const swapId = randomUUID()
    expect(await record(siteManager, { ...p, meters: swapped }, swapId)).toMatchObject({ status: 'applied' })
    expect(await row('select meters from public.dorm_meter_readings where id = $1', swapId)).toEqual({ meters: swapped })

    // The photos register against the reading; the manager sees them, an employee neither the reading nor its photos.
    const photoId = p.meters[0]?.photo_id as string
    const photo = (user: string, pid: string) =>
      dormOp(db, user, 'photo.register', pid, { owner_table: 'dorm_meter_readings', owner_id: id, mime: 'image/jpeg', bytes: 1000, width: 640, height: 480, taken_at: now.toISOString() })
    expect(await photo(employee, randomUUID())).toMatchObject({ reason: 'forbidden' })
    expect(await photo(siteManager, photoId)).toMatchObject({ status: 'applied' })
    const see = (user: string) => db.asUser(user, (q) => q<{ id: string }>('select id from public.dorm_meter_readings where room_id = $1', [roomId]))
    expect(await see(siteManager)).toHaveLength(3)
    expect(await see(U.dormManager)).toHaveLength(3)
    expect(await see(employee)).toHaveLength(0)
    expect(await db.asUser(employee, (q) => q('select id from public.photos where owner_id = $1', [id]))).toEqual([])
    // Facts: never edited in place.
    await expect(db.query('update public.dorm_meter_readings set note = null where id = $1', [id])).rejects.toThrow()
  })
})
