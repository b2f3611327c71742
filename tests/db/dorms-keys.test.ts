// Dormitory keys and access cards as custody items (issue 10): the dorm manager keeps them (asset kind
// dorm_key, KEY-0001); the check-in hands them to the resident (custody check_out in the check-in's
// transaction); the resident sees the keys of their room; a key someone else holds is handed over all the
// same and flagged.
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

const passAll = () => allItems(DORM_INVENTORY_V1).map((i) => ({ item_key: i.key, result: 'pass' }))

export function checkInPayload(stayId: string, bedId: string, keys: unknown[]) {
  return {
    stay_id: stayId,
    bed_id: bedId,
    event_id: randomUUID(),
    template_id: DORM_INVENTORY_TEMPLATE_ID,
    started_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    answers: passAll(),
    meters: [
      { meter: 'water', reading: 10, photo_id: randomUUID() },
      { meter: 'electricity', reading: 200, photo_id: randomUUID() },
    ],
    keys,
    rules_ack: true,
    signature_photo_id: randomUUID(),
  }
}

async function makeKey(roomId: string | null, user = U.dormManager, keyType = 'room_key') {
  const id = randomUUID()
  const r = await dormOp(db, user, 'asset.upsert', id, assetPayload('dorm_key', { site_id: SZ, name: '房门钥匙', details: { key_type: keyType, room_id: roomId } }))
  return { id, r }
}
const asset = async (id: string) =>
  (await db.query<{ status: string; holder_id: string | null; keeper_role: string; has_conflict: boolean }>('select status, holder_id, keeper_role, has_conflict from public.assets where id = $1', [id]))[0]

describe('dorm keys as custody items', () => {
  it('the dorm manager keeps them; an asset keeper does not; a room that does not exist is refused', async () => {
    const { roomId } = await makeRoom(db, U.dormManager, SZ)
    const { id, r } = await makeKey(roomId)
    expect(r).toMatchObject({ status: 'applied' })
    expect(await asset(id)).toMatchObject({ status: 'in_stock', keeper_role: 'dorm_manager' })
    expect((await makeKey(roomId, U.assetKeeper)).r).toMatchObject({ reason: 'forbidden' })
    expect((await makeKey(randomUUID())).r).toMatchObject({ reason: 'not_found' })
    expect((await makeKey(roomId, U.dormManager, 'padlock')).r).toMatchObject({ reason: 'invalid' })
  })

  it('check-in hands the room keys to the resident in the same op; the resident sees their room keys', async () => {
    const me = await makeUser(db, 'employee', SZ, 'keyholder')
    const { roomId, beds } = await makeRoom(db, U.dormManager, SZ)
    const other = await makeRoom(db, U.dormManager, SZ)
    const door = (await makeKey(roomId)).id
    const card = (await makeKey(roomId, U.dormManager, 'access_card')).id
    const master = (await makeKey(null)).id
    const foreign = (await makeKey(other.roomId)).id
    const bedId = beds[0]?.id as string
    const a = allocation(me)

    // Before the allocation the resident sees none of them; once allocated, the room's (not the others').
    const seen = async () => (await db.asUser(me, (q) => q<{ id: string }>('select id from public.assets where kind = $1', ['dorm_key']))).map((x) => x.id).sort()
    expect(await seen()).toEqual([])
    await bedOp(db, U.dormManager, bedId, 'allocate', a)
    expect(await seen()).toEqual([door, card].sort())

    const hand = (assetId: string) => ({ asset_id: assetId, event_id: randomUUID() })
    // A key of another room, or the same key twice, is refused and changes nothing.
    expect(await dormOp(db, me, 'dorm_check_in.submit', randomUUID(), checkInPayload(a.stay_id, bedId, [hand(foreign)]))).toMatchObject({ reason: 'invalid' })
    const twice = hand(door)
    expect(await dormOp(db, me, 'dorm_check_in.submit', randomUUID(), checkInPayload(a.stay_id, bedId, [twice, { ...twice, event_id: randomUUID() }]))).toMatchObject({ reason: 'invalid' })
    expect(await asset(door)).toMatchObject({ status: 'in_stock', holder_id: null })

    const keys = [hand(door), hand(card), hand(master), { label: '信箱钥匙' }]
    const id = randomUUID()
    expect(await dormOp(db, me, 'dorm_check_in.submit', id, checkInPayload(a.stay_id, bedId, keys))).toMatchObject({ status: 'applied' })
    for (const k of [door, card, master]) expect(await asset(k)).toMatchObject({ status: 'checked_out', holder_id: me, has_conflict: false })
    const events = await db.query<{ id: string; type: string; actor_id: string; to_person: string }>(
      `select id, type, actor_id, payload ->> 'to_person' as to_person from public.custody_events where asset_id = $1`, [door])
    expect(events).toEqual([{ id: (keys[0] as { event_id: string }).event_id, type: 'check_out', actor_id: me, to_person: me }])
    const [rec] = await db.query<{ keys: unknown }>('select keys from public.dorm_check_ins where id = $1', [id])
    expect(rec?.keys).toEqual(keys)
    // The resident sees what they hold (the master key too) and its hand-over event.
    expect(await seen()).toEqual([door, card, master].sort())
    const myEvents = await db.asUser(me, (q) => q<{ id: string }>('select id from public.custody_events where asset_id = $1', [master]))
    expect(myEvents).toHaveLength(1)
  })

  it('a key still held by the last resident is handed over all the same, flagged on the key and on the check-in', async () => {
    const [x, y] = [await makeUser(db, 'employee', SZ, 'kx'), await makeUser(db, 'employee', SZ, 'ky')]
    const { roomId, beds } = await makeRoom(db, U.dormManager, SZ)
    const door = (await makeKey(roomId)).id
    const ax = allocation(x)
    const ay = allocation(y)
    await bedOp(db, U.dormManager, beds[0]?.id as string, 'allocate', ax)
    await bedOp(db, U.dormManager, beds[1]?.id as string, 'allocate', ay)
    expect(await dormOp(db, x, 'dorm_check_in.submit', randomUUID(), checkInPayload(ax.stay_id, beds[0]?.id as string, [{ asset_id: door, event_id: randomUUID() }]))).toMatchObject({ status: 'applied' })
    const r = await dormOp(db, U.dormManager, 'dorm_check_in.submit', randomUUID(), checkInPayload(ay.stay_id, beds[1]?.id as string, [{ asset_id: door, event_id: randomUUID() }]))
    expect(r).toMatchObject({ status: 'flagged', detail: 'dorms.flags.keyConflict' })
    expect(await asset(door)).toMatchObject({ has_conflict: true })
    const [st] = await db.query<{ status: string }>('select status from public.dorm_stays where id = $1', [ay.stay_id])
    expect(st?.status).toBe('active')
  })
})
