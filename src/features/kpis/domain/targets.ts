/**
 * KPI targets (目标值): the seed's where the manual gives one, else what the admin head sets.
 * Every change is a new row (who, when, why): the history is kept, the latest row wins. The
 * form's schema is in targetSchema.ts (zod: loaded when a target is saved, not with the dashboard).
 */
import { kpiDef, type KpiCode } from './catalogue'

export interface KpiTargetFacts {
  id: string
  kpi: string
  /** null: the admin head cleared it (back to the seed's, or none). */
  target: number | null
  note: string | null
  set_by: string
  set_at: string
  updated_at: string
  deleted_at: string | null
}

/** The target in force: the latest row's, else the seed's; null = none set (figures are not judged). */
export function targetFor(kpi: KpiCode, rows: readonly KpiTargetFacts[]): number | null {
  let latest: KpiTargetFacts | null = null
  for (const r of rows) {
    if (r.kpi !== kpi || r.deleted_at !== null) continue
    if (!latest || Date.parse(r.set_at) > Date.parse(latest.set_at) || (r.set_at === latest.set_at && r.id > latest.id)) latest = r
  }
  const seed = kpiDef(kpi)?.seedTarget ?? null
  return latest === null ? seed : latest.target === null ? seed : Number(latest.target)
}

/** A KPI's target history, newest first. */
export function targetHistory(kpi: KpiCode, rows: readonly KpiTargetFacts[]): KpiTargetFacts[] {
  return rows.filter((r) => r.kpi === kpi && r.deleted_at === null).sort((a, b) => Date.parse(b.set_at) - Date.parse(a.set_at))
}
