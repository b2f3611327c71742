// Vehicles (issue 5): trip.start/end with odometer flags, fuel.record drafts and corrections,
// pre-trip checks scored like inspections that put a vehicle out of service until the repair
// is completed, maintenance, accidents and renewal rules. Refusals change nothing; conflicts
// are kept and flagged (DESIGN.md invariant 2).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allItems, scoreInspection, type TemplateVersion } from '@/features/inspections/domain'
import { makeUser } from './support/checklists'
import { HQ, SZ, createAsset } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
const U = DEMO.users
const PRETRIP = DEMO.raw.pretripTemplate as unknown as TemplateVersion & { id: string }

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const iso = (base: string, min: number) => new Date(Date.parse(base) + min * 60_000).toISOString()
const T0 = '2026-11-26T08:00:00+08:00'

async function op(user: string, kind: string, id: string, payload: Record<string, unknown>) {
  const [r] = await push(db, user, [makeOp(kind, id, payload)])
  if (!r) throw new Error('no result')
  return r
}
const vehicle = (site = HQ) => createAsset(db, 'vehicle', { site_id: site })
const one = async <T = Record<string, unknown>>(sql: string, params: unknown[]) => (await db.query<T>(sql, params))[0] as T
const state = (id: string) =>
  one<{ out_of_service: boolean; reason_check_id: string | null; last_odometer_km: number | null; active_trip_id: string | null }>(
    'select out_of_service, reason_check_id, last_odometer_km, active_trip_id from public.vehicle_states where id = $1',
    [id],
  )

const tripPayload = (vehicleId: string, extra: Record<string, unknown> = {}) => ({
  vehicle_id: vehicleId,
  started_at: T0,
  purpose: '送文件',
  destination: '浦东税务局',
  passengers: null,
  odometer_start: 1000,
  // No dispatch (用车申请) behind these trips: the driver says why, the trip is marked for the fleet manager.
  no_dispatch_reason: '临时送文件',
  ...extra,
})
async function startTrip(vehicleId: string, extra: Record<string, unknown> = {}, user: string = U.driver) {
  const id = randomUUID()
  return { id, r: await op(user, 'trip.start', id, tripPayload(vehicleId, extra)) }
}
const endTrip = (tripId: string, ended_at: string, odometer_end: number, user: string = U.driver) =>
  op(user, 'trip.end', tripId, { trip_id: tripId, ended_at, odometer_end, notes: '一切正常' })

/** A pre-trip check payload: every item passes but those named failing (with a photo). */
function checkPayload(vehicleId: string, failing: string[] = []) {
  const answers = allItems(PRETRIP).map((i) =>
    failing.includes(i.key) ? { item_key: i.key, result: 'fail', note: '有问题', photo_ids: [randomUUID()] } : { item_key: i.key, result: 'pass' },
  )
  const s = scoreInspection(PRETRIP, answers)
  return {
    id: randomUUID(),
    vehicle_id: vehicleId,
    template_id: PRETRIP.id,
    started_at: iso(T0, -10),
    submitted_at: iso(T0, -5),
    answers,
    score: s.percent,
    grade: s.grade,
    critical_failed: s.critical_failed,
    maintenance_request_ids: s.failed_items.map((f) => ({ id: randomUUID(), item_key: f.key })),
  }
}

