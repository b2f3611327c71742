// Issue #12 point 2 on the server: last done is per vehicle (a default rule carries none),
// a vehicle's own row may carry only its last done (the default's interval applies), and
// completing a maintenance job marked as a renewal sets that vehicle's last done exactly as
// the device's renewalDone does (company day of completion, odometer then, later one kept).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renewalDone, type RenewalRecord } from '@/features/vehicles/domain/renewalRecords'
import { createAsset } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const DEFAULT_SERVICE = 'a9000000-0000-4000-8000-000000000001'

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

async function op(user: string, kind: string, id: string, payload: Record<string, unknown>) {
  const [r] = await push(db, user, [makeOp(kind, id, payload)])
  if (!r) throw new Error('no result')
  return r
}
const rules = (vehicleId: string) =>
  db.query<RenewalRecord & { deleted: boolean }>(
    `select id, vehicle_id, kind, every_km, every_months, to_char(last_done_at, 'YYYY-MM-DD') as last_done_at, last_done_km,
            deleted_at is not null as deleted
     from public.renewal_rules where vehicle_id = $1 order by deleted_at nulls first, id`,
    [vehicleId],
  )
const live = async (vehicleId: string): Promise<RenewalRecord[]> =>
  (await rules(vehicleId)).filter((r) => !r.deleted).map(({ deleted: _d, ...r }) => r)

/** A maintenance request on the vehicle, approved with a garage (ready to complete). */
async function approvedRequest(vehicleId: string): Promise<string> {
  const id = randomUUID()
  expect((await op(U.driver, 'maintenance.request', id, { vehicle_id: vehicleId, description: '6 个月保养', urgency: 'normal', photo_ids: [] })).status).toBe('applied')
  expect((await op(U.fleetManager, 'maintenance.update', id, { request_id: id, status: 'approved', garage: '4S 店' })).status).toBe('applied')
  return id
}
const complete = (id: string, extra: Record<string, unknown>) =>
  op(U.fleetManager, 'maintenance.update', id, { request_id: id, status: 'completed', ...extra })

describe('renewal_rule.upsert: last done is per vehicle', () => {
  it('a default rule with a last done is refused; a vehicle row may carry only its last done', async () => {
    const r = await op(U.fleetManager, 'renewal_rule.upsert', DEFAULT_SERVICE, { vehicle_id: null, kind: 'service', every_km: 10_000, every_months: 6, last_done_km: 50_000 })
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/last_done_km/) })
    expect((await op(U.fleetManager, 'renewal_rule.upsert', DEFAULT_SERVICE, { vehicle_id: null, kind: 'service', every_km: 10_000, every_months: 6 })).status).toBe('applied')

    const v = await createAsset(db, 'vehicle')
    const own = randomUUID()
    expect((await op(U.fleetManager, 'renewal_rule.upsert', own, { vehicle_id: v, kind: 'service', last_done_at: '2026-06-01', last_done_km: 40_000 })).status).toBe('applied')
    expect(await live(v)).toEqual([{ id: own, vehicle_id: v, kind: 'service', every_km: null, every_months: null, last_done_at: '2026-06-01', last_done_km: 40_000 }])
    // Neither an interval nor a last done says nothing.
    expect(await op(U.fleetManager, 'renewal_rule.upsert', randomUUID(), { vehicle_id: v, kind: 'insurance' })).toMatchObject({ status: 'refused', reason: 'invalid' })
  })
})

