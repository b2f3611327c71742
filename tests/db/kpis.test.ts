// KPIs (issue 14): the SQL (private.kpi_items and the public functions) makes the same items and
// figures as the device's src/features/kpis/domain on generated event sets; who sees which
// figures (RLS by role, department head, person); the statutory calendar and the KPI codes agree
// with the device's; targets change only by the admin head, with who and when kept.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import holidays from 'chinese-days/dist/chinese-days.json'
import { makeCalendar, statutoryFrom } from '@/shared/lib/calendar'
import { calendarDater } from '@/shared/lib/zonedTime'
import { KPI_CODES, allItems, figures, monthPeriod, targetFor, type KpiContext, type KpiFacts, type KpiItem, type KpiTargetFacts } from '@/features/kpis/domain'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { FIN, HQ, HR, SZ, op, person } from './support/tasks'
import { createAsset } from './support/custody'
import { AREAS, inspect } from './support/checklists'
import { makeRoom } from './support/dorms'
import { generateField, generateFuel, generateLoans, generateOccupancy, generateRectifications, generateRequests, generateTasks, rng, type People } from './support/kpis'

let db: TestDb
const NOW = '2026-11-05T12:00:00+08:00'
let head: string, finA: string, finB: string, hrA: string

beforeAll(async () => {
  db = await openTestDb()
  head = await person(db, 'employee', HQ, FIN, 'finhead')
  finA = await person(db, 'employee', HQ, FIN, 'fina')
  finB = await person(db, 'employee', HQ, FIN, 'finb')
  hrA = await person(db, 'employee', HQ, HR, 'hra')
  await db.query('update public.departments set head_id = $1 where id = $2', [head, FIN])
  const p: People = { site: HQ, other: SZ, departments: [FIN, HR], people: [DEMO.users.adminHead as string, finA, finB, hrA, head] }
  const r = rng(14)
  await generateTasks(db, r, p, 90)
  await generateRequests(db, r, p, 70)
  const assets = [await createAsset(db, 'seal'), await createAsset(db, 'licence'), await createAsset(db, 'seal'), await createAsset(db, 'licence')]
  await generateLoans(db, r, p, assets, 30)
  const area = AREAS[Object.keys(AREAS)[0] as string] as string
  const inspection = await inspect(db, area)
  for (const name of Object.keys(AREAS).slice(1, 6)) await inspect(db, AREAS[name] as string)
  await generateRectifications(db, r, p, inspection.id, area, 30)
  const room = await makeRoom(db, DEMO.users.adminHead as string, HQ)
  await generateField(db, r, p, await createAsset(db, 'vehicle'), room.beds, room, 30)
  await generateFuel(db, r, p, [await createAsset(db, 'vehicle'), await createAsset(db, 'vehicle')], 60)
  await generateOccupancy(db, r, p, room.beds, room, 40)
  // A company day off on a Monday the deadlines cross (the SQL and the device read calendar_days).
  await db.query(`insert into public.calendar_days (id, day, site_id, kind, note) values ($1, '2026-10-19', null, 'off', '公司活动')`, [randomUUID()])
}, 240_000)
afterAll(() => db?.close())

const rows = async <T>(table: string): Promise<T[]> => (await db.query<{ r: T }>(`select to_jsonb(t) as r from public.${table} t`)).map((x) => x.r)

/** The device's computation over the same rows (what a device that pulled them computes). */
async function deviceItems(): Promise<KpiItem[]> {
  const [profiles, days] = [await rows<{ id: string; department_id: string | null }>('profiles'), await rows<{ day: string; site_id: string | null; kind: 'off' | 'work' }>('calendar_days')]
  const dept = new Map(profiles.map((x) => [x.id, x.department_id]))
  const calendar = makeCalendar(statutoryFrom(holidays), days.map((d) => ({ date: d.day, site_id: d.site_id, kind: d.kind })))
  const dateOf = calendarDater('Asia/Shanghai')
  const ctx: KpiContext = { calendar, timeZone: 'Asia/Shanghai', today: dateOf(NOW), now: Date.parse(NOW), dateOf, departmentOf: (id) => (id ? (dept.get(id) ?? null) : null) }
  const facts: KpiFacts = {
    tasks: await rows('tasks'),
    followUps: await rows('follow_ups'),
    taskEvents: await rows('task_events'),
    requests: await rows('requests'),
    requestEvents: await rows('request_events'),
    assets: await rows('assets'),
    custodyEvents: await rows('custody_events'),
    areas: await rows('areas'),
    rectifications: await rows('rectifications'),
    inspections: await rows('inspections'),
    keptAssets: await rows('assets'),
    custodyChecks: await rows('custody_events'),
    dispatches: await rows('requests'),
    trips: await rows('trips'),
    vehicles: await rows<{ id: string; site_id: string; kind: string }>('assets').then((a) => a.filter((v) => v.kind === 'vehicle')),
    stays: await rows('dorm_stays'),
    fuelVehicles: await rows('assets'),
    fuelLogs: await rows('fuel_logs'),
    beds: await rows('dorm_beds'),
    bedStays: await rows('dorm_stays'),
    bedEvents: await rows('dorm_bed_events'),
  }
  return allItems(ctx, facts)
}

