/**
 * Calendar dates and wall-clock times in a given IANA time zone, with plain
 * Date + Intl (no date library needed for this; zones with a fixed offset skip
 * Intl). "Today", "this month" and due dates are the company's (DESIGN.md
 * "Roles and time"), never the device's, so every function here takes the zone explicitly.
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

/**
 * Zones whose UTC offset has not changed since `since` (epoch ms), per the ICU time zone data
 * (ICU 78.3, tzdata 2026e, the same in Node 24 and Chromium 156): from that instant on, wall clock
 * = UTC + offset, with no Intl at all. The first Intl object a page builds costs 25–60 ms of ICU
 * start-up (×4 on a slow phone), one long task on every page (issue 13). `since` is the zone's last
 * transition; UTC's is the epoch, not the dawn of time: before 1582 ICU switches to the Julian calendar.
 * tests/unit/shared-lib/zonedTime.test.ts checks every entry against Intl up to 2040.
 */
export const FIXED_OFFSETS: ReadonlyMap<string, { offsetMs: number; since: number }> = new Map([
  ['Asia/Shanghai', { offsetMs: 8 * 3_600_000, since: Date.UTC(1991, 8, 14, 17) }], // last DST ended 1991-09
  ['Asia/Hong_Kong', { offsetMs: 8 * 3_600_000, since: Date.UTC(1979, 9, 20, 18, 30) }],
  ['Asia/Macau', { offsetMs: 8 * 3_600_000, since: Date.UTC(1979, 9, 20, 18, 30) }],
  ['Asia/Taipei', { offsetMs: 8 * 3_600_000, since: Date.UTC(1979, 8, 30, 15) }],
  ['Asia/Singapore', { offsetMs: 8 * 3_600_000, since: Date.UTC(1981, 11, 31, 16) }], // +07:30 until 1982-01-01
  ['Asia/Tokyo', { offsetMs: 9 * 3_600_000, since: Date.UTC(1951, 8, 8, 15) }], // last DST ended 1951-09
  ['Asia/Seoul', { offsetMs: 9 * 3_600_000, since: Date.UTC(1988, 9, 8, 17) }], // last DST ended 1988-10
  ['UTC', { offsetMs: 0, since: 0 }],
  ['Etc/UTC', { offsetMs: 0, since: 0 }],
])

/**
 * Wall-clock parts by arithmetic when the zone's offset is fixed at this instant; null when Intl
 * must answer (a zone not in the table, an instant before its last transition, or out of range).
 */
export function fixedOffsetParts(ms: number, timeZone: string): ZonedParts | null {
  const zone = FIXED_OFFSETS.get(timeZone)
  if (!zone || !(ms >= zone.since)) return null
  const d = new Date(ms + zone.offsetMs)
  if (Number.isNaN(d.getTime())) return null
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  }
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
  const fixed = fixedOffsetParts(ms, timeZone)
  if (fixed) return fixed
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

// --- weeks, months and fast grouping (checklists: due periods, rankings) ------------

/** The calendar date of a day number (days since 1970-01-01): the inverse of `dayNumber`. */
export function fromDayNumber(day: number): CalendarDate {
  const d = new Date(day * 86_400_000)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

function requireDay(date: CalendarDate): number {
  const n = dayNumber(date)
  if (n === null) throw new RangeError('invalid calendar date')
  return n
}

/** `date` plus `days` calendar days (negative goes back). Throws on an invalid date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(requireDay(date) + days)
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((requireDay(date) + 3) % 7) + 7) % 7) + 1
}

/**
 * ISO 8601 week key `YYYY-Www` (weeks Monday–Sunday; week 1 holds the year's first
 * Thursday), so 2024-12-30 is '2025-W01' and 2027-01-01 is '2026-W53'.
 */
export function isoWeekKey(date: CalendarDate): string {
  const day = requireDay(date)
  const thursday = day - isoWeekday(date) + 4
  const year = new Date(thursday * 86_400_000).getUTCFullYear()
  const week = Math.floor((thursday - Math.round(Date.UTC(year, 0, 1) / 86_400_000)) / 7) + 1
  return `${pad(year, 4)}-W${pad(week)}`
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/

/** The Monday of an ISO week key; null for a malformed key or a week the year does not have. */
export function isoWeekMonday(weekKey: string): CalendarDate | null {
  const m = WEEK_RE.exec(weekKey)
  if (!m) return null
  const [year, week] = [Number(m[1]), Number(m[2])]
  // Week 1 is the week holding 4 January.
  const jan4 = Math.round(Date.UTC(year, 0, 4) / 86_400_000)
  const jan4Weekday = ((((jan4 + 3) % 7) + 7) % 7) + 1
  const monday = fromDayNumber(jan4 - jan4Weekday + 1 + (week - 1) * 7)
  return week >= 1 && isoWeekKey(monday) === weekKey ? monday : null
}

/** The ISO week key (`YYYY-Www`) of an instant in a time zone. */
export function calendarWeek(instant: Date | number | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return isoWeekKey(calendarDate(instant, timeZone))
}

/** The last day of a calendar month `YYYY-MM`. Throws on a malformed month. */
export function lastDayOfMonth(month: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError('invalid calendar month')
  // Day 0 of the next month is the last day of this one.
  return fromDayNumber(Math.round(Date.UTC(Number(m[1]), Number(m[2]), 0) / 86_400_000))
}

const DAY_MS = 86_400_000
const QUARTER_HOUR = 15 * 60_000

/** Zone offset (wall clock − UTC) at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone)
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000
}

/**
 * A `calendarDate` for one zone, for grouping thousands of rows by company day: it
 * asks Intl for the zone's offset twice per UTC day (start and end) and, when the two
 * agree (every day but a DST change), dates the rest by arithmetic. On a changing day
 * it memoises per quarter hour, sound because offsets change on quarter-hour boundaries.
 */
export function calendarDater(timeZone: string = DEFAULT_TIME_ZONE): (instant: Date | number | string) => CalendarDate {
  const dayOffset = new Map<number, number | null>()
  const dates = new Map<number, CalendarDate>()
  const quarters = new Map<number, CalendarDate>()
  return (instant) => {
    const ms = toEpochMs(instant)
    if (Number.isNaN(ms)) throw new RangeError('invalid instant')
    const utcDay = Math.floor(ms / DAY_MS)
    let offset = dayOffset.get(utcDay)
    if (offset === undefined) {
      const first = offsetAt(utcDay * DAY_MS, timeZone)
      offset = first === offsetAt(utcDay * DAY_MS + DAY_MS - 1000, timeZone) ? first : null
      dayOffset.set(utcDay, offset)
    }
    if (offset === null) {
      const bucket = Math.floor(ms / QUARTER_HOUR)
      let date = quarters.get(bucket)
      if (date === undefined) {
        date = calendarDate(bucket * QUARTER_HOUR, timeZone)
        quarters.set(bucket, date)
      }
      return date
    }
    const localDay = Math.floor((ms + offset) / DAY_MS)
    let date = dates.get(localDay)
    if (date === undefined) {
      date = fromDayNumber(localDay)
      dates.set(localDay, date)
    }
    return date
  }
}
