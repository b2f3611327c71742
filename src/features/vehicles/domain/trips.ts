/**
 * Trips (出车): start after scanning the vehicle, end with the odometer. Whether a trip may
 * start is decided here so the driver is told why not (out of service, in repair,
 * retired, someone else driving); readings are never refused, only flagged (odometer.ts).
 */
import { calendarDate, DEFAULT_TIME_ZONE, toEpochMs } from '@/shared/lib/zonedTime'
import { E, type VehicleErrorKey } from './fields'
import { checkStartReading, checkTripOdometer, type LastReading, type OdometerFlag, type PlausibilityOptions } from './odometer'
import type { TripEnd, TripStart } from './tripsSchema'

/** The start's and the end's zod schemas are tripsSchema.ts, loaded when one is validated (issue 13). */
export type { TripEnd, TripEndInput, TripStart, TripStartInput } from './tripsSchema'

/** The vehicle as trips need it: custody status plus what the vehicles feature derives. */
export interface VehicleForTrip {
  id: string
  /** Custody status (assets domain CUSTODY_STATUSES). */
  status: string
  /** From serviceState(): a failed critical pre-trip item not yet repaired. */
  out_of_service: boolean
  /** The open trip, if any. */
  current_trip: { id: string; driver_id: string } | null
}

export type StartRefusal =
  | typeof E.retired
  | typeof E.inRepair
  | typeof E.outOfService
  | typeof E.onTripByOther
  | typeof E.alreadyOnTrip

export type CanStart = { ok: true } | { ok: false; reason: StartRefusal }

/** Custody states in which a vehicle is gone for good or missing. */
const GONE = new Set(['retired', 'lost'])

/** Whether `driverId` may start a trip with the vehicle now, and if not, why (an i18n key). */
export function canStartTrip(vehicle: VehicleForTrip, driverId: string): CanStart {
  if (GONE.has(vehicle.status)) return { ok: false, reason: E.retired }
  if (vehicle.status === 'in_repair') return { ok: false, reason: E.inRepair }
  if (vehicle.out_of_service || vehicle.status === 'damaged') return { ok: false, reason: E.outOfService }
  if (vehicle.current_trip) {
    return { ok: false, reason: vehicle.current_trip.driver_id === driverId ? E.alreadyOnTrip : E.onTripByOther }
  }
  return { ok: true }
}

/**
 * A pre-trip check is due once per company day before the first trip, and again after a
 * repair (the vehicle changed since the last check).
 */
export function preTripDue(
  vehicle: { repaired_at?: string | null },
  lastCheck: { submitted_at: string } | null,
  now: Date | number | string,
  timeZone: string = DEFAULT_TIME_ZONE,
): boolean {
  if (!lastCheck) return true
  if (vehicle.repaired_at && toEpochMs(vehicle.repaired_at) > toEpochMs(lastCheck.submitted_at)) return true
  return calendarDate(lastCheck.submitted_at, timeZone) !== calendarDate(now, timeZone)
}

export type TripStatus = 'open' | 'closed'

export interface Trip extends TripStart {
  status: TripStatus
  ended_at: string | null
  odometer_end: number | null
  notes: string | null
  /** Odometer flags at start (below the last known reading) and at the end. */
  flags: OdometerFlag[]
}

export type TripResult = { ok: true; trip: Trip } | { ok: false; reason: VehicleErrorKey }

/**
 * Starts a trip from validated input. Refused when canStartTrip refuses or a due pre-trip
 * check is missing; the start reading is checked against the last known one (flag only).
 */
export function startTrip(
  vehicle: VehicleForTrip,
  input: TripStart,
  context: { preTripDue: boolean; lastKnown: LastReading | null },
): TripResult {
  const can = canStartTrip(vehicle, input.driver_id)
  if (!can.ok) return can
  if (context.preTripDue && !input.pre_trip_inspection_id) return { ok: false, reason: E.preTripRequired }
  return {
    ok: true,
    trip: {
      ...input,
      status: 'open',
      ended_at: null,
      odometer_end: null,
      notes: null,
      flags: checkStartReading(input.odometer_start, context.lastKnown),
    },
  }
}

/** Who may end a trip: its driver, or a fleet manager closing one left open. */
export interface TripActor {
  id: string
  roles: readonly string[]
}

/** Ends an open trip; the end reading is flagged (backwards, implausible), never refused. */
export function endTrip(trip: Trip, input: TripEnd, actor: TripActor, options: PlausibilityOptions = {}): TripResult {
  if (trip.status !== 'open' || input.trip_id !== trip.id) return { ok: false, reason: E.tripNotOpen }
  if (actor.id !== trip.driver_id && !actor.roles.includes('fleet_manager')) return { ok: false, reason: E.notTripDriver }
  const flags = checkTripOdometer({ odometer_start: trip.odometer_start, odometer_end: input.odometer_end, started_at: trip.started_at, ended_at: input.ended_at }, options)
  return {
    ok: true,
    trip: { ...trip, status: 'closed', ended_at: input.ended_at, odometer_end: input.odometer_end, notes: input.notes, flags: [...trip.flags, ...flags] },
  }
}

/** Distance of a closed trip; null while open or when the reading went backwards. */
export function tripDistance(trip: Pick<Trip, 'odometer_start' | 'odometer_end'>): number | null {
  if (trip.odometer_end === null) return null
  const d = trip.odometer_end - trip.odometer_start
  return d >= 0 ? d : null
}

/** The part of a 用车申请 the trip's rule reads. */
export interface DispatchForTrip {
  type: string
  status: string
  assignment: { vehicle_id: string; driver_id: string } | null
}

/**
 * The marks a trip start gets from its dispatch, as private.sync_apply_trip_start: none when it
 * carries out the approved dispatch assigned to this driver and vehicle; 'no_dispatch' without one
 * (the driver gives a reason; the fleet manager sees it); 'dispatch_mismatch' otherwise. Kept either way.
 */
export function dispatchFlags(dispatch: DispatchForTrip | null, driverId: string, vehicleId: string): string[] {
  if (!dispatch) return ['no_dispatch']
  const a = dispatch.assignment
  const fits = dispatch.type === 'vehicle_dispatch' && dispatch.status === 'approved' && a?.driver_id === driverId && a.vehicle_id === vehicleId
  return fits ? [] : ['dispatch_mismatch']
}
