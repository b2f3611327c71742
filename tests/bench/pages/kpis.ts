/**
 * Runs in Chromium (served by the Vite dev server): a year of a 500-person company's facts in real
 * IndexedDB (~200,000 rows: tasks, 督办 sheets and reminders, applications and their decisions,
 * seal and licence loans, rectifications, inspection scores), then times, with the app's own code,
 * what opening the KPI dashboard costs: reading the rows, computing every item, every KPI's figure
 * for the month, one trend over 12 months and the department ranking.
 */
import { openDb, type AdminFieldDb } from '@/platform/db'
import { loadKpiBase, readScope, readSource, type KpiBase } from '@/features/kpis/data/kpiReads'
import { computeMonths, type MonthCache } from '@/features/kpis/stores/kpiMonths'
import { KPI_SOURCE, KPI_SOURCES, allItems, figureOfMonth, figures, monthPeriod, monthsBack, rankDepartments, sourceItems, tallyMonth, trend, type KpiCode, type KpiContext, type KpiItem, type KpiSource } from '@/features/kpis/domain'
import { keepMonths, readKeptMonths } from '@/features/kpis/data/kpiMonthCache'
import { calendarDater } from '@/shared/lib/zonedTime'

export interface Measured {
  samples: number[]
  rows: number
}

declare global {
  interface Window {
    seedKpis(people: number): Promise<{ rows: number; seedMs: number; detail: string }>
    measureWholeTables(runs: number): Promise<Measured>
    measureSources(runs: number): Promise<Record<string, { ms: number; read: number; rows: number }>>
    measureDashboard(runs: number): Promise<Measured & { month: number[]; warm: number[]; first: number }>
  }
}

let db: AdminFieldDb
const SITE = crypto.randomUUID()
const DEPTS = Array.from({ length: 20 }, () => crypto.randomUUID())
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)
const at = (n: number, h: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000 + h * 3_600_000).toISOString()
const stamp = new Date().toISOString()
const ROOMS = Array.from({ length: 250 }, () => crypto.randomUUID())
const BUILDINGS = Array.from({ length: 10 }, () => crypto.randomUUID())
/** NOW's day (2026-11-20): stays run up to it; fills up to a few days past it, as the other facts. */
const NOW_DAY = 323
const FUEL_DAYS = 360

