/**
 * Areas due today, missed and done, for inspectors (by inspections) and cleaners (by rounds).
 * Reads what the rule needs in one go; the rule itself is the domain's dueAreas.
 */
import { loadCompanyCalendar, type AdminFieldDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import { dueAreas } from '../domain/due'
import { listAreas } from './areas'

export interface DueLists {
  due: AreaRow[]
  missed: AreaRow[]
  done: AreaRow[]
}

/** Records older than this cannot be in any current period (a month, an ISO week). */
const HORIZON_MS = 40 * 86_400_000

async function split(database: AdminFieldDb, areas: AreaRow[], records: Parameters<typeof dueAreas>[1], now: Date, timeZone: string): Promise<DueLists> {
  // Deadlines on the company calendar at each area's site (issue #12 point 8).
  const r = dueAreas(areas, records, now, timeZone, await loadCompanyCalendar(database))
  return { due: r.due.map((e) => e.area), missed: r.missed.map((e) => e.area), done: r.done.map((e) => e.area) }
}

export async function inspectionDue(database: AdminFieldDb, now: Date, timeZone: string): Promise<DueLists> {
  const since = new Date(now.getTime() - HORIZON_MS).toISOString()
  const [areas, records] = await Promise.all([listAreas(database), database.inspections.where('submitted_at').aboveOrEqual(since).toArray()])
  return split(database, areas, records, now, timeZone)
}

export async function roundDue(database: AdminFieldDb, cleanerId: string | null, now: Date, timeZone: string): Promise<DueLists> {
  const since = new Date(now.getTime() - HORIZON_MS).toISOString()
  const [areas, records] = await Promise.all([
    listAreas(database, cleanerId ? { responsible_id: cleanerId } : {}),
    database.cleaning_rounds.where('done_at').aboveOrEqual(since).toArray(),
  ])
  return split(database, areas, records, now, timeZone)
}
