/**
 * A generated year of the KPI engines' rows on a device (fake IndexedDB): long loans, transfers,
 * summaries and approval steps that fall due in the next month, reopened and pending records.
 * Shared by the period-read and the month-cache tests.
 */
import type { AdminFieldDb } from '@/platform/db'
import { loadKpiBase } from '@/features/kpis/data/kpiReads'
import { allItems, monthsBack, type KpiContext, type KpiItem } from '@/features/kpis/domain'
import { calendarDater } from '@/shared/lib/zonedTime'

export const NOW = Date.parse('2026-12-20T04:00:00Z')
export const SITE = '00000000-0000-4000-8000-00000000000a'
export const MONTHS = monthsBack('2026-12', 13)

function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  return { int, pick: <T>(l: readonly T[]) => l[int(0, l.length - 1)] as T, chance: (p: number) => next() < p }
}
const r = rng(21)
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
let seq = 1000
export const next = () => id(seq++)
export const at = (day: number, hour = r.int(0, 23)) => new Date(Date.UTC(2025, 11, 1) + day * 86_400_000 + hour * 3_600_000 + r.int(0, 59) * 60_000).toISOString()
export const dayOf = (day: number) => at(day, 0).slice(0, 10)
export const PEOPLE = [id(1), id(2), id(3), id(4)]
export const DEPTS = [id(11), id(12)]


