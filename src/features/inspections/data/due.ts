/**
 * Areas due today and missed, for inspectors (by inspections) and cleaners (by rounds).
 * Reads what the due rule needs in one go; the rule itself is pure (dueSplit).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow } from '@/platform/db/rows'
import { calendarDate, zonedParts } from '@/shared/lib/zonedTime'
import { fromZonedInput } from '@/shared/lib/zonedInput'
import { listAreas } from './areas'

export interface DueLists {
  due: AreaRow[]
  missed: AreaRow[]
  done: AreaRow[]
}

/** Start of the frequency's current period in the company zone (day, ISO week from Monday, month). */
export function periodStart(frequency: string, now: Date, timeZone: string): Date {
  const p = zonedParts(now, timeZone)
  const day = calendarDate(now, timeZone)
  let date = day
  if (frequency === 'monthly') date = `${day.slice(0, 8)}01`
  else if (frequency === 'weekly') {
    const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() // 0 = Sunday
    const back = (weekday + 6) % 7
    date = new Date(Date.UTC(p.year, p.month - 1, p.day - back)).toISOString().slice(0, 10)
  }
  return new Date(fromZonedInput(`${date}T00:00`, timeZone) ?? now.toISOString())
}

/** Start of the period before the current one. */
export function previousPeriodStart(frequency: string, now: Date, timeZone: string): Date {
  const start = periodStart(frequency, now, timeZone)
  // One millisecond before the current period is inside the previous one.
  return periodStart(frequency, new Date(start.getTime() - 1), timeZone)
}

/**
 * due: no record yet in the current period; missed: the previous period too ended without one
 * (after an earlier record);
 * done: recorded in the current period. `lastAt` = each area's latest record (ISO).
 */
export function dueSplit(areas: readonly AreaRow[], lastAt: ReadonlyMap<string, string>, now: Date, timeZone: string): DueLists {
  const out: DueLists = { due: [], missed: [], done: [] }
  for (const a of areas) {
    const last = lastAt.get(a.id)
    const start = periodStart(a.frequency, now, timeZone).toISOString()
    if (last && last >= start) out.done.push(a)
    // Never recorded: due (a new area is not "missed" on its first day).
    else if (last && last < previousPeriodStart(a.frequency, now, timeZone).toISOString()) out.missed.push(a)
    else out.due.push(a)
  }
  return out
}

async function latestBy(rows: Promise<{ area_id: string; at: string }[]>): Promise<Map<string, string>> {
  const last = new Map<string, string>()
  for (const r of await rows) if ((last.get(r.area_id) ?? '') < r.at) last.set(r.area_id, r.at)
  return last
}

/** Since the start of last month covers every frequency's current and previous period. */
function horizon(now: Date, timeZone: string): string {
  return previousPeriodStart('monthly', now, timeZone).toISOString()
}

export async function inspectionDue(database: AdminFieldDb, now: Date, timeZone: string): Promise<DueLists> {
  const since = horizon(now, timeZone)
  const [areas, last] = await Promise.all([
    listAreas(database),
    latestBy(database.inspections.where('submitted_at').aboveOrEqual(since).toArray().then((rows) => rows.filter((r) => r.deleted_at === null).map((r) => ({ area_id: r.area_id, at: r.submitted_at })))),
  ])
  return dueSplit(areas, last, now, timeZone)
}

export async function roundDue(database: AdminFieldDb, cleanerId: string | null, now: Date, timeZone: string): Promise<DueLists> {
  const since = horizon(now, timeZone)
  const [areas, last] = await Promise.all([
    listAreas(database, cleanerId ? { responsible_id: cleanerId } : {}),
    latestBy(database.cleaning_rounds.where('done_at').aboveOrEqual(since).toArray().then((rows) => rows.filter((r) => r.deleted_at === null).map((r) => ({ area_id: r.area_id, at: r.done_at })))),
  ])
  return dueSplit(areas, last, now, timeZone)
}
