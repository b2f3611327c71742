/**
 * Which areas are due, done or missed, in the COMPANY time zone (DESIGN.md "Roles and
 * time"), never the device's. An area is due once per period of its frequency:
 * daily → company day, weekly → ISO week (Monday–Sunday), monthly → calendar month.
 *
 * Deadlines (company wall-clock time; exported so the UI, reminders and the server agree), on
 * the company calendar at the area's site (issue #12 point 8: no deadline on a day off):
 * - daily: 18:00 on the day, if it is a working day (else the area is not due that day);
 * - weekly: 18:00 on the week's last working day (Friday in an ordinary week; a make-up
 *   Saturday (调休) or a holiday Friday moves it);
 * - monthly: 18:00 on the month's last working day.
 * Missed = the deadline has passed and the period has no round (or inspection). A round
 * after the deadline but inside the period, or on a day off, still counts as done.
 */
import { isWorkingDay, type CompanyCalendar } from '@/shared/lib/calendar'
import { fromZonedInput } from '@/shared/lib/zonedInput'
import { addDays, calendarDater, isoWeekKey, isoWeekMonday, lastDayOfMonth, toEpochMs, type CalendarDate } from '@/shared/lib/zonedTime'

export type Frequency = 'daily' | 'weekly' | 'monthly'
export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const satisfies readonly Frequency[]

/** Wall-clock deadline time of every period, company zone. */
export const DEADLINE_TIME = '18:00'
/** Daily areas: 18:00 on the day. */
export const DAILY_DEADLINE = { time: DEADLINE_TIME } as const
/** Weekly areas: Friday (ISO weekday 5) 18:00 in an ordinary week (the week's last working day). */
export const WEEKLY_DEADLINE = { isoWeekday: 5, time: DEADLINE_TIME } as const
/** Monthly areas: the last (working) day of the month, 18:00. */
export const MONTHLY_DEADLINE = { day: 'last', time: DEADLINE_TIME } as const

/** The period of a company-calendar date: 'YYYY-MM-DD' (daily), 'YYYY-Www' (weekly), 'YYYY-MM' (monthly). */
export function periodKey(frequency: Frequency, date: CalendarDate): string {
  if (frequency === 'daily') return date
  if (frequency === 'weekly') return isoWeekKey(date)
  return date.slice(0, 7)
}

/** The last working day from `last` back to `first` (null when there is none). */
function lastWorkingDay(cal: CompanyCalendar, first: CalendarDate, last: CalendarDate, siteId: string | null): CalendarDate | null {
  for (let day = last; day >= first; day = addDays(day, -1)) if (isWorkingDay(cal, day, siteId)) return day
  return null
}

/** The company-calendar day whose 18:00 is the period's deadline; null: no working day in it. */
export function deadlineDate(frequency: Frequency, key: string, cal: CompanyCalendar, siteId: string | null = null): CalendarDate | null {
  if (frequency === 'daily') return isWorkingDay(cal, key, siteId) ? key : null
  if (frequency === 'weekly') {
    const monday = isoWeekMonday(key)
    if (!monday) throw new RangeError('invalid week key')
    return lastWorkingDay(cal, monday, addDays(monday, 6), siteId)
  }
  return lastWorkingDay(cal, `${key}-01`, lastDayOfMonth(key), siteId)
}

/** The period's deadline as an ISO instant (UTC); null when the period has no working day. */
export function periodDeadline(frequency: Frequency, key: string, timeZone: string, cal: CompanyCalendar, siteId: string | null = null): string | null {
  const day = deadlineDate(frequency, key, cal, siteId)
  if (day === null) return null
  const at = fromZonedInput(`${day}T${DEADLINE_TIME}`, timeZone)
  if (!at) throw new RangeError('invalid period')
  return at
}

export interface AreaForDue {
  id: string
  frequency: Frequency
  /** Whose own days count (null or absent: the company's). */
  site_id?: string | null
  deleted_at?: string | null
}