const sqlItems = async (): Promise<KpiItem[]> =>
  (await db.query<{ r: KpiItem }>('select to_jsonb(i) as r from private.kpi_items($1) i', [NOW])).map((x) => x.r)

/** One comparable line per item: instants as epoch ms, values to 6 places. */
function line(i: KpiItem): string {
  const inst = (v: string | null) => (v === null ? null : v.length === 10 ? v : Date.parse(v))
  const value = i.value === null ? null : Number(Number(i.value).toFixed(6))
  return JSON.stringify([i.kpi, i.key, i.record_id, i.day, i.site_id, i.department_id, i.person_id, value, inst(i.due), inst(i.done_at)])
}

describe('KPIs: SQL = device', () => {
  it('every item agrees on generated tasks, 督办 sheets, applications, loans and rectifications', async () => {
    const [device, sql] = [(await deviceItems()).map(line).sort(), (await sqlItems()).map(line).sort()]
    const byKpi = (list: string[]) => Object.fromEntries(KPI_CODES.map((k) => [k, list.filter((l) => l.startsWith(`["${k}"`)).length]))
    // Enough of each to mean something: every KPI has items, decided and not.
    expect(sql).toEqual(device)
    for (const [kpi, count] of Object.entries(byKpi(sql))) expect(count, kpi).toBeGreaterThan(kpi.includes('first_pass') && !kpi.startsWith('seal_use') ? 2 : 4)
    expect(sql.filter((l) => l.includes(',null,') || l.includes(',0,')).length).toBeGreaterThan(20)
    // Fuel: met, over the baseline, and no baseline yet (June: nothing in the 90 days before);
    // occupancy: occupied and vacant bed-days, fewer than the beds' days (repairs left out).
    const values = (kpi: string) => new Set(sql.map((l) => JSON.parse(l) as unknown[]).filter((l) => l[0] === kpi).map((l) => l[7]))
    expect(values('fuel_within_baseline')).toEqual(new Set([0, 1, null]))
    expect(values('dorm_occupancy')).toEqual(new Set([0, 1]))
  })

  it('figures per month agree, and an empty month has none (null, not 0 or 100)', async () => {
    const items = await deviceItems()
    await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: DEMO.users.adminHead, role: 'authenticated' })])
    try {
      for (const month of ['2026-09', '2026-10', '2026-11', '2027-03']) {
        const p = monthPeriod(month)
        const got = await db.query<{ kpi: string; value: number | null; decided: number }>('select kpi, value::float8 as value, decided from public.kpi_figures($1, $2, null, null, $3)', [p.from, p.to, NOW])
        const want = figures(items, p).filter((f) => f.decided > 0 || f.pending > 0)
        expect(got.map((g) => [g.kpi, g.value === null ? null : Number(g.value.toFixed(6)), g.decided]).sort(), month).toEqual(
          want.map((f) => [f.kpi, f.value === null ? null : Number(f.value.toFixed(6)), f.decided]).sort(),
        )
        if (month === '2027-03') expect(got).toEqual([])
      }
    } finally {
      await db.query(`select set_config('request.jwt.claims', '', false)`)
    }
  })
})

