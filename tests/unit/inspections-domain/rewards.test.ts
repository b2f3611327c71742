import { describe, expect, it } from 'vitest'
import { computeRankings, evaluateRules, ledgerCsv, ledgerKey, unpublished, type InspectionForRanking, type RewardRule } from '@/features/inspections/domain'
import type { LedgerEntryRow, RewardRuleRow } from '@/platform/db/rows'

const SH = 'Asia/Shanghai'
const areas = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, department_id: id < 'c' ? 'd1' : 'd2', responsible_id: null }))
let n = 0
const insp = (area_id: string, score: number, at = '2026-11-10T02:00:00Z'): InspectionForRanking => ({ id: `i${++n}`, area_id, submitted_at: at, score, server_score: null })

// Month averages: a 95, b 80, c 80, d 69.9, e 60 (c twice, so its entry names two inspections).
n = 0
const inspections = [insp('a', 95), insp('b', 80), insp('c', 75), insp('c', 85), insp('d', 69.9), insp('e', 60)]
const rankings = computeRankings(inspections, areas, SH)

const rule = (o: Partial<RewardRule>): RewardRule => ({
  id: 'r',
  scope: 'area',
  period: 'month',
  kind: 'average_below',
  threshold: 70,
  rank_n: null,
  points: -5,
  active: true,
  deleted_at: null,
  ...o,
})
const subjects = (rules: RewardRule[], period = '2026-11') => evaluateRules(rules, rankings, period).map((e) => e.subject_id)

describe('evaluateRules', () => {
  it('average_below: strictly below the threshold, with the figure and the inspections behind it', () => {
    expect(evaluateRules([rule({})], rankings, '2026-11')).toEqual([
      { rule_id: 'r', period_key: '2026-11', subject_type: 'area', subject_id: 'd', points: -5, value: 69.9, inspection_ids: ['i5'] },
      { rule_id: 'r', period_key: '2026-11', subject_type: 'area', subject_id: 'e', points: -5, value: 60, inspection_ids: ['i6'] },
    ])
    expect(subjects([rule({ threshold: 60 })])).toEqual([])
  })

  it('average_at_least: the threshold itself qualifies', () => {
    expect(subjects([rule({ kind: 'average_at_least', threshold: 80, points: 3 })])).toEqual(['a', 'b', 'c'])
    const c = evaluateRules([rule({ kind: 'average_at_least', threshold: 80 })], rankings, '2026-11').find((e) => e.subject_id === 'c')
    expect(c?.inspection_ids).toEqual(['i3', 'i4'])
  })

  it('top_rank and bottom_rank: ties at the boundary all qualify', () => {
    expect(subjects([rule({ kind: 'top_rank', rank_n: 1, threshold: null })])).toEqual(['a'])
    // b and c share second place: both are in the top 2.
    expect(subjects([rule({ kind: 'top_rank', rank_n: 2, threshold: null })])).toEqual(['a', 'b', 'c'])
    expect(subjects([rule({ kind: 'bottom_rank', rank_n: 1, threshold: null })])).toEqual(['e'])
    expect(subjects([rule({ kind: 'bottom_rank', rank_n: 3, threshold: null })])).toEqual(['b', 'c', 'd', 'e'])
    expect(subjects([rule({ kind: 'bottom_rank', rank_n: 2, threshold: null })])).toEqual(['d', 'e'])
  })

  it('scopes to departments and persons through the area', () => {
    // d1: a, b → (95 + 80) / 2 = 87.5; d2: c, c, d, e → (75 + 85 + 69.9 + 60) / 4 = 72.475 → 72.5.
    const e = evaluateRules([rule({ scope: 'department', kind: 'average_below', threshold: 75 })], rankings, '2026-11')
    expect(e.map((x) => [x.subject_type, x.subject_id, x.value, x.inspection_ids.length])).toEqual([['department', 'd2', 72.5, 4]])
    expect(evaluateRules([rule({ scope: 'person' })], rankings, '2026-11')).toEqual([])
  })

  it('applies only active, undeleted rules of the period kind, in rule id order', () => {
    const rules = [
      rule({ id: 'z', kind: 'top_rank', rank_n: 1, points: 10 }),
      rule({ id: 'm' }),
      rule({ id: 'off', active: false }),
      rule({ id: 'gone', deleted_at: '2026-11-01T00:00:00Z' }),
      rule({ id: 'weekly', period: 'week' }),
      rule({ id: 'broken', threshold: null }),
    ]
    expect(evaluateRules(rules, rankings, '2026-11').map((e) => [e.rule_id, e.subject_id])).toEqual([
      ['m', 'd'],
      ['m', 'e'],
      ['z', 'a'],
    ])
    expect(evaluateRules(rules, rankings, '2026-W46').map((e) => e.rule_id)).toEqual(['weekly', 'weekly'])
    expect(evaluateRules(rules, rankings, '2026-10')).toEqual([])
    expect(evaluateRules(rules, rankings, 'nonsense')).toEqual([])
  })

  it('takes device rule rows as they are, and drafts fit ledger rows', () => {
    const row: RewardRuleRow = { ...rule({}), name: '月均低于70扣分', updated_at: '2026-11-01T00:00:00Z', deleted_at: null }
    const [draft] = evaluateRules([row], rankings, '2026-11')
    if (!draft) throw new Error('no entry')
    const entry: LedgerEntryRow = { ...draft, id: 'L1', published_by: 'head', published_at: '2026-12-01T01:00:00Z', updated_at: '2026-12-01T01:00:00Z', deleted_at: null }
    expect(unpublished(evaluateRules([row], rankings, '2026-11'), [entry]).map((e) => e.subject_id)).toEqual(['e'])
    expect(unpublished([draft], [{ ...entry, deleted_at: '2026-12-02T00:00:00Z' }])).toEqual([draft])
    expect(ledgerKey(draft)).toBe('r|2026-11|area|d')
  })
})

describe('ledgerCsv', () => {
  it('exports with names, Chinese headers and traceable inspection ids', () => {
    const entries = evaluateRules([rule({ kind: 'average_at_least', threshold: 80, points: 3 })], rankings, '2026-11').slice(1, 3)
    const csv = ledgerCsv(entries, { rules: new Map([['r', '月均≥80奖励']]), subjects: new Map([['c', '一楼卫生间']]) })
    expect(csv).toBe(
      '\uFEFF期间,规则,对象类型,对象,分值,平均分,检查次数,检查记录编号\r\n' +
        '2026-11,月均≥80奖励,区域,b,3,80,1,i2\r\n' +
        '2026-11,月均≥80奖励,区域,一楼卫生间,3,80,2,i3 i4\r\n',
    )
  })
})
