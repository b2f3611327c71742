/**
 * KPI targets (目标值): the seed's where the manual gives one, else what the admin head sets.
 * Every change is a new row (who, when, why): the history is kept, the latest row wins. The
 * op 'kpi_target.set' carries kpiTargetSchema; private.sync_apply_kpi_target_set checks the same.
 */
import { z } from 'zod'
import { fieldBuilders } from '@/shared/lib/zodFields'
import { KPI_CODES, kpiDef, type KpiCode } from './catalogue'

export const KPI_ERROR_KEYS = [
  'kpis.errors.required',
  'kpis.errors.tooLong',
  'kpis.errors.uuid',
  'kpis.errors.date',
  'kpis.errors.dateTime',
  'kpis.errors.choice',
  'kpis.errors.integer',
  'kpis.errors.range',
  'kpis.errors.photos',
  'kpis.errors.notAllowed',
] as const
type KpiErrorKey = (typeof KPI_ERROR_KEYS)[number]
const E = Object.fromEntries(KPI_ERROR_KEYS.map((k) => [k.slice('kpis.errors.'.length), k])) as {
  [K in KpiErrorKey as K extends `kpis.errors.${infer N}` ? N : never]: K
}
const f = fieldBuilders(E)

/** Targets are percentages (rates) or points out of 100 (scores): 0..100, two decimals at most. */
export const kpiTargetSchema = z.object({
  id: f.uuid(),
  kpi: f.choice(KPI_CODES),
  target: z
    .number({ error: E.range })
    .min(0, { error: E.range })
    .max(100, { error: E.range })
    .refine((v) => Math.round(v * 100) === v * 100, { error: E.range })
    .nullable(),
  note: f.optionalText(200),
})
export type KpiTargetInput = z.input<typeof kpiTargetSchema>
export type KpiTargetSet = z.output<typeof kpiTargetSchema>

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
