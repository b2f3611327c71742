import { describe, expect, it } from 'vitest'
import { parseTemplate, templateSchema } from '@/features/inspections/domain/templateSchema'
import { PRETRIP_TEMPLATE_CODE, VEHICLE_PRETRIP_V1, preTripOutcome, serviceState } from '@/features/vehicles/domain/preTrip'
import { canStartTrip, endTrip, preTripDue, startTrip, tripDistance, type VehicleForTrip } from '@/features/vehicles/domain/trips'
import { tripEndSchema, tripStartSchema } from '@/features/vehicles/domain/tripsSchema'

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const DRIVER = U(1)
const OTHER = U(2)
const vehicle = (o: Partial<VehicleForTrip> = {}): VehicleForTrip => ({ id: U(10), status: 'in_stock', out_of_service: false, current_trip: null, ...o })

describe('canStartTrip', () => {
  it('a free vehicle in service can start', () => {
    expect(canStartTrip(vehicle(), DRIVER)).toEqual({ ok: true })
    expect(canStartTrip(vehicle({ status: 'checked_out' }), DRIVER)).toEqual({ ok: true })
  })
  it('refuses with the reason the driver is told', () => {
    expect(canStartTrip(vehicle({ status: 'retired' }), DRIVER)).toEqual({ ok: false, reason: 'vehicles.errors.retired' })
    expect(canStartTrip(vehicle({ status: 'lost' }), DRIVER)).toEqual({ ok: false, reason: 'vehicles.errors.retired' })
    expect(canStartTrip(vehicle({ status: 'in_repair' }), DRIVER)).toEqual({ ok: false, reason: 'vehicles.errors.inRepair' })
    expect(canStartTrip(vehicle({ out_of_service: true }), DRIVER)).toEqual({ ok: false, reason: 'vehicles.errors.outOfService' })
    expect(canStartTrip(vehicle({ current_trip: { id: U(20), driver_id: OTHER } }), DRIVER)).toEqual({ ok: false, reason: 'vehicles.errors.onTripByOther' })
    expect(canStartTrip(vehicle({ current_trip: { id: U(20), driver_id: DRIVER } }), DRIVER)).toEqual({ ok: false, reason: 'vehicles.errors.alreadyOnTrip' })
  })
})

describe('preTripDue: once per company day before the first trip', () => {
  const check = { submitted_at: '2026-03-01T00:30:00Z' } // 08:30 Shanghai
  it('due without any check', () => expect(preTripDue({}, null, '2026-03-01T01:00:00Z')).toBe(true))
  it('not due again the same company day', () => expect(preTripDue({}, check, '2026-03-01T15:59:00Z')).toBe(false))
  it('due the next company day (16:00Z is midnight in Shanghai)', () => expect(preTripDue({}, check, '2026-03-01T16:00:00Z')).toBe(true))
  it('in another zone the day ends elsewhere', () => expect(preTripDue({}, check, '2026-03-01T16:00:00Z', 'Europe/London')).toBe(false))
  it('due again after a repair', () => expect(preTripDue({ repaired_at: '2026-03-01T05:00:00Z' }, check, '2026-03-01T06:00:00Z')).toBe(true))
})

