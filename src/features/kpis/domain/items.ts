/**
 * What every formula produces: one item per thing measured (a task's deadline, a reminder, a
 * decision, a check-out), put in a period by a company day, scoped by site, department and
 * person, with a value: 1 met / 0 missed for rates, the value itself for averages, and null
 * while it is not decided yet (not due, not returned, not scored): such an item is left out of
 * the figure, never counted as met or missed. The server's SQL makes the same items.
 */
import type { CompanyCalendar } from '@/shared/lib/calendar'
import type { CalendarDate } from '@/shared/lib/zonedTime'
import type { KpiCode } from './catalogue'

export interface KpiItem {
  kpi: KpiCode
  /** Unique within its KPI: the record id, plus a suffix when one record gives several items. */
  key: string
  /** The record behind it, for the drill-down (its table is the KPI's `record`). */
  record_id: string
  /** The company day that puts it in a period (the deadline's day, or the day it happened). */
  day: CalendarDate
  site_id: string | null
  department_id: string | null
  person_id: string | null
  value: number | null
  /** The deadline (a company date or an instant) and when it was done, for the drill-down. */
  due: string | null
  done_at: string | null
  /**
   * Device only (the server's items have no such column): what orders a rate's missed items in
   * the drill-down, the worst first — fuel: L/100 km as a % of the baseline.
   */
  measure?: number | null
}

/** What every formula needs besides the records. */
export interface KpiContext {
  calendar: CompanyCalendar
  timeZone: string
  /** The company's today: a deadline after it is not missed yet. */
  today: CalendarDate
  /** Now, in epoch ms: an instant deadline after it is not missed yet. */
  now: number
  /** The company day of an instant (calendarDater: one Intl call per distinct day). */
  dateOf: (instant: string) => CalendarDate
  /** A person's department (profiles), for items whose record names none. */
  departmentOf: (personId: string | null) => string | null
}

/** A deadline that is a company day: done on or before it (to the last minute of the day) is met. */
export function byDay(ctx: KpiContext, due: CalendarDate, doneAt: string | null): number | null {
  if (doneAt !== null) return ctx.dateOf(doneAt) <= due ? 1 : 0
  return due < ctx.today ? 0 : null
}

/** A deadline that is an instant: done at or before it is met; not done and past it is missed. */
export function byInstant(ctx: KpiContext, due: string, doneAt: string | null): number | null {
  const dueMs = Date.parse(due)
  if (doneAt !== null) return Date.parse(doneAt) <= dueMs ? 1 : 0
  return dueMs < ctx.now ? 0 : null
}

/** Facts in the order they happened (the instant, then the id), as the SQL orders them. */
export function byTime<T extends { id: string }>(rows: readonly T[], at: (row: T) => string): T[] {
  return rows
    .map((row) => ({ row, ms: Date.parse(at(row)) }))
    .sort((a, b) => a.ms - b.ms || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0))
    .map((x) => x.row)
}
