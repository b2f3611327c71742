/**
 * The company calendar on the device: the statutory days (loaded on demand) with the company's
 * and sites' own days from calendar_days, and the admin head's changes to them (op
 * 'calendar_day.set', one transaction with its outbox entry and the dropping of the editor's draft).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { CalendarDayRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'

export { calendarDays, calendarFrom, loadCompanyCalendar } from '@/platform/db'

/** Sets (or clears) a company or site day; the same day and scope reuse its row's id. */
export async function setCalendarDay(
  database: AdminFieldDb,
  input: { day: string; siteId: string | null; kind: 'off' | 'work'; note: string | null; clear?: boolean; draftKey?: string | null },
  now: Date = new Date(),
): Promise<void> {
  const existing = (await database.calendar_days.where('day').equals(input.day).toArray()).find((d) => !d.deleted_at && d.site_id === input.siteId)
  const id = existing?.id ?? crypto.randomUUID()
  const row: CalendarDayRow = {
    id,
    day: input.day,
    site_id: input.siteId,
    kind: input.kind,
    note: input.note,
    updated_at: now.toISOString(),
    deleted_at: input.clear ? now.toISOString() : null,
  }
  const payload: Record<string, unknown> = { day: input.day, kind: input.kind }
  if (input.siteId) payload.site_id = input.siteId
  if (input.note) payload.note = input.note
  if (input.clear) payload.deleted = true
  await commitWithOutbox(database, ['calendar_days'], buildOp('calendar_day.set', 'calendar_days', id, payload, now), async () => {
    await database.calendar_days.put(row)
  }, { draftKey: input.draftKey })
}
