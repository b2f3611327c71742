// Check-in and check-out on the device with keys as custody items: the check-in hands the room's labelled keys
// to the resident (custody check_outs), the check-out takes them back (check_ins), both in their one transaction.
import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { keysHeldBy, roomKeys } from '@/features/dorms/data/keys'
import { newCheckInDraft } from '@/features/dorms/data/checkIn'
import { submitCheckIn } from '@/features/dorms/data/checkInSubmit'
import { DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } from '@/features/dorms/domain'
import { allItems } from '@/features/inspections/domain'
import { freshDb } from '../features/testDb'

const EMPLOYEE = '0a000000-0000-4000-8000-000000000010'
const SITE = '05000000-0000-4000-8000-000000000002'
const ROOM = 'd1000000-0000-4000-8000-000000000001'
const BED = 'd2000000-0000-4000-8000-000000000001'
const STAY = 'd3000000-0000-4000-8000-000000000001'
const NOW = new Date('2026-12-02T02:00:00.000Z')
let db: AdminFieldDb

function key(n: number, roomId: string | null, keyType = 'room_key'): AssetRow {
  return {
    id: `e1000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'dorm_key',
    number: `KEY-${String(n).padStart(4, '0')}`,
    name: '房门钥匙',
    site_id: SITE,
    keeper_id: null,
    keeper_role: 'dorm_manager',
    notes: null,
    details: { key_type: keyType, room_id: roomId },
    status: 'in_stock',
    holder_id: null,
    due_at: null,
    condition: null,
    label_token: null,
    has_conflict: false,
    updated_at: NOW.toISOString(),
    deleted_at: null,
  }
}
const photo = () => ({ id: crypto.randomUUID(), blob: new Blob(['x'], { type: 'image/jpeg' }), thumb: new Blob(['x']), mime: 'image/jpeg', width: 4, height: 3, bytes: 1, taken_at: NOW.toISOString(), warnings: [], quality: { luminance: 100, sharpness: 100 } })

beforeEach(async () => {
  db = freshDb()
  await seedDemoCompany(db, NOW)
  // This test's own keys (numbers, a master key) in place of the demo's labelled ones.
  await db.assets.where('kind').equals('dorm_key').delete()
  await db.assets.bulkAdd([key(2, ROOM, 'access_card'), key(1, ROOM), key(3, 'd1000000-0000-4000-8000-000000000002'), key(4, null)])
})

describe('dorm keys on the device', () => {
  it('lists a room\'s own keys by number (not another room\'s, not master keys)', async () => {
    expect((await roomKeys(db, ROOM)).map((k) => k.number)).toEqual(['KEY-0001', 'KEY-0002'])
  })

  it('the check-in hands the ticked keys over: custody check_outs to the resident in the same transaction, ids in the op', async () => {
    const d = newCheckInDraft(BED, STAY, DORM_INVENTORY_TEMPLATE_ID, NOW)
    for (const item of allItems(DORM_INVENTORY_V1)) d.answers[item.key] = { result: 'pass', points: null, note: '', photos: [] }
    d.meters.water = { reading: '12.5', photos: [photo()] }
    d.meters.electricity = { reading: '3400', photos: [photo()] }
    d.key_assets = [key(1, ROOM).id, key(2, ROOM).id]
    d.keys = ['信箱钥匙']
    d.rules_ack = true
    d.signature = photo()
    const record = await submitCheckIn(db, { draft: d, template: DORM_INVENTORY_V1, occupantId: EMPLOYEE, siteId: SITE, actorId: EMPLOYEE }, NOW)

    expect(record.keys).toEqual([
      { asset_id: key(1, ROOM).id, event_id: expect.any(String) },
      { asset_id: key(2, ROOM).id, event_id: expect.any(String) },
      { label: '信箱钥匙' },
    ])
    expect((await keysHeldBy(db, EMPLOYEE)).map((k) => [k.number, k.status])).toEqual([['KEY-0001', 'checked_out'], ['KEY-0002', 'checked_out']])
    const events = await db.custody_events.where('asset_id').equals(key(1, ROOM).id).toArray()
    expect(events).toEqual([expect.objectContaining({ id: (record.keys[0] as { event_id: string }).event_id, type: 'check_out', actor_id: EMPLOYEE, payload: expect.objectContaining({ to_person: EMPLOYEE }) })])
    // One op carries it all (the server records the same events from it); the related keys show "not synced".
    const [op] = await db.outbox.orderBy('seq').toArray()
    expect(op?.kind).toBe('dorm_check_in.submit')
    expect(op?.payload.keys).toEqual(record.keys)
    expect(op?.related).toContain(`custody_events:${events[0]?.id}`)
  })
})

describe('check-out on the device', () => {
  async function checkedIn() {
    const d = newCheckInDraft(BED, STAY, DORM_INVENTORY_TEMPLATE_ID, NOW)
    for (const item of allItems(DORM_INVENTORY_V1)) d.answers[item.key] = { result: 'pass', points: null, note: '', photos: [] }
    d.answers.wardrobe = { result: 'fail', points: null, note: '柜门坏', photos: [photo()] }
    d.meters.water = { reading: '100', photos: [photo()] }
    d.meters.electricity = { reading: '3400', photos: [photo()] }
    d.key_assets = [key(1, ROOM).id]
    d.rules_ack = true
    d.signature = photo()
    return submitCheckIn(db, { draft: d, template: DORM_INVENTORY_V1, occupantId: EMPLOYEE, siteId: SITE, actorId: EMPLOYEE }, NOW)
  }

  it('the draft survives a reload; saving frees the bed, ends the stay, takes the key back and marks damage new since check-in — one transaction', async () => {
    const { newCheckOutDraft, saveCheckOutDraft, loadCheckOutDraft, submitCheckOut, checkOutFromDraft } = await import('@/features/dorms/data/checkOut')
    const checkIn = await checkedIn()
    await db.outbox.clear()
    const LATER = new Date('2026-12-20T02:00:00.000Z')
    const d = newCheckOutDraft(BED, STAY, DORM_INVENTORY_TEMPLATE_ID, LATER)
    for (const item of allItems(DORM_INVENTORY_V1)) d.answers[item.key] = { result: 'pass', points: null, note: '', photos: [] }
    d.answers.wardrobe = { result: 'fail', points: null, note: '还是坏的', photos: [photo()] }
    d.answers.desk_chair = { result: 'fail', points: null, note: '椅子腿断', photos: [] }
    expect(checkOutFromDraft(d, DORM_INVENTORY_V1)).toMatchObject({ ok: false, step: 'inventory' }) // a damage needs its photo
    d.answers.desk_chair.photos = [photo()]
    expect(checkOutFromDraft(d, DORM_INVENTORY_V1)).toMatchObject({ ok: false, step: 'meters' })
    d.meters.water = { reading: '112.5', photos: [photo()] }
    d.meters.electricity = { reading: '3500', photos: [photo()] }
    d.key_assets = [key(1, ROOM).id]
    d.step = 3
    await saveCheckOutDraft(db, d)
    const restored = await loadCheckOutDraft(db, STAY)
    expect(restored).toMatchObject({ step: 3, key_assets: [key(1, ROOM).id], meters: { water: { reading: '112.5' } } })

    const record = await submitCheckOut(db, { draft: restored!, template: DORM_INVENTORY_V1, occupantId: EMPLOYEE, siteId: SITE, actorId: EMPLOYEE }, LATER)
    expect(record).toMatchObject({ check_in_id: checkIn.id, failed_items: 2, new_damage: ['desk_chair'] })
    expect(await db.dorm_beds.get(BED)).toMatchObject({ status: 'vacant', occupant_id: null })
    expect(await db.dorm_stays.get(STAY)).toMatchObject({ status: 'ended', ended_at: LATER.toISOString() })
    expect(await db.assets.get(key(1, ROOM).id)).toMatchObject({ status: 'in_stock', holder_id: null })
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['dorm_check_out.submit', ...Array(4).fill('photo.register')])
    expect(ops[0]?.payload).toMatchObject({ stay_id: STAY, keys: [{ asset_id: key(1, ROOM).id }] })
    expect(await db.photos.where('owner_id').equals(record.id).count()).toBe(4)
    expect(await loadCheckOutDraft(db, STAY)).toBeUndefined()
  })
})
