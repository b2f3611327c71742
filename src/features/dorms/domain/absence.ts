/**
 * 长期外出 (long absence): a resident away for a while keeps their bed. The resident records it, or the
 * dorm manager for them (the day they leave, the day they expect to be back); the return ends it.
 * The server's twin: supabase/migrations/20261203040300_dorm_absences.sql.
 *
 * What an absence changes (decided, and documented there too):
 * - the bed stays theirs: it stays occupied; the occupancy view shows who is away and until when;
 * - the bed fee is charged as usual (the bed is held for them);
 * - the room's water and electricity are split by the days each resident was THERE: the days away (from
 *   the day they left to the day before they were back; an absence not yet ended runs to the end of the
 *   period) are left out, counted once when two absences overlap. A room whose residents were all away
 *   the whole period is split by days stayed as before: the meters still ran, the bill is not dropped.
 */
import { z } from 'zod'
import { addDays, calendarDate, daysBetween, type CalendarDate } from '@/shared/lib/zonedTime'
import { E } from './fields'
import { calendarDate as dateField, optionalText, uuid } from './fieldSchemas'
import { daysInPeriod, type StaySpan } from './utilities'

export const ABSENCE_LIMITS = { reason: 200, maxDays: 366 } as const

export const absenceSchema = z
  .object({
    stay_id: uuid(),
    starts_on: dateField(),
    expected_return_on: dateField(),
    /** 探亲, 外派, 长期出差 …: a few words. */
    reason: optionalText(ABSENCE_LIMITS.reason),
  })
  .superRefine((a, ctx) => {
    if (a.expected_return_on <= a.starts_on) ctx.addIssue({ code: 'custom', message: E.dateOrder, path: ['expected_return_on'] })
    else if (daysBetween(a.starts_on, a.expected_return_on) > ABSENCE_LIMITS.maxDays) ctx.addIssue({ code: 'custom', message: E.range, path: ['expected_return_on'] })
  })
export type AbsenceInput = z.input<typeof absenceSchema>

export const absenceReturnSchema = z.object({ returned_on: dateField() })

export interface AbsenceSpan {
  starts_on: CalendarDate
  expected_return_on: CalendarDate
  returned_on: CalendarDate | null
  deleted_at?: string | null
}

/** Away now (on `today`): begun, not yet ended. */
export function isAway(a: AbsenceSpan, today: CalendarDate): boolean {
  return !a.deleted_at && a.starts_on <= today && (a.returned_on === null || a.returned_on > today)
}

/** Days away inside [start, end] (both included), overlapping absences counted once. */
export function awayDays(absences: readonly AbsenceSpan[], start: CalendarDate, end: CalendarDate): number {
  const spans = absences
    .filter((a) => !a.deleted_at)
    .map((a) => {
      const from = a.starts_on > start ? a.starts_on : start
      const last = a.returned_on === null ? end : addDays(a.returned_on, -1)
      return [from, last < end ? last : end] as const
    })
    .filter(([a, b]) => a <= b)
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
  let n = 0
  let reach: CalendarDate | null = null
  for (const [a, b] of spans) {
    const from = reach !== null && a <= reach ? addDays(reach, 1) : a
    if (from <= b) n += daysBetween(from, b) + 1
    if (reach === null || b > reach) reach = b
  }
  return n
}

/** A stay's days in the period and, of those, the days away (absences clipped to the stay). */
export function stayDays(span: StaySpan, absences: readonly AbsenceSpan[], start: CalendarDate, end: CalendarDate, timeZone: string): { days: number; away: number } {
  const days = daysInPeriod(span, start, end, timeZone)
  if (days === 0 || !absences.length) return { days, away: 0 }
  const from = calendarDate(span.from, timeZone)
  const to = span.to === null ? end : calendarDate(span.to, timeZone)
  return { days, away: awayDays(absences, from > start ? from : start, to < end ? to : end) }
}

/**
 * The weights the room's utilities are split by: days there, minus days away; every resident's days as
 * they stayed when all of them were away all period (the bill is never dropped).
 */
export function utilityWeights(entries: readonly { id: string; days: number; away: number }[]): { id: string; d: number }[] {
  const present = entries.map((e) => ({ id: e.id, d: Math.max(0, e.days - e.away) }))
  return present.some((p) => p.d > 0) ? present : entries.map((e) => ({ id: e.id, d: e.days }))
}
