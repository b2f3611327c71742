/**
 * For a route's page loader, when the page opens before the device db (`beforeSeed`) but its
 * largest paint is device data (an inspection's checklist, the KPI figures): on a fresh device the
 * device code and the demo seed start with the page's chunk, not once its frame has painted
 * (issue 13). A returning device is unchanged: its device code loads after the first screen.
 * `pageDeviceCode`, when given, is the page's own read code: requested with the page's chunk, on
 * every visit (its reads are what the page's largest paint waits for).
 * Usage: `component: () => withDeviceCode(import('./pages/X.vue'), loadXDevice)`.
 */
import { useSessionStore } from './stores/session'

export function withDeviceCode<T>(page: Promise<T>, pageDeviceCode?: () => Promise<unknown>): Promise<T> {
  pageDeviceCode?.().catch(() => undefined)
  // Failures show through the session's status; the page opens either way.
  useSessionStore()
    .dbReadable()
    .catch(() => undefined)
  return page
}
