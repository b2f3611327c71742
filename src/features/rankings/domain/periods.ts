/**
 * Ranking periods in the company time zone: ISO weeks ('YYYY-Www') and months ('YYYY-MM').
 * A period is the half-open instant range [from, to) of its company days, so a score
 * submitted at 23:30 Beijing time on the 31st counts in that month, whatever the phone's zone.
 */
import { addDays, calendarMonth, calendarWeek, isoWeekKey, isoWeekMonday } from '@/shared/lib/zonedTime'
import { fromZonedInput } from '@/shared/lib/zonedInput'

export type PeriodKind = 'week' | 'month'

export interface PeriodRange {
  /** ISO instant, inclusive. */
  from: string
  /** ISO instant, exclusive. */
  to: string
}

const MONTH_RE = /^(\d{4})-(\d{2})$/

function nextMonth(key: string, step: number): string {
  const m = MONTH_RE.exec(key)
  if (!m) throw new RangeError('invalid month key')
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + step
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

function firstDay(key: string): string {
  if (MONTH_RE.test(key)) return `${key}-01`
  const monday = isoWeekMonday(key)
  if (!monday) throw new RangeError('invalid period key')
  return monday
}

export function kindOf(key: string): PeriodKind {
  return MONTH_RE.test(key) ? 'month' : 'week'
}

/** The period `step` periods after `key` (negative: before). */
export function shiftPeriod(key: string, step: number): string {
  if (kindOf(key) === 'month') return nextMonth(key, step)
  return isoWeekKey(addDays(firstDay(key), 7 * step))
}

/** Where the period starts and ends, as instants, in the zone. */
export function periodRange(key: string, timeZone: string): PeriodRange {
  const start = firstDay(key)
  const end = kindOf(key) === 'month' ? `${nextMonth(key, 1)}-01` : addDays(start, 7)
  const from = fromZonedInput(`${start}T00:00`, timeZone)
  const to = fromZonedInput(`${end}T00:00`, timeZone)
  if (!from || !to) throw new RangeError('invalid period key')
  return { from, to }
}

/** The period holding `now` in the zone. */
export function currentPeriod(kind: PeriodKind, now: Date | number, timeZone: string): string {
  return kind === 'month' ? calendarMonth(now, timeZone) : calendarWeek(now, timeZone)
}

/** The last `count` periods up to the current one, newest first: the period picker. */
export function recentPeriods(kind: PeriodKind, now: Date | number, timeZone: string, count: number): string[] {
  const current = currentPeriod(kind, now, timeZone)
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, -i))
}

/** First and last company day of a period, for labels ("03-02 – 03-08"). */
export function periodDays(key: string): { first: string; last: string } {
  const first = firstDay(key)
  const last = kindOf(key) === 'month' ? addDays(`${nextMonth(key, 1)}-01`, -1) : addDays(first, 6)
  return { first, last }
}

/** Whether the period has ended in the zone: only an ended period's ledger may be published (issue #12). */
export function periodClosed(key: string, now: Date | number, timeZone: string): boolean {
  return Date.parse(periodRange(key, timeZone).to) <= (typeof now === 'number' ? now : now.getTime())
}
