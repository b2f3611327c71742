import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { DormStayRow } from '@/platform/db/rows'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { recordBedEvent } from '@/features/dorms/data/bedWrite'
import { loadDormSnapshot, roommatesOf } from '@/features/dorms/data/snapshot'
import { findBedByToken, myLiveStays } from '@/features/dorms/data/lookup'
import { bedScanTarget } from '@/features/dorms/scanTarget'
import { bedEventSchema, suggestBeds, type BedEventInput } from '@/features/dorms/domain'
import demo from '@/platform/demo/demo-company.json'
import { freshDb } from '../features/testDb'

const MANAGER = '0a000000-0000-4000-8000-000000000009'
const HEAD = '0a000000-0000-4000-8000-000000000001'
const EMPLOYEE = '0a000000-0000-4000-8000-000000000010'
const DRIVER = '0a000000-0000-4000-8000-000000000005'
const NOW = new Date('2026-12-02T02:00:00.000Z')
const bedId = (n: number) => `d2000000-0000-4000-8000-${String(n).padStart(12, '0')}`
let db: AdminFieldDb

beforeEach(async () => {
  db = freshDb()
  await seedDemoCompany(db, NOW)
})

function stayRow(id: string, bed: string, occupant: string, at: string): DormStayRow {
  return {
    id,
    bed_id: bed,
    room_id: 'd1000000-0000-4000-8000-000000000002',
    building_id: 'd0000000-0000-4000-8000-000000000001',
    site_id: '05000000-0000-4000-8000-000000000002',
    occupant_id: occupant,
    gender: 'male',
    department_id: null,
    shift: null,
    starts_on: '2026-12-03',
    ends_on: null,
    request_id: null,
    allocated_by: MANAGER,
    allocated_at: at,
    status: 'reserved',
    checked_in_at: null,
    ended_at: null,
    contested: false,
    updated_at: at,
    deleted_at: null,
  }
}

async function record(input: Omit<BedEventInput, 'id' | 'device_time'>, at: Date, stay?: DormStayRow) {
  const event = bedEventSchema.parse({ ...input, id: crypto.randomUUID(), device_time: at.toISOString() })
  return recordBedEvent(db, { event, siteId: '05000000-0000-4000-8000-000000000002', stay }, at)
}

describe('the demo dormitory on the device', () => {
  it('has the building, its rooms and labelled beds, the employee to check in and two residents', async () => {
    const s = await loadDormSnapshot(db)
    expect(s.buildings.map((b) => b.name)).toEqual(['1 号宿舍楼'])
    expect(s.beds).toHaveLength(demo.dorms.rooms.flatMap((r) => r.beds).length)
    const status = Object.fromEntries(s.beds.map((b) => [b.id, b.status]))
    expect(status[bedId(1)]).toBe('reserved')
    expect(status[bedId(2)]).toBe('occupied')
    expect(status[bedId(7)]).toBe('occupied')
    expect(Object.values(status).filter((x) => x === 'vacant')).toHaveLength(6)
    // The employee's label scan leads to their check-in; the manager's to the room; a stranger's to "my dormitory".
    const bed = await findBedByToken(db, demo.dorms.rooms[0]?.beds[0]?.label_token as string)
    expect(bed?.id).toBe(bedId(1))
    expect(bedScanTarget(bed!, ['employee'], await myLiveStays(db, EMPLOYEE))).toEqual({ name: 'dormCheckIn', params: { bedId: bedId(1) } })
    expect(bedScanTarget(bed!, ['dorm_manager'], [])).toMatchObject({ name: 'dormRoom', query: { bed: bedId(1) } })
    expect(bedScanTarget(bed!, ['driver'], await myLiveStays(db, DRIVER))).toEqual({ name: 'myDorm' })
    // Suggestions for a man of the logistics department: the vacant men's beds, none of the women's.
    const sug = suggestBeds(s.views, roommatesOf(s), { gender: 'male', department_id: '0d000000-0000-4000-8000-000000000005', shift: '白班' })
    expect(sug.map((x) => `${x.bed.room_number}-${x.bed.bed_code}`)).toEqual(['101-3', '101-4', '102-1', '102-2'])
    expect(sug[0]?.reasons).toEqual(['sameDepartment', 'sameShift'])
  })
})

