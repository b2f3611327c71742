import { describe, expect, it } from 'vitest'
import { computeRankings, periodKeys, periodKindOf, type InspectionForRanking } from '@/features/inspections/domain'
import type { AreaRow, InspectionRow } from '@/platform/db/rows'

const SH = 'Asia/Shanghai'
const areas = [
  { id: 'a1', department_id: 'd1', responsible_id: 'p1' },
  { id: 'a2', department_id: 'd1', responsible_id: 'p2' },
  { id: 'a3', department_id: 'd2', responsible_id: 'p2' },
  { id: 'a4', department_id: null, responsible_id: null },
]
let n = 0
function insp(area_id: string, score: number | null, submitted_at = '2026-11-25T02:00:00Z', server_score: number | null = null): InspectionForRanking {
  return { id: `i${++n}`, area_id, submitted_at, score, server_score }
}

describe('computeRankings', () => {
  it('averages by area, department and person, with competition ranks', () => {
    n = 0
    const list = [insp('a1', 90), insp('a1', 80), insp('a2', 85), insp('a3', 85), insp('a4', 70)]
    const r = computeRankings(list, areas, SH).get('2026-W48')
    expect(r?.area.map((x) => [x.subject_id, x.average, x.rank, x.count])).toEqual([
      ['a1', 85, 1, 2],
      ['a2', 85, 1, 1],
      ['a3', 85, 1, 1],
      ['a4', 70, 4, 1],
    ])
    expect(r?.department.map((x) => [x.subject_id, x.average, x.rank, x.inspection_ids])).toEqual([
      ['d1', 85, 1, ['i1', 'i2', 'i3']],
      ['d2', 85, 1, ['i4']],
    ])
    expect(r?.person.map((x) => [x.subject_id, x.average, x.rank])).toEqual([
      ['p1', 85, 1],
      ['p2', 85, 1],
    ])
    expect(r?.area[3]?.of).toBe(4)
  })

  it('ranks 1, 2, 2, 4', () => {
    n = 0
    const list = [insp('a1', 95), insp('a2', 80), insp('a3', 80), insp('a4', 60)]
    expect(computeRankings(list, areas, SH).get('2026-11')?.area.map((x) => x.rank)).toEqual([1, 2, 2, 4])
  })

  it('prefers server_score, skips unscored and deleted inspections', () => {
    n = 0
    const list = [insp('a1', 50, undefined, 90), insp('a1', null), { ...insp('a1', 10), deleted_at: '2026-11-26T00:00:00Z' }]
    const row = computeRankings(list, areas, SH).get('2026-11')?.area[0]
    expect(row).toMatchObject({ subject_id: 'a1', average: 90, count: 1, inspection_ids: ['i1'] })
  })

  it('rounds averages half-up to one decimal in integers', () => {
    n = 0
    // (80.1 + 80.2) / 2 = 80.15 → 80.2; (70 + 70 + 70.1) / 3 = 70.0333 → 70.0.
    const list = [insp('a1', 80.1), insp('a1', 80.2), insp('a2', 70), insp('a2', 70), insp('a2', 70.1)]
    const rows = computeRankings(list, areas, SH).get('2026-11')?.area
    expect(rows?.map((x) => [x.subject_id, x.average, x.average_tenths])).toEqual([
      ['a1', 80.2, 802],
      ['a2', 70, 700],
    ])
  })

  it('puts inspections in company-zone weeks and months, across midnight', () => {
    n = 0
    // 30 Nov 16:30 UTC = 1 Dec 00:30 Shanghai (Tuesday of W49); 29 Nov 16:30 UTC = Monday 30 Nov 00:30 (W49).
    const list = [insp('a1', 90, '2026-11-30T16:30:00Z'), insp('a1', 70, '2026-11-29T15:30:00Z'), insp('a1', 80, '2026-11-29T16:30:00Z')]
    const r = computeRankings(list, areas, SH)
    expect([...r.keys()]).toEqual(['2026-W49', '2026-W48', '2026-12', '2026-11'])
    expect(r.get('2026-12')?.area[0]?.inspection_ids).toEqual(['i1'])
    expect(r.get('2026-11')?.area[0]?.inspection_ids).toEqual(['i2', 'i3'])
    expect(r.get('2026-W48')?.area[0]?.inspection_ids).toEqual(['i2'])
    expect(r.get('2026-W49')?.area[0]?.inspection_ids).toEqual(['i3', 'i1'])
    expect(periodKeys(r, 'week')).toEqual(['2026-W49', '2026-W48'])
    expect(periodKeys(computeRankings(list, areas, SH, ['month']), 'week')).toEqual([])
    expect(periodKindOf('2026-W49')).toBe('week')
    expect(periodKindOf('2026-12')).toBe('month')
    expect(periodKindOf('2026')).toBeNull()
  })

  it('takes device rows as they are', () => {
    const rows: Pick<InspectionRow, 'id' | 'area_id' | 'submitted_at' | 'score' | 'server_score' | 'deleted_at'>[] = [
      { id: 'x', area_id: 'a1', submitted_at: '2026-11-25T02:00:00Z', score: 88, server_score: null, deleted_at: null },
    ]
    const areaRows: Pick<AreaRow, 'id' | 'department_id' | 'responsible_id'>[] = areas
    expect(computeRankings(rows, areaRows, SH).get('2026-11')?.area[0]?.average).toBe(88)
  })

  it('ranks a month of 300 areas and 9,000 inspections', () => {
    const many: InspectionForRanking[] = []
    const manyAreas = Array.from({ length: 300 }, (_, i) => ({ id: `area${i}`, department_id: `dep${i % 12}`, responsible_id: `person${i % 60}` }))
    const start = Date.parse('2026-11-01T00:00:00+08:00')
    for (let i = 0; i < 9000; i++) {
      // Spread over the month at random minutes; scores with one decimal.
      const ms = start + Math.floor(((i * 7919) % 9000) / 9000 * 30 * 86_400_000)
      many.push({ id: `i${i}`, area_id: `area${i % 300}`, submitted_at: new Date(ms).toISOString(), score: ((i * 37) % 1000) / 10, server_score: null })
    }
    // How long it takes is measured by tests/bench/rankings.bench.ts (`npm run bench`), not
    // asserted here: a wall-clock bound fails on a busy 2-core machine.
    const r = computeRankings(many, manyAreas, SH)
    expect(r.get('2026-11')?.area).toHaveLength(300)
    expect(r.get('2026-11')?.department).toHaveLength(12)
    expect(r.get('2026-11')?.person).toHaveLength(60)
    const total = r.get('2026-11')?.area.reduce((s, x) => s + x.count, 0)
    expect(total).toBe(9000)
  })
})
