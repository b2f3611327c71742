/**
 * The KPIs the dashboard last showed a user on this device, kept in localStorage: on the next open
 * its frame paints their rows (names, processes) at once, before the device db has loaded, and the
 * figures fill in once read (issue 13: a row's name is the page's largest paint). Only a guess for
 * the first frames: the rows the month's figures have replace it. Pure apart from localStorage.
 */
import { isKpiCode, type KpiCode } from '../domain/catalogue'

const KEY = 'adminfield.kpis.shown'

export function loadShownKpis(userId: string | null): KpiCode[] {
  if (!userId) return []
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null')
    if (!parsed || typeof parsed !== 'object') return []
    const { user, kpis } = parsed as { user?: unknown; kpis?: unknown }
    return user === userId && Array.isArray(kpis) ? kpis.filter(isKpiCode) : []
  } catch {
    return [] // Blocked storage or a damaged value: the page shows its loading state.
  }
}

export function saveShownKpis(userId: string, kpis: readonly KpiCode[]): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ user: userId, kpis }))
  } catch {
    // Not fatal: the next open shows its loading state until the figures are read.
  }
}
