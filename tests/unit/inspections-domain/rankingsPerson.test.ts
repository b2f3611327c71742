// Issue #12 point 6: person rankings credit the person responsible for the area at the time of
// the inspection (stamped on it), not whoever is responsible now.
import { describe, expect, it } from 'vitest'
import { computeRankings, type InspectionForRanking } from '@/features/inspections/domain'

const SH = 'Asia/Shanghai'
// Today the area is Wang's; in early November it was Li's.
const areas = [{ id: 'a', department_id: 'd1', responsible_id: 'wang' }]
const insp = (id: string, day: number, score: number, responsible_id?: string | null): InspectionForRanking => ({
  id, area_id: 'a', submitted_at: `2026-11-${String(day).padStart(2, '0')}T02:00:00Z`, score, server_score: null, responsible_id,
})

describe('person rankings', () => {
  it('credit the person responsible when the inspection was made', () => {
    const list = [insp('i1', 3, 60, 'li'), insp('i2', 4, 62, 'li'), insp('i3', 20, 95, 'wang')]
    const r = computeRankings(list, areas, SH, ['month']).get('2026-11')
    expect(r?.person.map((x) => [x.subject_id, x.average, x.inspection_ids])).toEqual([
      ['wang', 95, ['i3']],
      ['li', 61, ['i1', 'i2']],
    ])
  })

  it('an inspection recorded before the stamp existed (undefined or null) goes to the area\'s current person', () => {
    const list = [insp('i1', 3, 80), insp('i2', 4, 90, null)]
    expect(computeRankings(list, areas, SH, ['month']).get('2026-11')?.person.map((x) => [x.subject_id, x.count])).toEqual([['wang', 2]])
  })
})
