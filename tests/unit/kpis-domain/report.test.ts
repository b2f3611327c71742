// The monthly report's result column: a figure is judged only against a target; with no target
// (the manual's blank, not yet set by the admin head) it is neither met nor below.
import { describe, expect, it } from 'vitest'
import { monthlyReport, reportCsv, reportResult, type KpiCode, type KpiItem } from '@/features/kpis/domain'
import { DEPT, SITE, ALICE } from './fixtures'

const item = (kpi: KpiCode, key: string, value: number | null): KpiItem => ({ kpi, key, record_id: key, day: '2026-11-10', site_id: SITE, department_id: DEPT, person_id: ALICE, value, due: '2026-11-10', done_at: null })
const targets: Partial<Record<KpiCode, number>> = { licence_returned_on_time: 100 }
const target = (kpi: KpiCode) => targets[kpi] ?? null
const items = [
  item('licence_returned_on_time', 'l1', 0), // below its 100% target
  item('seal_returned_on_time', 's1', 1), // 100% against the manual's 100%: met
  item('dorm_check_in_on_time', 'd1', 0), // 0% with no target: not judged
  item('dispatch_on_time', 'p1', null), // only pending: no figure
]
const lines = monthlyReport(items, '2026-11', [DEPT], (kpi) => (kpi === 'seal_returned_on_time' ? 100 : target(kpi)))
const result = (kpi: KpiCode) => reportResult(lines.find((l) => l.figure.kpi === kpi)!)

describe('monthly report result', () => {
  it('is below, met, not judged without a target, and no figure', () => {
    expect(result('licence_returned_on_time')).toBe('below')
    expect(result('seal_returned_on_time')).toBe('ok')
    expect(result('dorm_check_in_on_time')).toBe('noTarget')
    expect(result('dispatch_on_time')).toBe('noFigure')
  })

  it('writes the same result in the CSV', () => {
    const csv = reportCsv(lines, { t: (k) => k, department: () => '行政部' })
    const row = (kpi: KpiCode) => csv.split(/\r?\n/).find((r) => r.includes(`kpis.names.${kpi}`))
    expect(row('dorm_check_in_on_time')).toMatch(/kpis\.report\.noTarget$/)
    expect(row('licence_returned_on_time')).toMatch(/kpis\.report\.below$/)
    expect(row('seal_returned_on_time')).toMatch(/kpis\.report\.ok$/)
    expect(row('dispatch_on_time')).toMatch(/kpis\.report\.noFigure$/)
  })
})
