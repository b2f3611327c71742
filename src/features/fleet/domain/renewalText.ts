/**
 * What a renewal's line says (issue #12): how long is left, "due today", or how late it is —
 * never a negative "left". Returns the i18n key under vehicles.fleet.renewals and its values.
 */
import type { RenewalStatus } from '@/features/vehicles/domain/renewals'

export interface RenewalText {
  key: 'lastDoneUnknown' | 'byDate' | 'byDateToday' | 'byDateOverdue' | 'byKm' | 'byKmOverdue'
  values: Record<string, string | number>
}

export function renewalText(s: RenewalStatus): RenewalText {
  if (s.last_done_unknown) return { key: 'lastDoneUnknown', values: {} }
  if (s.due_by === 'date' && s.due_on) {
    const n = s.remaining_days ?? 0
    if (n < 0) return { key: 'byDateOverdue', values: { date: s.due_on, n: -n } }
    if (n === 0) return { key: 'byDateToday', values: { date: s.due_on } }
    return { key: 'byDate', values: { date: s.due_on, n } }
  }
  const km = s.remaining_km ?? 0
  if (km < 0) return { key: 'byKmOverdue', values: { km: s.due_km ?? '', n: -km } }
  return { key: 'byKm', values: { km: s.due_km ?? '', n: km } }
}
