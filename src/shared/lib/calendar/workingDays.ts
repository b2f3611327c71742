/**
 * The company's working-day calendar (工作日历), pure: China's statutory holidays and
 * make-up working days (调休) as data, plus the company's own adjustments (a company day
 * off, a site's own days). "N working days" and "due today" use it everywhere, always in
 * the company's time zone (DESIGN.md "Roles and time"), never the device's.
 *
 * Which day wins, most specific first: the site's own adjustment, then the company's,
 * then the statutory calendar (a holiday is off, a make-up day is worked), then the week
 * (Saturday and Sunday off). Years the statutory data does not cover yet fall back to the
 * week alone; `coversYear` lets the UI say so, and the admin head adjusts days by hand.
 */
import { addDays, calendarDate, isCalendarDate, isoWeekday, type CalendarDate } from '../zonedTime'

/** The statutory data for some years: dates off (holidays) and make-up working days. */
export interface StatutoryDays {
  /** `YYYY-MM-DD` → a name (e.g. "Spring Festival,春节,4" as the package writes it). */
  holidays: ReadonlyMap<CalendarDate, string>
  /** Weekend days worked in lieu (调休上班), with the holiday they belong to. */
  workdays: ReadonlyMap<CalendarDate, string>
  /** Years the data was published for. */
  years: ReadonlySet<number>
}

export const ADJUSTMENT_KINDS = ['off', 'work'] as const
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number]

/** One day the company (site_id null) or one site sets itself: a day off or a working day. */
export interface CalendarAdjustment {
  date: CalendarDate
  site_id: string | null
  kind: AdjustmentKind
  note?: string | null
}

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup' | 'company' | 'site'

export interface DayInfo {
  date: CalendarDate
  working: boolean
  reason: DayReason
  /** The statutory holiday's name (zh), or the adjustment's note. */
  name: string | null
}

export interface CompanyCalendar {
  statutory: StatutoryDays
  /** Company-wide adjustments by date. */
  company: ReadonlyMap<CalendarDate, CalendarAdjustment>
  /** Per site: adjustments by date. */
  sites: ReadonlyMap<string, ReadonlyMap<CalendarDate, CalendarAdjustment>>
}

/** No statutory data at all: weekends only (tests, or before the data has loaded). */
export const NO_STATUTORY_DAYS: StatutoryDays = { holidays: new Map(), workdays: new Map(), years: new Set() }

/** Builds a calendar; a later adjustment for the same day and scope replaces an earlier one. */
export function makeCalendar(statutory: StatutoryDays, adjustments: readonly CalendarAdjustment[] = []): CompanyCalendar {
  const company = new Map<CalendarDate, CalendarAdjustment>()
  const sites = new Map<string, Map<CalendarDate, CalendarAdjustment>>()
  for (const a of adjustments) {
    if (!isCalendarDate(a.date)) continue
    if (a.site_id === null) {
      company.set(a.date, a)
      continue
    }
    let days = sites.get(a.site_id)
    if (!days) sites.set(a.site_id, (days = new Map()))
    days.set(a.date, a)
  }
  return { statutory, company, sites }
}

/** The package writes "English,中文,n"; the UI wants the Chinese name. */
function holidayName(raw: string | undefined): string | null {
  if (!raw) return null
  const parts = raw.split(',')
  return parts[1] ?? parts[0] ?? null
}

/** Why a day is or is not a working day (for the calendar page and for tests). */
export function dayInfo(cal: CompanyCalendar, date: CalendarDate, siteId: string | null = null): DayInfo {
  const own = siteId === null ? undefined : cal.sites.get(siteId)?.get(date)
  if (own) return { date, working: own.kind === 'work', reason: 'site', name: own.note ?? null }
  const company = cal.company.get(date)
  if (company) return { date, working: company.kind === 'work', reason: 'company', name: company.note ?? null }
  const holiday = cal.statutory.holidays.get(date)
  if (holiday !== undefined) return { date, working: false, reason: 'holiday', name: holidayName(holiday) }
  const makeup = cal.statutory.workdays.get(date)
  if (makeup !== undefined) return { date, working: true, reason: 'makeup', name: holidayName(makeup) }
  const weekend = isoWeekday(date) >= 6
  return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday', name: null }
}

export function isWorkingDay(cal: CompanyCalendar, date: CalendarDate, siteId: string | null = null): boolean {
  return dayInfo(cal, date, siteId).working
}

/** Whether the statutory data covers the year of a date (else weekends only, until adjusted). */
export function coversYear(cal: CompanyCalendar, date: CalendarDate): boolean {
  return cal.statutory.years.has(Number(date.slice(0, 4)))
}

// Ten years of days: a loop that finds no working day in that span is a data error.
const MAX_SCAN = 3660

/**
 * The `n`th working day after `date` (the day itself not counted): 3 working days from a
 * Friday is the next Wednesday. n = 0 gives `date` if it is a working day, else the next
 * one; a negative n counts back. Throws on an invalid date or |n| > 1000.
 */
export function addWorkingDays(cal: CompanyCalendar, date: CalendarDate, n: number, siteId: string | null = null): CalendarDate {
  if (!isCalendarDate(date)) throw new RangeError('invalid calendar date')
  if (!Number.isInteger(n) || Math.abs(n) > 1000) throw new RangeError('working days: an integer within ±1000')
  if (n === 0) return nextWorkingDay(cal, date, siteId, true)
  const step = n > 0 ? 1 : -1
  let left = Math.abs(n)
  let day = date
  for (let i = 0; i < MAX_SCAN * 3; i++) {
    day = addDays(day, step)
    if (isWorkingDay(cal, day, siteId) && --left === 0) return day
  }
  throw new RangeError('no working day found')
}

/** The first working day on or after (inclusive) / after (exclusive) `date`. */
export function nextWorkingDay(cal: CompanyCalendar, date: CalendarDate, siteId: string | null = null, inclusive = false): CalendarDate {
  let day = inclusive ? date : addDays(date, 1)
  for (let i = 0; i < MAX_SCAN; i++) {
    if (isWorkingDay(cal, day, siteId)) return day
    day = addDays(day, 1)
  }
  throw new RangeError('no working day found')
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to`
 * (0 when `to` ≤ `from`). "Done 2 working days late" = workingDaysBetween(due, done).
 */
export function workingDaysBetween(cal: CompanyCalendar, from: CalendarDate, to: CalendarDate, siteId: string | null = null): number {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError('invalid calendar date')
  let count = 0
  for (let day = addDays(from, 1), i = 0; day <= to && i < MAX_SCAN * 3; day = addDays(day, 1), i++) {
    if (isWorkingDay(cal, day, siteId)) count++
  }
  return count
}

/** The company's today for an instant (its time zone, not the device's). */
export function companyToday(now: Date | number | string, timeZone: string): CalendarDate {
  return calendarDate(now, timeZone)
}

export type DueState = 'overdue' | 'today' | 'upcoming'

/**
 * Where a deadline stands: a task due on a day is on time until that company day ends.
 * "due today" means the company's today, so a phone set to another zone agrees with the office.
 */
export function dueState(dueOn: CalendarDate, now: Date | number | string, timeZone: string): DueState {
  const today = companyToday(now, timeZone)
  return dueOn < today ? 'overdue' : dueOn === today ? 'today' : 'upcoming'
}
