/**
 * A month's figures kept without its items: per KPI and per scope (the company, each site,
 * department and person an item names), the tally figureOf makes. A closed month's tallies are
 * kept on the device (data/kpiMonthCache.ts) so a trend does not read a year of rows again; a
 * figure made from them is the figure made from the items (same sums, same order).
 */
import type { KpiCode } from './catalogue'
import { figureOfTally, tallyItem, type Figure, type Scope, type Tally } from './figures'
import type { KpiItem } from './items'

/** kpi → scope key → tally. */
export type MonthTallies = Partial<Record<KpiCode, Record<string, Tally>>>

export function scopeKey(scope: Scope): string {
  return scope.kind === 'company' ? 'company' : `${scope.kind}:${scope.id}`
}

/** The scopes an item counts in (inScope's cases). */
function scopeKeys(item: KpiItem): string[] {
  const keys = ['company']
  if (item.site_id !== null) keys.push(`site:${item.site_id}`)
  if (item.department_id !== null) keys.push(`department:${item.department_id}`)
  if (item.person_id !== null) keys.push(`person:${item.person_id}`)
  return keys
}

/** One month's items (in the order the figures would read them) → their tallies. */
export function tallyMonth(items: readonly KpiItem[]): MonthTallies {
  const out: MonthTallies = {}
  for (const item of items) {
    const byScope = (out[item.kpi] ??= {})
    for (const key of scopeKeys(item)) tallyItem((byScope[key] ??= [0, 0, 0]), item)
  }
  return out
}

/** A KPI's figure for a scope from a month's tallies (nothing there: no figure). */
export function figureOfMonth(kpi: KpiCode, tallies: MonthTallies, scope: Scope): Figure {
  return figureOfTally(kpi, tallies[kpi]?.[scopeKey(scope)] ?? [0, 0, 0])
}
