/** Which unfixed tasks the admin head must see (escalation), most overdue first. */
import type { RectificationRow } from '@/platform/db/rows'

/** Placeholder rule until the inspections domain's needsEscalation lands: overdue at all. */
export function escalated(rows: readonly RectificationRow[], now: number, timeZone: string): RectificationRow[] {
  void timeZone
  return rows.filter((r) => Date.parse(r.due_at) < now)
}
