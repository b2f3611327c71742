/**
 * Trips (出车): start and end, each ONE transaction writing the trip, the derived vehicle
 * state and the op. Odometer flags are facts recorded beside the reading, never a refusal.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { RequestRow, TripRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { applyStateChange, STATE_TABLES } from './vehicleState'

export const TRIP_TABLES = ['trips', ...STATE_TABLES]

export interface StartTripInput {
  id?: string
  vehicle_id: string
  driver_id: string
  purpose: string
  destination: string
  passengers: string | null
  odometer_start: number
  vehicle_check_id: string | null
  flags?: string[]
  /** The approved 用车申请 it carries out, or why there is none. */
  request_id?: string | null
  no_dispatch_reason?: string | null
}

/** `draftKey` (here and on endTrip): the form's device draft, deleted in the same transaction. */
export async function startTrip(database: AdminFieldDb, input: StartTripInput, now = new Date(), draftKey: string | null = null): Promise<TripRow> {
  const at = now.toISOString()
  const trip: TripRow = {
    id: input.id ?? crypto.randomUUID(),
    vehicle_id: input.vehicle_id,
    driver_id: input.driver_id,
    started_at: at,
    ended_at: null,
    purpose: input.purpose.trim(),
    destination: input.destination.trim(),
    passengers: input.passengers?.trim() || null,
    odometer_start: input.odometer_start,
    odometer_end: null,
    vehicle_check_id: input.vehicle_check_id,
    notes: null,
    flags: input.flags ?? [],
    request_id: input.request_id ?? null,
    no_dispatch_reason: input.request_id ? null : input.no_dispatch_reason?.trim() || null,
    updated_at: at,
    deleted_at: null,
  }
  const payload: Record<string, unknown> = {
    vehicle_id: trip.vehicle_id,
    started_at: at,
    purpose: trip.purpose,
    destination: trip.destination,
    odometer_start: trip.odometer_start,
  }
  if (trip.passengers) payload.passengers = trip.passengers
  if (trip.vehicle_check_id) payload.vehicle_check_id = trip.vehicle_check_id
  if (trip.request_id) payload.request_id = trip.request_id
  if (trip.no_dispatch_reason) payload.no_dispatch_reason = trip.no_dispatch_reason
  const op = buildOp('trip.start', 'trips', trip.id, payload, now)
  op.related = [entityKey('vehicle_states', trip.vehicle_id), ...(trip.request_id ? [entityKey('requests', trip.request_id)] : [])]
  await commitWithOutbox(database, [...TRIP_TABLES, 'requests'], op, async () => {
    await database.trips.add(trip)
    // The dispatch it carries out is done (the server does the same when it is the driver's own).
    if (trip.request_id && !trip.flags.includes('dispatch_mismatch')) {
      await database.requests.where('id').equals(trip.request_id).and((r) => r.fulfilled_at === null).modify({ fulfilled_at: at, fulfilled_by: trip.driver_id, updated_at: at })
    }
    await applyStateChange(database, trip.vehicle_id, { kind: 'trip.start', trip_id: trip.id, odometer_km: trip.odometer_start, at })
  }, { draftKey })
  return trip
}

export interface EndTripInput {
  trip_id: string
  odometer_end: number
  notes: string | null
  flags?: string[]
}

export class TripNotOpenError extends Error {
  constructor(id: string) {
    super(`trip ${id} is not open on this device`)
    this.name = 'TripNotOpenError'
  }
}

export async function endTrip(database: AdminFieldDb, input: EndTripInput, now = new Date(), draftKey: string | null = null): Promise<TripRow> {
  const at = now.toISOString()
  const notes = input.notes?.trim() || null
  // The op's entity is the end act itself (its own id); the trip stays pending through related.
  const op = buildOp('trip.end', 'trip_ends', crypto.randomUUID(), { trip_id: input.trip_id, ended_at: at, odometer_end: input.odometer_end, ...(notes ? { notes } : {}) }, now)
  let ended: TripRow | null = null
  await commitWithOutbox(database, TRIP_TABLES, op, async () => {
    const trip = await database.trips.get(input.trip_id)
    if (!trip || trip.ended_at !== null) throw new TripNotOpenError(input.trip_id)
    op.related = [entityKey('trips', trip.id), entityKey('vehicle_states', trip.vehicle_id)]
    ended = { ...trip, ended_at: at, odometer_end: input.odometer_end, notes, flags: [...new Set([...trip.flags, ...(input.flags ?? [])])], updated_at: at }
    await database.trips.put(ended)
    await applyStateChange(database, trip.vehicle_id, { kind: 'trip.end', trip_id: trip.id, odometer_km: input.odometer_end, at })
  }, { draftKey })
  return ended as unknown as TripRow
}

/** The driver's open trip (any vehicle), newest first. */
export async function openTripOf(database: AdminFieldDb, driverId: string): Promise<TripRow | undefined> {
  const rows = await database.trips.where('driver_id').equals(driverId).toArray()
  return rows.filter((r) => r.deleted_at === null && r.ended_at === null).sort((a, b) => b.started_at.localeCompare(a.started_at))[0]
}

export async function getTrip(database: AdminFieldDb, id: string): Promise<TripRow | undefined> {
  const row = await database.trips.get(id)
  return row && row.deleted_at === null ? row : undefined
}

/** 用车申请 approved and assigned to this driver for this vehicle, not yet driven: the trip starts from it. */
export async function dispatchFor(database: AdminFieldDb, driverId: string, vehicleId: string, requestId: string | null): Promise<RequestRow | null> {
  if (requestId) return (await database.requests.get(requestId)) ?? null
  const rows = await database.requests.where('[type+status]').equals(['vehicle_dispatch', 'approved']).toArray()
  const mine = rows.filter((r) => r.deleted_at === null && r.fulfilled_at === null && r.assignment?.driver_id === driverId && r.assignment.vehicle_id === vehicleId)
  return mine.sort((a, b) => (String(a.form.start_at) < String(b.form.start_at) ? -1 : 1))[0] ?? null
}
