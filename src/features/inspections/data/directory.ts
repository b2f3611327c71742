/** Names the checklist screens show: people, sites, departments, and the company time zone. */
import type { AdminFieldDb } from '@/platform/db'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'

export interface NamedRow {
  id: string
  name: string
}

export interface AreaDirectory {
  people: Map<string, string>
  sites: NamedRow[]
  departments: NamedRow[]
  timeZone: string
}

export async function loadAreaDirectory(database: AdminFieldDb): Promise<AreaDirectory> {
  const [profiles, sites, departments, company] = await Promise.all([
    database.profiles.toArray(),
    database.sites.toArray(),
    database.departments.toArray(),
    database.company.toArray(),
  ])
  return {
    people: new Map(profiles.filter((p) => p.deleted_at === null).map((p) => [p.id, p.display_name])),
    sites: sites.filter((s) => s.deleted_at === null).map((s) => ({ id: s.id, name: s.name })),
    departments: departments.filter((d) => d.deleted_at === null).map((d) => ({ id: d.id, name: d.name })),
    timeZone: company.find((c) => c.deleted_at === null)?.timezone || DEFAULT_TIME_ZONE,
  }
}

/** People holding a role (the responsible cleaner / gardener picker). */
export async function peopleWithRole(database: AdminFieldDb, roles: readonly string[]): Promise<NamedRow[]> {
  const grants = await database.user_roles.toArray()
  const ids = new Set(grants.filter((g) => g.deleted_at === null && roles.includes(g.role)).map((g) => g.user_id))
  const profiles = await database.profiles.bulkGet([...ids])
  return profiles.filter((p) => !!p && p.deleted_at === null).map((p) => ({ id: p!.id, name: p!.display_name }))
}
