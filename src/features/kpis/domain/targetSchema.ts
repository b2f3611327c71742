/**
 * The op 'kpi_target.set' carries kpiTargetSchema; private.sync_apply_kpi_target_set checks the
 * same. Importing this loads zod: the save path imports it lazily (data/kpiWrites.ts).
 */
import { z } from 'zod'
import { fieldBuilders } from '@/shared/lib/zodFields'
import { KPI_CODES } from './catalogue'

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
