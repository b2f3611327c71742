/**
 * The company calendar on the device: the statutory days (loaded on demand) with the company's
 * and sites' own days (calendar_days), and the company's zone. Every deadline counted in
 * working days reads it here (tasks, rectifications, areas due).
 */
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar, type StatutoryDays } from '@/shared/lib/calendar'
import type { CalendarDayRow } from './rows'
import type { AdminFieldDb } from './schema'

export async function calendarDays(database: AdminFieldDb): Promise<CalendarDayRow[]> {
  return (await database.calendar_days.toArray()).filter((d) => !d.deleted_at)
}

export function calendarFrom(statutory: StatutoryDays, days: readonly CalendarDayRow[]): CompanyCalendar {
  return makeCalendar(
    statutory,
    days.map((d) => ({ date: d.day, site_id: d.site_id, kind: d.kind, note: d.note })),
  )
}

export async function loadCompanyCalendar(database: AdminFieldDb): Promise<CompanyCalendar> {
  const [statutory, days] = await Promise.all([loadStatutoryDays(), calendarDays(database)])
  return calendarFrom(statutory, days)
}

export async function companyZone(database: AdminFieldDb): Promise<string> {
  return (await database.company.toArray()).find((c) => c.deleted_at === null)?.timezone || DEFAULT_TIME_ZONE
}

/** The calendar and the zone a deadline is counted in. */
export async function loadDeadlineCalendar(database: AdminFieldDb): Promise<{ calendar: CompanyCalendar; timeZone: string }> {
  const [calendar, timeZone] = await Promise.all([loadCompanyCalendar(database), companyZone(database)])
  return { calendar, timeZone }
}
