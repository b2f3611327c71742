/** Which unfixed tasks the admin head must see (the domain's needsEscalation), most overdue first. */
import type { RectificationRow } from '@/platform/db/rows'
import { needsEscalation } from '@/features/inspections/domain/rectification'

export function escalated(rows: readonly RectificationRow[], now: number): RectificationRow[] {
  return rows.filter((r) => needsEscalation(r, now)).sort((a, b) => a.due_at.localeCompare(b.due_at))
}
