/** Reads for printing labels and showing badges. Plain Table API; no writes here. */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow, AssetRow } from '@/platform/db/rows'

/** Anything with a QR label: an asset or an area. The card prints the QR, number, name and kind. */
export interface PrintLabel {
  id: string
  /** What is printed as the number: the asset number, or where an area is (building · floor). */
  number: string
  name: string
  /** i18n key of the kind line (`assets.kinds.seal`, `inspections.areaTypes.washroom`). */
  kindKey: string
  /** Null: no label yet (nothing to print). */
  token: string | null
}

/** Picker tabs: the asset kinds, plus areas. */
export const AREA_LABELS = 'area'

function fromAsset(a: AssetRow): PrintLabel {
  return { id: a.id, kindKey: `assets.kinds.${a.kind}`, number: a.number, name: a.name, token: a.label_token }
}

function fromArea(a: AreaRow): PrintLabel {
  return { id: a.id, kindKey: `inspections.areaTypes.${a.area_type}`, number: [a.building, a.floor].filter(Boolean).join(' · ') || '—', name: a.name, token: a.label_token }
}

/** The assets or areas named in `?ids=`, in the order given; unknown ids are skipped. */
export async function loadLabels(database: AdminFieldDb, ids: readonly string[]): Promise<PrintLabel[]> {
  const [assets, areas] = await Promise.all([database.assets.bulkGet([...ids]), database.areas.bulkGet([...ids])])
  return ids.flatMap((_, i) => {
    const asset = assets[i]
    if (asset && asset.deleted_at === null) return [fromAsset(asset)]
    const area = areas[i]
    return area && area.deleted_at === null ? [fromArea(area)] : []
  })
}

/** Assets of one kind by number, or every area by place: the picker's list. */
export async function loadLabelsOfKind(database: AdminFieldDb, kind: string): Promise<PrintLabel[]> {
  if (kind === AREA_LABELS) {
    const areas = await database.areas.toArray()
    return areas
      .filter((a) => a.deleted_at === null)
      .map(fromArea)
      .sort((a, b) => `${a.number}${a.name}`.localeCompare(`${b.number}${b.name}`))
  }
  const rows = await database.assets.where('kind').equals(kind).toArray()
  return rows
    .filter((r) => r.deleted_at === null && r.status !== 'retired')
    .sort((a, b) => a.number.localeCompare(b.number))
    .map(fromAsset)
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
