/**
 * Calendar dates and wall-clock times in a given IANA time zone, with plain
 * Date + Intl (no date library needed for this). "Today", "this month" and
 * due dates are the company's (DESIGN.md "Roles and time"), never the device's,
 * so every function here takes the zone explicitly.
 */

/** The company time zone when the company has not set one. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

/** A calendar date as the company writes it: `YYYY-MM-DD`. */
export type CalendarDate = string

export interface ZonedParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

// Formatting is the hot path when grouping 20,000 rows: one formatter per zone.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    // Throws RangeError for an unknown zone: a configuration bug we want loud.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Accepts a Date, epoch milliseconds or an ISO 8601 string; returns epoch ms (NaN if unparsable). */
export function toEpochMs(instant: Date | number | string): number {
  if (instant instanceof Date) return instant.getTime()
  if (typeof instant === 'number') return instant
  return Date.parse(instant)
}

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  const ms = toEpochMs(instant)
  if (Number.isNaN(ms)) throw new RangeError('invalid instant')
  const parts: Record<string, number> = {}
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function calendarDate(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): CalendarDate {
  const p = zonedParts(instant, timeZone)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`
}

/** The calendar month (`YYYY-MM`) of an instant in a time zone. */
export function calendarMonth(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return calendarDate(instant, timeZone).slice(0, 7)
}

/** `YYYY-MM-DD HH:mm` in a time zone: for registers and CSV exports. */
export function formatZonedDateTime(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(instant, timeZone)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parses `YYYY-MM-DD` to a day number (days since 1970-01-01); null if not a real date. */
export function dayNumber(date: CalendarDate): number | null {
  const m = DATE_RE.exec(date)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const check = new Date(ms)
  // Rejects 2025-02-30 and friends, which Date.UTC would silently roll over.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null
  return Math.round(ms / 86_400_000)
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  return dayNumber(text) !== null
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). Throws on invalid dates. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const a = dayNumber(from)
  const b = dayNumber(to)
  if (a === null || b === null) throw new RangeError('invalid calendar date')
  return b - a
}
