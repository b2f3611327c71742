/**
 * Meter arithmetic, the monthly utility split and damage pricing (all exact: readings in hundredths,
 * money in fen, integers only).
 *
 * - consumption: between two readings of one meter; a missing reading gives no figure; a meter replaced
 *   in between counts the old meter to its final reading and the new one from its start; a reading
 *   lower than the last is a rollover only when the dial wrapped (the last was near its maximum),
 *   otherwise it is an issue for the dorm manager, never a negative bill.
 * - splitByDays: a room's bill shared by the days each occupant stayed in the period (company time
 *   zone days, both ends included, across month ends), largest remainder so the shares add up.
 * - priceDamages: failed inventory items priced from the dorm manager's price list.
 */
import { calendarDate, daysBetween } from '@/shared/lib/zonedTime'

const hundredths = (v: number) => Math.round(v * 100)

export interface Reading {
  reading: number
  /** The meter was replaced before this reading: the old meter's final reading and the new one's start. */
  replaced?: { old_final: number; new_start: number }
}

export type ConsumptionIssue = 'missing' | 'lower' | 'rollover' | 'replaced'

export interface Consumption {
  /** Units used (m³ or kWh), exact to 0.01; null when it cannot be known. */
  units: number | null
  issue: ConsumptionIssue | null
}

/**
 * Units between two readings. `dialMax` is the largest value the dial shows (99999.99 for a 5+2 digit
 * dial): a lower reading is a rollover only when the previous one was within `rolloverWindow` of it.
 */
export function consumption(prev: Reading | null, curr: Reading | null, opts: { dialMax?: number; rolloverWindow?: number } = {}): Consumption {
  if (!prev || !curr) return { units: null, issue: 'missing' }
  const p = hundredths(prev.reading)
  const c = hundredths(curr.reading)
  if (curr.replaced) {
    const oldPart = hundredths(curr.replaced.old_final) - p
    const newPart = c - hundredths(curr.replaced.new_start)
    if (oldPart < 0 || newPart < 0) return { units: null, issue: 'lower' }
    return { units: (oldPart + newPart) / 100, issue: 'replaced' }
  }
  if (c >= p) return { units: (c - p) / 100, issue: null }
  const max = opts.dialMax === undefined ? null : hundredths(opts.dialMax)
  const window = hundredths(opts.rolloverWindow ?? (opts.dialMax ?? 0) * 0.1)
  if (max !== null && max - p <= window) return { units: (max - p + 1 + c) / 100, issue: 'rollover' }
  return { units: null, issue: 'lower' }
}

export interface StaySpan {
  id: string
  /** Checked in (an instant). */
  from: string
  /** Checked out (an instant), or null while still there. */
  to: string | null
}

/** Days of a stay inside [start, end] (calendar dates in the company zone, both included). */
export function daysInPeriod(span: StaySpan, start: string, end: string, timeZone: string): number {
  const from = calendarDate(span.from, timeZone)
  const to = span.to === null ? end : calendarDate(span.to, timeZone)
  const a = from > start ? from : start
  const b = to < end ? to : end
  return a > b ? 0 : daysBetween(a, b) + 1
}

/** Shares of `totalFen` by person-days; the shares always add up to the total (largest remainder, then id). */
export function splitByDays(totalFen: number, spans: readonly StaySpan[], start: string, end: string, timeZone: string): Map<string, number> {
  return splitByWeights(totalFen, spans.map((s) => ({ id: s.id, d: daysInPeriod(s, start, end, timeZone) })))
}

/** Shares of `totalFen` by whole-day weights (e.g. days there less days away, absence.ts); same rounding. */
export function splitByWeights(totalFen: number, weights: readonly { id: string; d: number }[]): Map<string, number> {
  const days = weights.filter((x) => x.d > 0)
  const all = days.reduce((n, x) => n + x.d, 0)
  const out = new Map<string, number>()
  if (all === 0) return out
  const shares = days.map((x) => ({ id: x.id, base: Math.floor((totalFen * x.d) / all), rest: (totalFen * x.d) % all }))
  let left = totalFen - shares.reduce((n, s) => n + s.base, 0)
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || (a.id < b.id ? -1 : 1))) {
    out.set(s.id, s.base + (left > 0 ? 1 : 0))
    if (left > 0) left--
  }
  return out
}

/** A utility bill in fen: units × price per unit (fen), rounded half up to the fen. */
export function billFen(units: number, pricePerUnitFen: number): number {
  return Math.round((hundredths(units) * pricePerUnitFen) / 100)
}

export interface DamageLine {
  item_key: string
  fen: number
}

/** Failed items priced from the list; items the list does not price are returned apart for the manager. */
export function priceDamages(failedItemKeys: readonly string[], priceList: Readonly<Record<string, number>>): { lines: DamageLine[]; unpriced: string[]; totalFen: number } {
  const lines: DamageLine[] = []
  const unpriced: string[] = []
  for (const key of failedItemKeys) {
    const fen = priceList[key]
    if (fen === undefined) unpriced.push(key)
    else lines.push({ item_key: key, fen })
  }
  return { lines, unpriced, totalFen: lines.reduce((n, l) => n + l.fen, 0) }
}