describe('KPIs: a period reads only its rows, with the same items', () => {
  it('private.kpi_items for a period = the items of all time whose day is in it (months, weeks across the day off, single days, open ends)', async () => {
    const all = (await sqlItems()).map((i) => ({ i, l: line(i) }))
    const periods: [string, string][] = [
      ['2026-09-01', '2026-09-30'], ['2026-10-01', '2026-10-31'], ['2026-11-01', '2026-11-30'], ['2026-12-01', '2026-12-31'],
      ['2026-10-17', '2026-10-23'], ['2026-10-19', '2026-10-19'], ['2026-10-20', '2026-10-20'], ['2026-10-08', '2026-10-08'],
      ['2026-11-05', '2026-11-06'], ['2026-01-01', '2026-12-31'], ['2027-03-01', '2027-03-31'], ['-infinity', '2026-10-15'], ['2026-10-16', 'infinity'],
    ]
    let seen = 0
    for (const [from, to] of periods) {
      const got = (await db.query<{ r: KpiItem }>('select to_jsonb(i) as r from private.kpi_items($1, $2, $3) i', [NOW, from, to])).map((x) => line(x.r)).sort()
      const want = all.filter((x) => x.i.day >= from && x.i.day <= to).map((x) => x.l).sort()
      expect(got, `${from}..${to}`).toEqual(want)
      seen += got.length
    }
    expect(seen).toBeGreaterThan(100)
  })

  it('due and start times are found in a period whatever their text: offsets far from the company\'s, no offset, not ISO', async () => {
    // Each text with the company day (Asia/Shanghai) its instant falls on. The server reads
    // these by the text's own date (±3 days): the day can differ from it.
    const texts: [string, string][] = [
      ['2026-10-31T23:30:00-11:00', '2026-11-01'],
      ['2026-12-01T05:00:00+14:00', '2026-11-30'],
      ['2026-11-01T01:00:00+14:00', '2026-10-31'],
      ['2026-11-15 10:00:00+08', '2026-11-15'],
      ['2026-11-20T10:00:00', '2026-11-20'],
    ]
    const seal = await createAsset(db, 'seal')
    const loans: string[] = []
    const dispatches: string[] = []
    for (const [k, [text]] of texts.entries()) {
      const out = randomUUID()
      loans.push(out)
      const t = Date.parse('2026-10-20T02:00:00Z') + k * 86_400_000
      await db.query(
        `insert into public.custody_events (id, asset_id, type, actor_id, device_time, payload) values ($1, $2, 'check_out', $3, $4, $5), ($6, $2, 'check_in', $3, $7, '{}')`,
        [out, seal, finA, new Date(t).toISOString(), JSON.stringify({ to_person: finA, due_at: text }), randomUUID(), new Date(t + 3_600_000).toISOString()],
      )
      const id = randomUUID()
      dispatches.push(id)
      await db.query(
        `insert into public.requests (id, type, site_id, department_id, applicant_id, title, form, status, revision, step, chain,
           fulfiller_role, submitted_at, status_at, decided_at, first_pass, deciders)
         values ($1, 'vehicle_dispatch', $2, $3, $4, '用车', $5, 'approved', 1, 0, '[]', 'fleet_manager', $6, $6, $6, true, $7)`,
        [id, HQ, FIN, finA, JSON.stringify({ start_at: text }), new Date(t).toISOString(), [DEMO.users.adminHead]],
      )
    }
    const mine = (i: KpiItem) => loans.includes(i.key) || dispatches.includes(i.record_id)
    const all = (await sqlItems()).filter(mine)
    expect(all.map((i) => [i.kpi, i.day]).sort()).toEqual(
      texts.flatMap(([, d]) => [['dispatch_on_time', d], ['seal_returned_on_time', d]]).sort(),
    )
    for (const [from, to] of [['2026-10-31', '2026-10-31'], ['2026-11-01', '2026-11-01'], ['2026-11-01', '2026-11-30'], ['2026-11-30', '2026-11-30'],
      ['2026-12-01', '2026-12-31'], ['2026-11-15', '2026-11-20'], ['2026-10-01', '2026-10-31']] as const) {
      const got = (await db.query<{ r: KpiItem }>('select to_jsonb(i) as r from private.kpi_items($1, $2, $3) i', [NOW, from, to])).map((x) => x.r).filter(mine)
      expect(got.map(line).sort(), `${from}..${to}`).toEqual(all.filter((i) => i.day >= from && i.day <= to).map(line).sort())
    }
  })
})

describe('KPIs: a trend in one call', () => {
  it('kpi_figures by month = kpi_figures of each month (the first and last cut by the period)', async () => {
    await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: DEMO.users.adminHead, role: 'authenticated' })])
    try {
      type Fig = { kpi: string; value: number | null; decided: number; met: number; pending: number; month: string | null }
      const q = 'select kpi, value::float8 as value, decided, met::float8 as met, pending, month::text as month from public.kpi_figures($1, $2, $3, null, $4, $5)'
      const row = (f: Fig, month: string) => JSON.stringify([month, f.kpi, f.value === null ? null : Number(f.value.toFixed(6)), f.decided, f.met, f.pending])
      for (const dept of [null, FIN]) {
        const trend = await db.query<Fig>(q, ['2026-08-15', '2026-12-10', dept, NOW, true])
        const months: [string, string, string][] = [
          ['2026-08-01', '2026-08-15', '2026-08-31'], ['2026-09-01', '2026-09-01', '2026-09-30'], ['2026-10-01', '2026-10-01', '2026-10-31'],
          ['2026-11-01', '2026-11-01', '2026-11-30'], ['2026-12-01', '2026-12-01', '2026-12-10'],
        ]
        const want: string[] = []
        for (const [month, from, to] of months) {
          for (const f of await db.query<Fig>(q, [from, to, dept, NOW, false])) {
            expect(f.month).toBeNull()
            want.push(row(f, month))
          }
        }
        expect(want.length).toBeGreaterThan(20)
        expect(trend.map((f) => row(f, f.month as string)).sort(), String(dept)).toEqual(want.sort())
      }
    } finally {
      await db.query(`select set_config('request.jwt.claims', '', false)`)
    }
  })
})

