/** Words for a task in lists and headers: status, deadline ("逾期 3 天" / "今天到期"), names. */
import { useI18n } from 'vue-i18n'
import type { TaskRow } from '@/platform/db/rows'
import { daysBetween, formatZonedDateTime } from '@/shared/lib/zonedTime'
import { companyToday } from '@/shared/lib/calendar'
import { taskDueState } from '../domain/deadlines'

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'default'

const STATUS_TAG: Record<TaskRow['status'], TagType> = {
  assigned: 'warning',
  accepted: 'primary',
  problem: 'danger',
  handover: 'warning',
  completed: 'success',
  scored: 'success',
  cancelled: 'default',
}

export function useTaskText() {
  const { t } = useI18n()
  return {
    statusName: (s: TaskRow['status']) => t(`tasks.status.${s}`),
    statusTag: (s: TaskRow['status']): TagType => STATUS_TAG[s],
    /** The deadline as the company sees it now; null for a task that is done. */
    due(task: Pick<TaskRow, 'status' | 'due_on'>, now: number, timeZone: string): { text: string; late: boolean; today: boolean } | null {
      const state = taskDueState(task, now, timeZone)
      if (state === null) return null
      if (state === 'overdue') return { text: t('tasks.due.overdue', { n: daysBetween(task.due_on, companyToday(now, timeZone)) }), late: true, today: false }
      if (state === 'today') return { text: t('tasks.due.today'), late: false, today: true }
      return { text: t('tasks.due.upcoming', { date: task.due_on }), late: false, today: false }
    },
    when: (iso: string | null, timeZone: string) => (iso ? formatZonedDateTime(iso, timeZone) : ''),
  }
}
