import { loadStatutoryDays } from '@/shared/lib/calendar'

/**
 * The KPI reads' code (kpiDevice, a chunk of its own) and the statutory calendar those reads need,
 * requested together: by the dashboard's route with its page, and by the store when it first reads
 * (each is loaded once). Issue 13: the figures are the dashboard's largest paint, and requested
 * from the store (inside the page's first render) the code came two round trips after the page's.
 */
export function loadKpiDevice(): Promise<typeof import('./kpiDevice')> {
  loadStatutoryDays().catch(() => undefined)
  return import('./kpiDevice')
}
