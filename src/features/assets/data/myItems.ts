/** Short custody lists: what a person holds, what is out with a due time, what has a conflict. */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'

const live = (rows: AssetRow[]) => rows.filter((r) => r.deleted_at === null)

export async function assetsHeldBy(database: AdminFieldDb, personId: string): Promise<AssetRow[]> {
  return live(await database.assets.where('holder_id').equals(personId).toArray()).sort((a, b) => (a.number < b.number ? -1 : 1))
}

/** Every asset with a due time (null is not indexed, so this reads only those out on loan). */
export async function assetsWithDue(database: AdminFieldDb): Promise<AssetRow[]> {
  return live(await database.assets.where('due_at').above('').toArray())
}

/**
 * Assets with an open conflict among the given kinds, through the conflict_flag index (0/1 kept
 * beside the boolean by the db layer): reads only the flagged rows, a handful.
 */
export async function assetsInConflict(database: AdminFieldDb, kinds: readonly string[]): Promise<AssetRow[]> {
  if (kinds.length === 0) return []
  const wanted = new Set(kinds)
  const flagged = await database.assets.where('conflict_flag').equals(1).toArray()
  return live(flagged.filter((a) => a.has_conflict === true && wanted.has(a.kind)))
}

/**
 * 待我确认: items of the given kinds whose holder said "returned" (return_claimed) and the keeper has
 * not confirmed yet, oldest claim first. Through the kind index: seals and licences are few.
 */
export async function assetsAwaitingKeeper(database: AdminFieldDb, kinds: readonly string[]): Promise<AssetRow[]> {
  if (kinds.length === 0) return []
  const rows = await database.assets.where('kind').anyOf([...kinds]).filter((a) => !!a.return_claimed_at && a.deleted_at === null).toArray()
  return rows.sort((a, b) => (a.return_claimed_at ?? '').localeCompare(b.return_claimed_at ?? ''))
}
