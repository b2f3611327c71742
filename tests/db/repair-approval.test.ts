// 维修审批 (issue 9): a repair above the admin head's threshold goes fleet manager → admin head →
// executive on the requests engine, one level at a time, never skipping; only an approved application
// covering the cost lets it go ahead; a completion above it is kept and flagged; the device's gate
// (repairGate) and the server's (private.maintenance_repair_gate) agree.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repairGate } from '@/features/fleet/domain/repairApproval'
import { HQ, createAsset } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

async function op(user: string, kind: string, id: string, payload: Record<string, unknown>) {
  const [r] = await push(db, user, [makeOp(kind, id, payload)])
  if (!r) throw new Error('no result')
  return r
}
const one = async <T = Record<string, unknown>>(sql: string, params: unknown[]) => (await db.query<T>(sql, params))[0] as T

/** A driver's repair request on a vehicle of the head office. */
async function repair() {
  const vehicle = await createAsset(db, 'vehicle', { site_id: HQ })
  const id = randomUUID()
  const r = await op(U.driver, 'maintenance.request', id, { vehicle_id: vehicle, description: '变速箱异响', urgency: 'normal', photo_ids: [] })
  expect(r.status).toBe('applied')
  return id
}
const repairForm = (cost: number) => ({ vehicle: '沪A12345', description: '变速箱异响', garage: '大众4S店', estimated_cost: cost })
const update = (user: string, id: string, extra: Record<string, unknown>) => op(user, 'maintenance.update', id, { request_id: id, ...extra })

/** The fleet manager sends the repair up: the application, then the repair naming it (one device transaction). */
async function sendUp(id: string, cost: number) {
  const app = randomUUID()
  expect((await op(U.fleetManager, 'request.submit', app, { event_id: randomUUID(), type: 'vehicle_repair', form: repairForm(cost), photo_ids: [] })).status).toBe('applied')
  expect((await update(U.fleetManager, id, { status: 'requested', garage: '大众4S店', cost, approval_id: app })).status).toBe('applied')
  return app
}
const decide = (user: string, app: string, step: number, action = 'approve', note?: string) =>
  op(user, 'request.act', randomUUID(), { request_id: app, action, revision: 1, step, ...(note ? { note } : {}) })
const application = (id: string) =>
  one<{ status: string; step: number; waiting_role: string | null; chain: unknown; fulfilled_by: string | null }>(
    'select status, step, waiting_role, chain, fulfilled_by from public.requests where id = $1',
    [id],
  )