/** Seeds the year into `db`; the context the figures are computed in (today: NOW). */
export async function seedYear(db: AdminFieldDb): Promise<KpiContext> {
  await db.profiles.bulkAdd(PEOPLE.map((p, i) => ({ id: p, display_name: `p${i}`, phone: null, site_id: SITE, department_id: DEPTS[i % 2]!, updated_at: '', deleted_at: null })))
  const tasks = Array.from({ length: 300 }, () => {
    const due = r.int(0, 390)
    const done = r.chance(0.8) ? due + r.int(-20, 40) : null
    const scored = done !== null && r.chance(0.5) ? done + r.int(0, 30) : null
    return {
      id: next(), site_id: SITE, department_id: r.chance(0.3) ? r.pick(DEPTS) : null, assignee_id: r.chance(0.9) ? r.pick(PEOPLE) : null,
      status: r.chance(0.05) ? 'cancelled' : done === null ? 'accepted' : scored !== null ? 'scored' : 'completed',
      due_on: dayOf(due), completed_at: done === null ? null : at(done), summary_at: done !== null && r.chance(0.7) ? at(done + r.int(0, 9)) : null,
      score: scored === null ? null : r.int(40, 100), scored_at: scored === null ? null : at(scored), deleted_at: r.chance(0.02) ? at(due) : null,
    }
  })
  await db.tasks.bulkAdd(tasks as never[])
  const sheets = [], reminds = []
  for (const t of tasks.filter(() => r.chance(0.25))) {
    const sheet = next()
    const opened = r.int(0, 390)
    const first = r.chance(0.8) ? opened + r.int(0, 2) : null
    const second = first !== null && r.chance(0.5) ? first + r.int(1, 40) : null
    sheets.push({ id: sheet, task_id: t.id, officer_id: r.pick(PEOPLE), opened_at: at(opened), first_at: first === null ? null : at(first), second_at: second === null ? null : at(second), final_at: null, status: r.chance(0.8) ? 'open' : 'approved', level: 1, deleted_at: null })
    if (first !== null) reminds.push({ id: next(), task_id: t.id, follow_up_id: sheet, type: 'remind', actor_id: PEOPLE[0]!, device_time: at(first), data: { level: 'first', next_on: dayOf(first + r.int(1, 45)) }, flagged: false, deleted_at: null })
    if (second !== null) reminds.push({ id: next(), task_id: t.id, follow_up_id: sheet, type: 'remind', actor_id: PEOPLE[0]!, device_time: at(second), data: { level: 'second', next_on: dayOf(second + 3) }, flagged: false, deleted_at: null })
    reminds.push({ id: next(), task_id: t.id, follow_up_id: null, type: 'progress', actor_id: PEOPLE[1]!, device_time: at(opened), data: {}, flagged: false, deleted_at: null })
  }
  await db.follow_ups.bulkAdd(sheets as never[])
  await db.task_events.bulkAdd(reminds as never[])
  const requests = [], events = []
  for (let i = 0; i < 200; i++) {
    const rid = next()
    let day = r.int(0, 390)
    const type = r.pick(['seal_use', 'seal_lifecycle', 'licence_affair', 'licence_borrow', 'vehicle_dispatch'])
    events.push({ id: next(), request_id: rid, action: 'submit', actor_id: PEOPLE[0]!, on_behalf_of: null, at: at(day), flag: null, deleted_at: null })
    let status = 'pending'
    for (let step = 0; step < r.int(0, 3); step++) {
      day += r.int(0, 35)
      const action = r.pick(['approve', 'approve', 'reject', 'return', 'withdraw'])
      events.push({ id: next(), request_id: rid, action, actor_id: r.pick(PEOPLE), on_behalf_of: null, at: at(day), flag: r.chance(0.05) ? 'stale' : null, deleted_at: null })
      status = action === 'approve' ? (r.chance(0.5) ? 'approved' : 'pending') : action === 'reject' ? 'rejected' : action === 'return' ? 'returned' : 'withdrawn'
      if (status !== 'pending') break
    }
    const decided = status === 'approved' || status === 'rejected'
    requests.push({ id: rid, type, form: type === 'vehicle_dispatch' ? { start_at: at(day + r.int(-2, 3)) } : {}, deciders: status === 'pending' ? [] : [PEOPLE[1]!], site_id: SITE, department_id: null, applicant_id: PEOPLE[0]!, status, waiting_role: status === 'pending' ? 'admin_head' : null, status_at: events[events.length - 1]!.at, decided_at: decided ? events[events.length - 1]!.at : null, first_pass: decided ? r.chance(0.7) : null, deleted_at: null })
  }
  await db.requests.bulkAdd(requests as never[])
  await db.request_events.bulkAdd(events as never[])
  const assets = ['seal', 'licence', 'seal', 'licence', 'equipment'].map((kind, i) => ({ id: id(100 + i), kind, site_id: SITE, number: `A${i}`, name: `a${i}`, status: 'in_stock', holder_id: null, due_at: null, label_token: null, updated_at: '', deleted_at: null }))
  await db.assets.bulkAdd(assets as never[])
  const custody = []
  for (const a of assets) {
    let day = r.int(0, 10)
    while (day < 395) {
      const length = r.chance(0.15) ? r.int(60, 160) : r.int(0, 10)
      if (r.chance(0.3)) custody.push({ id: next(), asset_id: a.id, type: 'audit_seen', actor_id: PEOPLE[0]!, device_time: at(day), server_time: null, payload: { location: '柜', in_place: r.chance(0.9) }, photo_ids: [], flagged: false, updated_at: '', deleted_at: null })
      custody.push({ id: next(), asset_id: a.id, type: 'check_out', actor_id: PEOPLE[0]!, device_time: at(day), server_time: null, payload: { to_person: r.pick(PEOPLE), due_at: at(day + length) }, photo_ids: [], flagged: false, updated_at: '', deleted_at: null })
      if (r.chance(0.2)) custody.push({ id: next(), asset_id: a.id, type: r.pick(['transfer', 'audit_seen']), actor_id: PEOPLE[0]!, device_time: at(day + 1), server_time: null, payload: { to_person: r.pick(PEOPLE), due_at: at(day + length + 30), location: 'x' }, photo_ids: [], flagged: false, updated_at: '', deleted_at: null })
      day += length + r.int(-3, 5)
      custody.push({ id: next(), asset_id: a.id, type: r.chance(0.95) ? 'check_in' : 'report_lost', actor_id: PEOPLE[0]!, device_time: at(Math.max(day, 0)), server_time: null, payload: {}, photo_ids: [], flagged: r.chance(0.03), updated_at: '', deleted_at: null })
      day += r.int(1, 6)
    }
  }
  await db.custody_events.bulkAdd(custody as never[])
  const areas = [0, 1, 2].map((i) => ({ id: id(200 + i), site_id: SITE, department_id: i ? DEPTS[i - 1]! : null, responsible_id: PEOPLE[i]!, name: `area${i}`, updated_at: '', deleted_at: null }))
  await db.areas.bulkAdd(areas as never[])
  await db.rectifications.bulkAdd(
    Array.from({ length: 120 }, () => {
      const due = r.int(0, 390)
      const fixed = r.chance(0.7) ? due + r.int(-3, 3) : null
      return { id: next(), inspection_id: next(), area_id: r.pick(areas).id, item_key: 'k', item_text: 't', assignee_id: null, severity: 'normal', due_at: at(due), status: fixed === null ? 'open' : 'closed', fix_note: null, fix_photo_ids: [], fixed_at: fixed === null ? null : at(fixed), verified_by: null, verified_at: null, updated_at: '', deleted_at: null }
    }) as never[],
  )
  await db.inspection_scores.bulkAdd(Array.from({ length: 120 }, () => ({ id: next(), area_id: r.pick(areas).id, submitted_at: at(r.int(0, 390)), score: r.int(50, 100), server_score: null, deleted: r.chance(0.03) })))
  // Fuel: two vehicles' fills all year (full and partial, a typo now and then, drafts, missed
  // fill-ups), one with a set baseline; the other's is the 90-day median.
  const vehicles = [0, 1].map((i) => ({ id: id(300 + i), kind: 'vehicle', site_id: SITE, number: `V${i}`, name: `v${i}`, status: 'in_stock', holder_id: null, due_at: null, label_token: null, fuel_baseline_l100km: i ? null : 9.5, updated_at: '', deleted_at: null }))
  await db.assets.bulkAdd(vehicles as never[])
  const fills = []
  for (const v of vehicles) {
    let odo = 10_000
    for (let day = r.int(0, 3); day < 395; day += r.int(2, 9)) {
      odo += r.int(100, 600)
      const draft = r.chance(0.04)
      fills.push({ id: next(), vehicle_id: v.id, driver_id: r.pick(PEOPLE), filled_at: at(day), odometer_km: r.chance(0.04) ? null : r.chance(0.03) ? odo + 9_000 : odo, litres: draft ? null : r.int(1500, 6000) / 100, unit_price: null, amount: null, full_tank: r.chance(0.8), missed_previous: r.chance(0.04), fuel_type: null, station: null, fuel_card: null, photo_ids: [], status: draft ? 'draft' : 'complete', updated_at: '', deleted_at: r.chance(0.02) ? at(day) : null })
    }
  }
  await db.fuel_logs.bulkAdd(fills as never[])
  // Occupancy: 12 beds made in the first weeks, stays across month ends (some for months, some
  // still there), cancelled ones, and repairs started and ended.
  const beds = Array.from({ length: 12 }, (_, i) => ({ id: id(400 + i), room_id: id(450 + (i % 3)), building_id: id(460), site_id: SITE, code: String(i + 1), label_token: `t${i}`, status: 'vacant', stay_id: null, occupant_id: null, in_repair: false, has_conflict: false, conflicts: [], created_at: at(r.int(0, 30)), updated_at: '', deleted_at: null }))
  await db.dorm_beds.bulkAdd(beds as never[])
  const bedStays = [], bedEvents = []
  for (const b of beds) {
    for (let day = r.int(0, 40); day < 395; ) {
      const length = r.chance(0.3) ? r.int(60, 200) : r.int(0, 40)
      const status = r.chance(0.1) ? 'cancelled' : day + length > 380 ? 'active' : 'ended'
      bedStays.push({ id: next(), bed_id: b.id, room_id: b.room_id, building_id: b.building_id, site_id: SITE, occupant_id: r.pick(PEOPLE), gender: 'male', department_id: null, shift: null, starts_on: dayOf(day), ends_on: null, request_id: null, allocated_by: PEOPLE[0]!, allocated_at: at(day), status, checked_in_at: status === 'cancelled' ? null : at(day), ended_at: status === 'ended' ? at(day + length) : null, contested: false, updated_at: '', deleted_at: null })
      day += length + r.int(0, 20)
      if (r.chance(0.2)) {
        bedEvents.push({ id: next(), bed_id: b.id, site_id: SITE, stay_id: null, type: 'repair_start', actor_id: PEOPLE[0]!, device_time: at(day), server_time: null, payload: {}, photo_ids: [], flagged: false, updated_at: '', deleted_at: null })
        day += r.int(0, 15)
        bedEvents.push({ id: next(), bed_id: b.id, site_id: SITE, stay_id: null, type: 'repair_end', actor_id: PEOPLE[0]!, device_time: at(day), server_time: null, payload: {}, photo_ids: [], flagged: false, updated_at: '', deleted_at: null })
      }
    }
  }
  await db.dorm_stays.bulkAdd(bedStays as never[])
  await db.dorm_bed_events.bulkAdd(bedEvents as never[])
  const base = await loadKpiBase(db)
  const dateOf = calendarDater(base.timeZone)
  const dept = new Map(base.profiles.map((p) => [p.id, p.department_id]))
  return { calendar: base.calendar, timeZone: base.timeZone, today: dateOf(NOW), now: NOW, dateOf, departmentOf: (p) => (p ? (dept.get(p) ?? null) : null) }
}