window.seedKpis = async (peopleCount) => {
  db = openDb(`bench-kpis-${crypto.randomUUID()}`)
  const t0 = performance.now()
  const people = Array.from({ length: peopleCount }, (_, i) => ({ id: crypto.randomUUID(), display_name: `员工${i}`, phone: null, site_id: SITE, department_id: DEPTS[i % DEPTS.length]!, updated_at: stamp, deleted_at: null }))
  const p = (i: number) => people[i % people.length]!.id
  type Row = Record<string, unknown>
  const list = (): Row[] => []
  const [tasks, followUps, taskEvents, requests, requestEvents, custody, rects, scores] = [list(), list(), list(), list(), list(), list(), list(), list()]
  for (let i = 0; i < 30_000; i++) {
    const d = i % 360
    const done = i % 7 === 0 ? null : at(d + (i % 5) - 2, 10)
    tasks.push({ id: crypto.randomUUID(), site_id: SITE, department_id: null, assignee_id: p(i), status: done ? (i % 3 === 0 ? 'scored' : 'completed') : 'accepted', due_on: day(d), completed_at: done, summary_at: done && i % 4 ? at(d + 2, 9) : null, score: done && i % 3 === 0 ? 60 + (i % 40) : null, scored_at: done && i % 3 === 0 ? at(d + 5, 9) : null, deleted_at: null })
  }
  for (let i = 0; i < 8_000; i++) {
    const task = tasks[i * 3] as { id: string }
    const id = crypto.randomUUID()
    const d = i % 360
    followUps.push({ id, task_id: task.id, officer_id: p(i + 1), opened_at: at(d, 9), first_at: at(d, 15), second_at: i % 2 ? at(d + 3, 9) : null, final_at: null, status: 'open', level: i % 2 ? 2 : 1, deleted_at: null })
    taskEvents.push({ id: crypto.randomUUID(), task_id: task.id, follow_up_id: id, type: 'remind', actor_id: p(i + 1), device_time: at(d, 15), data: { level: 'first', next_on: day(d + 2) }, flagged: false, deleted_at: null })
    if (i % 2) taskEvents.push({ id: crypto.randomUUID(), task_id: task.id, follow_up_id: id, type: 'remind', actor_id: p(i + 1), device_time: at(d + 3, 9), data: { level: 'second', next_on: null }, flagged: false, deleted_at: null })
  }
  const types = ['seal_use', 'seal_lifecycle', 'licence_affair', 'licence_borrow', 'vehicle_dispatch']
  for (let i = 0; i < 20_000; i++) {
    const id = crypto.randomUUID()
    const d = i % 360
    requests.push({ id, type: types[i % types.length]!, site_id: SITE, department_id: DEPTS[i % DEPTS.length]!, applicant_id: p(i), status: 'approved', form: { start_at: at(d + 2, 9) }, deciders: [p(2)], waiting_role: null, status_at: at(d + 2, 10), decided_at: at(d + 2, 10), first_pass: i % 5 !== 0, deleted_at: null })
    requestEvents.push({ id: crypto.randomUUID(), request_id: id, action: 'submit', actor_id: p(i), on_behalf_of: null, at: at(d, 9), flag: null, deleted_at: null })
    requestEvents.push({ id: crypto.randomUUID(), request_id: id, action: 'approve', actor_id: p(1), on_behalf_of: null, at: at(d + 1, 10), flag: null, deleted_at: null })
    requestEvents.push({ id: crypto.randomUUID(), request_id: id, action: 'approve', actor_id: p(2), on_behalf_of: null, at: at(d + 2, 10), flag: null, deleted_at: null })
  }
  const assets = Array.from({ length: 60 }, (_, i) => ({ id: crypto.randomUUID(), kind: i % 2 ? 'seal' : 'licence', site_id: SITE, number: `A-${i}`, name: `资产${i}`, status: 'in_stock', holder_id: null, due_at: null, label_token: null, updated_at: stamp, deleted_at: null }))
  for (let i = 0; i < 10_000; i++) {
    const a = assets[i % assets.length]!
    const d = Math.floor(i / assets.length) * 2
    custody.push({ id: crypto.randomUUID(), asset_id: a.id, type: 'check_out', actor_id: p(3), device_time: at(d, 9), server_time: null, payload: { to_person: p(i), due_at: at(d, 17) }, photo_ids: [], flagged: false, updated_at: stamp, deleted_at: null })
    custody.push({ id: crypto.randomUUID(), asset_id: a.id, type: 'check_in', actor_id: p(3), device_time: at(d, i % 6 ? 16 : 20), server_time: null, payload: {}, photo_ids: [], flagged: false, updated_at: stamp, deleted_at: null })
  }
  const areas = Array.from({ length: 200 }, (_, i) => ({ id: crypto.randomUUID(), site_id: SITE, department_id: DEPTS[i % DEPTS.length]!, responsible_id: p(i), name: `区域${i}`, updated_at: stamp, deleted_at: null }))
  for (let i = 0; i < 20_000; i++) {
    const area = areas[i % areas.length]!
    rects.push({ id: crypto.randomUUID(), inspection_id: crypto.randomUUID(), area_id: area.id, item_key: 'floor', item_text: '地面', assignee_id: null, severity: 'normal', due_at: at(i % 360, 17), status: i % 4 ? 'closed' : 'open', fix_note: null, fix_photo_ids: [], fixed_at: i % 4 ? at(i % 360, i % 8 ? 12 : 20) : null, verified_by: null, verified_at: null, updated_at: stamp, deleted_at: null })
    scores.push({ id: crypto.randomUUID(), area_id: area.id, submitted_at: at(i % 360, 10), score: 70 + (i % 30), server_score: 70 + (i % 30), deleted: false })
  }
  // Fuel: 50 vehicles filled every 2–5 days (~100 fills each; now and then a partial fill, a
  // draft, a missed fill-up), half with a set baseline (the others: the 90-day median).
  const vehicles = Array.from({ length: 50 }, (_, i) => ({ id: crypto.randomUUID(), kind: 'vehicle', site_id: SITE, number: `V-${i}`, name: `车辆${i}`, status: 'in_stock', holder_id: null, due_at: null, label_token: null, fuel_baseline_l100km: i % 2 ? null : 8 + (i % 5), updated_at: stamp, deleted_at: null }))
  const fills: Row[] = []
  vehicles.forEach((v, k) => {
    let odo = 20_000 + k * 1000
    for (let d = k % 4, j = 0; d < FUEL_DAYS; d += 2 + ((j * 7 + k) % 4), j++) {
      odo += 150 + ((j * 37 + k) % 350)
      const draft = (j + k) % 41 === 0
      fills.push({ id: crypto.randomUUID(), vehicle_id: v.id, driver_id: p(j + k), filled_at: at(d, 8 + (j % 10)), odometer_km: odo, litres: draft ? null : 20 + ((j * 13 + k) % 40), unit_price: null, amount: null, full_tank: j % 9 !== 0, missed_previous: j % 53 === 0, fuel_type: null, station: null, fuel_card: null, photo_ids: [], status: draft ? 'draft' : 'complete', updated_at: stamp, deleted_at: null })
    }
  })
  // Dormitories: 1,000 beds (4 a room, 25 rooms a building), each with ~10 stays back to back up
  // to now (the last one still there on some), a cancelled allocation now and then, and repairs.
  const beds = Array.from({ length: 1000 }, (_, i) => ({ id: crypto.randomUUID(), room_id: ROOMS[Math.floor(i / 4)]!, building_id: BUILDINGS[Math.floor(i / 100)]!, site_id: SITE, code: String(i + 1), label_token: `bed-${i}`, status: 'vacant', stay_id: null, occupant_id: null, in_repair: false, has_conflict: false, conflicts: [], created_at: at(0, 8), updated_at: stamp, deleted_at: null }))
  const stays: Row[] = []
  const bedEvents: Row[] = []
  beds.forEach((b, k) => {
    for (let d = k % 10, j = 0; d < NOW_DAY; j++) {
      const length = 14 + ((j * 11 + k) % 30)
      const cancelled = (j + k) % 23 === 0
      const status = cancelled ? 'cancelled' : d + length >= NOW_DAY ? 'active' : 'ended'
      stays.push({ id: crypto.randomUUID(), bed_id: b.id, room_id: b.room_id, building_id: b.building_id, site_id: SITE, occupant_id: p(j * 7 + k), gender: 'male', department_id: null, shift: null, starts_on: day(d), ends_on: null, request_id: null, allocated_by: p(4), allocated_at: at(d - 2, 9), status, checked_in_at: cancelled ? null : at(d + ((j + k) % 3), 10), ended_at: status === 'ended' ? at(d + length, 11) : null, contested: false, updated_at: stamp, deleted_at: null })
      d += length + ((j * 3 + k) % 7)
      if ((j + k) % 19 === 0 && d < NOW_DAY - 5) {
        for (const [type, dd] of [['repair_start', d], ['repair_end', d + 3]] as const) bedEvents.push({ id: crypto.randomUUID(), bed_id: b.id, site_id: SITE, stay_id: null, type, actor_id: p(4), device_time: at(dd, 14), server_time: null, payload: {}, photo_ids: [], flagged: false, updated_at: stamp, deleted_at: null })
        d += 4
      }
      if (status === 'active') break
    }
  })
  await db.transaction('rw', [db.profiles, db.departments, db.tasks, db.follow_ups, db.task_events, db.requests, db.request_events, db.assets, db.custody_events, db.areas, db.rectifications, db.inspection_scores, db.fuel_logs, db.dorm_beds, db.dorm_stays, db.dorm_bed_events], async () => {
    await db.profiles.bulkAdd(people)
    await db.departments.bulkAdd(DEPTS.map((id, i) => ({ id, site_id: SITE, code: `D${i}`, name: `部门${i}`, updated_at: stamp, deleted_at: null })))
    await db.tasks.bulkAdd(tasks as never[])
    await db.follow_ups.bulkAdd(followUps as never[])
    await db.task_events.bulkAdd(taskEvents as never[])
    await db.requests.bulkAdd(requests as never[])
    await db.request_events.bulkAdd(requestEvents as never[])
    await db.assets.bulkAdd(assets as never[])
    await db.custody_events.bulkAdd(custody as never[])
    await db.areas.bulkAdd(areas as never[])
    await db.rectifications.bulkAdd(rects as never[])
    await db.inspection_scores.bulkAdd(scores as never[])
    await db.assets.bulkAdd(vehicles as never[])
    await db.fuel_logs.bulkAdd(fills as never[])
    await db.dorm_beds.bulkAdd(beds as never[])
    await db.dorm_stays.bulkAdd(stays as never[])
    await db.dorm_bed_events.bulkAdd(bedEvents as never[])
  })
  const rows = tasks.length + followUps.length + taskEvents.length + requests.length + requestEvents.length + custody.length + rects.length + scores.length + fills.length + beds.length + stays.length + bedEvents.length
  const detail = `fuel: ${vehicles.length} vehicles, ${fills.length} fills; dorms: ${beds.length} beds, ${stays.length} stays, ${bedEvents.length} repair acts`
  return { rows, seedMs: performance.now() - t0, detail }
}

