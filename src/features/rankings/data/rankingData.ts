/** What the rankings read besides a period's scores (periodRows): the areas, and names for the rows. */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import { areaDisplayName } from '@/features/inspections'
import type { RankingOptions } from '@/features/inspections/domain/rankings'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'

export interface Directory {
  areas: AreaRow[]
  /** subject type → id → display name. */
  names: Record<'area' | 'department' | 'person', Map<string, string>>
  timeZone: string
  /** The admin head's minimum inspections to rank (company row). */
  options: RankingOptions
  /** The company row's id (the settings op's entity), null before the first pull. */
  companyId: string | null
}

export async function loadDirectory(database: AdminFieldDb): Promise<Directory> {
  const [areas, profiles, departments, company] = await Promise.all([
    database.areas.toArray(),
    database.profiles.toArray(),
    database.departments.toArray(),
    database.company.toArray(),
  ])
  const c = company.find((x) => x.deleted_at === null)
  // Deleted areas stay in the map: last month's ranking may still name them.
  return {
    options: { minInspections: { week: c?.rank_min_week ?? 1, month: c?.rank_min_month ?? 1 } },
    companyId: c?.id ?? null,
    areas,
    names: {
      area: new Map(areas.map((a) => [a.id, areaDisplayName(a)])),
      department: new Map(departments.map((d) => [d.id, d.name])),
      person: new Map(profiles.map((p) => [p.id, p.display_name])),
    },
    timeZone: c?.timezone ?? DEFAULT_TIME_ZONE,
  }
}
