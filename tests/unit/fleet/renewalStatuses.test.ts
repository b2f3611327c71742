import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { RenewalRuleRow } from '@/platform/db/rows'
import { driverVehicleIds, loadRenewals } from '@/features/fleet/data/renewalStatuses'
import { freshDb } from '../features/testDb'
import { DRIVER, STAMP, vehicle } from './fixtures'

const NOW = new Date('2026-03-01T04:00:00.000Z')

function rule(over: Partial<RenewalRuleRow>): RenewalRuleRow {
  return { id: crypto.randomUUID(), vehicle_id: null, kind: 'service', every_km: 10_000, every_months: 6, last_done_at: null, last_done_km: null, updated_at: STAMP, deleted_at: null, ...over }
}

describe('renewal reminders from Dexie', () => {
  it('own rule over the fleet default, registry dates for uncovered kinds, most urgent first', async () => {
    const db = freshDb()
    const a = vehicle({ number: 'VEH-A', details: { ...vehicle().details, plate: '沪A00001', insurance_end: '2026-03-05', annual_inspection_on: '2027-01-01' } })
    const b = vehicle({ number: 'VEH-B', details: { ...vehicle().details, plate: '沪A00002', insurance_end: '2027-01-01', annual_inspection_on: '2027-01-01' }, holder_id: DRIVER })
    await db.assets.bulkAdd([a, b])
    await db.vehicle_states.bulkAdd([
      { id: a.id, out_of_service: false, reason_check_id: null, since: null, last_odometer_km: 19_900, active_trip_id: null, updated_at: STAMP, deleted_at: null },
      { id: b.id, out_of_service: false, reason_check_id: null, since: null, last_odometer_km: 30_000, active_trip_id: null, updated_at: STAMP, deleted_at: null },
    ])
    await db.renewal_rules.bulkAdd([
      // Fleet default: service every 10,000 km / 6 months. Its last done is nobody's (last done is per
      // vehicle): a has none recorded, so its service is due ('last done not recorded').
      rule({ last_done_km: 10_000, last_done_at: '2025-12-01' }),
      // b's own: last service at 20,500 → due at 30,500, 500 km to go ('soon').
      rule({ vehicle_id: b.id, last_done_km: 20_500, last_done_at: '2026-02-01' }),
    ])
    const { list } = await loadRenewals(db, NOW)
    const brief = list.map((s) => [s.vehicle_id === a.id ? 'a' : 'b', s.kind, s.urgency])
    expect(brief).toEqual([
      ['a', 'insurance', 'due'],
      ['a', 'service', 'due'],
      ['b', 'service', 'soon'],
    ])
    // A driver sees only the vehicles they hold (or drove lately).
    const mine = await driverVehicleIds(db, DRIVER, NOW)
    expect([...mine]).toEqual([b.id])
    expect((await loadRenewals(db, NOW, mine)).list.map((s) => s.vehicle_id)).toEqual([b.id])
  })

  it('issue #12: default rules hide neither the registered dates nor a vehicle without a last done; a default\'s last done is never every vehicle\'s', async () => {
    const db = freshDb()
    const c = vehicle({ number: 'VEH-C', details: { ...vehicle().details, insurance_end: '2026-02-20', annual_inspection_on: '2026-02-25' } })
    await db.assets.add(c)
    await db.vehicle_states.add({ id: c.id, out_of_service: false, reason_check_id: null, since: null, last_odometer_km: 95_000, active_trip_id: null, updated_at: STAMP, deleted_at: null })
    await db.renewal_rules.bulkAdd([
      rule({ kind: 'service', every_km: 10_000, every_months: null, last_done_km: 60_000, last_done_at: '2025-12-01' }),
      rule({ kind: 'annual_inspection', every_km: null, every_months: 12 }),
      rule({ kind: 'insurance', every_km: null, every_months: 12 }),
    ])
    const { list } = await loadRenewals(db, NOW)
    expect(list.map((s) => [s.kind, s.urgency, s.due_km, s.last_done_unknown])).toEqual([
      ['insurance', 'overdue', null, false],
      ['annual_inspection', 'overdue', null, false],
      ['service', 'due', null, true],
    ])
  })
})
