/** Reads for printing labels and showing badges. Plain Table API; no writes here. */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow, AssetRow, DormBedRow } from '@/platform/db/rows'

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

/** Picker tabs: the asset kinds, plus areas and dormitory beds. */
export const AREA_LABELS = 'area'
export const BED_LABELS = 'bed'

function fromAsset(a: AssetRow): PrintLabel {
  return { id: a.id, kindKey: `assets.kinds.${a.kind}`, number: a.number, name: a.name, token: a.label_token }
}

function fromArea(a: AreaRow): PrintLabel {
  return { id: a.id, kindKey: `inspections.areaTypes.${a.area_type}`, number: [a.building, a.floor].filter(Boolean).join(' · ') || '—', name: a.name, token: a.label_token }
}

/** A bed: its number is building, room and bed (the same token scheme; `/a/<token>` opens it). */
async function bedLabels(database: AdminFieldDb, beds: DormBedRow[]): Promise<Map<string, PrintLabel>> {
  const [rooms, buildings] = await Promise.all([database.dorm_rooms.bulkGet([...new Set(beds.map((b) => b.room_id))]), database.dorm_buildings.toArray()])
  const roomById = new Map(rooms.filter((r) => r !== undefined).map((r) => [r.id, r]))
  const nameOf = new Map(buildings.map((b) => [b.id, b.name]))
  return new Map(
    beds.map((b) => [
      b.id,
      { id: b.id, kindKey: 'dorms.bedLabel', number: `${nameOf.get(b.building_id) ?? ''} ${roomById.get(b.room_id)?.number ?? ''}-${b.code}`.trim(), name: `${roomById.get(b.room_id)?.number ?? ''}-${b.code}`, token: b.label_token },
    ]),
  )
}

/** The assets, areas or beds named in `?ids=`, in the order given; unknown ids are skipped. */
export async function loadLabels(database: AdminFieldDb, ids: readonly string[]): Promise<PrintLabel[]> {
  const [assets, areas, beds] = await Promise.all([database.assets.bulkGet([...ids]), database.areas.bulkGet([...ids]), database.dorm_beds.bulkGet([...ids])])
  const bedMap = await bedLabels(database, beds.filter((b): b is DormBedRow => b !== undefined && b.deleted_at === null))
  return ids.flatMap((id, i) => {
    const asset = assets[i]
    if (asset && asset.deleted_at === null) return [fromAsset(asset)]
    const area = areas[i]
    if (area && area.deleted_at === null) return [fromArea(area)]
    const bed = bedMap.get(id)
    return bed ? [bed] : []
  })
}

/** Assets of one kind by number, or every area by place: the picker's list. */
export async function loadLabelsOfKind(database: AdminFieldDb, kind: string): Promise<PrintLabel[]> {
  if (kind === BED_LABELS) {
    const beds = (await database.dorm_beds.toArray()).filter((b) => b.deleted_at === null)
    return [...(await bedLabels(database, beds)).values()].sort((a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }))
  }
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