describe('a repair above the threshold goes up the chain', () => {
  it('fleet manager → admin head → executive, one level at a time; then the repair goes ahead and carries the application out', async () => {
    const id = await repair()
    // Above 5,000 yuan the fleet manager alone may not let it go ahead.
    expect(await update(U.fleetManager, id, { status: 'approved', cost: 8000 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await one('select status, cost from public.maintenance_requests where id = $1', [id])).toEqual({ status: 'requested', cost: null })

    const app = await sendUp(id, 8000)
    expect(await application(app)).toMatchObject({
      status: 'pending',
      step: 1,
      waiting_role: 'admin_head',
      chain: [
        { role: 'fleet_manager', skipped: true },
        { role: 'admin_head', skipped: false },
        { role: 'executive', skipped: false },
      ],
    })
    expect(await one('select approval_id, cost::float as cost, garage from public.maintenance_requests where id = $1', [id])).toEqual({ approval_id: app, cost: 8000, garage: '大众4S店' })
    // Never skipping: the executive may not decide the admin head's step; the fleet manager may not decide its own application.
    expect(await decide(U.executive, app, 1)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await decide(U.fleetManager, app, 1)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await update(U.fleetManager, id, { status: 'approved' })).toMatchObject({ status: 'refused', reason: 'forbidden' })

    expect((await decide(U.adminHead, app, 1)).status).toBe('applied')
    expect(await application(app)).toMatchObject({ status: 'pending', step: 2, waiting_role: 'executive' })
    expect(await update(U.fleetManager, id, { status: 'in_progress', garage: '大众4S店' })).toMatchObject({ status: 'refused', reason: 'forbidden' })

    expect((await decide(U.executive, app, 2)).status).toBe('applied')
    expect(await application(app)).toMatchObject({ status: 'approved', waiting_role: null, fulfilled_by: null })
    expect((await update(U.fleetManager, id, { status: 'approved' })).status).toBe('applied')
    expect(await one('select status, decided_by from public.maintenance_requests where id = $1', [id])).toEqual({ status: 'approved', decided_by: U.fleetManager })
    expect(await application(app)).toMatchObject({ fulfilled_by: U.fleetManager })
    // The work done for the approved amount: completed, no flag.
    expect((await update(U.fleetManager, id, { status: 'completed', cost: 7800 })).status).toBe('applied')
  })

  it('at or below the threshold the fleet manager decides alone, as before', async () => {
    const id = await repair()
    expect((await update(U.fleetManager, id, { status: 'approved', cost: 5000, garage: '路边店' })).status).toBe('applied')
  })

  it('a rejected application, or one approved for less, does not let a dearer repair go ahead', async () => {
    const id = await repair()
    const app = await sendUp(id, 9000)
    expect((await decide(U.adminHead, app, 1, 'reject', '先比价'))).toMatchObject({ status: 'applied' })
    expect(await update(U.fleetManager, id, { status: 'approved' })).toMatchObject({ status: 'refused', reason: 'forbidden' })

    const cheaper = await repair()
    const app2 = await sendUp(cheaper, 6000)
    await decide(U.adminHead, app2, 1)
    await decide(U.executive, app2, 2)
    expect(await update(U.fleetManager, cheaper, { status: 'approved', cost: 6500 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await update(U.fleetManager, cheaper, { status: 'approved', cost: 6000 })).status).toBe('applied')
  })

  it('a completion above the threshold with no approval is a fact: kept, and flagged', async () => {
    const id = await repair()
    expect((await update(U.fleetManager, id, { status: 'approved', cost: 3000 })).status).toBe('applied')
    const done = await update(U.fleetManager, id, { status: 'completed', cost: 12000, garage: '大众4S店' })
    expect(done).toMatchObject({ status: 'flagged' })
    expect(done.detail).toContain('vehicles.flags.costAboveApproval')
    expect(await one('select status, cost::float as cost from public.maintenance_requests where id = $1', [id])).toEqual({ status: 'completed', cost: 12000 })
  })

  it('refusals: an application not the fleet manager\'s own or of another type, approval_id after the decision, by a driver', async () => {
    const id = await repair()
    const other = randomUUID()
    await op(U.employee, 'request.submit', other, { event_id: randomUUID(), type: 'vehicle_repair', form: repairForm(9000), photo_ids: [] })
    expect(await update(U.fleetManager, id, { status: 'requested', cost: 9000, approval_id: other })).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect(await update(U.fleetManager, id, { status: 'approved', cost: 100, approval_id: randomUUID() })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await update(U.driver, id, { status: 'requested', cost: 9000 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await one('select approval_id, cost from public.maintenance_requests where id = $1', [id])).toEqual({ approval_id: null, cost: null })
  })

  it('the server gate equals the device gate', async () => {
    const apps: Record<string, { status: string; form: Record<string, unknown> } | null> = { none: null }
    for (const [key, status, cost] of [['pending', 'pending', 9000], ['approved', 'approved', 9000], ['rejected', 'rejected', 9000]] as const) {
      const id = randomUUID()
      await op(U.fleetManager, 'request.submit', id, { event_id: randomUUID(), type: 'vehicle_repair', form: repairForm(cost), photo_ids: [] })
      if (status !== 'pending') await decide(U.adminHead, id, 1, status === 'approved' ? 'approve' : 'reject', '不批')
      if (status === 'approved') await decide(U.executive, id, 2)
      apps[key] = { ...(await one<{ status: string; form: Record<string, unknown> }>('select status, form from public.requests where id = $1', [id])), id } as never
    }
    for (const [key, app] of Object.entries(apps))
      for (const cost of [null, 100, 5000, 5000.01, 9000, 9000.5]) {
        const appId = (app as { id?: string } | null)?.id ?? null
        const sql = await one<{ g: string }>('select private.maintenance_repair_gate($1, $2) as g', [cost, appId])
        expect(sql.g, `${key} ${cost}`).toBe(repairGate(cost, 5000, app))
      }
  })
})
