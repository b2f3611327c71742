/** Everything the vehicle panel and the trip/fuel forms need about one vehicle, read once. */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow, MaintenanceRequestRow, TripRow, VehicleCheckRow, VehicleStateRow } from '@/platform/db/rows'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { readVehicleState } from './vehicleState'
import { getTrip } from './trips'
import { latestCheck } from './checkReads'
import { openRepairs } from './reports'
import { lastKnownReading } from '../domain/odometer'
import { recentFuelLogs } from './fuel'

export interface VehicleSummary {
  asset: AssetRow
  state: VehicleStateRow
  activeTrip: TripRow | null
  lastCheck: VehicleCheckRow | null
  /** The latest completed repair: a check is due again after it. */
  repairedAt: string | null
  repairs: MaintenanceRequestRow[]
  /** The best known reading: the derived state, else the latest log or trip, else the registry's. */
  lastOdometer: number | null
  timeZone: string
}

function registryOdometer(asset: AssetRow): number | null {
  const v = (asset.details as Record<string, unknown> | null)?.odometer_km
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

async function recentTrips(database: AdminFieldDb, vehicleId: string): Promise<TripRow[]> {
  return database.trips.where('[vehicle_id+started_at]').between([vehicleId, ''], [vehicleId, '\uffff']).reverse().limit(5).toArray()
}

export async function loadVehicleSummary(database: AdminFieldDb, vehicleId: string): Promise<VehicleSummary | null> {
  const asset = await database.assets.get(vehicleId)
  if (!asset || asset.deleted_at !== null || asset.kind !== 'vehicle') return null
  const [state, lastCheck, repairs, logs, trips, company, all] = await Promise.all([
    readVehicleState(database, vehicleId),
    latestCheck(database, vehicleId),
    openRepairs(database, vehicleId),
    recentFuelLogs(database, vehicleId, 5),
    recentTrips(database, vehicleId),
    database.company.toArray(),
    database.maintenance_requests.where('vehicle_id').equals(vehicleId).toArray(),
  ])
  const activeTrip = state.active_trip_id ? ((await getTrip(database, state.active_trip_id)) ?? null) : null
  const completed = all.filter((r) => r.deleted_at === null && r.completed_at).map((r) => r.completed_at!).sort()
  // The derived state first (it sees every reading); else the domain's latest-by-time over what the device has.
  const known = lastKnownReading({ registry_km: registryOdometer(asset), trips, fuel: logs })
  return {
    asset,
    state,
    activeTrip: activeTrip && activeTrip.ended_at === null ? activeTrip : null,
    lastCheck: lastCheck ?? null,
    repairedAt: completed[completed.length - 1] ?? null,
    repairs,
    lastOdometer: state.last_odometer_km ?? known?.km ?? null,
    timeZone: company.find((c) => c.deleted_at === null)?.timezone || DEFAULT_TIME_ZONE,
  }
}
