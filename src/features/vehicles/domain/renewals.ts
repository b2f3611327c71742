/**
 * Renewals and reminders (车辆年检, 保险, 保养): due by date or by odometer, whichever comes
 * first (service every 10,000 km or 6 months; annual inspection and insurance by date). Days
 * count in the company time zone: "due today" is the company's today, not the phone's.
 *
 * Urgency per dimension: overdue once past it (a day after the due date, or beyond the km);
 * due within 7 days or 200 km; soon within 30 days or 1,000 km; else ok. The rule's urgency
 * is the worse of the two, and `due_by` names the dimension that decided it (on a tie, the
 * one nearer relative to its 'soon' window: remaining_days / 30 vs remaining_km / 1,000).
 * An interval with nothing to count from (no last done) is 'due' now with `last_done_unknown`:
 * a rule that can never come due would hide the renewal (renewalRecords.ts says whose last done).
 */
import { z } from 'zod'
import { DEFAULT_TIME_ZONE, calendarDate as calendarDateOf, daysBetween, lastDayOfMonth, type CalendarDate } from '@/shared/lib/zonedTime'
import { E } from './fields'
import { calendarDate, choice, int, nullableUuid, odometer, optionalText, uuid } from './fieldSchemas'

export const RENEWAL_KINDS = ['service', 'annual_inspection', 'insurance', 'other'] as const
export type RenewalKind = (typeof RENEWAL_KINDS)[number]

export const URGENCY_LEVELS = ['ok', 'soon', 'due', 'overdue'] as const
export type RenewalUrgency = (typeof URGENCY_LEVELS)[number]

export interface RenewalThresholds {
  soonDays: number
  soonKm: number
  dueDays: number
  dueKm: number
}
export const RENEWAL_THRESHOLDS: RenewalThresholds = { soonDays: 30, soonKm: 1_000, dueDays: 7, dueKm: 200 }

const nullable = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? null)

export const renewalRuleSchema = z
  .object({
    id: uuid(),
    vehicle_id: uuid(),
    kind: choice(RENEWAL_KINDS),
    label: optionalText(100),
    /** Recurring: every n months and/or every n km from the last time it was done. */
    interval_months: nullable(int(1, 120)),
    interval_km: nullable(int(100, 1_000_000)),
    last_done_on: nullable(calendarDate()),
    last_done_km: nullable(odometer()),
    /** Fixed: a date or reading stated outright (insurance end, inspection date). Wins over the interval. */
    due_on: nullable(calendarDate()),
    due_km: nullable(odometer()),
    /** Who is reminded besides the fleet manager (the vehicle's regular driver). */
    driver_id: nullableUuid(),
  })
  .refine((r) => r.due_on !== null || r.due_km !== null || (r.interval_months !== null && r.last_done_on !== null) || (r.interval_km !== null && r.last_done_km !== null), {
    error: E.ruleEmpty,
  })
export type RenewalRuleInput = z.input<typeof renewalRuleSchema>
export type RenewalRule = z.output<typeof renewalRuleSchema>

/** The same day n months later, clamped to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const month = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
  const last = lastDayOfMonth(month)
  return Number(last.slice(8)) < d ? last : `${month}-${String(d).padStart(2, '0')}`
}

export interface RenewalStatus {
  rule_id: string
  vehicle_id: string
  kind: RenewalKind
  due_by: 'date' | 'distance'
  due_on: CalendarDate | null
  due_km: number | null
  /** Days from the company's today to the due date (0 = today, negative = late). */
  remaining_days: number | null
  remaining_km: number | null
  urgency: RenewalUrgency
  /** An interval with no last done to count from: due now, until it is recorded. */
  last_done_unknown: boolean
}

const RANK: Record<RenewalUrgency, number> = { ok: 0, soon: 1, due: 2, overdue: 3 }

function level(remaining: number | null, due: number, soon: number): RenewalUrgency | null {
  if (remaining === null) return null
  if (remaining < 0) return 'overdue'
  if (remaining <= due) return 'due'
  if (remaining <= soon) return 'soon'
  return 'ok'
}