/** A cleaning round (done_at) or an inspection (submitted_at) of an area. */
export type DoneRecord =
  | { area_id: string; done_at: string; review_status?: string; deleted_at?: string | null }
  | { area_id: string; submitted_at: string; deleted_at?: string | null }

export type DueStatus = 'due' | 'done' | 'missed'

export interface DueEntry<A extends AreaForDue> {
  area: A
  status: DueStatus
  period_key: string
  /** Null: the period has no working day (done if a record came anyway, never missed). */
  deadline_at: string | null
  /** Rounds/inspections in the period and the first and last of them (null when none). */
  count: number
  first_at: string | null
  last_at: string | null
  /** Done, but the first record came after the deadline. */
  late: boolean
}

export interface DueAreas<A extends AreaForDue> {
  /** Not done yet, deadline still ahead: the "due today" list. */
  due: DueEntry<A>[]
  done: DueEntry<A>[]
  missed: DueEntry<A>[]
}

function recordTime(r: DoneRecord): string {
  return 'done_at' in r ? r.done_at : r.submitted_at
}

/**
 * Splits areas into due / done / missed for the current period of each, at `now`.
 * Deleted areas and records are ignored, and so are rounds sent back by the reviewer
 * (the cleaner has to do them again). Areas keep their input order in each list.
 */
export function dueAreas<A extends AreaForDue>(
  areas: readonly A[],
  records: readonly DoneRecord[],
  now: Date | number | string,
  timeZone: string,
  calendar: CompanyCalendar,
): DueAreas<A> {
  const dater = calendarDater(timeZone)
  const nowMs = toEpochMs(now)
  const today = dater(nowMs)
  const current: Record<Frequency, string> = {
    daily: today,
    weekly: isoWeekKey(today),
    monthly: today.slice(0, 7),
  }
  // One deadline per frequency and site (sites may keep their own days).
  const deadlines = new Map<string, string | null>()
  const deadlineOf = (frequency: Frequency, siteId: string | null): string | null => {
    const k = `${frequency}|${siteId ?? ''}`
    if (!deadlines.has(k)) deadlines.set(k, periodDeadline(frequency, current[frequency], timeZone, calendar, siteId))
    return deadlines.get(k) ?? null
  }

  const frequencyOf = new Map<string, Frequency>()
  for (const a of areas) if (!a.deleted_at) frequencyOf.set(a.id, a.frequency)

  // One pass over the records: those in their area's current period, first and last time.
  const seen = new Map<string, { count: number; first: number; last: number }>()
  for (const r of records) {
    if (r.deleted_at || ('review_status' in r && r.review_status === 'sent_back')) continue
    const frequency = frequencyOf.get(r.area_id)
    if (!frequency) continue
    const ms = Date.parse(recordTime(r))
    if (Number.isNaN(ms)) continue
    if (periodKey(frequency, dater(ms)) !== current[frequency]) continue
    const s = seen.get(r.area_id)
    if (!s) seen.set(r.area_id, { count: 1, first: ms, last: ms })
    else {
      s.count++
      s.first = Math.min(s.first, ms)
      s.last = Math.max(s.last, ms)
    }
  }

  const out: DueAreas<A> = { due: [], done: [], missed: [] }
  for (const area of areas) {
    if (area.deleted_at) continue
    const deadline = deadlineOf(area.frequency, area.site_id ?? null)
    const s = seen.get(area.id)
    // No working day in the period: nothing is due (a record made anyway counts as done).
    if (deadline === null && !s) continue
    const deadlineMs = deadline === null ? Infinity : Date.parse(deadline)
    const status: DueStatus = s ? 'done' : nowMs > deadlineMs ? 'missed' : 'due'
    const entry: DueEntry<A> = {
      area,
      status,
      period_key: current[area.frequency],
      deadline_at: deadline,
      count: s?.count ?? 0,
      first_at: s ? new Date(s.first).toISOString() : null,
      last_at: s ? new Date(s.last).toISOString() : null,
      late: s ? s.first > deadlineMs : false,
    }
    out[status].push(entry)
  }
  return out
}