const MONTH = '2026-11'
/** The dashboard opens in MONTH (its current month): the 11 before are closed. */
const NOW = Date.UTC(2026, 10, 20, 4)
const VIEWER = 'bench'

function contextOf(d: KpiBase): KpiContext {
  const dateOf = calendarDater(d.timeZone)
  const dept = new Map(d.profiles.map((x) => [x.id, x.department_id]))
  return { calendar: d.calendar, timeZone: d.timeZone, today: dateOf(NOW), now: NOW, dateOf, departmentOf: (id) => (id ? (dept.get(id) ?? null) : null) }
}

/** The views the dashboard draws from the month's items and one KPI's twelve months. */
function views(month: KpiItem[], kpiMonths: KpiItem[], kpi: KpiCode): void {
  figures(month, monthPeriod(MONTH))
  trend(kpiMonths, kpi, monthsBack(MONTH, 12))
  rankDepartments(month, kpi, monthPeriod(MONTH))
}

/** Before issue 14's speed work: every source table read whole, every item computed, then the views. */
window.measureWholeTables = async (runs) => {
  const samples: number[] = []
  let rows = 0
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const d = await loadKpiBase(db)
    const assets = await db.assets.where('kind').anyOf(['seal', 'licence']).toArray()
    const [tasks, followUps, taskEvents, requests, requestEvents, custodyEvents, areas, rectifications, inspections] = await Promise.all([
      db.tasks.toArray(),
      db.follow_ups.toArray(),
      db.task_events.toArray(),
      db.requests.toArray(),
      db.request_events.toArray(),
      db.custody_events.where('asset_id').anyOf(assets.map((a) => a.id)).toArray(),
      db.areas.toArray(),
      db.rectifications.toArray(),
      db.inspection_scores.toArray(),
    ])
    const items = allItems(contextOf(d), {
      tasks, followUps, taskEvents: taskEvents.filter((e) => e.type === 'remind'), requests, requestEvents, assets, custodyEvents, areas, rectifications,
      inspections: inspections.map((x) => ({ ...x, deleted_at: x.deleted ? x.submitted_at : null })),
    })
    views(items.filter((x) => x.day.startsWith(MONTH)), items, 'affairs_on_time')
    samples.push(performance.now() - t0)
    rows = items.length
  }
  return { samples, rows }
}