/** Where a rule stands for a vehicle at `now` (the odometer is its last known reading). */
export function renewalStatus(
  rule: RenewalRule,
  vehicle: { odometer_km: number | null },
  now: Date | number | string,
  timeZone: string = DEFAULT_TIME_ZONE,
  t: RenewalThresholds = RENEWAL_THRESHOLDS,
): RenewalStatus {
  const dueOn = rule.due_on ?? (rule.interval_months !== null && rule.last_done_on !== null ? addMonths(rule.last_done_on, rule.interval_months) : null)
  const dueKm = rule.due_km ?? (rule.interval_km !== null && rule.last_done_km !== null ? rule.last_done_km + rule.interval_km : null)
  const remainingDays = dueOn === null ? null : daysBetween(calendarDateOf(now, timeZone), dueOn)
  const remainingKm = dueKm === null || vehicle.odometer_km === null ? null : dueKm - vehicle.odometer_km
  const unknown = dueOn === null && dueKm === null && (rule.interval_months !== null || rule.interval_km !== null)
  const byDate = level(remainingDays, t.dueDays, t.soonDays)
  const byKm = level(remainingKm, t.dueKm, t.soonKm)
  let dueBy: 'date' | 'distance'
  if (unknown) dueBy = rule.interval_months !== null ? 'date' : 'distance'
  else if (byKm === null) dueBy = 'date'
  else if (byDate === null) dueBy = 'distance'
  else if (RANK[byDate] !== RANK[byKm]) dueBy = RANK[byDate] > RANK[byKm] ? 'date' : 'distance'
  else dueBy = (remainingDays ?? 0) / t.soonDays <= (remainingKm ?? 0) / t.soonKm ? 'date' : 'distance'
  return {
    rule_id: rule.id,
    vehicle_id: rule.vehicle_id,
    kind: rule.kind,
    due_by: dueBy,
    due_on: dueOn,
    due_km: dueKm,
    remaining_days: remainingDays,
    remaining_km: remainingKm,
    urgency: unknown ? 'due' : ((dueBy === 'date' ? byDate : byKm) ?? 'ok'),
    last_done_unknown: unknown,
  }
}

/** Most urgent first, then the nearest relative to its 'soon' window. */
export function compareUrgency(a: RenewalStatus, b: RenewalStatus): number {
  return (
    RANK[b.urgency] - RANK[a.urgency] ||
    (a.remaining_days ?? Number.POSITIVE_INFINITY) / RENEWAL_THRESHOLDS.soonDays - (b.remaining_days ?? Number.POSITIVE_INFINITY) / RENEWAL_THRESHOLDS.soonDays ||
    (a.remaining_km ?? 0) - (b.remaining_km ?? 0)
  )
}

/** Renewals worth listing (not 'ok'), most urgent first, then soonest. */
export function renewalList(statuses: readonly RenewalStatus[], vehicleIds?: ReadonlySet<string>): RenewalStatus[] {
  return statuses.filter((s) => s.urgency !== 'ok' && (!vehicleIds || vehicleIds.has(s.vehicle_id))).sort(compareUrgency)
}

/**
 * The rules every vehicle has from its registry fields: insurance end and annual inspection
 * by date. Ids are the caller's (stable per vehicle and kind, e.g. derived in the data layer).
 */
export function registryRules(
  vehicle: { id: string; insurance_end: CalendarDate; annual_inspection_on: CalendarDate },
  ids: { insurance: string; annual_inspection: string },
): RenewalRule[] {
  const rule = (id: string, kind: RenewalKind, due_on: CalendarDate): RenewalRule => ({
    id,
    vehicle_id: vehicle.id,
    kind,
    label: null,
    interval_months: null,
    interval_km: null,
    last_done_on: null,
    last_done_km: null,
    due_on,
    due_km: null,
    driver_id: null,
  })
  return [rule(ids.insurance, 'insurance', vehicle.insurance_end), rule(ids.annual_inspection, 'annual_inspection', vehicle.annual_inspection_on)]
}
