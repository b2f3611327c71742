// Check-in on the phone, server side (issue 10): dorm_check_in.submit records the inventory run, the
// meters, the keys and the signature together with the bed's check_in event — the bed is occupied in
// the same transaction; the photos register against the record; refusals change nothing.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } from '@/features/dorms/domain'
import { allItems } from '@/features/inspections/domain'
import { makeUser } from './support/checklists'
import { SZ } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { allocation, bedOp, dormOp, makeRoom } from './support/dorms'

let db: TestDb
const U = DEMO.users
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const answers = (fail?: string) =>
  allItems(DORM_INVENTORY_V1).map((i) => (i.key === fail ? { item_key: i.key, result: 'fail', note: '柜门坏了', photo_ids: [randomUUID()] } : { item_key: i.key, result: 'pass' }))

function payload(stayId: string, bedId: string, over: Record<string, unknown> = {}) {
  return {
    stay_id: stayId,
    bed_id: bedId,
    event_id: randomUUID(),
    template_id: DORM_INVENTORY_TEMPLATE_ID,
    started_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    answers: answers('wardrobe'),
    meters: [
      { meter: 'water', reading: 123.45, photo_id: randomUUID() },
      { meter: 'electricity', reading: 5678, photo_id: randomUUID() },
    ],
    keys: [{ label: '房门钥匙 301-1' }, { label: '门禁卡 0012345' }],
    rules_ack: true,
    signature_photo_id: randomUUID(),
    ...over,
  }
}

const bedStatus = async (id: string) => (await db.query<{ status: string }>('select status from public.dorm_beds where id = $1', [id]))[0]?.status

describe('dorm_check_in.submit', () => {
  it('the migration holds the inventory template as the domain has it', async () => {
    const [row] = await db.query<{ code: string; version: number; sections: unknown; grading: unknown }>('select code, version, sections, grading from public.checklist_templates where id = $1', [DORM_INVENTORY_TEMPLATE_ID])
    expect(row).toEqual({ code: DORM_INVENTORY_V1.code, version: 1, sections: DORM_INVENTORY_V1.sections, grading: DORM_INVENTORY_V1.grading })
  })

  it('the resident checks in: record, bed occupied and stay active in one op; photos register against it; private to them and the manager', async () => {
    const me = await makeUser(db, 'employee', SZ, 'resident')
    const { beds } = await makeRoom(db, U.dormManager, SZ)
    const bedId = beds[0]?.id as string
    const a = allocation(me)
    await bedOp(db, U.dormManager, bedId, 'allocate', a)
    const id = randomUUID()
    const p = payload(a.stay_id, bedId)

    // Refusals first: each changes nothing.
    const stranger = await makeUser(db, 'employee', SZ, 'stranger')
    expect(await dormOp(db, stranger, 'dorm_check_in.submit', randomUUID(), payload(a.stay_id, bedId))).toMatchObject({ reason: 'forbidden' })
    expect(await dormOp(db, me, 'dorm_check_in.submit', randomUUID(), { ...p, rules_ack: false })).toMatchObject({ reason: 'invalid' })
    expect(await dormOp(db, me, 'dorm_check_in.submit', randomUUID(), { ...p, meters: [p.meters[0]] })).toMatchObject({ reason: 'invalid' })
    expect(await dormOp(db, me, 'dorm_check_in.submit', randomUUID(), { ...p, meters: [p.meters[0], { ...p.meters[1], reading: 1.234 }] })).toMatchObject({ reason: 'invalid' })
    expect(await dormOp(db, me, 'dorm_check_in.submit', randomUUID(), { ...p, answers: answers().slice(1) })).toMatchObject({ reason: 'invalid' })
    expect(await dormOp(db, me, 'dorm_check_in.submit', randomUUID(), { ...p, bed_id: beds[1]?.id })).toMatchObject({ reason: 'invalid' })
    expect(await bedStatus(bedId)).toBe('reserved')

    expect(await dormOp(db, me, 'dorm_check_in.submit', id, p)).toMatchObject({ status: 'applied' })
    expect(await bedStatus(bedId)).toBe('occupied')
    const [rec] = await db.query<{ failed_items: number; keys: unknown; bed_event_id: string }>('select failed_items, keys, bed_event_id from public.dorm_check_ins where id = $1', [id])
    expect(rec).toEqual({ failed_items: 1, keys: p.keys, bed_event_id: p.event_id })
    const [st] = await db.query<{ status: string }>('select status from public.dorm_stays where id = $1', [a.stay_id])
    expect(st?.status).toBe('active')

    const photo = (photoId: string) =>
      dormOp(db, me, 'photo.register', photoId, { owner_table: 'dorm_check_ins', owner_id: id, mime: 'image/jpeg', bytes: 1000, width: 640, height: 480, taken_at: new Date().toISOString() })
    expect(await photo(p.signature_photo_id)).toMatchObject({ status: 'applied' })
    expect(await photo(p.meters[0]?.photo_id as string)).toMatchObject({ status: 'applied' })
    expect((await dormOp(db, stranger, 'photo.register', randomUUID(), { owner_table: 'dorm_check_ins', owner_id: id, mime: 'image/jpeg', bytes: 1, width: 1, height: 1, taken_at: new Date().toISOString() })).reason).toBe('forbidden')

    const seen = (user: string) => db.asUser(user, (q) => q<{ id: string }>('select id from public.dorm_check_ins where id = $1', [id]))
    expect(await seen(me)).toHaveLength(1)
    expect(await seen(U.dormManager)).toHaveLength(1)
    expect(await seen(stranger)).toHaveLength(0)
    const photosSeen = await db.asUser(stranger, (q) => q<{ id: string }>('select id from public.photos where owner_id = $1', [id]))
    expect(photosSeen).toEqual([])
  })

  it('the dorm manager may check someone in beside them; checking in on a double-booked bed is kept and flagged', async () => {
    const [x, y] = [await makeUser(db, 'employee', SZ, 'x'), await makeUser(db, 'employee', SZ, 'y')]
    const { beds } = await makeRoom(db, U.dormManager, SZ)
    const bedId = beds[0]?.id as string
    const ax = allocation(x)
    const ay = allocation(y)
    await bedOp(db, U.dormManager, bedId, 'allocate', ax)
    await bedOp(db, U.adminHead, bedId, 'allocate', ay)
    const r = await dormOp(db, U.dormManager, 'dorm_check_in.submit', randomUUID(), payload(ay.stay_id, bedId, { answers: answers() }))
    expect(r).toMatchObject({ status: 'flagged', detail: 'dorms.flags.doubleBooking' })
    const [bed] = await db.query<{ status: string; stay_id: string; has_conflict: boolean }>('select status, stay_id, has_conflict from public.dorm_beds where id = $1', [bedId])
    expect(bed).toEqual({ status: 'occupied', stay_id: ay.stay_id, has_conflict: true })
  })
})