describe('pre-trip check on the checklists engine', () => {
  it('the shipped template passes the template schema', () => {
    expect(templateSchema.safeParse(VEHICLE_PRETRIP_V1).success).toBe(true)
    expect(parseTemplate(VEHICLE_PRETRIP_V1).data?.code).toBe(PRETRIP_TEMPLATE_CODE)
  })
  const answers = (failed: string[]) =>
    VEHICLE_PRETRIP_V1.sections
      .flatMap((s) => s.items)
      .map((i) => (failed.includes(i.key) ? { item_key: i.key, result: 'fail', photo_ids: [U(99)], note: 'x' } : { item_key: i.key, result: 'pass' }))
  it('a failed critical item puts the vehicle out of service', () => {
    expect(preTripOutcome(VEHICLE_PRETRIP_V1, answers(['brakes']))).toMatchObject({ critical_failed: true, out_of_service: true, issue_count: 0 })
    expect(preTripOutcome(VEHICLE_PRETRIP_V1, answers(['cleanliness']))).toMatchObject({ critical_failed: false, out_of_service: false })
  })
  it('out of service until a repair is recorded after the failure', () => {
    const checks = [
      { id: 'c1', submitted_at: '2026-03-01T00:00:00Z', critical_failed: true },
      { id: 'c2', submitted_at: '2026-03-02T00:00:00Z', critical_failed: false },
    ]
    expect(serviceState(checks, [])).toEqual({ out_of_service: true, inspection_id: 'c1', since: '2026-03-01T00:00:00Z' })
    expect(serviceState(checks, [{ completed_at: null }, { completed_at: '2026-02-01T00:00:00Z' }]).out_of_service).toBe(true)
    expect(serviceState(checks, [{ completed_at: '2026-03-01T08:00:00Z' }]).out_of_service).toBe(false)
    expect(serviceState([], []).out_of_service).toBe(false)
  })
})

describe('trip lifecycle', () => {
  const input = tripStartSchema.parse({
    id: U(30),
    vehicle_id: U(10),
    driver_id: DRIVER,
    started_at: '2026-03-01T01:00:00Z',
    purpose: ' 送合同 ',
    destination: '浦东',
    odometer_start: 12_000,
  })
  it('start: schema defaults; a due check is required', () => {
    expect(input).toMatchObject({ purpose: '送合同', passengers: 0, passenger_names: null, pre_trip_inspection_id: null })
    expect(startTrip(vehicle(), input, { preTripDue: true, lastKnown: null })).toEqual({ ok: false, reason: 'vehicles.errors.preTripRequired' })
    expect(startTrip(vehicle({ out_of_service: true }), input, { preTripDue: false, lastKnown: null })).toEqual({ ok: false, reason: 'vehicles.errors.outOfService' })
  })
  it('start below the last known reading is flagged, then end is checked', () => {
    const r = startTrip(vehicle(), { ...input, pre_trip_inspection_id: U(40) }, { preTripDue: true, lastKnown: { km: 12_050, at: null, source: 'registry', id: null } })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.trip.flags.map((f) => f.kind)).toEqual(['vehicles.flags.odometerBelowLastKnown'])
    const end = tripEndSchema.parse({ trip_id: U(30), ended_at: '2026-03-01T02:00:00Z', odometer_end: 11_900, notes: '' })
    expect(endTrip(r.trip, end, { id: OTHER, roles: ['driver'] })).toEqual({ ok: false, reason: 'vehicles.errors.notTripDriver' })
    const ended = endTrip(r.trip, end, { id: DRIVER, roles: ['driver'] })
    expect(ended.ok).toBe(true)
    if (!ended.ok) return
    expect(ended.trip).toMatchObject({ status: 'closed', odometer_end: 11_900, notes: null })
    expect(ended.trip.flags.map((f) => f.kind)).toEqual(['vehicles.flags.odometerBelowLastKnown', 'vehicles.flags.odometerBackwards'])
    expect(tripDistance(ended.trip)).toBeNull()
    expect(endTrip(ended.trip, end, { id: DRIVER, roles: [] })).toEqual({ ok: false, reason: 'vehicles.errors.tripNotOpen' })
  })
  it('a fleet manager may close a trip left open', () => {
    const r = startTrip(vehicle(), input, { preTripDue: false, lastKnown: null })
    if (!r.ok) throw new Error('start')
    const ended = endTrip(r.trip, { trip_id: U(30), ended_at: '2026-03-01T03:00:00Z', odometer_end: 12_090, notes: null }, { id: OTHER, roles: ['fleet_manager'] })
    expect(ended.ok && tripDistance(ended.trip)).toBe(90)
  })
})
