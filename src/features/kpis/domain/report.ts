/**
 * The monthly report per department (部门月度考核报告): each department's figure for every KPI
 * that has one, against its target; printable and as CSV (BOM, formula guard: shared/lib/csv),
 * headers in the UI language.
 */
import { recordsToCsv, type CsvColumn } from '@/shared/lib/csv'
import { KPIS, type KpiCode } from './catalogue'
import { belowTarget, figures, monthPeriod, type Figure } from './figures'
import type { KpiItem } from './items'

export interface ReportLine {
  department_id: string
  figure: Figure
  target: number | null
  below: boolean
}

/** Lines for each department (in the order given), KPIs with neither decided nor pending items left out. */
export function monthlyReport(items: readonly KpiItem[], month: string, departmentIds: readonly string[], target: (kpi: KpiCode) => number | null): ReportLine[] {
  const period = monthPeriod(month)
  return departmentIds.flatMap((department_id) =>
    figures(items, period, { kind: 'department', id: department_id })
      .filter((f) => f.decided > 0 || f.pending > 0)
      .map((figure) => ({ department_id, figure, target: target(figure.kpi), below: belowTarget(figure, target(figure.kpi)) })),
  )
}

export type ReportResult = 'noFigure' | 'noTarget' | 'below' | 'ok'

/** A line's verdict: judged only when there is both a figure and a target (no target is not "met"). */
export function reportResult(l: ReportLine): ReportResult {
  if (l.figure.value === null) return 'noFigure'
  if (l.target === null) return 'noTarget'
  return l.below ? 'below' : 'ok'
}

export interface ReportNames {
  t: (key: string) => string
  department: (id: string) => string
}

const round = (v: number | null) => (v === null ? '' : Number(v.toFixed(1)))

export function reportCsv(lines: readonly ReportLine[], n: ReportNames): string {
  const order = new Map(KPIS.map((k, i) => [k.code, i]))
  const columns: CsvColumn<ReportLine>[] = [
    { header: n.t('kpis.report.department'), value: (l) => n.department(l.department_id) },
    { header: n.t('kpis.report.kpi'), value: (l) => n.t(`kpis.names.${l.figure.kpi}`) },
    { header: n.t('kpis.report.value'), value: (l) => round(l.figure.value) },
    { header: n.t('kpis.report.target'), value: (l) => round(l.target) },
    { header: n.t('kpis.report.decided'), value: (l) => l.figure.decided },
    { header: n.t('kpis.report.met'), value: (l) => l.figure.met },
    { header: n.t('kpis.report.pending'), value: (l) => l.figure.pending },
    { header: n.t('kpis.report.result'), value: (l) => n.t(`kpis.report.${reportResult(l)}`) },
  ]
  const sorted = [...lines].sort((a, b) => n.department(a.department_id).localeCompare(n.department(b.department_id)) || (order.get(a.figure.kpi) ?? 0) - (order.get(b.figure.kpi) ?? 0))
  return recordsToCsv(sorted, columns)
}
