/** How a figure reads: a rate as a whole-ish percentage, an average to one decimal; none as "—". */
import { kpiDef, type KpiCode } from '../domain/catalogue'

export function formatFigure(kpi: KpiCode, value: number | null): string {
  if (value === null) return '—'
  const unit = kpiDef(kpi)?.unit === '%' ? '%' : ''
  return `${Number(value.toFixed(1))}${unit}`
}
