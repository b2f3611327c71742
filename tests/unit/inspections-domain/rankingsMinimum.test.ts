// Issue #12 point 4: a minimum number of inspections to rank, set by the admin head; below it
// the subject is "not ranked" (listed after the ranked ones, no rank, no ledger entry).
import { describe, expect, it } from 'vitest'
import { computeRankings, evaluateRules, type InspectionForRanking, type RewardRule } from '@/features/inspections/domain'

const SH = 'Asia/Shanghai'
const areas = ['once', 'often', 'low'].map((id) => ({ id, department_id: 'd1', responsible_id: null }))
let n = 0
const insp = (area_id: string, score: number, day = 10): InspectionForRanking => ({
  id: `i${++n}`, area_id, submitted_at: `2026-11-${String(day).padStart(2, '0')}T02:00:00Z`, score, server_score: null,
})
n = 0
// One inspection at 100 against thirty at 99.9 (29 × 100 + 1 × 97 = 2,997 / 30 = 99.9), and a poor area inspected twice.
const list = [insp('once', 100), ...Array.from({ length: 29 }, (_, i) => insp('often', 100, 1 + (i % 28))), insp('often', 97), insp('low', 50), insp('low', 52)]
const rule = (o: Partial<RewardRule>): RewardRule => ({ id: 'r', scope: 'area', period: 'month', kind: 'top_rank', threshold: null, rank_n: 1, points: 10, active: true, deleted_at: null, ...o })

describe('minimum inspections to rank', () => {
  it('without a minimum (1), one inspection at 100 beats thirty at 99.9', () => {
    const r = computeRankings(list, areas, SH, ['month'])
    expect(r.get('2026-11')?.area.map((x) => [x.subject_id, x.rank])).toEqual([
      ['once', 1],
      ['often', 2],
      ['low', 3],
    ])
  })

  it('below the minimum: not ranked (rank null), after the ranked ones; "of" counts the ranked', () => {
    const r = computeRankings(list, areas, SH, ['month'], { minInspections: { month: 5 } }).get('2026-11')
    expect(r?.area.map((x) => [x.subject_id, x.average, x.count, x.rank, x.of])).toEqual([
      ['often', 99.9, 30, 1, 1],
      ['once', 100, 1, null, 1],
      ['low', 51, 2, null, 1],
    ])
    // The week minimum is its own: weeks are not affected by the month's.
    const w = computeRankings(list, areas, SH, ['week'], { minInspections: { month: 5 } }).get('2026-W46')
    expect(w?.area.every((x) => x.rank !== null)).toBe(true)
  })

  it('no rule applies to a subject that is not ranked, reward or penalty', () => {
    const rankings = computeRankings(list, areas, SH, ['month'], { minInspections: { month: 5 } })
    const who = (r: RewardRule) => evaluateRules([r], rankings, '2026-11').map((e) => e.subject_id)
    expect(who(rule({}))).toEqual(['often'])
    expect(who(rule({ kind: 'bottom_rank', points: -10 }))).toEqual(['often'])
    expect(who(rule({ kind: 'average_below', threshold: 60, rank_n: null, points: -5 }))).toEqual([])
  })
})
