/**
 * For a route's page loader, when the page opens before the device db (`beforeSeed`) but its
 * largest paint is device data (an inspection's checklist, the KPI figures): on a fresh device the
 * device code and the demo seed start with the page's chunk, not once its frame has painted
 * (issue 13). A returning device is unchanged: its device code loads after the first screen.
 * Usage: `component: () => withDeviceCode(import('./pages/X.vue'))`.
 */
import { useSessionStore } from './stores/session'

export function withDeviceCode<T>(page: Promise<T>): Promise<T> {
  // Failures show through the session's status; the page opens either way.
  useSessionStore()
    .dbReadable()
    .catch(() => undefined)
  return page
}