/**
 * What the dashboard does on open (stores/kpis.ts): the small tables, every source's rows of the
 * month — the month's figures and ranking are drawn — then the first KPI's 12-month trend: its
 * closed months from the tallies kept on the device, those missing computed (one read) and kept.
 * Each run is a new app open (new in-memory caches); the kept months stay, as on a phone. The
 * first run of all finds none kept (`first`). `warm`: then a KPI of another source (its trend).
 */
window.measureDashboard = async (runs) => {
  const samples: number[] = []
  const month: number[] = []
  const warm: number[] = []
  let first = 0
  let rows = 0
  await db.kpi_months.clear()
  for (let i = 0; i < runs; i++) {
    const cache: MonthCache = new Map()
    const t0 = performance.now()
    const d = await loadKpiBase(db)
    const ctx = contextOf(d)
    // As the store: the sources asked together share their reads (one scope per computeMonths call).
    const reading = () => {
      const shared = readScope(ctx.calendar)
      return (source: KpiSource, period: { from: string; to: string }) => readSource(db, source, period, shared)
    }
    const compute = (source: KpiSource, facts: Parameters<typeof sourceItems>[2]) => sourceItems(source, ctx, facts)
    const months = monthsBack(MONTH, 12)
    await computeMonths(cache, KPI_SOURCES, [MONTH], reading(), compute)
    const monthItems = KPI_SOURCES.flatMap((s) => cache.get(s)?.get(MONTH) ?? [])
    figures(monthItems, monthPeriod(MONTH))
    rankDepartments(monthItems, 'affairs_on_time', monthPeriod(MONTH))
    month.push(performance.now() - t0)
    const trendOf = async (kpi: KpiCode) => {
      const source = KPI_SOURCE[kpi]
      const closed = months.filter((m) => m < MONTH)
      const kept = await readKeptMonths(db, VIEWER, source, closed)
      const missing = closed.filter((m) => !kept.months.has(m))
      if (missing.length) {
        await computeMonths(cache, [source], missing, reading(), compute)
        const fresh = new Map(missing.map((m) => [m, tallyMonth(cache.get(source)?.get(m) ?? [])]))
        for (const [m, t] of fresh) kept.months.set(m, t)
        await keepMonths(db, VIEWER, source, kept.gen, fresh)
      }
      return months.map((m) => (m === MONTH ? trend(cache.get(source)?.get(m) ?? [], kpi, [m])[0] : figureOfMonth(kpi, kept.months.get(m)!, { kind: 'company' })))
    }
    await trendOf('affairs_on_time')
    const total = performance.now() - t0
    if (i === 0) first = total
    else samples.push(total)
    const t1 = performance.now()
    await trendOf('approval_on_time')
    warm.push(performance.now() - t1)
    rows = KPI_SOURCES.reduce((n, s) => n + [...(cache.get(s)?.values() ?? [])].reduce((k, l) => k + l.length, 0), 0)
  }
  return { samples, month, warm, first, rows }
}

/**
 * Where the month's time goes: each source's read and items for MONTH alone, one after another,
 * `runs` times (the median of each): the whole time, the read's, and the rows read.
 */
window.measureSources = async (runs) => {
  const ctx = contextOf(await loadKpiBase(db))
  const samples = new Map<KpiSource, { ms: number[]; read: number[]; rows: number }>()
  for (let i = 0; i < runs; i++) {
    for (const source of KPI_SOURCES) {
      const t0 = performance.now()
      const facts = await readSource(db, source, monthPeriod(MONTH), readScope(ctx.calendar))
      const t1 = performance.now()
      sourceItems(source, ctx, facts)
      const s = samples.get(source) ?? { ms: [], read: [], rows: 0 }
      s.ms.push(performance.now() - t0)
      s.read.push(t1 - t0)
      s.rows = Object.values(facts).reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 0), 0)
      samples.set(source, s)
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!
  return Object.fromEntries([...samples].map(([source, s]) => [source, { ms: median(s.ms), read: median(s.read), rows: s.rows }]))
}