describe('maintenance.update completing a renewal job', () => {
  it('makes the vehicle\'s own row: the company day of completion and the given reading, as the device does', async () => {
    const v = await createAsset(db, 'vehicle')
    const req = await approvedRequest(v)
    const ruleId = randomUUID()
    // 17:30 UTC on 30 Nov is 01:30 on 1 Dec in Shanghai: the company's day is the 1st.
    expect((await complete(req, { completed_at: '2026-11-30T17:30:00Z', renewal_kind: 'service', renewal_rule_id: ruleId, odometer_km: 95_000 })).status).toBe('applied')
    const device = renewalDone([], { vehicle_id: v, kind: 'service', done_on: '2026-12-01', done_km: 95_000, rule_id: ruleId })
    expect(await live(v)).toEqual([device])
  })

  it('without a reading in the payload the server takes the vehicle\'s last known one', async () => {
    const v = await createAsset(db, 'vehicle')
    const trip = randomUUID()
    expect((await op(U.driver, 'trip.start', trip, { vehicle_id: v, started_at: '2026-11-20T01:00:00Z', purpose: '送文件', destination: '税务局', passengers: null, odometer_start: 1000 })).status).toBe('applied')
    expect((await op(U.driver, 'trip.end', trip, { trip_id: trip, ended_at: '2026-11-20T02:00:00Z', odometer_end: 1085, notes: null })).status).toBe('applied')
    const req = await approvedRequest(v)
    expect((await complete(req, { completed_at: '2026-11-21T02:00:00Z', renewal_kind: 'annual_inspection', renewal_rule_id: randomUUID() })).status).toBe('applied')
    expect(await live(v)).toMatchObject([{ kind: 'annual_inspection', last_done_at: '2026-11-21', last_done_km: 1085 }])
  })

  it('an own row keeps its interval and moves its last done; an older job completed late changes nothing', async () => {
    const v = await createAsset(db, 'vehicle')
    const own = randomUUID()
    expect((await op(U.fleetManager, 'renewal_rule.upsert', own, { vehicle_id: v, kind: 'service', every_km: 5000, last_done_at: '2026-10-01', last_done_km: 90_000 })).status).toBe('applied')
    const first = await approvedRequest(v)
    expect((await complete(first, { completed_at: '2026-11-10T02:00:00Z', renewal_kind: 'service', renewal_rule_id: own, odometer_km: 94_800 })).status).toBe('applied')
    expect(await live(v)).toEqual([{ id: own, vehicle_id: v, kind: 'service', every_km: 5000, every_months: null, last_done_at: '2026-11-10', last_done_km: 94_800 }])
    const late = await approvedRequest(v)
    expect((await complete(late, { completed_at: '2026-10-20T02:00:00Z', renewal_kind: 'service', renewal_rule_id: own, odometer_km: 92_000 })).status).toBe('applied')
    expect(await live(v)).toMatchObject([{ last_done_at: '2026-11-10', last_done_km: 94_800 }])
  })

  it('a device that did not know the own row: the own row is updated and the device\'s id comes back as a tombstone', async () => {
    const v = await createAsset(db, 'vehicle')
    const own = randomUUID()
    expect((await op(U.fleetManager, 'renewal_rule.upsert', own, { vehicle_id: v, kind: 'insurance', every_months: 12, last_done_at: '2025-12-01' })).status).toBe('applied')
    const req = await approvedRequest(v)
    const phantom = randomUUID()
    expect((await complete(req, { completed_at: '2026-11-10T02:00:00Z', renewal_kind: 'insurance', renewal_rule_id: phantom, odometer_km: 5000 })).status).toBe('applied')
    const all = await rules(v)
    expect(all.map((r) => [r.id, r.deleted, r.last_done_at])).toEqual([
      [own, false, '2026-11-10'],
      [phantom, true, '2026-11-10'],
    ])
  })

  it('refuses a renewal kind on anything but a completion, and a rule id of another vehicle or kind', async () => {
    const v = await createAsset(db, 'vehicle')
    const other = await createAsset(db, 'vehicle')
    const otherRule = randomUUID()
    expect((await op(U.fleetManager, 'renewal_rule.upsert', otherRule, { vehicle_id: other, kind: 'service', every_km: 5000 })).status).toBe('applied')
    const id = randomUUID()
    expect((await op(U.driver, 'maintenance.request', id, { vehicle_id: v, description: '保养', urgency: 'normal', photo_ids: [] })).status).toBe('applied')
    expect(await op(U.fleetManager, 'maintenance.update', id, { request_id: id, status: 'approved', garage: 'G', renewal_kind: 'service', renewal_rule_id: randomUUID() })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await complete(id, { garage: 'G', renewal_kind: 'service' })).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/renewal_rule_id/) })
    expect(await complete(id, { garage: 'G', renewal_kind: 'service', renewal_rule_id: otherRule })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await db.query('select status from public.maintenance_requests where id = $1', [id])).toEqual([{ status: 'requested' }])
    expect(await live(v)).toEqual([])
  })
})
