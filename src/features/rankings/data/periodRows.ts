/**
 * A period's scored inspections, as the rankings need them (id, area, time, score).
 *
 * Read from `inspection_scores`, the device's score index kept in step with every write to
 * inspections (platform/db): full inspection rows would make IndexedDB deserialise every
 * answer of every item, most of a second for a month of 300 areas on a phone.
 */
import { scoreRowOf, type AdminFieldDb } from '@/platform/db'
import type { InspectionForRanking } from '@/features/inspections/domain/rankings'

/** The scored, live inspections submitted in [from, to). */
export async function periodRows(database: AdminFieldDb, from: string, to: string): Promise<InspectionForRanking[]> {
  const rows = (await database.inspection_scores.where('submitted_at').between(from, to, true, false).toArray()).filter(
    (r) => !r.deleted && (r.server_score ?? r.score) !== null,
  )
  // Index rows from before critical_failed and responsible_id were kept: read them from their inspections once, and keep them.
  const stale = rows.filter((r) => r.critical_failed === undefined || r.responsible_id === undefined)
  if (stale.length) {
    const full = await database.inspections.bulkGet(stale.map((r) => r.id))
    const healed = new Map(full.filter((r) => r !== undefined).map((r) => [r.id, scoreRowOf(r)]))
    await database.inspection_scores.bulkPut([...healed.values()])
    return rows.map((r) => healed.get(r.id) ?? r)
  }
  return rows
}
