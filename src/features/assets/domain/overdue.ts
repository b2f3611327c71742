/**
 * "Overdue" (with how late) and "due within N days" lists.
 *
 * Lateness is elapsed time, the same everywhere; but "days late" as people
 * say it, and a licence's days to expiry, are counted in calendar days of the
 * company's time zone (DESIGN.md "Roles and time"): a seal due 23:00 Monday
 * Beijing time and still out at 01:00 Tuesday is "1 day late" in the register
 * though only 2 hours have passed. Both are given; the UI chooses.
 */
import { calendarDate, daysBetween, toEpochMs, type CalendarDate } from '@/shared/lib/zonedTime'

export interface Lateness {
  /** Whole minutes past due (≥ 1 for an overdue item). */
  total_minutes: number
  total_hours: number
  total_days: number
  /** The same span split for display: "2 天 3 小时 5 分". */
  breakdown: { days: number; hours: number; minutes: number }
  /** The largest non-zero unit, for a compact badge: "2 天" / "3 小时" / "5 分钟". */
  largest: { unit: 'days' | 'hours' | 'minutes'; value: number }
  /** Company-zone calendar days from the due date to today (0 = due earlier today). */
  calendar_days: number
}

/** Breaks a span of minutes into days/hours/minutes. */
export function lateness(dueAt: Date | number | string, now: Date | number | string, timeZone: string): Lateness {
  const minutes = Math.floor((toEpochMs(now) - toEpochMs(dueAt)) / 60_000)
  const total = Math.max(0, minutes)
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  const mins = total % 60
  const largest: Lateness['largest'] =
    days > 0 ? { unit: 'days', value: days } : total >= 60 ? { unit: 'hours', value: Math.floor(total / 60) } : { unit: 'minutes', value: total }
  return {
    total_minutes: total,
    total_hours: Math.floor(total / 60),
    total_days: days,
    breakdown: { days, hours, minutes: mins },
    largest,
    calendar_days: daysBetween(calendarDate(dueAt, timeZone), calendarDate(now, timeZone)),
  }
}

export interface OverdueEntry<T> {
  item: T
  late: Lateness
}

/**
 * Items held past their due time, most late first. An item is overdue once a
 * full minute has passed after `due_at` (so the minute of the deadline itself
 * is not late). Items without a due time are never overdue.
 */
export function overdueItems<T extends { due_at?: string | null }>(
  items: readonly T[],
  now: Date | number | string,
  timeZone: string,
): OverdueEntry<T>[] {
  const nowMs = toEpochMs(now)
  const out: OverdueEntry<T>[] = []
  for (const item of items) {
    if (!item.due_at) continue
    const due = Date.parse(item.due_at)
    if (Number.isNaN(due) || nowMs - due < 60_000) continue
    out.push({ item, late: lateness(due, nowMs, timeZone) })
  }
  return out.sort((a, b) => b.late.total_minutes - a.late.total_minutes)
}

/** Items due (not yet overdue) before `now + withinMs`: the "due soon" reminder. */
export function dueSoonItems<T extends { due_at?: string | null }>(
  items: readonly T[],
  now: Date | number | string,
  withinMs: number,
): T[] {
  const nowMs = toEpochMs(now)
  return items
    .filter((i) => {
      const due = i.due_at ? Date.parse(i.due_at) : Number.NaN
      return !Number.isNaN(due) && due >= nowMs && due - nowMs <= withinMs
    })
    .sort((a, b) => Date.parse(a.due_at ?? '') - Date.parse(b.due_at ?? ''))
}

// --- licences ----------------------------------------------------------------

export interface LicenceDates {
  /** Last valid day; null = long-term. */
  valid_to: CalendarDate | null
  annual_inspection_on: CalendarDate | null
}

export interface LicenceCountdown {
  /** 0 = last valid day is today; negative = expired that many days ago; null = long-term. */
  days_to_expiry: number | null
  /** 0 = inspection due today; negative = missed; null = none scheduled. */
  days_to_inspection: number | null
}

/** Days to expiry and to annual inspection, in the company zone's calendar days. */
export function licenceCountdown(dates: LicenceDates, now: Date | number | string, timeZone: string): LicenceCountdown {
  const today = calendarDate(now, timeZone)
  return {
    days_to_expiry: dates.valid_to ? daysBetween(today, dates.valid_to) : null,
    days_to_inspection: dates.annual_inspection_on ? daysBetween(today, dates.annual_inspection_on) : null,
  }
}

export interface LicenceDue<T> {
  item: T
  countdown: LicenceCountdown
  /** The nearer of the two, what the list sorts by. */
  days: number
  reasons: ('expiry' | 'inspection')[]
}

/**
 * Licences whose expiry or annual inspection falls within `days` calendar days
 * (default 30), including those already past: they need action most. Soonest first.
 */
export function licencesDueWithin<T extends LicenceDates>(
  items: readonly T[],
  now: Date | number | string,
  timeZone: string,
  days = 30,
): LicenceDue<T>[] {
  const out: LicenceDue<T>[] = []
  for (const item of items) {
    const countdown = licenceCountdown(item, now, timeZone)
    const reasons: LicenceDue<T>['reasons'] = []
    if (countdown.days_to_expiry !== null && countdown.days_to_expiry <= days) reasons.push('expiry')
    if (countdown.days_to_inspection !== null && countdown.days_to_inspection <= days) reasons.push('inspection')
    if (reasons.length === 0) continue
    const candidates = [
      reasons.includes('expiry') ? countdown.days_to_expiry : null,
      reasons.includes('inspection') ? countdown.days_to_inspection : null,
    ].filter((d): d is number => d !== null)
    out.push({ item, countdown, days: Math.min(...candidates), reasons })
  }
  return out.sort((a, b) => a.days - b.days)
}
