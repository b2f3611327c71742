/**
 * Registry reads for 20,000 assets. The first screen comes from the `number` index (a page of
 * rows, no full read); filtering and text search run over a compact in-memory index of every
 * asset (read from its saved columnar snapshot while no asset changed, else built from one
 * getAll and saved again), which keeps each keystroke far under the 200 ms budget.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'
import { fromColumns, readSnapshot, saveSnapshot } from './registrySnapshot'

/** What a registry row shows and filters on. */
export interface RegistryEntry {
  id: string
  kind: string
  number: string
  name: string
  status: string
  holder_id: string | null
  site_id: string
  due_at: string | null
  has_conflict: boolean
  /** Lower-case "number name" for text search. */
  haystack: string
}

export interface RegistryFilter {
  kind?: string | null
  status?: string | null
  holder_id?: string | null
  site_id?: string | null
  text?: string | null
}

export function toEntry(a: AssetRow): RegistryEntry {
  return {
    id: a.id,
    kind: a.kind,
    number: a.number,
    name: a.name,
    status: a.status,
    holder_id: a.holder_id,
    site_id: a.site_id,
    due_at: a.due_at,
    has_conflict: a.has_conflict,
    haystack: `${a.number} ${a.name}`.toLowerCase(),
  }
}

const byNumber = (a: { number: string }, b: { number: string }) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)

/** The first screen: `limit` assets in number order, straight from the index. */
export async function firstRegistryPage(database: AdminFieldDb, limit = 40): Promise<RegistryEntry[]> {
  const rows = await database.assets.orderBy('number').filter((a) => a.deleted_at === null).limit(limit).toArray()
  return rows.map(toEntry)
}

/** Every live asset as a registry entry, in number order. Live queries re-run on any asset write. */
export async function loadRegistryIndex(database: AdminFieldDb): Promise<RegistryEntry[]> {
  // One read transaction: the token and the rows it describes are consistent.
  const read = await database.transaction('r', database.assets, database.asset_index, async () => {
    const snap = await readSnapshot(database)
    return snap.kind === 'current' ? snap : { ...snap, rows: await database.assets.toArray() }
  })
  if (read.kind === 'current') return fromColumns(read.columns)
  const out: RegistryEntry[] = []
  for (const r of read.rows) if (r.deleted_at === null) out.push(toEntry(r))
  out.sort(byNumber)
  // Saved after this read returns: a live query may not write, and the list need not wait.
  setTimeout(() => {
    saveSnapshot(database, read.gen, out).catch(() => undefined) // an optimisation only: next open rebuilds
  }, 0)
  return out
}

/** Applies a filter to the in-memory index; text matches number or name, ignoring case. */
export function filterRegistry(entries: readonly RegistryEntry[], f: RegistryFilter): RegistryEntry[] {
  const text = f.text?.trim().toLowerCase() ?? ''
  const terms = text === '' ? [] : text.split(/\s+/)
  return entries.filter(
    (e) =>
      (!f.kind || e.kind === f.kind) &&
      (!f.status || e.status === f.status) &&
      (!f.holder_id || e.holder_id === f.holder_id) &&
      (!f.site_id || e.site_id === f.site_id) &&
      terms.every((t) => e.haystack.includes(t)),
  )
}

/** Kind + status straight from the compound index (no full read): for lists that need only that. */
export async function assetsByKindAndStatus(database: AdminFieldDb, kind: string, status: string): Promise<RegistryEntry[]> {
  const rows = await database.assets.where('[kind+status]').equals([kind, status]).toArray()
  return rows.filter((r) => r.deleted_at === null).map(toEntry).sort(byNumber)
}

/** Number prefix from the index (scanner-style lookups while typing `SEAL-00`). */
export async function assetsByNumberPrefix(database: AdminFieldDb, prefix: string, limit = 50): Promise<RegistryEntry[]> {
  const rows = await database.assets.where('number').startsWith(prefix.trim().toUpperCase()).limit(limit).toArray()
  return rows.filter((r) => r.deleted_at === null).map(toEntry)
}
