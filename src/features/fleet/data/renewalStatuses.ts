/**
 * Renewal reminders from the device copy: the rule rows and the registry's insurance end and
 * annual inspection date, through the vehicles domain's vehicleRenewals (whose last done
 * counts, which interval applies, registered dates always count), listed by its renewalList
 * (not 'ok', most urgent first).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { isCalendarDate } from '@/shared/lib/zonedTime'
import { renewalList, type RenewalStatus } from '@/features/vehicles/domain/renewals'
import { vehicleRenewals, type RenewalVehicle } from '@/features/vehicles/domain/renewalRecords'
import { loadFleetDirectory, type FleetDirectory } from './fleetReads'

const RECENT_TRIP_MS = 30 * 86_400_000

const dateField = (v: unknown): string | null => (typeof v === 'string' && isCalendarDate(v) ? v : null)

function renewalVehicle(v: AssetRow, odometer: number | null | undefined): RenewalVehicle {
  const d = v.details
  return {
    id: v.id,
    odometer_km: odometer ?? (typeof d.odometer_km === 'number' ? d.odometer_km : null),
    insurance_end: dateField(d.insurance_end),
    annual_inspection_on: dateField(d.annual_inspection_on),
  }
}

export interface RenewalView {
  directory: FleetDirectory
  list: RenewalStatus[]
}

/** Reminders for every vehicle, or only those of `vehicleIds` (a driver's). */
export async function loadRenewals(database: AdminFieldDb, now: Date = new Date(), vehicleIds?: ReadonlySet<string>): Promise<RenewalView> {
  const [directory, rows, states] = await Promise.all([loadFleetDirectory(database), database.renewal_rules.toArray(), database.vehicle_states.toArray()])
  const live = rows.filter((r) => r.deleted_at === null)
  const odo = new Map(states.map((s) => [s.id, s.last_odometer_km]))
  const statuses: RenewalStatus[] = []
  for (const v of directory.vehicles) {
    if (vehicleIds && !vehicleIds.has(v.id)) continue
    statuses.push(...vehicleRenewals(renewalVehicle(v, odo.get(v.id)), live, now, directory.timeZone))
  }
  return { directory, list: renewalList(statuses) }
}

/** A driver's vehicles: the ones they hold, or drove in the last 30 days. */
export async function driverVehicleIds(database: AdminFieldDb, driverId: string, now: Date = new Date()): Promise<Set<string>> {
  const since = new Date(now.getTime() - RECENT_TRIP_MS).toISOString()
  const [held, trips] = await Promise.all([
    database.assets.where('holder_id').equals(driverId).toArray(),
    database.trips.where('driver_id').equals(driverId).toArray(),
  ])
  return new Set([...held.filter((a) => a.kind === 'vehicle').map((a) => a.id), ...trips.filter((t) => t.started_at >= since).map((t) => t.vehicle_id)])
}
