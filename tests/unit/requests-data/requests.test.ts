import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { seedDemoCompany } from '@/features/auth/data/demoSeed'
import { loadRequestContext } from '@/features/requests/data/context'
import { actOnRequest, submitRequest } from '@/features/requests/data/requestWrites'
import { getRequest, inbox, myRequests } from '@/features/requests/data/requestReads'
import { validateForm } from '@/features/requests/domain'
import { freshDb } from '../features/testDb'

const HEAD = '0a000000-0000-4000-8000-000000000001'
const EXEC = '0a000000-0000-4000-8000-000000000002'
const EMPLOYEE = '0a000000-0000-4000-8000-000000000010'
const SZ = '05000000-0000-4000-8000-000000000002'
const NOW = new Date('2026-12-02T02:00:00.000Z')
let db: AdminFieldDb

beforeEach(async () => {
  db = freshDb()
  await seedDemoCompany(db, NOW)
})

const form = () => {
  const r = validateForm('seal_use', { document_title: '采购合同', document_type: 'contract', copies: 2, seal_name: '合同专用章', purpose: '签约', mode: 'stamp_here', due_at: '' })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.form
}

async function apply() {
  const ctx = await loadRequestContext(db)
  return submitRequest(db, { type: 'seal_use', form: form(), applicant: { id: EMPLOYEE, site_id: SZ, department_id: null }, fulfillerRole: 'seal_keeper', ctx }, NOW)
}

describe('applications on the device', () => {
  it('submit writes the application, its event and one pending op in one go; it waits for the admin head', async () => {
    const row = await apply()
    expect(row).toMatchObject({ status: 'pending', waiting_role: 'admin_head', applicant_id: EMPLOYEE, fulfiller_role: 'seal_keeper' })
    expect(await db.outbox.where('kind').equals('request.submit').count()).toBe(1)
    expect((await getRequest(db, row.id))?.events.map((e) => e.action)).toEqual(['submit'])
    expect((await myRequests(db, EMPLOYEE)).map((r) => r.id)).toEqual([row.id])
  })

  it("the admin head's inbox has it; approving moves it to the executive's; the executive's approval ends it", async () => {
    const row = await apply()
    const ctx = await loadRequestContext(db)
    const headBox = await inbox(db, HEAD, ctx, NOW)
    expect(headBox.items.map((x) => x.request.id)).toEqual([row.id])
    expect(headBox.total).toBe(1)
    expect(await inbox(db, EXEC, ctx, NOW)).toEqual({ items: [], total: 0 })
    expect(await inbox(db, EMPLOYEE, ctx, NOW)).toEqual({ items: [], total: 0 })
    const after = await actOnRequest(db, { request: row, actorId: HEAD, act: { action: 'approve' }, ctx }, NOW)
    expect(after).toMatchObject({ status: 'pending', step: 1, waiting_role: 'executive', deciders: [HEAD] })
    expect((await inbox(db, EXEC, ctx, NOW)).items.map((x) => x.request.id)).toEqual([row.id])
    const done = await actOnRequest(db, { request: after, actorId: EXEC, act: { action: 'approve' }, ctx }, NOW)
    expect(done).toMatchObject({ status: 'approved', first_pass: true })
    const ops = await db.outbox.where('kind').equals('request.act').toArray()
    expect(ops.map((o) => o.payload)).toEqual([
      { request_id: row.id, action: 'approve', revision: 1, step: 0 },
      { request_id: row.id, action: 'approve', revision: 1, step: 1 },
    ])
  })

  it('a decision on a copy that is out of date is kept and flagged, and the application stays as it is', async () => {
    const row = await apply()
    const ctx = await loadRequestContext(db)
    const later = (min: number) => new Date(NOW.getTime() + min * 60_000)
    await actOnRequest(db, { request: row, actorId: EMPLOYEE, act: { action: 'withdraw' }, ctx }, later(1))
    const stored = (await getRequest(db, row.id))!.request
    const stale = await actOnRequest(db, { request: stored, actorId: HEAD, act: { action: 'approve' }, ctx }, later(2))
    expect(stale.status).toBe('withdrawn')
    const events = (await getRequest(db, row.id))!.events
    expect(events.map((e) => [e.action, e.flag])).toEqual([
      ['submit', null],
      ['withdraw', null],
      ['approve', 'requests.flags.stale'],
    ])
    expect(await db.outbox.where('kind').equals('request.act').count()).toBe(2)
  })
})

describe('用车申请 on the device', () => {
  it("the fleet manager's approval carries the vehicle and the driver; the driver's list has it", async () => {
    const { assignedDispatches, dispatchOptions } = await import('@/features/requests/data/dispatch')
    const { needsAssignment } = await import('@/features/requests/domain')
    const FLEET = '0a000000-0000-4000-8000-000000000006'
    const DRIVER = '0a000000-0000-4000-8000-000000000005'
    const ctx = await loadRequestContext(db)
    const checked = validateForm('vehicle_dispatch', { destination: '机场', start_at: '2026-12-03T09:00:00+08:00', end_at: '2026-12-03T12:00:00+08:00', passengers: 2, purpose: '接客户', estimated_cost: '' })
    if (!checked.ok) throw new Error('form')
    const row = await submitRequest(db, { type: 'vehicle_dispatch', form: checked.form, applicant: { id: EMPLOYEE, site_id: SZ, department_id: null }, fulfillerRole: 'fleet_manager', ctx }, NOW)
    expect(needsAssignment(row)).toBe(true)
    const options = await dispatchOptions(db, null)
    expect(options.drivers.map((d) => d.id)).toContain(DRIVER)
    const done = await actOnRequest(db, { request: row, actorId: FLEET, act: { action: 'approve', assignment: { vehicle_id: 'v1', driver_id: DRIVER } }, ctx }, NOW)
    expect(done).toMatchObject({ status: 'approved', assignment: { vehicle_id: 'v1', driver_id: DRIVER } })
    expect((await assignedDispatches(db, DRIVER)).map((r) => r.id)).toEqual([row.id])
    const op = (await db.outbox.where('kind').equals('request.act').toArray()).at(-1)
    expect(op?.payload).toMatchObject({ action: 'approve', step: 0, assignment: { vehicle_id: 'v1', driver_id: DRIVER } })
  })

  it('an application from a site with no vehicle of its own still gets every live vehicle to pick (the server accepts any), its own site first', async () => {
    const { dispatchOptions } = await import('@/features/requests/data/dispatch')
    const vehicles = (await db.assets.where('kind').equals('vehicle').toArray()).filter((v) => v.deleted_at === null)
    expect(vehicles.some((v) => v.site_id === SZ)).toBe(false)
    const fromSz = await dispatchOptions(db, SZ)
    expect(fromSz.vehicles.map((v) => v.id).sort()).toEqual(vehicles.map((v) => v.id).sort())
    const [first, ...rest] = vehicles
    await db.assets.update(rest[0]!.id, { site_id: SZ })
    const ordered = await dispatchOptions(db, SZ)
    expect(ordered.vehicles[0]!.id).toBe(rest[0]!.id)
    expect(ordered.vehicles.map((v) => v.id)).toContain(first!.id)
  })
})
