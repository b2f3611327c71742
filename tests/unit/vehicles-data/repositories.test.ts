import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { pendingEntityIds } from '@/platform/sync'
import { emptyAnswer, type DraftAnswer, type InspectionDraft } from '@/features/inspections/data/drafts'
import { allItems } from '@/features/inspections/domain/template'
import { endTrip, startTrip } from '@/features/vehicles/data/trips'
import { draftsOf, quickDraft, saveFuelLog } from '@/features/vehicles/data/fuel'
import { submitVehicleCheck } from '@/features/vehicles/data/checks'
import { saveCheckDraft, loadCheckDraft } from '@/features/vehicles/data/checkDrafts'
import { nextVehicleState, emptyState, readVehicleState } from '@/features/vehicles/data/vehicleState'
import { loadVehicleSummary } from '@/features/vehicles/data/vehicleSummary'
import { PRETRIP_TEMPLATE_ID, VEHICLE_PRETRIP_V1 as PRETRIP_V1 } from '@/features/vehicles/domain/preTrip'
import { freshDb } from '../features/testDb'
import { fakePhoto } from '../photos/support'

const DRIVER = '0a000000-0000-4000-8000-000000000005'
const NOW = new Date('2026-03-02T02:00:00.000Z')
let db: AdminFieldDb
let vehicle: AssetRow

beforeEach(async () => {
  db = freshDb()
  vehicle = {
    id: crypto.randomUUID(), kind: 'vehicle', number: 'VEH-9', name: '测试车', site_id: '05000000-0000-4000-8000-000000000001',
    details: { odometer_km: 1000, fuel_type: 'gasoline' }, label_token: 'TOKENTOKENTOKEN01', status: 'in_stock', holder_id: null,
  } as unknown as AssetRow
  vehicle = { ...vehicle, deleted_at: null } as AssetRow
  await db.assets.put(vehicle)
})

function checkDraft(over: Record<string, Partial<DraftAnswer>> = {}): InspectionDraft {
  const answers: Record<string, DraftAnswer> = {}
  for (const i of allItems(PRETRIP_V1)) answers[i.key] = { ...emptyAnswer(), result: 'pass', ...over[i.key] }
  return { id: crypto.randomUUID(), area_id: vehicle.id, template_id: PRETRIP_TEMPLATE_ID, inspector_id: DRIVER, via: 'scan', started_at: NOW.toISOString(), answers, updated_at: '' }
}

describe('vehicle state derivation', () => {
  it('trip start/end set and clear the active trip and the last reading; a critical check puts it out of service, a passing one does not restore it', () => {
    let s = nextVehicleState(emptyState('v'), { kind: 'trip.start', trip_id: 't', odometer_km: 100, at: 'a' })
    expect(s).toMatchObject({ active_trip_id: 't', last_odometer_km: 100 })
    s = nextVehicleState(s, { kind: 'trip.end', trip_id: 't', odometer_km: 90, at: 'b' })
    expect(s).toMatchObject({ active_trip_id: null, last_odometer_km: 90 })
    s = nextVehicleState(s, { kind: 'check', check_id: 'c', critical_failed: true, at: 'c' })
    expect(s).toMatchObject({ out_of_service: true, reason_check_id: 'c', since: 'c' })
    s = nextVehicleState(s, { kind: 'check', check_id: 'd', critical_failed: false, at: 'd' })
    expect(s.out_of_service).toBe(true)
  })
})

describe('trips', () => {
  it('start and end: one transaction each with the trip, the vehicle state and one op', async () => {
    const trip = await startTrip(db, { vehicle_id: vehicle.id, driver_id: DRIVER, purpose: '送文件', destination: '浦东', passengers: null, odometer_start: 1000, vehicle_check_id: null }, NOW)
    expect(await readVehicleState(db, vehicle.id)).toMatchObject({ active_trip_id: trip.id, last_odometer_km: 1000 })
    let ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['trip.start'])
    expect(ops[0]!.entity_id).toBe(trip.id)
    expect(ops[0]!.payload).toMatchObject({ vehicle_id: vehicle.id, odometer_start: 1000, purpose: '送文件' })

    await endTrip(db, { trip_id: trip.id, odometer_end: 990, notes: '读数', flags: ['backwards'] }, new Date(NOW.getTime() + 3600_000))
    expect(await db.trips.get(trip.id)).toMatchObject({ odometer_end: 990, flags: ['backwards'] })
    expect(await readVehicleState(db, vehicle.id)).toMatchObject({ active_trip_id: null, last_odometer_km: 990 })
    ops = await db.outbox.orderBy('seq').toArray()
    expect(ops[1]).toMatchObject({ kind: 'trip.end', payload: { trip_id: trip.id, odometer_end: 990, notes: '读数' } })
    expect(ops[1]!.entity_id).not.toBe(trip.id)
    expect((await pendingEntityIds(db)).has(trip.id)).toBe(true)
  })

  it('ending a closed trip changes nothing', async () => {
    const trip = await startTrip(db, { vehicle_id: vehicle.id, driver_id: DRIVER, purpose: 'p', destination: 'd', passengers: null, odometer_start: 1000, vehicle_check_id: null }, NOW)
    await endTrip(db, { trip_id: trip.id, odometer_end: 1010, notes: null }, NOW)
    await expect(endTrip(db, { trip_id: trip.id, odometer_end: 1020, notes: null }, NOW)).rejects.toThrow()
    expect(await db.outbox.count()).toBe(2)
  })
})

