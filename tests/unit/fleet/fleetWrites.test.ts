import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { updateAccident, updateMaintenance, upsertRenewalRule } from '@/features/fleet/data/fleetWrites'
import { renewalRuleSchema } from '@/features/fleet/domain/renewalRuleSchema'
import { sortRequests } from '@/features/fleet/domain/maintenance'
import { freshDb } from '../features/testDb'
import { MANAGER, accident, outOfService, request, vehicle } from './fixtures'

const NOW = new Date('2026-03-02T02:00:00.000Z')
let db: AdminFieldDb

beforeEach(() => {
  db = freshDb()
})

describe('maintenance approvals', () => {
  it('approve writes the row and its op in one transaction', async () => {
    const v = vehicle()
    const r = request(v.id)
    await db.maintenance_requests.add(r)
    const spy = vi.spyOn(db, 'transaction')
    const res = await updateMaintenance(db, r.id, { status: 'approved', garage: ' 大众4S店 ', cost: 850.5 }, MANAGER, NOW)
    expect(res.ok).toBe(true)
    expect(spy).toHaveBeenCalledTimes(1)
    expect(await db.maintenance_requests.get(r.id)).toMatchObject({ status: 'approved', decided_by: MANAGER, garage: '大众4S店', cost: 850.5 })
    const ops = await db.outbox.toArray()
    expect(ops).toHaveLength(1)
    expect(ops[0]).toMatchObject({ kind: 'maintenance.update', entity_id: r.id, payload: { request_id: r.id, status: 'approved', garage: '大众4S店', cost: 850.5 } })
  })

  it('refuses a reject without a note, and a bad cost, writing nothing', async () => {
    const r = request(crypto.randomUUID())
    await db.maintenance_requests.add(r)
    expect(await updateMaintenance(db, r.id, { status: 'rejected', note: '  ' }, MANAGER, NOW)).toEqual({ ok: false, error: 'noteRequired' })
    expect(await updateMaintenance(db, r.id, { status: 'approved', cost: -1 }, MANAGER, NOW)).toEqual({ ok: false, error: 'cost' })
    expect(await updateMaintenance(db, r.id, { status: 'completed', garage: 'x' }, MANAGER, NOW)).toEqual({ ok: false, error: 'transition' })
    expect(await db.outbox.count()).toBe(0)
    expect(await db.maintenance_requests.get(r.id)).toMatchObject({ status: 'requested' })
  })

  it('completing the repair that put the vehicle out of service clears it, in the same transaction', async () => {
    const v = vehicle()
    const checkId = crypto.randomUUID()
    const r = request(v.id, { status: 'approved', vehicle_check_id: checkId, garage: '大众4S店', urgency: 'urgent' })
    await db.maintenance_requests.add(r)
    await db.vehicle_states.add(outOfService(v.id, checkId))
    const res = await updateMaintenance(db, r.id, { status: 'completed', cost: 1200 }, MANAGER, NOW)
    expect(res.ok).toBe(true)
    expect(await db.vehicle_states.get(v.id)).toMatchObject({ out_of_service: false, reason_check_id: null })
    const op = (await db.outbox.toArray())[0]!
    expect(op.payload).toEqual({ request_id: r.id, status: 'completed', garage: '大众4S店', cost: 1200, completed_at: NOW.toISOString() })
  })

  it('issue #12: completing a job marked as the service sets that vehicle\'s last done (company day, last reading), row and op together', async () => {
    const v = vehicle()
    const r = request(v.id, { status: 'approved', garage: '大众4S店' })
    await db.maintenance_requests.add(r)
    await db.vehicle_states.add({ ...outOfService(v.id, crypto.randomUUID()), out_of_service: false, reason_check_id: null, since: null, last_odometer_km: 95_000 })
    const def = { id: crypto.randomUUID(), vehicle_id: null, kind: 'service' as const, every_km: 10_000, every_months: 6, last_done_at: null, last_done_km: null, updated_at: NOW.toISOString(), deleted_at: null }
    await db.renewal_rules.add(def)
    // 17:30 UTC is 01:30 the next day in Shanghai.
    const at = '2026-03-01T17:30:00.000Z'
    const spy = vi.spyOn(db, 'transaction')
    const res = await updateMaintenance(db, r.id, { status: 'completed', completed_at: at, renewal_kind: 'service' }, MANAGER, NOW)
    expect(res.ok).toBe(true)
    expect(spy).toHaveBeenCalledTimes(1)
    const own = (await db.renewal_rules.toArray()).find((x) => x.vehicle_id === v.id)
    expect(own).toMatchObject({ kind: 'service', every_km: null, every_months: null, last_done_at: '2026-03-02', last_done_km: 95_000 })
    expect(await db.renewal_rules.get(def.id)).toEqual(def)
    const op = (await db.outbox.toArray())[0]!
    expect(op.payload).toEqual({ request_id: r.id, status: 'completed', garage: '大众4S店', completed_at: at, renewal_kind: 'service', renewal_rule_id: own!.id, odometer_km: 95_000 })
  })

  it('a renewal kind only with a completion', async () => {
    const r = request(crypto.randomUUID())
    await db.maintenance_requests.add(r)
    expect(await updateMaintenance(db, r.id, { status: 'approved', garage: 'G', renewal_kind: 'service' }, MANAGER, NOW)).toEqual({ ok: false, error: 'transition' })
    expect(await db.outbox.count()).toBe(0)
  })

  it('another repair does not clear an out-of-service vehicle', async () => {
    const v = vehicle()
    const r = request(v.id, { status: 'in_progress', garage: 'G' })
    await db.maintenance_requests.add(r)
    await db.vehicle_states.add(outOfService(v.id, crypto.randomUUID()))
    await updateMaintenance(db, r.id, { status: 'completed' }, MANAGER, NOW)
    expect(await db.vehicle_states.get(v.id)).toMatchObject({ out_of_service: true })
  })

  it('lists open before closed, urgent first, oldest first', () => {
    const v = 'v'
    const rows = [
      request(v, { id: 'done', status: 'completed' }),
      request(v, { id: 'normal-old', requested_at: '2026-01-01T00:00:00Z' }),
      request(v, { id: 'urgent-new', urgency: 'urgent', requested_at: '2026-02-01T00:00:00Z' }),
      request(v, { id: 'low', urgency: 'low' }),
      request(v, { id: 'normal-new', requested_at: '2026-02-01T00:00:00Z' }),
    ]
    expect(sortRequests(rows).map((r) => r.id)).toEqual(['urgent-new', 'normal-old', 'normal-new', 'low', 'done'])
  })
})

