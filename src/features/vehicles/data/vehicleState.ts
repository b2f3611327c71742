/**
 * vehicle_states on the device: the server derives them from trips, checks and repairs; the
 * device derives the same optimistically inside the action's transaction (as writeCustodyEvent
 * does for assets) so the driver sees "on a trip" / "out of service" at once, offline.
 * The pulled server row replaces ours.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { VehicleStateRow } from '@/platform/db/rows'

/** Tables every vehicle action touches besides its own. */
export const STATE_TABLES = ['vehicle_states'] as const

export type StateChange =
  | { kind: 'trip.start'; trip_id: string; odometer_km: number; at: string }
  | { kind: 'trip.end'; trip_id: string; odometer_km: number; at: string }
  | { kind: 'fuel'; odometer_km: number | null; at: string }
  | { kind: 'check'; check_id: string; critical_failed: boolean; at: string }

export function emptyState(vehicleId: string): VehicleStateRow {
  return { id: vehicleId, out_of_service: false, reason_check_id: null, since: null, last_odometer_km: null, active_trip_id: null, updated_at: '', deleted_at: null }
}

/** Pure: the state after one action. A reading is the latest fact, even when lower (the flag says so). */
export function nextVehicleState(prev: VehicleStateRow, change: StateChange): VehicleStateRow {
  const next = { ...prev, updated_at: change.at }
  switch (change.kind) {
    case 'trip.start':
      return { ...next, active_trip_id: change.trip_id, last_odometer_km: change.odometer_km }
    case 'trip.end':
      return { ...next, active_trip_id: prev.active_trip_id === change.trip_id ? null : prev.active_trip_id, last_odometer_km: change.odometer_km }
    case 'fuel':
      return change.odometer_km === null ? next : { ...next, last_odometer_km: change.odometer_km }
    case 'check':
      // Only a repair (the fleet manager's, server side) puts it back in service: a passing check does not.
      return change.critical_failed ? { ...next, out_of_service: true, reason_check_id: change.check_id, since: change.at } : next
  }
}

export async function readVehicleState(database: AdminFieldDb, vehicleId: string): Promise<VehicleStateRow> {
  const row = await database.vehicle_states.get(vehicleId)
  return row && row.deleted_at === null ? row : emptyState(vehicleId)
}

/** Inside a commitWithOutbox write(). */
export async function applyStateChange(database: AdminFieldDb, vehicleId: string, change: StateChange): Promise<VehicleStateRow> {
  const next = nextVehicleState(await readVehicleState(database, vehicleId), change)
  await database.vehicle_states.put(next)
  return next
}