describe('pre-trip check', () => {
  it('a failed critical item: check + one maintenance request per failed item + photos + state in one transaction; draft removed', async () => {
    const photo = fakePhoto()
    const draft = checkDraft({ brakes: { result: 'fail', note: '刹车软', photos: [photo] }, cleanliness: { result: 'fail', photos: [fakePhoto()] } })
    await saveCheckDraft(db, draft)
    const { check, requests } = await submitVehicleCheck(db, { draft, template: PRETRIP_V1 }, NOW)
    expect(check.critical_failed).toBe(true)
    expect(requests.map((r) => [r.item_key, r.urgency])).toEqual([['brakes', 'urgent'], ['cleanliness', 'normal']])
    expect(await db.maintenance_requests.count()).toBe(2)
    expect(await readVehicleState(db, vehicle.id)).toMatchObject({ out_of_service: true, reason_check_id: check.id })
    expect(await loadCheckDraft(db, vehicle.id)).toBeUndefined()
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops.map((o) => o.kind)).toEqual(['vehicle_check.submit', 'photo.register', 'photo.register'])
    expect(ops[0]!.payload).toMatchObject({ id: check.id, vehicle_id: vehicle.id, critical_failed: true, maintenance_request_ids: requests.map((r) => ({ id: r.id, item_key: r.item_key })) })
    const summary = await loadVehicleSummary(db, vehicle.id)
    expect(summary?.state.out_of_service).toBe(true)
    expect(summary?.repairs).toHaveLength(2)
  })
})

describe('fuel', () => {
  it('a quick draft with its photo, then completed under the same id; the reading updates the state only when complete', async () => {
    const photo = fakePhoto()
    const draft = await saveFuelLog(db, quickDraft({ vehicle_id: vehicle.id, driver_id: DRIVER }, NOW), [photo], NOW)
    expect(draft).toMatchObject({ status: 'draft', photo_ids: [photo.id] })
    expect((await draftsOf(db, DRIVER)).map((d) => d.id)).toEqual([draft.id])
    expect((await readVehicleState(db, vehicle.id)).last_odometer_km).toBeNull()
    expect((await db.outbox.orderBy('seq').toArray()).map((o) => o.kind)).toEqual(['fuel.record', 'photo.register'])

    await saveFuelLog(db, { ...draft, odometer_km: 1200, litres: 40, unit_price: 7.5, amount: 300, status: 'complete' }, [], NOW)
    expect(await draftsOf(db, DRIVER)).toEqual([])
    expect(await db.fuel_logs.get(draft.id)).toMatchObject({ status: 'complete', litres: 40, photo_ids: [photo.id] })
    expect((await readVehicleState(db, vehicle.id)).last_odometer_km).toBe(1200)
    const ops = await db.outbox.orderBy('seq').toArray()
    expect(ops[2]).toMatchObject({ kind: 'fuel.record', entity_id: draft.id, payload: { status: 'complete', amount: 300, photo_ids: [photo.id] } })
  })

  it('the odometer pre-fill falls back from the state to the registry reading', async () => {
    expect((await loadVehicleSummary(db, vehicle.id))?.lastOdometer).toBe(1000)
  })
})

describe('trip gate (the domain rules on device rows)', () => {
  it('flags readings by short name and refuses an out-of-service vehicle with the domain key', async () => {
    const { startBlock, startFlags, endFlags } = await import('@/features/vehicles/data/tripGate')
    expect(startFlags(900, 1000)).toEqual(['belowLastKnown'])
    expect(endFlags({ odometer_start: 1000, started_at: NOW.toISOString() }, 990, NOW.toISOString())).toEqual(['backwards'])
    expect(endFlags({ odometer_start: 1000, started_at: NOW.toISOString() }, 5000, new Date(NOW.getTime() + 3600_000).toISOString())).toEqual(['implausible'])
    const state = { ...emptyState(vehicle.id), out_of_service: true, reason_check_id: 'c' }
    expect(startBlock({ asset: vehicle, state, activeTrip: null }, DRIVER)).toEqual({ key: 'vehicles.errors.outOfService', checkId: 'c' })
  })
})