describe('accidents', () => {
  it('steps reported → under_review → claim_filed → closed with claim number and cost', async () => {
    const a = accident(crypto.randomUUID())
    await db.accidents.add(a)
    expect(await updateAccident(db, a.id, { status: 'claim_filed', claim_no: 'X' }, NOW)).toEqual({ ok: false, error: 'transition' })
    expect((await updateAccident(db, a.id, { status: 'under_review' }, NOW)).ok).toBe(true)
    expect(await updateAccident(db, a.id, { status: 'claim_filed' }, NOW)).toEqual({ ok: false, error: 'claimNoRequired' })
    expect((await updateAccident(db, a.id, { status: 'claim_filed', claim_no: 'PICC-2026-001' }, NOW)).ok).toBe(true)
    expect((await updateAccident(db, a.id, { status: 'closed', cost: 3200.5 }, NOW)).ok).toBe(true)
    expect(await db.accidents.get(a.id)).toMatchObject({ status: 'closed', claim_no: 'PICC-2026-001', cost: 3200.5 })
    const ops = await db.outbox.toArray()
    expect(ops.map((o) => [o.kind, o.payload.status])).toEqual([
      ['accident.update', 'under_review'],
      ['accident.update', 'claim_filed'],
      ['accident.update', 'closed'],
    ])
    expect(ops[2]!.payload).toEqual({ accident_id: a.id, status: 'closed', claim_no: 'PICC-2026-001', cost: 3200.5 })
  })
})

describe('renewal rules', () => {
  it('issue #12: a rule for every vehicle has no last done; a vehicle\'s rule may carry only its last done', () => {
    const def = renewalRuleSchema.safeParse({ kind: 'service', every_km: '10000', vehicle_id: '', last_done_km: '50000' })
    expect(def.success ? [] : def.error.issues.map((i) => [i.path[0], i.message])).toEqual([['last_done_km', 'vehicles.fleet.rules.errors.defaultLastDone']])
    const own = renewalRuleSchema.safeParse({ kind: 'service', vehicle_id: crypto.randomUUID(), last_done_at: '2026-02-01' })
    expect(own.success).toBe(true)
    expect(renewalRuleSchema.safeParse({ kind: 'service', vehicle_id: crypto.randomUUID() }).success).toBe(false)
  })

  it('needs an interval; saves the rule and its op', async () => {
    expect(renewalRuleSchema.safeParse({ kind: 'service', every_km: '', every_months: '' }).success).toBe(false)
    expect(renewalRuleSchema.safeParse({ kind: 'service', every_km: '0' }).success).toBe(false)
    const values = renewalRuleSchema.parse({ kind: 'service', every_km: '10000', every_months: 6, vehicle_id: '' })
    const row = await upsertRenewalRule(db, null, values, NOW)
    expect(await db.renewal_rules.get(row.id)).toMatchObject({ kind: 'service', every_km: 10000, every_months: 6, vehicle_id: null })
    const ops = await db.outbox.toArray()
    expect(ops[0]).toMatchObject({ kind: 'renewal_rule.upsert', entity_id: row.id, payload: { id: row.id, kind: 'service', every_km: 10000 } })
  })
})