describe('KPIs: who sees which figures', () => {
  const seen = (user: string) =>
    db.asUser(user, (q) => q<{ department_id: string | null; person_id: string | null; site_id: string | null }>(`select department_id, person_id, site_id from public.kpi_items('2026-01-01', '2026-12-31', $1)`, [NOW]))

  it('the admin head and the executive see everything; a department head their department and themselves; an employee their own', async () => {
    const all = (await sqlItems()).filter((i) => i.day >= '2026-01-01' && i.day <= '2026-12-31')
    expect((await seen(DEMO.users.adminHead as string)).length).toBe(all.length)
    expect((await seen(DEMO.users.executive as string)).length).toBe(all.length)
    const mine = await seen(head)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((i) => i.department_id === FIN || i.person_id === head)).toBe(true)
    expect(mine.length).toBe(all.filter((i) => i.department_id === FIN || i.person_id === head).length)
    const own = await seen(hrA)
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((i) => i.person_id === hrA)).toBe(true)
    // The demo driver's own trips (trip_pre_check) and nothing else.
    const driver = await seen(DEMO.users.driver as string)
    expect(driver.every((i) => i.person_id === DEMO.users.driver)).toBe(true)
  })

  it('anon cannot call the functions; the private ones are closed to everyone signed in', async () => {
    await expect(db.asAnon((q) => q(`select * from public.kpi_figures('2026-01-01', '2026-12-31')`))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(hrA, (q) => q(`select * from private.kpi_items(now())`))).rejects.toThrow(/permission denied/)
  })
})

describe('KPIs: the twins agree', () => {
  it('the statutory days in SQL are the chinese-days data the device uses (2020 on)', async () => {
    const sql = await db.query<{ d: string; w: boolean }>(`select day::text as d, kind = 'work' as w from private.statutory_days where day >= '2020-01-01' order by day`)
    const device = [
      ...Object.keys(holidays.holidays).filter((d) => d >= '2020').map((d) => [d, false]),
      ...Object.keys(holidays.workdays).filter((d) => d >= '2020').map((d) => [d, true]),
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    expect(sql.map((r) => [r.d, r.w])).toEqual(device)
  })

  it('the KPI codes are the catalogue\'s', async () => {
    const [row] = await db.query<{ codes: string[] }>('select private.kpi_codes() as codes')
    expect(row?.codes).toEqual([...KPI_CODES])
  })
})

describe('KPI targets', () => {
  it('only the admin head sets them; each change is kept with who and when; the latest is in force', async () => {
    const set = (user: string, payload: Record<string, unknown>) => op(db, user, 'kpi_target.set', payload)
    expect(await set(hrA, { kpi: 'affairs_score', target: 80 })).toMatchObject({ status: 'refused', reason: 'forbidden' })
    expect(await set(DEMO.users.adminHead as string, { kpi: 'nope', target: 80 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await set(DEMO.users.adminHead as string, { kpi: 'affairs_score', target: 100.001 })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await set(DEMO.users.adminHead as string, { kpi: 'affairs_score' })).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(await set(DEMO.users.adminHead as string, { kpi: 'affairs_score', target: 80, note: '年度考核' })).toMatchObject({ status: 'applied' })
    expect(await set(DEMO.users.adminHead as string, { kpi: 'affairs_score', target: 85.5 })).toMatchObject({ status: 'applied' })
    const history = await db.asUser(hrA, (q) => q<{ r: KpiTargetFacts }>(`select to_jsonb(t) as r from public.kpi_targets t where kpi = 'affairs_score' order by set_at`))
    expect(history.map((h) => [Number(h.r.target), h.r.set_by, h.r.note])).toEqual([
      [80, DEMO.users.adminHead, '年度考核'],
      [85.5, DEMO.users.adminHead, null],
    ])
    expect(targetFor('affairs_score', history.map((h) => h.r))).toBe(85.5)
  })
})
