/** Names and times as the custody screens show them (translated; times in the company's zone). */
import { useI18n } from 'vue-i18n'
import { formatDateTime } from '@/shared/lib/time'
import type { Lateness } from '../domain/overdue'
import { useDirectoryStore } from '../stores/directory'

const STATUS_TAG: Record<string, 'primary' | 'success' | 'warning' | 'danger' | 'default'> = {
  in_stock: 'success',
  checked_out: 'primary',
  in_repair: 'warning',
  damaged: 'warning',
  lost: 'danger',
  retired: 'default',
}

export function useCustodyText() {
  const { t, te, locale } = useI18n()
  const directory = useDirectoryStore()

  const named = (group: string, code: string | null | undefined) => {
    if (!code) return ''
    const key = `assets.${group}.${code}`
    return te(key) ? t(key) : code
  }

  return {
    kindName: (kind: string) => named('kinds', kind),
    statusName: (status: string) => named('statuses', status),
    eventName: (type: string) => named('events', type),
    conditionName: (c: string | null | undefined) => named('conditions', c),
    statusTag: (status: string) => STATUS_TAG[status] ?? 'default',
    /** "2 天" / "3 小时" / "5 分钟": the largest unit of how late. */
    lateText: (late: Lateness) => t(`assets.late.${late.largest.unit}`, { n: late.largest.value }),
    when: (iso: string | null | undefined) => (iso ? formatDateTime(iso, locale.value, directory.timeZone) : ''),
    personName: (id: string | null | undefined) => directory.personName(id),
  }
}
