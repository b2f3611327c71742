import { describe, expect, it } from 'vitest'
import { KPIS, belowTarget, drillDown, figures, monthPeriod, monthsBack, rankDepartments, targetFor, trend, type KpiItem, type KpiTargetFacts } from '@/features/kpis/domain'
import { ALICE, BOB, DEPT, DEPT2, SITE } from './fixtures'

const item = (key: string, day: string, value: number | null, over: Partial<KpiItem> = {}): KpiItem => ({
  kpi: 'affairs_on_time',
  key,
  record_id: key,
  day,
  site_id: SITE,
  department_id: DEPT,
  person_id: ALICE,
  value,
  due: day,
  done_at: null,
  ...over,
})

describe('figures', () => {
  it('an empty period has no figure for any KPI: null, not 0% or 100%', () => {
    const out = figures([item('a', '2026-10-05', 1)], monthPeriod('2026-11'))
    expect(out).toHaveLength(KPIS.length)
    expect(out.every((f) => f.value === null && f.decided === 0)).toBe(true)
  })

  it('a period with only undecided items has no figure either, and says how many are pending', () => {
    const [f] = figures([item('a', '2026-11-05', null)], monthPeriod('2026-11'))
    expect(f).toMatchObject({ kpi: 'affairs_on_time', value: null, decided: 0, pending: 1 })
  })

  it('trend by month, ranking by department (no figure last), drill-down missed first', () => {
    const items = [
      item('a', '2026-09-30', 1),
      item('b', '2026-10-01', 0),
      item('c', '2026-10-20', 1),
      item('d', '2026-10-21', 1, { department_id: DEPT2, person_id: BOB }),
      item('e', '2026-10-02', null, { department_id: 'd3' }),
      item('f', '2026-10-03', null),
    ]
    expect(monthsBack('2026-01', 3)).toEqual(['2025-11', '2025-12', '2026-01'])
    expect(trend(items, 'affairs_on_time', monthsBack('2026-11', 3)).map((f) => f.value)).toEqual([100, 200 / 3, null])
    expect(rankDepartments(items, 'affairs_on_time', monthPeriod('2026-10')).map((r) => [r.department_id, r.figure.value])).toEqual([
      [DEPT2, 100],
      [DEPT, 50],
      ['d3', null],
    ])
    expect(drillDown(items, 'affairs_on_time', monthPeriod('2026-10'), { kind: 'department', id: DEPT }).map((i) => i.key)).toEqual(['b', 'f', 'c'])
  })

  it('targets: the seed\'s unless the admin head set one; the latest change wins; red only below a target', () => {
    const row = (target: number | null, at: string): KpiTargetFacts => ({ id: at, kpi: 'affairs_score', target, note: null, set_by: ALICE, set_at: at, updated_at: at, deleted_at: null })
    expect(targetFor('affairs_on_time', [])).toBe(100)
    expect(targetFor('affairs_score', [])).toBe(null)
    expect(targetFor('affairs_score', [row(80, '2026-11-02T00:00:00Z'), row(85, '2026-11-01T00:00:00Z')])).toBe(80)
    expect(belowTarget({ value: 79.9 }, 80)).toBe(true)
    expect(belowTarget({ value: 80 }, 80)).toBe(false)
    expect(belowTarget({ value: null }, 80)).toBe(false)
    expect(belowTarget({ value: 10 }, null)).toBe(false)
  })
})