describe('trips', () => {
  it('start → the vehicle is on this trip; end → its reading is the last one, no flags', async () => {
    const v = await vehicle()
    const { id, r } = await startTrip(v)
    expect(r.status).toBe('applied')
    expect(await state(v)).toMatchObject({ out_of_service: false, active_trip_id: id, last_odometer_km: 1000 })
    expect((await endTrip(id, iso(T0, 90), 1085)).status).toBe('applied')
    expect(await one('select driver_id, odometer_end, notes, flags from public.trips where id = $1', [id])).toEqual({
      driver_id: U.driver, odometer_end: 1085, notes: '一切正常', flags: ['no_dispatch'],
    })
    expect(await state(v)).toMatchObject({ active_trip_id: null, last_odometer_km: 1085 })
  })

  it('an end reading below the start is kept and flagged backwards', async () => {
    const v = await vehicle()
    const { id } = await startTrip(v)
    expect(await endTrip(id, iso(T0, 60), 990)).toMatchObject({ status: 'flagged', detail: 'backwards' })
    expect(await one('select odometer_end, flags from public.trips where id = $1', [id])).toEqual({ odometer_end: 990, flags: ['backwards', 'no_dispatch'] })
  })

  it('a distance no car drives in the time is implausible: > 150 km/h, or > 1,500 km a day (+ 10 km slack), as the domain', async () => {
    const v = await vehicle()
    const fast = await startTrip(v)
    expect(await endTrip(fast.id, iso(T0, 60), 1161)).toMatchObject({ status: 'flagged', detail: 'implausible' })
    const ok = await startTrip(v, { started_at: iso(T0, 120), odometer_start: 1161 })
    expect((await endTrip(ok.id, iso(T0, 180), 1321)).status).toBe('applied') // 150 km/h + the slack
    const hop = await startTrip(v, { started_at: iso(T0, 200), odometer_start: 1321 })
    expect((await endTrip(hop.id, iso(T0, 200), 1329)).status).toBe('applied') // no time, 8 km: clock rounding
    const long = await startTrip(v, { started_at: iso(T0, 240), odometer_start: 1329 })
    // 30 h, 1,900 km: 63 km/h but more than 1,500 km × 1.25 days + 10.
    expect(await endTrip(long.id, iso(T0, 240 + 30 * 60), 3229)).toMatchObject({ status: 'flagged', detail: 'implausible' })
    expect(await one('select flags from public.trips where id = $1', [long.id])).toEqual({ flags: ['implausible', 'no_dispatch'] })
  })

  it('a start below the vehicle\'s last reading is flagged backwards, the trip kept', async () => {
    const v = await vehicle()
    const first = await startTrip(v)
    await endTrip(first.id, iso(T0, 60), 1050)
    const second = await startTrip(v, { started_at: iso(T0, 120), odometer_start: 1040 })
    expect(second.r).toMatchObject({ status: 'flagged', detail: 'backwards' })
    expect(await state(v)).toMatchObject({ active_trip_id: second.id, last_odometer_km: 1040 })
  })

  it('refusals name the cause and change nothing', async () => {
    const v = await vehicle()
    const szDriver = await makeUser(db, 'driver', SZ, 'sz-driver')
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [U.employee, {}, 'forbidden', /driver or fleet manager/],
      [szDriver, {}, 'forbidden', /driver or fleet manager/],
      [U.driver, { vehicle_id: randomUUID() }, 'not_found', /vehicle_id/],
      [U.driver, { purpose: '  ' }, 'invalid', /purpose/],
      [U.driver, { odometer_start: -1 }, 'invalid', /odometer_start/],
      [U.driver, { started_at: '2026-11-26 08:00' }, 'invalid', /started_at/],
      [U.driver, { driver_id: U.fleetManager }, 'forbidden', /driver_id/],
      [U.driver, { vehicle_check_id: randomUUID() }, 'not_found', /vehicle_check_id/],
      [U.driver, { colour: 'red' }, 'invalid', /colour/],
    ]
    for (const [user, extra, reason, detail] of cases) {
      const { id, r } = await startTrip(v, extra, user)
      expect(r, JSON.stringify(extra)).toMatchObject({ status: 'refused', reason })
      expect(r.detail).toMatch(detail)
      expect(await db.query('select 1 from public.trips where id = $1', [id])).toEqual([])
    }
    expect(await db.query('select 1 from public.vehicle_states where id = $1', [v])).toEqual([])
    const { id } = await startTrip(v)
    expect(await endTrip(id, iso(T0, -1), 1001)).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await endTrip(id, iso(T0, 30), 1020, U.employee)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await endTrip(randomUUID(), iso(T0, 30), 1020)).toMatchObject({ status: 'refused', reason: 'not_found' })
    expect(await one('select ended_at from public.trips where id = $1', [id])).toEqual({ ended_at: null })
  })

  it('is idempotent: the same op or the same trip again is a duplicate; other content under its id is invalid', async () => {
    const v = await vehicle()
    const id = randomUUID()
    const start = makeOp('trip.start', id, tripPayload(v))
    expect((await push(db, U.driver, [start, start]))[1]?.status).toBe('duplicate')
    expect(await op(U.driver, 'trip.start', id, tripPayload(v))).toMatchObject({ status: 'duplicate' })
    expect(await op(U.driver, 'trip.start', id, tripPayload(v, { destination: '别处' }))).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect((await endTrip(id, iso(T0, 30), 1020)).status).toBe('applied')
    expect(await endTrip(id, iso(T0, 30), 1020)).toMatchObject({ status: 'duplicate' })
    // A second, different end is a conflict: kept out, flagged.
    expect(await endTrip(id, iso(T0, 40), 1030)).toMatchObject({ status: 'flagged', detail: 'already_ended' })
    expect(await one('select odometer_end from public.trips where id = $1', [id])).toEqual({ odometer_end: 1020 })
    expect(await db.query<{ n: number }>('select count(*)::int as n from public.trips where vehicle_id = $1', [v])).toEqual([{ n: 1 }])
  })
})

