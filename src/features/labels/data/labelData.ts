/** Reads for printing labels and showing badges. Plain Table API; no writes here. */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow } from '@/platform/db/rows'

export interface PrintLabel {
  id: string
  kind: string
  number: string
  name: string
  /** Null: the asset has no label yet (nothing to print). */
  token: string | null
}

function toLabel(a: AssetRow): PrintLabel {
  return { id: a.id, kind: a.kind, number: a.number, name: a.name, token: a.label_token }
}

/** The assets named in `?ids=`, in the order given; unknown ids are skipped. */
export async function loadLabels(database: AdminFieldDb, ids: readonly string[]): Promise<PrintLabel[]> {
  const rows = await database.assets.bulkGet([...ids])
  return rows.filter((r): r is AssetRow => !!r && r.deleted_at === null).map(toLabel)
}

/** Assets of one kind, by number: the picker's list. */
export async function loadLabelsOfKind(database: AdminFieldDb, kind: string): Promise<PrintLabel[]> {
  const rows = await database.assets.where('kind').equals(kind).toArray()
  return rows
    .filter((r) => r.deleted_at === null && r.status !== 'retired')
    .sort((a, b) => a.number.localeCompare(b.number))
    .map(toLabel)
}

export interface BadgePerson {
  id: string
  name: string
  department: string | null
}

export async function loadPerson(database: AdminFieldDb, userId: string): Promise<BadgePerson | null> {
  const profile = await database.profiles.get(userId)
  if (!profile || profile.deleted_at !== null) return null
  const dept = profile.department_id ? await database.departments.get(profile.department_id) : undefined
  return { id: profile.id, name: profile.display_name, department: dept && dept.deleted_at === null ? dept.name : null }
}
