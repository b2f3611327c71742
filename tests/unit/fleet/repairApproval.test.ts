// 维修审批 (issue 9): the gate of a repair's cost against the admin head's threshold and its
// application, and sending a repair up the chain on the device (one transaction, ops in push order).
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { loadRequestContext } from '@/features/requests/data/context'
import { actOnRequest } from '@/features/requests/data/requestWrites'
import { repairOfApplication } from '@/features/requests/data/dispatch'
import { updateMaintenance } from '@/features/fleet/data/fleetWrites'
import { escalateRepair } from '@/features/fleet/data/repairApproval'
import { goesAhead, repairForm, repairGate } from '@/features/fleet/domain/repairApproval'
import { freshDb } from '../features/testDb'
import { request, vehicle } from './fixtures'

const HEAD = '0a000000-0000-4000-8000-000000000001'
const EXEC = '0a000000-0000-4000-8000-000000000002'
const FLEET = '0a000000-0000-4000-8000-000000000006'
const HQ = '05000000-0000-4000-8000-000000000001'
const NOW = new Date('2026-12-02T02:00:00.000Z')
const app = (status: string, estimated_cost: number | null) => ({ status, form: { estimated_cost } })

describe('repairGate', () => {
  it('at or below the threshold, or with no cost yet, the fleet manager decides alone', () => {
    expect(repairGate(null, 5000, null)).toBe('direct')
    expect(repairGate(5000, 5000, null)).toBe('direct')
    expect(repairGate(0, 0, null)).toBe('direct')
  })
  it('above it: escalate with no application, wait while it is on its way, go ahead once approved for at least the cost', () => {
    expect(repairGate(5000.01, 5000, null)).toBe('escalate')
    expect(repairGate(8000, 5000, app('pending', 8000))).toBe('waiting')
    expect(repairGate(8000, 5000, app('returned', 8000))).toBe('waiting')
    expect(repairGate(8000, 5000, app('approved', 8000))).toBe('covered')
    expect(repairGate(7000, 5000, app('approved', 8000))).toBe('covered')
    expect(repairGate(8000.5, 5000, app('approved', 8000))).toBe('escalate')
    expect(repairGate(8000, 5000, app('rejected', 8000))).toBe('escalate')
    expect(repairGate(8000, 5000, app('withdrawn', 8000))).toBe('escalate')
    expect(repairGate(8000, 5000, app('approved', null))).toBe('escalate')
  })
  it('only leaving "requested" for work is going ahead; the form is cut to the fields\' limits', () => {
    expect(goesAhead('requested', 'approved')).toBe(true)
    expect(goesAhead('requested', 'in_progress')).toBe(true)
    expect(goesAhead('requested', 'rejected')).toBe(false)
    expect(goesAhead('approved', 'in_progress')).toBe(false)
    expect(repairForm({ vehicle: '沪A12345', description: 'x'.repeat(1200), garage: '  ', cost: 8000 })).toEqual({
      vehicle: '沪A12345',
      description: 'x'.repeat(1000),
      garage: null,
      estimated_cost: 8000,
    })
  })
})

describe('sending a repair up the chain on the device', () => {
  let db: AdminFieldDb
  beforeEach(async () => {
    db = freshDb()
    await seedDemoCompany(db, NOW)
  })

  async function setUp() {
    const v = vehicle({ site_id: HQ })
    const r = request(v.id)
    await db.assets.add(v)
    await db.maintenance_requests.add(r)
    const ctx = await loadRequestContext(db)
    return { r, ctx }
  }
  const send = async (id: string, cost: number | null, ctx: Awaited<ReturnType<typeof loadRequestContext>>) =>
    escalateRepair(db, { id, garage: '大众4S店', cost, vehicleName: '沪A12345', applicant: { id: FLEET, site_id: HQ, department_id: null }, ctx }, NOW)

  it('above the threshold the fleet manager cannot approve alone; sending up writes the application and the repair naming it, in push order', async () => {
    const { r, ctx } = await setUp()
    expect(await updateMaintenance(db, r.id, { status: 'approved', cost: 8000 }, FLEET, NOW)).toEqual({ ok: false, error: 'approvalRequired' })
    expect(await send(r.id, 3000, ctx)).toEqual({ ok: false, error: 'notAbove' })
    expect(await send(r.id, null, ctx)).toEqual({ ok: false, error: 'cost' })
    expect(await db.outbox.count()).toBe(0)

    const sent = await send(r.id, 8000, ctx)
    if (!sent.ok) throw new Error(sent.error)
    const application = await db.requests.get(sent.requestId)
    expect(application).toMatchObject({
      type: 'vehicle_repair',
      applicant_id: FLEET,
      status: 'pending',
      waiting_role: 'admin_head',
      chain: [
        { role: 'fleet_manager', skipped: true },
        { role: 'admin_head', skipped: false },
        { role: 'executive', skipped: false },
      ],
      form: { vehicle: '沪A12345', description: '刹车异响', garage: '大众4S店', estimated_cost: 8000 },
    })
    expect(await db.maintenance_requests.get(r.id)).toMatchObject({ status: 'requested', approval_id: sent.requestId, cost: 8000, garage: '大众4S店' })
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['request.submit', 'maintenance.update'])
    expect(ops[1]?.payload).toEqual({ request_id: r.id, status: 'requested', cost: 8000, garage: '大众4S店', approval_id: sent.requestId })
    // The application's page links back to the repair it came from.
    expect(await repairOfApplication(db, sent.requestId)).toBe(r.id)
    // Once sent it waits: no second application, no approval.
    expect(await send(r.id, 8000, ctx)).toEqual({ ok: false, error: 'notAbove' })
    expect(await updateMaintenance(db, r.id, { status: 'approved' }, FLEET, NOW)).toEqual({ ok: false, error: 'approvalRequired' })

    // The admin head, then the executive: the repair goes ahead and carries the application out.
    const step1 = await actOnRequest(db, { request: application!, actorId: HEAD, act: { action: 'approve' }, ctx }, NOW)
    expect(await updateMaintenance(db, r.id, { status: 'approved' }, FLEET, NOW)).toEqual({ ok: false, error: 'approvalRequired' })
    await actOnRequest(db, { request: step1, actorId: EXEC, act: { action: 'approve' }, ctx }, NOW)
    const res = await updateMaintenance(db, r.id, { status: 'approved' }, FLEET, NOW)
    expect(res.ok).toBe(true)
    expect(await db.requests.get(sent.requestId)).toMatchObject({ status: 'approved', fulfilled_by: FLEET, fulfilled_at: NOW.toISOString() })
  })
})