describe('用车申请 → the driver\'s trip (issue 9)', () => {
  async function dispatch(vehicleId: string, driver: string = U.driver): Promise<string> {
    const id = randomUUID()
    const form = { destination: '浦东税务局', start_at: T0, end_at: iso(T0, 180), passengers: 2, purpose: '送文件', estimated_cost: null }
    expect((await op(U.employee, 'request.submit', id, { event_id: randomUUID(), type: 'vehicle_dispatch', form, photo_ids: [] })).status).toBe('applied')
    const approve = { request_id: id, action: 'approve', revision: 1, step: 0, assignment: { vehicle_id: vehicleId, driver_id: driver } }
    expect((await op(U.fleetManager, 'request.act', randomUUID(), approve)).status).toBe('applied')
    return id
  }
  const request = (id: string) => one<{ fulfilled_by: string | null }>('select fulfilled_by from public.requests where id = $1', [id])

  it('the assigned driver starts the trip from the dispatch: no mark, the dispatch carried out', async () => {
    const v = await vehicle()
    const req = await dispatch(v)
    const { id, r } = await startTrip(v, { no_dispatch_reason: undefined, request_id: req })
    expect(r.status).toBe('applied')
    expect(await one('select request_id, no_dispatch_reason, flags from public.trips where id = $1', [id])).toEqual({ request_id: req, no_dispatch_reason: null, flags: [] })
    expect(await request(req)).toEqual({ fulfilled_by: U.driver })
  })

  it('without a dispatch the trip is kept with its reason and marked for the fleet manager, who sees it', async () => {
    const v = await vehicle()
    const { id, r } = await startTrip(v)
    expect(r.status).toBe('applied')
    expect(await one('select no_dispatch_reason, flags from public.trips where id = $1', [id])).toEqual({ no_dispatch_reason: '临时送文件', flags: ['no_dispatch'] })
    const seen = await db.asUser(U.fleetManager, (q) => q<{ flags: string[] }>('select flags from public.trips where id = $1', [id]))
    expect(seen).toEqual([{ flags: ['no_dispatch'] }])
  })

  it('a dispatch assigned to another vehicle is kept and flagged; a reason with a dispatch, or another kind of application, is refused', async () => {
    const v = await vehicle()
    const other = await vehicle()
    const req = await dispatch(other)
    const { id, r } = await startTrip(v, { no_dispatch_reason: undefined, request_id: req })
    expect(r).toMatchObject({ status: 'flagged', detail: 'dispatch_mismatch' })
    expect(await one('select flags from public.trips where id = $1', [id])).toEqual({ flags: ['dispatch_mismatch'] })
    expect(await request(req)).toEqual({ fulfilled_by: null })
    expect((await startTrip(v, { request_id: req })).r).toMatchObject({ status: 'refused', reason: 'invalid' })
  })
})

