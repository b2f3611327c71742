/** How a period key reads: '2026-03' → "2026-03"; '2026-W10' → "2026-W10 · 03-02 – 03-08". */
import { useI18n } from 'vue-i18n'
import { kindOf, periodDays } from '../domain/periods'

export function usePeriodLabel() {
  const { t } = useI18n()
  return (key: string): string => {
    if (!key) return ''
    if (kindOf(key) === 'month') return t('rankings.period.monthLabel', { key })
    const { first, last } = periodDays(key)
    return t('rankings.period.weekLabel', { key, first: first.slice(5), last: last.slice(5) })
  }
}
