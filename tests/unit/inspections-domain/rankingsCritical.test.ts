// Issue #12 point 3: a critical failure in the period weighs in rankings and reward rules.
// How: a subject with a critical failure ranks after every subject without one (whatever its
// average), and gets no reward (no rule with positive points); penalties still apply.
import { describe, expect, it } from 'vitest'
import { computeRankings, evaluateRules, type InspectionForRanking, type RewardRule } from '@/features/inspections/domain'

const SH = 'Asia/Shanghai'
const areas = ['a', 'b', 'c'].map((id) => ({ id, department_id: id === 'c' ? 'd2' : 'd1', responsible_id: null }))
let n = 0
const insp = (area_id: string, score: number, critical_failed = false): InspectionForRanking => ({
  id: `i${++n}`, area_id, submitted_at: '2026-11-10T02:00:00Z', score, server_score: null, critical_failed,
})
// a: 99 with one critical failure; b: 90; c: 80.
n = 0
const list = [insp('a', 100), insp('a', 98, true), insp('b', 90), insp('c', 80)]
const rankings = computeRankings(list, areas, SH)
const rule = (o: Partial<RewardRule>): RewardRule => ({ id: 'r', scope: 'area', period: 'month', kind: 'top_rank', threshold: null, rank_n: 1, points: 10, active: true, deleted_at: null, ...o })
const who = (r: RewardRule) => evaluateRules([r], rankings, '2026-11').map((e) => e.subject_id)

describe('critical failures in rankings and rules', () => {
  it('a subject with a critical failure ranks after every subject without one, and says how many', () => {
    const area = rankings.get('2026-11')?.area
    expect(area?.map((x) => [x.subject_id, x.average, x.rank, x.critical_failures])).toEqual([
      ['b', 90, 1, 0],
      ['c', 80, 2, 0],
      ['a', 99, 3, 1],
    ])
    // A department holding that area goes after a clean one too.
    expect(rankings.get('2026-11')?.department.map((x) => [x.subject_id, x.rank, x.critical_failures])).toEqual([
      ['d2', 1, 0],
      ['d1', 2, 1],
    ])
  })

  it('cannot take the top-area reward, or any reward; penalties still apply', () => {
    expect(who(rule({}))).toEqual(['b'])
    expect(who(rule({ kind: 'average_at_least', threshold: 85, rank_n: null }))).toEqual(['b'])
    expect(who(rule({ kind: 'bottom_rank', rank_n: 1, points: -10 }))).toEqual(['a'])
    expect(who(rule({ kind: 'average_below', threshold: 100, rank_n: null, points: -1 }))).toEqual(['b', 'c', 'a'])
  })
})