describe('pre-trip check, out of service and the repair', () => {
  it('a failed critical item: scored by the server, a request per failed item, the vehicle out of service', async () => {
    const v = await vehicle()
    const p = checkPayload(v, ['brakes', 'cleanliness'])
    expect(p.critical_failed).toBe(true)
    expect((await op(U.driver, 'vehicle_check.submit', p.id, p)).status).toBe('applied')
    expect(await one('select server_score::float as server_score, server_grade, critical_failed from public.vehicle_checks where id = $1', [p.id])).toEqual({
      server_score: p.score, server_grade: p.grade, critical_failed: true,
    })
    const reqs = await db.query<{ id: string; item_key: string; description: string; urgency: string; status: string; photos: number }>(
      `select id, item_key, description, urgency, status, cardinality(photo_ids)::int as photos from public.maintenance_requests
       where vehicle_check_id = $1 order by item_key`, [p.id])
    const byKey = Object.fromEntries(p.maintenance_request_ids.map((m) => [m.item_key, m.id]))
    expect(reqs).toEqual([
      { id: byKey.brakes, item_key: 'brakes', description: '有问题', urgency: 'urgent', status: 'requested', photos: 1 },
      { id: byKey.cleanliness, item_key: 'cleanliness', description: '有问题', urgency: 'normal', status: 'requested', photos: 1 },
    ])
    expect(await state(v)).toMatchObject({ out_of_service: true, reason_check_id: p.id })

    // The driver goes anyway (the UI would have stopped it): a fact, kept and flagged.
    const trip = await startTrip(v, { vehicle_check_id: p.id })
    expect(trip.r).toMatchObject({ status: 'flagged', detail: 'out_of_service' })
    expect(await one('select flags from public.trips where id = $1', [trip.id])).toEqual({ flags: ['no_dispatch', 'out_of_service'] })

    // Only the fleet manager records the repair; the non-critical one does not matter.
    const brakes = byKey.brakes as string
    expect(await op(U.driver, 'maintenance.update', brakes, { request_id: brakes, status: 'completed' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await op(U.fleetManager, 'maintenance.update', byKey.cleanliness as string, { request_id: byKey.cleanliness, status: 'completed' })).status).toBe('applied')
    expect(await state(v)).toMatchObject({ out_of_service: true })
    expect((await op(U.fleetManager, 'maintenance.update', brakes, { request_id: brakes, status: 'approved', garage: '上汽大众特约维修站' })).status).toBe('applied')
    expect(await state(v)).toMatchObject({ out_of_service: true })
    expect((await op(U.fleetManager, 'maintenance.update', brakes, { request_id: brakes, status: 'completed', cost: 860, completed_at: iso(T0, 300) })).status).toBe('applied')
    expect(await one('select status, decided_by, garage, cost::float as cost from public.maintenance_requests where id = $1', [brakes])).toEqual({
      status: 'completed', decided_by: U.fleetManager, garage: '上汽大众特约维修站', cost: 860,
    })
    expect(await state(v)).toMatchObject({ out_of_service: false, reason_check_id: null })
    // A move back does not fit: flagged, nothing changes.
    expect(await op(U.fleetManager, 'maintenance.update', brakes, { request_id: brakes, status: 'in_progress' })).toMatchObject({ status: 'flagged' })
    expect(await state(v)).toMatchObject({ out_of_service: false })
  })

  it('two failed critical items: both repairs are needed', async () => {
    const v = await vehicle()
    const p = checkPayload(v, ['tyres', 'lights'])
    await op(U.fleetManager, 'vehicle_check.submit', p.id, p)
    const [a, b] = p.maintenance_request_ids
    await op(U.fleetManager, 'maintenance.update', a!.id, { request_id: a!.id, status: 'completed' })
    expect(await state(v)).toMatchObject({ out_of_service: true })
    await op(U.fleetManager, 'maintenance.update', b!.id, { request_id: b!.id, status: 'rejected', note: '误报' })
    expect(await state(v)).toMatchObject({ out_of_service: true }) // rejecting is not a repair
  })

  it('a passing check changes nothing; wrong request ids, answers or rights are refused and change nothing', async () => {
    const v = await vehicle()
    const ok = checkPayload(v)
    expect((await op(U.driver, 'vehicle_check.submit', ok.id, ok)).status).toBe('applied')
    expect(await state(v)).toMatchObject({ out_of_service: false })
    const bad: [string, Record<string, unknown>, string][] = [
      [U.driver, { maintenance_request_ids: [] }, 'invalid'],
      [U.driver, { answers: checkPayload(v).answers.slice(1) }, 'invalid'],
      [U.employee, {}, 'forbidden'],
      [U.driver, { template_id: randomUUID() }, 'not_found'],
    ]
    for (const [user, extra, reason] of bad) {
      const p = { ...checkPayload(v, ['brakes']), ...extra }
      expect(await op(user, 'vehicle_check.submit', p.id, p), JSON.stringify(extra)).toMatchObject({ status: 'refused', reason })
      expect(await db.query('select 1 from public.vehicle_checks where id = $1', [p.id])).toEqual([])
    }
    expect(await db.query<{ n: number }>('select count(*)::int as n from public.maintenance_requests where vehicle_id = $1', [v])).toEqual([{ n: 0 }])
    expect(await state(v)).toMatchObject({ out_of_service: false })
  })

  it('the device\'s figures that differ are flagged; the same check again is a duplicate; checks are append-only', async () => {
    const v = await vehicle()
    const p = { ...checkPayload(v), score: 50 }
    expect(await op(U.driver, 'vehicle_check.submit', p.id, p)).toMatchObject({ status: 'flagged', detail: expect.stringMatching(/score: device 50, server 100/) })
    expect(await op(U.driver, 'vehicle_check.submit', p.id, p)).toMatchObject({ status: 'duplicate' })
    expect(await op(U.driver, 'vehicle_check.submit', p.id, { ...p, submitted_at: iso(T0, -4) })).toMatchObject({ status: 'refused', reason: 'invalid' })
    await expect(db.query('update public.vehicle_checks set score = 1 where id = $1', [p.id])).rejects.toThrow(/append-only/)
  })
})

describe('fuel', () => {
  const fuel = (vehicleId: string, extra: Record<string, unknown> = {}) => ({
    vehicle_id: vehicleId,
    filled_at: T0,
    odometer_km: 1200,
    litres: 40,
    unit_price: 7.8,
    amount: 312,
    full_tank: true,
    missed_previous: false,
    fuel_type: 'gasoline_92',
    station: '中石化',
    fuel_card: null,
    photo_ids: [],
    status: 'complete',
    ...extra,
  })
  const row = (id: string) => one('select status, litres::float as litres, amount::float as amount, driver_id from public.fuel_logs where id = $1', [id])

  it('a quick entry (a photo, no numbers) is completed later by its driver', async () => {
    const v = await vehicle()
    const id = randomUUID()
    const draft = fuel(v, { odometer_km: null, litres: null, unit_price: null, amount: null, status: 'draft', photo_ids: [randomUUID()] })
    expect((await op(U.driver, 'fuel.record', id, draft)).status).toBe('applied')
    expect(await row(id)).toEqual({ status: 'draft', litres: null, amount: null, driver_id: U.driver })
    expect((await op(U.driver, 'fuel.record', id, { ...draft, litres: 40, amount: 312, status: 'complete' })).status).toBe('applied')
    expect(await row(id)).toEqual({ status: 'complete', litres: 40, amount: 312, driver_id: U.driver })
    expect(await op(U.driver, 'fuel.record', id, { ...draft, litres: 40, amount: 312, status: 'complete' })).toMatchObject({ status: 'duplicate' })
    // Complete: the driver may no longer change it; the fleet manager corrects it.
    expect(await op(U.driver, 'fuel.record', id, { ...draft, litres: 41, amount: 312, status: 'complete' })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await op(U.fleetManager, 'fuel.record', id, { ...draft, litres: 41, amount: 312, status: 'complete' })).status).toBe('applied')
    expect(await row(id)).toEqual({ status: 'complete', litres: 41, amount: 312, driver_id: U.driver })
  })

  it('another driver cannot complete my draft; people without the role cannot record', async () => {
    const v = await vehicle()
    const other = await makeUser(db, 'driver', null, 'other-driver')
    const id = randomUUID()
    await op(U.driver, 'fuel.record', id, fuel(v, { status: 'draft', litres: null, amount: null, unit_price: null }))
    expect(await op(other, 'fuel.record', id, fuel(v))).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await op(U.employee, 'fuel.record', randomUUID(), fuel(v))).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await row(id)).toMatchObject({ status: 'draft' })
  })

  it('numbers are checked: positive, litres ≤ 500, amount ≤ 100,000, two of three, all three within 1 %', async () => {
    const v = await vehicle()
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ litres: 0 }, /^litres: must be positive/],
      [{ litres: 501 }, /^litres/],
      [{ amount: 100_001 }, /^amount/],
      [{ unit_price: -1 }, /^unit_price/],
      [{ amount: 320 }, /^amount: differs/],
      [{ litres: null, unit_price: null }, /^amount: a complete fill-up needs two/],
      [{ odometer_km: 12.5 }, /^odometer_km/],
      [{ full_tank: 'yes' }, /^full_tank/],
      [{ status: 'done' }, /^status/],
    ]
    for (const [extra, detail] of cases) {
      const id = randomUUID()
      const r = await op(U.driver, 'fuel.record', id, fuel(v, extra))
      expect(r, JSON.stringify(extra)).toMatchObject({ status: 'refused', reason: 'invalid' })
      expect(r.detail).toMatch(detail)
      expect(await db.query('select 1 from public.fuel_logs where id = $1', [id])).toEqual([])
    }
    // Within 1 %: 40 × 7.8 = 312, 314 is off by 0.64 %.
    expect((await op(U.driver, 'fuel.record', randomUUID(), fuel(v, { amount: 314 }))).status).toBe('applied')
  })
})

