/** Reading areas: by id, by label token, the registry list. No zod: the scan chunk loads this. */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'

function live(area: AreaRow | undefined): AreaRow | undefined {
  return area && area.deleted_at === null ? area : undefined
}

export async function getArea(database: AdminFieldDb, id: string): Promise<AreaRow | undefined> {
  return live(await database.areas.get(id))
}

/** A label token (canonical, as parsed from the QR) → the area it is printed on. */
export async function findAreaByToken(database: AdminFieldDb, token: string): Promise<AreaRow | undefined> {
  const rows = await database.areas.where('label_token').equals(token).toArray()
  return rows.find((a) => a.deleted_at === null)
}

export interface AreaFilter {
  site_id?: string | null
  area_type?: string | null
  responsible_id?: string | null
}

/** Where an area is, for sorting and lists: building, floor, name. */
export function areaSortKey(a: Pick<AreaRow, 'building' | 'floor' | 'name'>): string {
  return `${a.building}\u0000${a.floor}\u0000${a.name}`
}

/** `A栋 · 3F · 男卫生间`: how an area is named in lists, watermarks and toasts. */
export function areaDisplayName(a: Pick<AreaRow, 'building' | 'floor' | 'name'>): string {
  return [a.building, a.floor, a.name].filter(Boolean).join(' · ')
}

/** Live areas, filtered, sorted site → building → floor → name. One read: 300 areas is cheap. */
export async function listAreas(database: AdminFieldDb, filter: AreaFilter = {}): Promise<AreaRow[]> {
  const rows = filter.responsible_id
    ? await database.areas.where('responsible_id').equals(filter.responsible_id).toArray()
    : filter.site_id
      ? await database.areas.where('site_id').equals(filter.site_id).toArray()
      : await database.areas.toArray()
  return rows
    .filter(
      (a) =>
        a.deleted_at === null &&
        (!filter.site_id || a.site_id === filter.site_id) &&
        (!filter.area_type || a.area_type === filter.area_type) &&
        (!filter.responsible_id || a.responsible_id === filter.responsible_id),
    )
    .map((a) => ({ a, k: `${a.site_id}\u0000${areaSortKey(a)}` }))
    .sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0))
    .map((x) => x.a)
}
