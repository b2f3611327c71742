/**
 * 13.1 员工宿舍 "occupancy" (dorm_occupancy). Mirrors private.kpi_items_dorms.
 * One item per bed per company day, from the day the bed was created up to today: occupied (1) when a stay was checked in before the day's end and not
 * checked out by then — a long absence (长期外出) keeps the bed, so it counts as occupied; else,
 * when the bed's last repair act (start or end) before the day's end is a start, the bed was not
 * available: no item; else vacant (0). The figure, met / decided, is occupied bed-days over
 * available bed-days. Scoped by the bed's site (the scope model has no building); it is about no
 * person or department. A removed bed is left out.
 */
import { addDays, type CalendarDate } from '@/shared/lib/zonedTime'
import type { KpiContext, KpiItem } from '../items'

export interface BedFacts {
  id: string
  room_id: string
  site_id: string
  created_at?: string | null
  updated_at?: string | null
  deleted_at: string | null
}

export interface OccupancyStayFacts {
  id: string
  bed_id: string
  status: string
  checked_in_at: string | null
  ended_at?: string | null
  deleted_at: string | null
}

export interface BedEventFacts {
  id: string
  bed_id: string
  type: string
  device_time: string
  deleted_at?: string | null
}

/** `stays` must hold every stay that can cover a day of the period, `events` every repair act up to its end. */
export function occupancyItems(
  ctx: KpiContext,
  period: { from: CalendarDate; to: CalendarDate },
  beds: readonly BedFacts[],
  stays: readonly OccupancyStayFacts[],
  events: readonly BedEventFacts[],
): KpiItem[] {
  const occupiedSpans = new Map<string, [CalendarDate, CalendarDate | null][]>()
  for (const s of stays) {
    if (s.deleted_at !== null || (s.status !== 'active' && s.status !== 'ended') || s.checked_in_at === null) continue
    const list = occupiedSpans.get(s.bed_id) ?? []
    list.push([ctx.dateOf(s.checked_in_at), s.ended_at ? ctx.dateOf(s.ended_at) : null])
    occupiedSpans.set(s.bed_id, list)
  }
  const repairs = new Map<string, { day: CalendarDate; start: boolean; ms: number; id: string }[]>()
  for (const e of events) {
    if (e.deleted_at || (e.type !== 'repair_start' && e.type !== 'repair_end')) continue
    const list = repairs.get(e.bed_id) ?? []
    list.push({ day: ctx.dateOf(e.device_time), start: e.type === 'repair_start', ms: Date.parse(e.device_time), id: e.id })
    repairs.set(e.bed_id, list)
  }
  for (const list of repairs.values()) list.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const last = period.to < ctx.today ? period.to : ctx.today
  const out: KpiItem[] = []
  for (const b of beds) {
    if (b.deleted_at !== null) continue
    // A bed made on this device and not yet pulled back has no created_at: its last change.
    const created = b.created_at ?? b.updated_at
    if (!created) continue
    const since = ctx.dateOf(created)
    const spans = occupiedSpans.get(b.id) ?? []
    const acts = repairs.get(b.id) ?? []
    let a = 0
    let inRepair = false
    for (let day = since > period.from ? since : period.from; day <= last; day = addDays(day, 1)) {
      // The repair acts up to this day's end, in order: the last one decides.
      while (a < acts.length && acts[a]!.day <= day) inRepair = acts[a++]!.start
      const occupied = spans.some(([from, to]) => from <= day && (to === null || to > day))
      if (!occupied && inRepair) continue
      out.push({ kpi: 'dorm_occupancy', key: `${b.id}:${day}`, record_id: b.room_id, day, site_id: b.site_id, department_id: null, person_id: null, value: occupied ? 1 : 0, due: null, done_at: null })
    }
  }
  return out
}
