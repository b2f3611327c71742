/** Reading cleaning rounds (light: the Home and Work widgets use these). */
import type { AdminFieldDb } from '@/platform/db'
import type { CleaningRoundRow } from '@/platform/db/rows'

/** Rounds waiting for a review, oldest first (the queue). */
export async function pendingRounds(database: AdminFieldDb): Promise<CleaningRoundRow[]> {
  const rows = await database.cleaning_rounds.where('review_status').equals('pending').toArray()
  return rows.filter((r) => r.deleted_at === null).sort((a, b) => a.done_at.localeCompare(b.done_at))
}

/** Rounds done since an instant (due/missed computation). */
export async function roundsSince(database: AdminFieldDb, fromIso: string): Promise<CleaningRoundRow[]> {
  const rows = await database.cleaning_rounds.where('done_at').aboveOrEqual(fromIso).toArray()
  return rows.filter((r) => r.deleted_at === null)
}
