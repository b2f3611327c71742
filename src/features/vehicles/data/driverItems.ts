/** What a driver has open: the trip in progress, quick fuel entries to complete, repairs they asked for. */
import type { AdminFieldDb } from '@/platform/db'
import type { FuelLogRow, MaintenanceRequestRow, TripRow } from '@/platform/db/rows'
import { openTripOf } from './trips'
import { draftsOf } from './fuel'

export interface DriverItems {
  trip: TripRow | null
  drafts: FuelLogRow[]
  repairs: MaintenanceRequestRow[]
  names: Map<string, string>
}

export async function loadDriverItems(database: AdminFieldDb, driverId: string): Promise<DriverItems> {
  const [trip, drafts, mine] = await Promise.all([openTripOf(database, driverId), draftsOf(database, driverId), database.maintenance_requests.where('status').anyOf('requested', 'approved', 'in_progress').toArray()])
  const repairs = mine.filter((r) => r.deleted_at === null && r.requested_by === driverId)
  const ids = [...new Set([trip?.vehicle_id, ...drafts.map((d) => d.vehicle_id), ...repairs.map((r) => r.vehicle_id)].filter((x): x is string => !!x))]
  const assets = await database.assets.bulkGet(ids)
  const names = new Map(assets.filter((a) => !!a).map((a) => [a!.id, `${a!.number} ${a!.name}`]))
  return { trip: trip ?? null, drafts, repairs, names }
}
