/** A rule in one line: "每月 · 区域 · 平均分低于 70 → −5 分". */
import { useI18n } from 'vue-i18n'
import type { RewardRuleRow } from '@/platform/db/rows'

export function useRuleText() {
  const { t } = useI18n()
  const condition = (r: Pick<RewardRuleRow, 'kind' | 'threshold' | 'rank_n'>) => t(`rankings.rules.condition.${r.kind}`, { threshold: r.threshold ?? '', n: r.rank_n ?? '' })
  const points = (n: number) => (n > 0 ? t('rankings.rules.reward', { n }) : t('rankings.rules.penalty', { n: Math.abs(n) }))
  return {
    condition,
    points,
    summary: (r: Pick<RewardRuleRow, 'kind' | 'threshold' | 'rank_n' | 'scope' | 'period' | 'points'>) =>
      [t(`rankings.period.${r.period}`), t(`rankings.subjects.${r.scope}`), `${condition(r)} → ${points(r.points)}`].join(' · '),
  }
}
