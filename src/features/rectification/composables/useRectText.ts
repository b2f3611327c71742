/** Texts the rectification screens share: status, how late, due time, area name (translated, company zone). */
import { useI18n } from 'vue-i18n'
import type { AreaRow, RectificationRow } from '@/platform/db/rows'
import { formatDateTime } from '@/shared/lib/time'
import { lateBy } from '../domain/late'

const STATUS_TAG: Record<RectificationRow['status'], 'primary' | 'success' | 'warning' | 'danger'> = {
  open: 'warning',
  reopened: 'danger',
  fixed: 'primary',
  closed: 'success',
}

export function areaName(a: Pick<AreaRow, 'building' | 'floor' | 'name'> | null): string {
  return a ? [a.building, a.floor, a.name].filter(Boolean).join(' · ') : ''
}

export function useRectText() {
  const { t, locale } = useI18n()
  return {
    statusName: (s: RectificationRow['status']) => t(`rectification.status.${s}`),
    statusTag: (s: RectificationRow['status']) => STATUS_TAG[s],
    /** "已逾期 2 天" or null when not late. */
    lateText: (dueAt: string, now: number): string | null => {
      const late = lateBy(dueAt, now)
      return late ? t('rectification.lateBy', { late: t(`rectification.units.${late.unit}`, { n: late.value }) }) : null
    },
    when: (iso: string | null | undefined, timeZone: string) => (iso ? formatDateTime(iso, locale.value, timeZone) : ''),
    severity: (s: RectificationRow['severity']) => t(`rectification.severity.${s}`),
  }
}
