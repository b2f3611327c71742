/**
 * The field modules' KPIs (PROCESS-MAP 10.1, 10.7, 13.2, 2.2 node 6). Mirrors private.kpi_items_field
 * and private.kpi_items_custody_checks.
 * - trip_pre_check (10.7 司机出车, "checks done"): every trip started with its pre-trip check.
 * - dispatch_on_time (10.1 车辆使用, "dispatch on time"): a 用车申请 decided (vehicle and driver
 *   assigned, or refused) by the time the car is needed (its start_at); a withdrawn or returned
 *   one is the applicant's, not counted.
 * - dorm_check_in_on_time (13.2 宿舍入住, "check-in time"): a bed allocated for a day, checked in by
 *   the end of that day (the dorm manager who allocated it answers for it).
 * - custody_checked_on_time (2.2 node 6 "periodic checks on time"): every seal and licence checked
 *   in its cabinet (an audit_seen that says in_place) in each month from its first recorded act.
 */
import { lastDayOfMonth, type CalendarDate } from '@/shared/lib/zonedTime'
import { byDay, byInstant, type KpiContext, type KpiItem } from '../items'
import type { AssetFacts, CustodyFacts } from './custody'

export interface TripFacts {
  id: string
  vehicle_id: string
  driver_id: string
  started_at: string
  vehicle_check_id: string | null
  deleted_at: string | null
}

export interface DispatchFacts {
  id: string
  type: string
  site_id: string | null
  status: string
  form: Readonly<Record<string, unknown>>
  deciders: readonly string[]
  decided_at: string | null
  deleted_at: string | null
}

export interface StayFacts {
  id: string
  room_id: string
  site_id: string
  allocated_by: string
  starts_on: CalendarDate
  status: string
  checked_in_at: string | null
  deleted_at: string | null
}

export interface KeptAssetFacts extends AssetFacts {
  keeper_id: string | null
}

const OWED = new Set(['pending', 'approved', 'rejected'])

export function tripItems(ctx: KpiContext, vehicleSite: ReadonlyMap<string, string | null>, trips: readonly TripFacts[]): KpiItem[] {
  return trips
    .filter((t) => t.deleted_at === null)
    .map((t) => ({
      kpi: 'trip_pre_check',
      key: t.id,
      record_id: t.vehicle_id,
      day: ctx.dateOf(t.started_at),
      site_id: vehicleSite.get(t.vehicle_id) ?? null,
      department_id: ctx.departmentOf(t.driver_id),
      person_id: t.driver_id,
      value: t.vehicle_check_id === null ? 0 : 1,
      due: null,
      done_at: t.started_at,
    }))
}

export function dispatchItems(ctx: KpiContext, requests: readonly DispatchFacts[]): KpiItem[] {
  const out: KpiItem[] = []
  for (const r of requests) {
    const start = r.form.start_at
    if (r.type !== 'vehicle_dispatch' || r.deleted_at !== null || !OWED.has(r.status) || typeof start !== 'string' || start === '') continue
    const decided = r.status === 'pending' ? null : r.decided_at
    const person = decided === null ? null : (r.deciders[r.deciders.length - 1] ?? null)
    out.push({ kpi: 'dispatch_on_time', key: r.id, record_id: r.id, day: ctx.dateOf(start), site_id: r.site_id, department_id: ctx.departmentOf(person), person_id: person, value: byInstant(ctx, start, decided), due: start, done_at: decided })
  }
  return out
}

export function stayItems(ctx: KpiContext, stays: readonly StayFacts[]): KpiItem[] {
  return stays
    .filter((s) => s.deleted_at === null && s.status !== 'cancelled')
    .map((s) => ({
      kpi: 'dorm_check_in_on_time',
      key: s.id,
      record_id: s.room_id,
      day: s.starts_on,
      site_id: s.site_id,
      department_id: ctx.departmentOf(s.allocated_by),
      person_id: s.allocated_by,
      value: byDay(ctx, s.starts_on, s.checked_in_at),
      due: s.starts_on,
      done_at: s.checked_in_at,
    }))
}

/**
 * One item per seal or licence per month, from the month of its first recorded act (in `firstActs`
 * or `events`) to the current one: checked in that month or not; the current month is not missed
 * before its last day. `events` must hold every check of the months asked for.
 */
export function custodyCheckItems(ctx: KpiContext, assets: readonly KeptAssetFacts[], firstActs: readonly CustodyFacts[], events: readonly CustodyFacts[]): KpiItem[] {
  const since = new Map<string, { ms: number; at: string }>()
  for (const e of [...firstActs, ...events]) {
    if (e.deleted_at !== null) continue
    const ms = Date.parse(e.device_time)
    if ((since.get(e.asset_id)?.ms ?? Infinity) > ms) since.set(e.asset_id, { ms, at: e.device_time })
  }
  const checked = new Map<string, string>()
  for (const e of events) {
    if (e.type !== 'audit_seen' || e.flagged || e.deleted_at !== null || typeof e.payload.in_place !== 'boolean') continue
    const key = `${e.asset_id}:${ctx.dateOf(e.device_time).slice(0, 7)}`
    const prev = checked.get(key)
    if (prev === undefined || Date.parse(e.device_time) < Date.parse(prev)) checked.set(key, e.device_time)
  }
  const out: KpiItem[] = []
  for (const a of assets) {
    const first = since.get(a.id)
    if ((a.kind !== 'seal' && a.kind !== 'licence') || first === undefined) continue
    for (let m = ctx.dateOf(first.at).slice(0, 7); m <= ctx.today.slice(0, 7); m = nextMonth(m)) {
      const due = lastDayOfMonth(m)
      const doneAt = checked.get(`${a.id}:${m}`) ?? null
      out.push({ kpi: 'custody_checked_on_time', key: `${a.id}:${m}`, record_id: a.id, day: due, site_id: a.site_id, department_id: ctx.departmentOf(a.keeper_id), person_id: a.keeper_id, value: byDay(ctx, due, doneAt), due, done_at: doneAt })
    }
  }
  return out
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
