/** Names on rows (people, departments) and the company time zone, read once per screen. */
import type { AdminFieldDb } from '@/platform/db'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'

export interface Names {
  people: Map<string, string>
  departments: Map<string, string>
  timeZone: string
}

export async function loadNames(database: AdminFieldDb): Promise<Names> {
  const [profiles, departments, company] = await Promise.all([database.profiles.toArray(), database.departments.toArray(), database.company.toArray()])
  return {
    people: new Map(profiles.filter((p) => p.deleted_at === null).map((p) => [p.id, p.display_name])),
    departments: new Map(departments.filter((d) => d.deleted_at === null).map((d) => [d.id, d.name])),
    timeZone: company.find((c) => c.deleted_at === null)?.timezone ?? DEFAULT_TIME_ZONE,
  }
}
