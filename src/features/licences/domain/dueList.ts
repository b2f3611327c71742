/**
 * The licences list: every licence with its countdowns, those due within the window
 * (expiry or annual inspection, including already past) first and soonest first, then the rest.
 */
import { licenceCountdown, licencesDueWithin, type LicenceCountdown } from '@/features/assets/domain/overdue'
import type { CalendarDate } from '@/shared/lib/zonedTime'

export const DUE_WINDOW_DAYS = 30

export interface LicenceItem {
  id: string
  number: string
  name: string
  licence_type: string
  valid_to: CalendarDate | null
  annual_inspection_on: CalendarDate | null
}

export type Urgency = 'overdue' | 'due' | 'ok'

export interface LicenceLine {
  item: LicenceItem
  countdown: LicenceCountdown
  urgency: Urgency
  reasons: ('expiry' | 'inspection')[]
}

/** How urgent one countdown is: past (negative) is overdue, within the window is due. */
export function urgencyOf(days: number | null, window = DUE_WINDOW_DAYS): Urgency {
  if (days === null) return 'ok'
  if (days < 0) return 'overdue'
  return days <= window ? 'due' : 'ok'
}

export function licenceLines(items: readonly LicenceItem[], now: Date | number | string, timeZone: string, window = DUE_WINDOW_DAYS): LicenceLine[] {
  const due = licencesDueWithin(items, now, timeZone, window)
  const dueIds = new Set(due.map((d) => d.item.id))
  const worst = (c: LicenceCountdown): Urgency => {
    const u = [urgencyOf(c.days_to_expiry, window), urgencyOf(c.days_to_inspection, window)]
    return u.includes('overdue') ? 'overdue' : u.includes('due') ? 'due' : 'ok'
  }
  const head = due.map((d) => ({ item: d.item, countdown: d.countdown, urgency: worst(d.countdown), reasons: d.reasons }))
  const nearest = (c: LicenceCountdown) => Math.min(c.days_to_expiry ?? Infinity, c.days_to_inspection ?? Infinity)
  const rest = items
    .filter((i) => !dueIds.has(i.id))
    .map((item) => ({ item, countdown: licenceCountdown(item, now, timeZone), urgency: 'ok' as Urgency, reasons: [] }))
    .sort((a, b) => nearest(a.countdown) - nearest(b.countdown) || a.item.number.localeCompare(b.item.number))
  return [...head, ...rest]
}
