/**
 * A period's scored inspections, as the rankings need them (id, area, time, score).
 *
 * Read from `inspection_scores`, the device's score index kept in step with every write to
 * inspections (platform/db): full inspection rows would make IndexedDB deserialise every
 * answer of every item, most of a second for a month of 300 areas on a phone.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { InspectionForRanking } from '@/features/inspections/domain/rankings'

/** The scored, live inspections submitted in [from, to). */
export async function periodRows(database: AdminFieldDb, from: string, to: string): Promise<InspectionForRanking[]> {
  const rows = await database.inspection_scores.where('submitted_at').between(from, to, true, false).toArray()
  return rows.filter((r) => !r.deleted && (r.server_score ?? r.score) !== null)
}
