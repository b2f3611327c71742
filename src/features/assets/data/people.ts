/** People and places the custody screens name: profiles (holders, actors), sites, company zone. */
import type { AdminFieldDb } from '@/platform/db'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { sortByName } from '@/shared/lib/byName'

export interface Person {
  id: string
  name: string
  phone: string | null
  site_id: string | null
  department_id: string | null
  /** Lower-case name + phone, for the picker's search. */
  haystack: string
}

export interface Directory {
  people: Person[]
  sites: { id: string; name: string }[]
  departments: Map<string, string>
  timeZone: string
}

/** People and places, people sorted by name (the pickers' order). */
export async function loadDirectory(database: AdminFieldDb): Promise<Directory> {
  const d = await readDirectory(database)
  return { ...d, people: sortByName(d.people) }
}

/** The same, people in no particular order: for names on rows, which need no sort. */
export async function readDirectory(database: AdminFieldDb): Promise<Directory> {
  // One read transaction for the four tables, not four.
  const [profiles, sites, departments, company] = await database.transaction('r', [database.profiles, database.sites, database.departments, database.company], () =>
    Promise.all([database.profiles.toArray(), database.sites.toArray(), database.departments.toArray(), database.company.toArray()]),
  )
  const people = profiles
    .filter((p) => p.deleted_at === null)
    .map((p) => ({
      id: p.id,
      name: p.display_name,
      phone: p.phone,
      site_id: p.site_id,
      department_id: p.department_id,
      haystack: `${p.display_name} ${p.phone ?? ''}`.toLowerCase(),
    }))
  return {
    people,
    sites: sites.filter((s) => s.deleted_at === null).map((s) => ({ id: s.id, name: s.name })),
    departments: new Map(departments.filter((d) => d.deleted_at === null).map((d) => [d.id, d.name])),
    timeZone: company.find((c) => c.deleted_at === null)?.timezone ?? DEFAULT_TIME_ZONE,
  }
}

/** People whose name or phone contains every word typed. */
export function searchPeople(people: readonly Person[], query: string): Person[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  return terms.length === 0 ? [...people] : people.filter((p) => terms.every((t) => p.haystack.includes(t)))
}