/** The items of the whole tables (what the dashboard computed before). */
export async function wholeTables(db: AdminFieldDb, ctx: KpiContext): Promise<KpiItem[]> {
  const inspections = await db.inspection_scores.toArray()
  return allItems(ctx, {
    tasks: await db.tasks.toArray(),
    followUps: await db.follow_ups.toArray(),
    taskEvents: (await db.task_events.toArray()).filter((e) => e.type === 'remind'),
    requests: await db.requests.toArray(),
    requestEvents: await db.request_events.toArray(),
    assets: await db.assets.toArray(),
    custodyEvents: await db.custody_events.toArray(),
    areas: await db.areas.toArray(),
    rectifications: await db.rectifications.toArray(),
    inspections: inspections.map((i) => ({ ...i, deleted_at: i.deleted ? i.submitted_at : null })),
    keptAssets: await db.assets.toArray(),
    custodyChecks: await db.custody_events.toArray(),
    dispatches: await db.requests.toArray(),
    trips: await db.trips.toArray(),
    vehicles: await db.assets.where('kind').equals('vehicle').toArray(),
    stays: await db.dorm_stays.toArray(),
    fuelVehicles: await db.assets.toArray(),
    fuelLogs: await db.fuel_logs.toArray(),
    beds: await db.dorm_beds.toArray(),
    bedStays: await db.dorm_stays.toArray(),
    bedEvents: await db.dorm_bed_events.toArray(),
  })
}