describe('maintenance, accidents, renewal rules', () => {
  it('a request on its own, then approved → in progress → completed by the fleet manager', async () => {
    const v = await vehicle()
    const id = randomUUID()
    const p = { vehicle_id: v, description: '空调不制冷', urgency: 'normal', photo_ids: [randomUUID()] }
    expect((await op(U.driver, 'maintenance.request', id, p)).status).toBe('applied')
    expect(await op(U.driver, 'maintenance.request', id, p)).toMatchObject({ status: 'duplicate' })
    expect(await op(U.driver, 'maintenance.request', id, { ...p, urgency: 'urgent' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await op(U.employee, 'maintenance.request', randomUUID(), p)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await op(U.driver, 'maintenance.request', randomUUID(), { ...p, urgency: 'asap' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    for (const status of ['approved', 'in_progress', 'completed']) {
      expect((await op(U.fleetManager, 'maintenance.update', id, { request_id: id, status, garage: '4S 店' })).status).toBe('applied')
    }
    expect(await one('select status, requested_by, completed_at is not null as done from public.maintenance_requests where id = $1', [id])).toEqual({
      status: 'completed', requested_by: U.driver, done: true,
    })
    expect(await op(U.fleetManager, 'maintenance.update', randomUUID(), { request_id: randomUUID(), status: 'approved' })).toMatchObject({ status: 'refused', reason: 'not_found' })
  })

  it('an accident: reported by the driver, moved forward by the fleet manager to closed', async () => {
    const v = await vehicle()
    const id = randomUUID()
    const p = {
      vehicle_id: v, occurred_at: T0, place: '延安高架 虹许路口', latitude: 31.2, longitude: 121.4,
      description: '追尾，后保险杠受损', injuries: null, other_party: '沪C12345', police_report_no: 'JT-2026-001', photo_ids: [randomUUID()],
    }
    expect((await op(U.driver, 'accident.report', id, p)).status).toBe('applied')
    expect(await op(U.driver, 'accident.report', id, p)).toMatchObject({ status: 'duplicate' })
    expect(await op(U.driver, 'accident.report', randomUUID(), { ...p, longitude: null })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await op(U.employee, 'accident.report', randomUUID(), p)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    const upd = (status: string, extra: Record<string, unknown> = {}, user: string = U.fleetManager) =>
      op(user, 'accident.update', id, { accident_id: id, status, ...extra })
    expect(await upd('under_review', {}, U.driver)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await upd('under_review', { note: '已联系保险公司' })).status).toBe('applied')
    expect(await upd('claim_filed')).toMatchObject({ status: 'refused', reason: 'invalid', detail: expect.stringMatching(/claim_no/) })
    expect((await upd('claim_filed', { claim_no: 'PICC-88' })).status).toBe('applied')
    expect((await upd('closed', { cost: 3200 })).status).toBe('applied')
    expect(await upd('under_review')).toMatchObject({ status: 'flagged' })
    expect(await one('select status, claim_no, cost::float as cost from public.accidents where id = $1', [id])).toEqual({ status: 'closed', claim_no: 'PICC-88', cost: 3200 })
    const [note] = await db.query(`select new_row ->> 'note' as note from public.audit_log where table_name = 'accidents' and row_id = $1 and new_row ? 'note'`, [id])
    expect(note).toEqual({ note: '已联系保险公司' })
  })

  it('renewal rules: the fleet manager or admin head upserts and deletes; others are refused', async () => {
    const v = await vehicle()
    const id = randomUUID()
    const p = { vehicle_id: v, kind: 'service', every_km: 10_000, every_months: 6, last_done_at: '2026-06-01', last_done_km: 1000 }
    expect((await op(U.fleetManager, 'renewal_rule.upsert', id, p)).status).toBe('applied')
    expect((await op(U.adminHead, 'renewal_rule.upsert', id, { ...p, every_km: 7500 })).status).toBe('applied')
    expect(await one(`select every_km, to_char(last_done_at, 'YYYY-MM-DD') as d from public.renewal_rules where id = $1`, [id])).toEqual({ every_km: 7500, d: '2026-06-01' })
    expect(await op(U.driver, 'renewal_rule.upsert', id, p)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await op(U.fleetManager, 'renewal_rule.upsert', randomUUID(), { ...p, kind: 'insurance', every_km: null, every_months: null, last_done_at: null, last_done_km: null })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await op(U.fleetManager, 'renewal_rule.upsert', randomUUID(), { ...p, last_done_at: '2026-02-30' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    // One live rule per vehicle and kind.
    expect(await op(U.fleetManager, 'renewal_rule.upsert', randomUUID(), p)).toMatchObject({ status: 'refused', reason: 'invalid' })
    const szFleet = await makeUser(db, 'fleet_manager', SZ, 'sz-fleet')
    expect(await op(szFleet, 'renewal_rule.upsert', id, p)).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await op(szFleet, 'renewal_rule.upsert', randomUUID(), { ...p, vehicle_id: null, kind: 'insurance', last_done_at: null, last_done_km: null })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect((await op(U.fleetManager, 'renewal_rule.upsert', id, { ...p, deleted: true })).status).toBe('applied')
    expect(await one('select deleted_at is not null as gone from public.renewal_rules where id = $1', [id])).toEqual({ gone: true })
  })
})