describe('bed events on the device', () => {
  it('an allocation reserves the bed at once, with its stay, in one transaction with one op', async () => {
    const stay = stayRow(crypto.randomUUID(), bedId(5), EMPLOYEE, NOW.toISOString())
    await record({ bed_id: bedId(5), actor_id: MANAGER, type: 'allocate', payload: { stay_id: stay.id, occupant_id: EMPLOYEE, gender: 'male', starts_on: '2026-12-03' } }, NOW, stay)
    expect(await db.dorm_beds.get(bedId(5))).toMatchObject({ status: 'reserved', stay_id: stay.id, occupant_id: EMPLOYEE })
    const ops = await db.outbox.where('kind').equals('dorm_bed.record').toArray()
    expect(ops).toHaveLength(1)
    expect(ops[0]?.payload).toMatchObject({ bed_id: bedId(5), type: 'allocate' })
    expect(ops[0]?.related).toEqual([`dorm_beds:${bedId(5)}`, `dorm_stays:${stay.id}`])
  })

  it('two allocations of one bed (two managers offline): both kept, the bed flagged; resolving keeps one', async () => {
    const first = stayRow(crypto.randomUUID(), bedId(6), EMPLOYEE, NOW.toISOString())
    const later = new Date(NOW.getTime() + 60_000)
    const second = stayRow(crypto.randomUUID(), bedId(6), DRIVER, later.toISOString())
    // The later allocation reaches this device first (pulled from the other manager), then this one.
    await record({ bed_id: bedId(6), actor_id: HEAD, type: 'allocate', payload: { stay_id: second.id, occupant_id: DRIVER, gender: 'male', starts_on: '2026-12-03' } }, later, second)
    await record({ bed_id: bedId(6), actor_id: MANAGER, type: 'allocate', payload: { stay_id: first.id, occupant_id: EMPLOYEE, gender: 'male', starts_on: '2026-12-03' } }, NOW, first)
    const bed = await db.dorm_beds.get(bedId(6))
    expect(bed).toMatchObject({ status: 'reserved', stay_id: first.id, has_conflict: true })
    expect(bed?.conflicts.map((c) => c.stay_ids)).toEqual([[first.id, second.id]])
    expect((await db.dorm_stays.bulkGet([first.id, second.id])).map((s) => [s?.status, s?.contested])).toEqual([
      ['reserved', true],
      ['reserved', true],
    ])
    const conflictId = bed?.conflicts[0]?.id as string
    expect((await db.dorm_bed_events.get(conflictId))?.flagged).toBe(true)
    await record({ bed_id: bedId(6), actor_id: MANAGER, type: 'resolve_conflict', payload: { conflict_ids: [conflictId], keep_stay_id: second.id } }, new Date(later.getTime() + 60_000))
    expect(await db.dorm_beds.get(bedId(6))).toMatchObject({ status: 'reserved', stay_id: second.id, occupant_id: DRIVER, has_conflict: false })
    expect((await db.dorm_stays.get(first.id))?.status).toBe('cancelled')
    expect(await db.outbox.where('kind').equals('dorm_bed.record').count()).toBe(3)
  })
})

describe('check-in on the device', () => {
  const photo = (id = crypto.randomUUID()) => ({ id, blob: new Blob(['x'], { type: 'image/jpeg' }), thumb: new Blob(['x']), mime: 'image/jpeg', width: 4, height: 3, bytes: 1, taken_at: NOW.toISOString(), warnings: [], quality: { luminance: 100, sharpness: 100 } })

  it('the draft survives a reload; saving occupies the bed with the record, photos and ops in one go, and drops the draft', async () => {
    const { newCheckInDraft, saveCheckInDraft, loadCheckInDraft, checkInStepIssue } = await import('@/features/dorms/data/checkIn')
    const { submitCheckIn, checkInFromDraft } = await import('@/features/dorms/data/checkInSubmit')
    const { DORM_INVENTORY_TEMPLATE_ID, DORM_INVENTORY_V1 } = await import('@/features/dorms/domain')
    const { allItems } = await import('@/features/inspections/domain')
    const stayId = 'd3000000-0000-4000-8000-000000000001'
    const d = newCheckInDraft(bedId(1), stayId, DORM_INVENTORY_TEMPLATE_ID, NOW)
    for (const item of allItems(DORM_INVENTORY_V1)) d.answers[item.key] = { result: 'pass', points: null, note: '', photos: [] }
    d.answers.wardrobe = { result: 'fail', points: null, note: '柜门坏', photos: [photo()] }
    d.step = 1
    expect(checkInFromDraft(d, DORM_INVENTORY_V1)).toMatchObject({ ok: false, step: 'meters' })
    expect(checkInStepIssue(d, DORM_INVENTORY_V1)).toMatchObject({ step: 'meters' })
    d.meters.water = { reading: '12.5', photos: [photo()] }
    d.meters.electricity = { reading: '3400', photos: [photo()] }
    d.keys = ['房门钥匙 101-1', '']
    expect(checkInFromDraft(d, DORM_INVENTORY_V1)).toMatchObject({ ok: false, step: 'rules' })
    // The walk-through's own check (no zod) leaves the rules step to the save.
    expect(checkInStepIssue(d, DORM_INVENTORY_V1)).toBeNull()
    d.rules_ack = true
    d.signature = photo()
    d.step = 3
    await saveCheckInDraft(db, d)
    const restored = await loadCheckInDraft(db, bedId(1))
    expect(restored).toMatchObject({ step: 3, rules_ack: true, keys: ['房门钥匙 101-1', ''], meters: { water: { reading: '12.5' } } })
    expect(restored?.signature?.id).toBe(d.signature.id)

    const record = await submitCheckIn(db, { draft: restored!, template: DORM_INVENTORY_V1, occupantId: EMPLOYEE, siteId: '05000000-0000-4000-8000-000000000002', actorId: EMPLOYEE }, NOW)
    expect(record).toMatchObject({ failed_items: 1, keys: [{ label: '房门钥匙 101-1' }] })
    expect(await db.dorm_beds.get(bedId(1))).toMatchObject({ status: 'occupied', occupant_id: EMPLOYEE })
    expect((await db.dorm_stays.get(stayId))?.status).toBe('active')
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['dorm_check_in.submit', 'photo.register', 'photo.register', 'photo.register', 'photo.register'])
    expect(await db.photos.where('owner_id').equals(record.id).count()).toBe(4)
    expect(await loadCheckInDraft(db, bedId(1))).toBeUndefined()
  })
})

describe('allocating from an approved 入住申请', () => {
  it('prefills the allocation with the applicant, gender, shift and the company-zone days of the application', async () => {
    const { allocateLinkFor } = await import('@/features/dorms/composables/useDormApplications')
    const link = allocateLinkFor({
      id: 'r1',
      applicant_id: EMPLOYEE,
      form: { reason: '新入职', gender: 'female', move_in_at: '2026-12-04T18:30:00Z', move_out_at: null, shift: '夜班', preferences: null },
    } as never)
    expect(link).toEqual({ name: 'dormAllocate', query: { request: 'r1', person: EMPLOYEE, gender: 'female', shift: '夜班', from: '2026-12-05', until: undefined } })
  })
})
