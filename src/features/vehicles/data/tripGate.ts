/**
 * The domain's trip rules (canStartTrip, preTripDue, odometer checks) fed from the device's
 * rows: the vehicle summary in, the domain's answer out. Flags are stored on the trip by
 * their short name ('backwards', 'implausible', 'belowLastKnown').
 */
import type { TripRow } from '@/platform/db/rows'
import { canStartTrip, preTripDue as domainPreTripDue, type StartRefusal } from '../domain/trips'
import { checkStartReading, checkTripOdometer, type OdometerFlag } from '../domain/odometer'
import type { VehicleSummary } from './vehicleSummary'

export type StartBlock = { key: StartRefusal; checkId: string | null }

export function startBlock(s: Pick<VehicleSummary, 'asset' | 'state' | 'activeTrip'>, driverId: string): StartBlock | null {
  const current = s.activeTrip ? { id: s.activeTrip.id, driver_id: s.activeTrip.driver_id } : null
  const r = canStartTrip({ id: s.asset.id, status: s.asset.status, out_of_service: s.state.out_of_service, current_trip: current }, driverId)
  return r.ok ? null : { key: r.reason, checkId: s.state.reason_check_id }
}

export function preTripDue(s: Pick<VehicleSummary, 'lastCheck' | 'repairedAt' | 'timeZone'>, now: Date): boolean {
  return domainPreTripDue({ repaired_at: s.repairedAt }, s.lastCheck, now, s.timeZone)
}

/** 'vehicles.flags.odometerBackwards' → 'backwards'. */
const shortName = (f: OdometerFlag) => f.kind.replace('vehicles.flags.odometer', '').replace(/^./, (c) => c.toLowerCase())

export function startFlags(reading: number, lastKm: number | null): string[] {
  return checkStartReading(reading, lastKm === null ? null : { km: lastKm, at: null, source: 'registry', id: null }).map(shortName)
}

export function endFlags(trip: Pick<TripRow, 'odometer_start' | 'started_at'>, reading: number, endedAt: string): string[] {
  return checkTripOdometer({ odometer_start: trip.odometer_start, odometer_end: reading, started_at: trip.started_at, ended_at: endedAt }).map(shortName)
}
