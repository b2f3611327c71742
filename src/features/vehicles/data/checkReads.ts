/**
 * Reading pre-trip checks. Apart from their submit (checks.ts, which scores the answers with
 * zod): pages that only show a vehicle's state load no schemas (issue 13).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { VehicleCheckRow } from '@/platform/db/rows'

/** The vehicle's latest submitted check (for preTripDue). */
export async function latestCheck(database: AdminFieldDb, vehicleId: string): Promise<VehicleCheckRow | undefined> {
  const rows = await database.vehicle_checks.where('vehicle_id').equals(vehicleId).toArray()
  return rows.filter((r) => r.deleted_at === null).sort((a, b) => b.submitted_at.localeCompare(a.submitted_at))[0]
}

export async function getCheck(database: AdminFieldDb, id: string): Promise<VehicleCheckRow | undefined> {
  const row = await database.vehicle_checks.get(id)
  return row && row.deleted_at === null ? row : undefined
}
