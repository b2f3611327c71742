/** What the rankings read besides a period's scores (periodRows): the areas, and names for the rows. */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import { areaDisplayName } from '@/features/inspections'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'

export interface Directory {
  areas: AreaRow[]
  /** subject type → id → display name. */
  names: Record<'area' | 'department' | 'person', Map<string, string>>
  timeZone: string
}

export async function loadDirectory(database: AdminFieldDb): Promise<Directory> {
  const [areas, profiles, departments, company] = await Promise.all([
    database.areas.toArray(),
    database.profiles.toArray(),
    database.departments.toArray(),
    database.company.toArray(),
  ])
  // Deleted areas stay in the map: last month's ranking may still name them.
  return {
    areas,
    names: {
      area: new Map(areas.map((a) => [a.id, areaDisplayName(a)])),
      department: new Map(departments.map((d) => [d.id, d.name])),
      person: new Map(profiles.map((p) => [p.id, p.display_name])),
    },
    timeZone: company.find((c) => c.deleted_at === null)?.timezone ?? DEFAULT_TIME_ZONE,
  }
}
