/** Where a KPI item's record opens (each engine's own page). A 督办 sheet opens its task. */
import { kpiDef, type KpiItem } from '../domain'

export function recordPath(item: KpiItem, taskOfSheet: (sheetId: string) => string | null): string | null {
  switch (kpiDef(item.kpi)?.record) {
    case 'tasks':
      return `/tasks/${item.record_id}`
    case 'follow_ups': {
      const task = taskOfSheet(item.record_id)
      return task ? `/tasks/${task}` : null
    }
    case 'requests':
      return `/requests/${item.record_id}`
    case 'assets':
      return `/assets/${item.record_id}`
    case 'rectifications':
      return `/rectifications/${item.record_id}`
    case 'rooms':
      return `/dorms/rooms/${item.record_id}`
    case 'inspections':
      return `/inspections/${item.record_id}`
    default:
      return null
  }
}
