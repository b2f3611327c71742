/**
 * Items → figures: for a period (company days, inclusive) and a scope, each KPI's figure is
 * the share of decided items met (rate, %) or their mean (average). No decided item → no
 * figure (null): an empty month is "—", never 0% or 100%. Trend by month, ranking by
 * department, drill-down (missed first) and the target comparison are folds over the same items.
 */
import { lastDayOfMonth, type CalendarDate } from '@/shared/lib/zonedTime'
import { KPIS, kpiDef, type KpiCode } from './catalogue'
import type { KpiItem } from './items'

export interface Period {
  from: CalendarDate
  to: CalendarDate
}

/** A calendar month 'YYYY-MM' as a period. */
export function monthPeriod(month: string): Period {
  return { from: `${month}-01`, to: lastDayOfMonth(month) }
}

/** The `count` months ending with `month`, oldest first ('2026-01' back 3 → 2025-11, 2025-12, 2026-01). */
export function monthsBack(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const out: string[] = []
  for (let i = count - 1; i >= 0; i--) {
    const n = y * 12 + (m - 1) - i
    out.push(`${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`)
  }
  return out
}

export type Scope = { kind: 'company' } | { kind: 'site'; id: string } | { kind: 'department'; id: string } | { kind: 'person'; id: string }

export function inScope(item: KpiItem, scope: Scope): boolean {
  switch (scope.kind) {
    case 'company':
      return true
    case 'site':
      return item.site_id === scope.id
    case 'department':
      return item.department_id === scope.id
    case 'person':
      return item.person_id === scope.id
  }
}

export interface Figure {
  kpi: KpiCode
  /** null: nothing decided in the period (no figure). Rates in %, averages in their unit. */
  value: number | null
  /** Decided items (the denominator), and those met (rates) — for "12 / 14". */
  decided: number
  met: number
  /** Items not decided yet (not due, not returned): shown, not counted. */
  pending: number
}

/** What a figure is made of: [decided, sum of their values, pending] (kept per closed month). */
export type Tally = [number, number, number]

/** Adds one item to a tally, in the order figureOf adds them (the same sum to the last bit). */
export function tallyItem(tally: Tally, item: KpiItem): void {
  if (item.value === null) tally[2]++
  else {
    tally[0]++
    tally[1] += item.value
  }
}

export function figureOfTally(kpi: KpiCode, [decided, sum, pending]: Readonly<Tally>): Figure {
  const rate = kpiDef(kpi)?.kind === 'rate'
  const value = decided === 0 ? null : rate ? (100 * sum) / decided : sum / decided
  return { kpi, value, decided, met: rate ? sum : decided, pending }
}

export function figureOf(kpi: KpiCode, items: readonly KpiItem[]): Figure {
  const tally: Tally = [0, 0, 0]
  for (const item of items) tallyItem(tally, item)
  return figureOfTally(kpi, tally)
}

const inPeriod = (item: KpiItem, p: Period) => item.day >= p.from && item.day <= p.to

/** Every KPI's figure for a period and a scope (a KPI with no items still has its row, value null). */
export function figures(items: readonly KpiItem[], period: Period, scope: Scope = { kind: 'company' }): Figure[] {
  const by = new Map<KpiCode, KpiItem[]>(KPIS.map((k) => [k.code, []]))
  for (const item of items) if (inPeriod(item, period) && inScope(item, scope)) by.get(item.kpi)?.push(item)
  return KPIS.map((k) => figureOf(k.code, by.get(k.code) ?? []))
}

/** One KPI month by month (the trend line); months with nothing decided are null. */
export function trend(items: readonly KpiItem[], kpi: KpiCode, months: readonly string[], scope: Scope = { kind: 'company' }): Figure[] {
  const by = new Map<string, KpiItem[]>(months.map((m) => [m, []]))
  for (const item of items) if (item.kpi === kpi && inScope(item, scope)) by.get(item.day.slice(0, 7))?.push(item)
  return months.map((m) => figureOf(kpi, by.get(m) ?? []))
}

export interface Ranked {
  department_id: string
  figure: Figure
}

/** Departments by one KPI for a period, best first (those with no figure last). */
export function rankDepartments(items: readonly KpiItem[], kpi: KpiCode, period: Period): Ranked[] {
  const by = new Map<string, KpiItem[]>()
  for (const item of items) {
    if (item.kpi !== kpi || item.department_id === null || !inPeriod(item, period)) continue
    let list = by.get(item.department_id)
    if (!list) by.set(item.department_id, (list = []))
    list.push(item)
  }
  return [...by]
    .map(([department_id, list]) => ({ department_id, figure: figureOf(kpi, list) }))
    .sort((a, b) => (b.figure.value ?? -Infinity) - (a.figure.value ?? -Infinity) || a.department_id.localeCompare(b.department_id))
}

/**
 * The records behind a figure: missed (or, for averages, lowest) first, then pending, then met;
 * within each, the worst measure first where items carry one (fuel: the highest share of the
 * baseline), then the earliest deadline.
 */
export function drillDown(items: readonly KpiItem[], kpi: KpiCode, period: Period, scope: Scope = { kind: 'company' }): KpiItem[] {
  const rank = (v: number | null) => (v === null ? 1 : v === 0 ? 0 : 2)
  const rate = kpiDef(kpi)?.kind === 'rate'
  return items
    .filter((i) => i.kpi === kpi && inPeriod(i, period) && inScope(i, scope))
    .sort(
      (a, b) =>
        (rate ? rank(a.value) - rank(b.value) : (a.value ?? Infinity) - (b.value ?? Infinity)) ||
        (b.measure ?? -Infinity) - (a.measure ?? -Infinity) ||
        a.day.localeCompare(b.day) ||
        a.key.localeCompare(b.key),
    )
}

/** Below target: red. No figure or no target: not judged. */
export function belowTarget(figure: Pick<Figure, 'value'>, target: number | null): boolean {
  return figure.value !== null && target !== null && figure.value < target
}
