/**
 * INTERIM bridge to the vehicles domain's trip rules (canStartTrip, preTripDue, odometer
 * checks) until domain/trips.ts and domain/odometer.ts land: the smallest reading of the
 * issue's rules, in one place, so swapping in the domain is a change to this file only.
 */
import type { TripRow, VehicleCheckRow, VehicleStateRow } from '@/platform/db/rows'
import { calendarDate } from '@/shared/lib/zonedTime'

export type StartBlock = { key: 'vehicles.errors.outOfService'; checkId: string | null } | { key: 'vehicles.errors.onTripByOther' } | { key: 'vehicles.errors.alreadyOnTrip' }

export function startBlock(state: VehicleStateRow, activeTrip: TripRow | null, driverId: string): StartBlock | null {
  if (state.out_of_service) return { key: 'vehicles.errors.outOfService', checkId: state.reason_check_id }
  if (activeTrip) return activeTrip.driver_id === driverId ? { key: 'vehicles.errors.alreadyOnTrip' } : { key: 'vehicles.errors.onTripByOther' }
  return null
}

/** A pre-trip check is due once per company day, and again after a failed one. */
export function preTripDue(lastCheck: VehicleCheckRow | null, now: Date, timeZone: string): boolean {
  if (!lastCheck || lastCheck.critical_failed) return true
  return calendarDate(lastCheck.submitted_at, timeZone) !== calendarDate(now, timeZone)
}

/** ~150 km/h sustained is more than any car trip: beyond that the reading is flagged. */
const MAX_KMH = 150

export function odometerFlags(previous: number | null, reading: number, sinceMs: number | null): string[] {
  if (previous === null) return []
  if (reading < previous) return ['backwards']
  if (sinceMs !== null && reading - previous > Math.max(50, (MAX_KMH * sinceMs) / 3_600_000)) return ['implausible']
  return []
}
