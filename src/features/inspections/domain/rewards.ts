/**
 * 卫生奖惩: the admin head's rules turn a period's rankings into ledger entries, each
 * traceable to the inspections behind the figure it judged. Rules compare the rounded
 * one-decimal average the ranking page shows, and ties at a rank boundary all qualify
 * (two areas sharing first place both get the "top area" reward).
 *
 * A subject with a critical failure in the period (rankings.ts ranks it after the clean ones)
 * gets no reward: a rule with positive points skips it; penalties apply as to anyone. A
 * subject not ranked (fewer inspections than the admin head's minimum) gets no entry at all.
 */
import { recordsToCsv, type CsvColumn } from '@/shared/lib/csv'
import { compareRank, periodKindOf, type PeriodKind, type RankRow, type Rankings, type SubjectType } from './rankings'

export type RuleKind = 'average_below' | 'average_at_least' | 'top_rank' | 'bottom_rank'

/** The reward_rules row fields a rule needs (RewardRuleRow fits). */
export interface RewardRule {
  id: string
  scope: SubjectType
  period: PeriodKind
  kind: RuleKind
  threshold: number | null
  rank_n: number | null
  /** Positive = reward, negative = penalty. */
  points: number
  active: boolean
  deleted_at?: string | null
}

/** A ledger entry before it is published (the ledger row minus id and publication). */
export interface LedgerDraft {
  rule_id: string
  period_key: string
  subject_type: SubjectType
  subject_id: string
  points: number
  /** The figure the rule judged: the subject's average score in the period. */
  value: number | null
  inspection_ids: string[]
}

/** "Bottom n" place among the ranked: 1 + how many ranked subjects did strictly worse (rows are in ranking order, ranked first). */
function bottomRanks(rows: readonly RankRow[]): number[] {
  const out = new Array<number>(rows.length).fill(Infinity)
  let worse = 0
  for (let i = rows.findLastIndex((r) => r.rank !== null); i >= 0; ) {
    let j = i
    while (j > 0 && compareRank(rows[j - 1] as RankRow, rows[i] as RankRow) === 0) j--
    for (let k = j; k <= i; k++) out[k] = worse + 1
    worse += i - j + 1
    i = j - 1
  }
  return out
}

function qualifies(rule: RewardRule, row: RankRow, bottomRank: number): boolean {
  if (row.rank === null) return false
  if (rule.points > 0 && row.critical_failures > 0) return false
  switch (rule.kind) {
    case 'average_below':
      return rule.threshold !== null && row.average < rule.threshold
    case 'average_at_least':
      return rule.threshold !== null && row.average >= rule.threshold
    case 'top_rank':
      return rule.rank_n !== null && row.rank <= rule.rank_n
    case 'bottom_rank':
      return rule.rank_n !== null && bottomRank <= rule.rank_n
  }
}

/**
 * The entries the rules produce for one period ('YYYY-Www' or 'YYYY-MM'). Only active,
 * undeleted rules of that period kind apply; a rule missing its threshold or rank_n
 * produces nothing. Order: by rule id, then the ranking's order (best first, ties by id).
 */
export function evaluateRules(rules: readonly RewardRule[], rankings: Rankings, period: string): LedgerDraft[] {
  const ranking = rankings.get(period)
  const kind = periodKindOf(period)
  if (!ranking || !kind) return []
  const applicable = rules.filter((r) => r.active && !r.deleted_at && r.period === kind).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const out: LedgerDraft[] = []
  const bottoms = new Map<SubjectType, number[]>()
  for (const rule of applicable) {
    const rows = ranking[rule.scope]
    let bottom = bottoms.get(rule.scope)
    if (!bottom) {
      bottom = bottomRanks(rows)
      bottoms.set(rule.scope, bottom)
    }
    rows.forEach((row, i) => {
      if (!qualifies(rule, row, bottom[i] ?? Infinity)) return
      out.push({
        rule_id: rule.id,
        period_key: period,
        subject_type: row.subject_type,
        subject_id: row.subject_id,
        points: rule.points,
        value: row.average,
        inspection_ids: [...row.inspection_ids],
      })
    })
  }
  return out
}

/** One entry per rule, period and subject: publishing twice must not double the points. */
export function ledgerKey(e: Pick<LedgerDraft, 'rule_id' | 'period_key' | 'subject_type' | 'subject_id'>): string {
  return `${e.rule_id}|${e.period_key}|${e.subject_type}|${e.subject_id}`
}

/** Drafts not yet in the ledger (deleted entries do not count as published). */
export function unpublished<E extends LedgerDraft>(
  drafts: readonly E[],
  ledger: readonly (Pick<LedgerDraft, 'rule_id' | 'period_key' | 'subject_type' | 'subject_id'> & { deleted_at?: string | null })[],
): E[] {
  const have = new Set(ledger.filter((e) => !e.deleted_at).map(ledgerKey))
  return drafts.filter((d) => !have.has(ledgerKey(d)))
}

// --- CSV -------------------------------------------------------------------------

export const SUBJECT_TYPE_ZH: Record<SubjectType, string> = { area: '区域', department: '部门', person: '个人' }

export interface LedgerNames {
  /** rule id → rule name. */
  rules?: ReadonlyMap<string, string>
  /** subject id (area, department or person) → display name. */
  subjects?: ReadonlyMap<string, string>
}

/** The ledger as CSV for Excel: Chinese headers, UTF-8 with BOM, entries in the given order. */
export function ledgerCsv(entries: readonly LedgerDraft[], names: LedgerNames = {}): string {
  const columns: CsvColumn<LedgerDraft>[] = [
    { header: '期间', value: (e) => e.period_key },
    { header: '规则', value: (e) => names.rules?.get(e.rule_id) ?? e.rule_id },
    { header: '对象类型', value: (e) => SUBJECT_TYPE_ZH[e.subject_type] },
    { header: '对象', value: (e) => names.subjects?.get(e.subject_id) ?? e.subject_id },
    { header: '分值', value: (e) => e.points },
    { header: '平均分', value: (e) => e.value },
    { header: '检查次数', value: (e) => e.inspection_ids.length },
    { header: '检查记录编号', value: (e) => e.inspection_ids.join(' ') },
  ]
  return recordsToCsv(entries, columns)
}
