/**
 * The fuel logs the dashboard analyses, read once per open. A window (default the last two
 * years by filled_at, one indexed range read) bounds the cost on a device with years of data.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { FuelLogRow } from '@/platform/db/rows'
import type { AnomalyEntry } from '@/features/vehicles/domain/anomalies'

const TWO_YEARS_MS = 730 * 86_400_000

export async function loadFuelLogs(database: AdminFieldDb, now: Date = new Date(), windowMs = TWO_YEARS_MS): Promise<FuelLogRow[]> {
  const from = new Date(now.getTime() - windowMs).toISOString()
  const rows = await database.fuel_logs.where('filled_at').aboveOrEqual(from).toArray()
  return rows.filter((r) => r.deleted_at === null)
}

/** A row as the anomaly checks read it (fuel type '' when the driver left it out). */
export const toAnomalyEntry = (r: FuelLogRow): AnomalyEntry => ({ ...r, fuel_type: r.fuel_type ?? '' })
