/**
 * Seals on the device: the seals, their register (seal_usages), people for the requester
 * picker, and the company time zone. Reads only; writes are in sealWrites.ts.
 */
import { observe, type AdminFieldDb } from '@/platform/db'
import { sealLinks } from '@/features/requests'
import type { AssetRow, CustodyEventRow, SealUsageRow } from '@/platform/db/rows'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'

export async function loadSeals(database: AdminFieldDb): Promise<AssetRow[]> {
  const rows = await database.assets.where('kind').equals('seal').toArray()
  return rows.filter((r) => r.deleted_at === null).sort((a, b) => a.number.localeCompare(b.number))
}

export async function loadSeal(database: AdminFieldDb, id: string): Promise<AssetRow | null> {
  const row = await database.assets.get(id)
  return row && row.deleted_at === null && row.kind === 'seal' ? row : null
}

/** The most recent use of a seal (for "same as last"). */
export async function lastUsageOf(database: AdminFieldDb, sealId: string): Promise<SealUsageRow | null> {
  const rows = await database.seal_usages.where('seal_id').equals(sealId).toArray()
  const live = rows.filter((r) => r.deleted_at === null).sort((a, b) => Date.parse(b.used_at) - Date.parse(a.used_at))
  return live[0] ?? null
}

export async function loadRegister(database: AdminFieldDb): Promise<SealUsageRow[]> {
  const rows = await database.seal_usages.orderBy('used_at').reverse().toArray()
  return rows.filter((r) => r.deleted_at === null)
}

export type RegisterLinks = Awaited<ReturnType<typeof sealLinks>>

/** The register and each line's 用印申请 link, live. */
export function observeRegister(database: AdminFieldDb, onValue: (value: { rows: SealUsageRow[]; links: RegisterLinks }) => void, onError: (e: unknown) => void): () => void {
  return observe(async () => ({ rows: await loadRegister(database), links: await sealLinks(database) }), onValue, onError)
}

export async function companyTimeZone(database: AdminFieldDb): Promise<string> {
  const rows = await database.company.toArray()
  return rows.find((c) => c.deleted_at === null)?.timezone ?? DEFAULT_TIME_ZONE
}

export interface RequesterOption {
  id: string
  name: string
  department: string
  /** Lower-case name + department + phone, for search. */
  haystack: string
}

/** Everyone who may ask for a seal, in no particular order: the picker sorts them when it opens (see sortByName). */
export async function loadRequesters(database: AdminFieldDb): Promise<RequesterOption[]> {
  const [profiles, departments] = await Promise.all([database.profiles.toArray(), database.departments.toArray()])
  const deptName = new Map(departments.filter((d) => d.deleted_at === null).map((d) => [d.id, d.name]))
  return profiles
    .filter((p) => p.deleted_at === null)
    .map((p) => {
      const department = (p.department_id && deptName.get(p.department_id)) || ''
      return { id: p.id, name: p.display_name, department, haystack: `${p.display_name} ${department} ${p.phone ?? ''}`.toLowerCase() }
    })
}

/** audit_seen events of the given seals (the periodic check's history). */
export async function auditEventsOf(database: AdminFieldDb, sealIds: readonly string[]): Promise<CustodyEventRow[]> {
  if (sealIds.length === 0) return []
  const rows = await database.custody_events.where('asset_id').anyOf([...sealIds]).toArray()
  return rows.filter((r) => r.deleted_at === null && r.type === 'audit_seen')
}
