// Closed months' KPI tallies kept on the device (data/kpiMonthCache.ts, platform/db/kpiMonths.ts):
// a figure made from kept tallies equals the one made from the whole tables, and any write that
// can change a kept month — a late-synced row of an old month, a decision on an application
// submitted months ago, a check-in closing an old loan, a person moved to another department —
// drops that month (and the later ones) and no earlier one.
import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { applyPage } from '@/platform/sync/pull'
import { MAX_RECORDS } from '@/platform/db/kpiMonths'
import { readScope, readSource } from '@/features/kpis/data/kpiReads'
import { keepMonths, readKeptMonths } from '@/features/kpis/data/kpiMonthCache'
import { computeMonths, type MonthCache } from '@/features/kpis/stores/kpiMonths'
import { KPIS, KPI_SOURCE, KPI_SOURCES, figureOfMonth, figures, monthPeriod, sourceItems, tallyMonth, type KpiContext, type KpiSource, type Scope } from '@/features/kpis/domain'
import { freshDb } from '../features/testDb'
import { DEPTS, MONTHS, PEOPLE, SITE, id, seedYear, wholeTables } from './yearFixture'

const VIEWER = 'viewer'
const CLOSED = MONTHS.filter((m) => m < '2026-12')
const SCOPES: Scope[] = [{ kind: 'company' }, { kind: 'site', id: SITE }, ...DEPTS.map((d) => ({ kind: 'department' as const, id: d })), ...PEOPLE.map((p) => ({ kind: 'person' as const, id: p }))]

let db: AdminFieldDb
let ctx: KpiContext

beforeEach(async () => {
  db = freshDb()
  ctx = await seedYear(db)
})

/** What the store does for a trend's missing months: read, compute, tally, keep (guarded by the generation). */
async function keep(source: KpiSource, months: readonly string[] = CLOSED): Promise<boolean> {
  const { gen } = await readKeptMonths(db, VIEWER, source, months)
  const cache: MonthCache = new Map()
  const shared = readScope(ctx.calendar)
  await computeMonths(cache, [source], months, (s, p) => readSource(db, s, p, shared), (s, facts) => sourceItems(s, ctx, facts))
  return keepMonths(db, VIEWER, source, gen, new Map(months.map((m) => [m, tallyMonth(cache.get(source)?.get(m) ?? [])])))
}
const keptOf = async (source: KpiSource) => [...(await readKeptMonths(db, VIEWER, source, CLOSED)).months.keys()]
const before = (month: string) => CLOSED.filter((m) => m < month)

/** Every kept month's figures (each KPI of the source, each scope) against the whole tables'. */
async function expectFresh(source: KpiSource): Promise<number> {
  const all = await wholeTables(db, ctx)
  const kept = (await readKeptMonths(db, VIEWER, source, CLOSED)).months
  let decided = 0
  for (const [m, tallies] of kept) {
    for (const scope of SCOPES) {
      const fresh = figures(all, monthPeriod(m), scope).filter((f) => KPI_SOURCE[f.kpi] === source)
      for (const f of fresh) {
        expect(figureOfMonth(f.kpi, tallies, scope), `${m} ${f.kpi} ${JSON.stringify(scope)}`).toEqual(f)
        decided += f.decided
      }
    }
  }
  return decided
}

describe('the closed-month KPI cache', () => {
  it('kept tallies give every KPI, month and scope the figure of the whole tables', async () => {
    for (const source of KPI_SOURCES) expect(await keep(source)).toBe(true)
    let decided = 0
    for (const source of KPI_SOURCES) {
      expect(await keptOf(source)).toEqual(CLOSED)
      decided += await expectFresh(source)
    }
    expect(decided).toBeGreaterThan(500)
    expect(KPIS.length).toBeGreaterThan(10)
    // Every source's months at every scope: more than the default bound on a busy machine.
  }, 120_000)

  it('a task synced late for an old month drops that month and the later ones, not the earlier', async () => {
    await keep('tasks')
    const kept = (await readKeptMonths(db, VIEWER, 'tasks', ['2026-03'])).months.get('2026-03')
    const task = { id: id(9001), site_id: SITE, department_id: null, assignee_id: PEOPLE[0]!, status: 'completed', due_on: '2026-03-10', completed_at: '2026-03-20T03:00:00.000Z', summary_at: null, score: null, scored_at: null, deleted_at: null }
    await applyPage(db, [{ table: 'tasks', id: task.id, row: task, deleted: false }], 'c1')
    expect(await keptOf('tasks')).toEqual(before('2026-03'))
    await keep('tasks', CLOSED.filter((m) => m >= '2026-03'))
    expect(await keptOf('tasks')).toEqual(CLOSED)
    // The month's figure changed (one more late task) and equals the fresh one.
    const now = (await readKeptMonths(db, VIEWER, 'tasks', ['2026-03'])).months.get('2026-03')
    expect(figureOfMonth('affairs_on_time', now!, { kind: 'person', id: PEOPLE[0]! }).decided).toBe(figureOfMonth('affairs_on_time', kept!, { kind: 'person', id: PEOPLE[0]! }).decided + 1)
    await expectFresh('tasks')
  })

  it('a decision recorded now on an application submitted months ago drops from its submission month', async () => {
    const app = id(9100)
    await db.requests.add({ id: app, type: 'seal_use', form: {}, deciders: [], site_id: SITE, department_id: null, applicant_id: PEOPLE[0]!, status: 'pending', waiting_role: 'admin_head', submitted_at: '2026-02-10T02:00:00.000Z', status_at: '2026-02-10T02:00:00.000Z', decided_at: null, first_pass: null, deleted_at: null } as never)
    await db.request_events.add({ id: id(9101), request_id: app, action: 'submit', actor_id: PEOPLE[0]!, on_behalf_of: null, at: '2026-02-10T02:00:00.000Z', flag: null, deleted_at: null } as never)
    await keep('requests')
    await keep('dispatches')
    // A local write (an approval typed on this device, acting in the past) of a step opened in February.
    await db.request_events.add({ id: id(9102), request_id: app, action: 'approve', actor_id: PEOPLE[1]!, on_behalf_of: null, at: '2026-06-01T02:00:00.000Z', flag: null, deleted_at: null } as never)
    expect(await keptOf('requests')).toEqual(before('2026-02'))
    // The events feed no dispatch: those months stay.
    expect(await keptOf('dispatches')).toEqual(CLOSED)
    await keep('requests', CLOSED.filter((m) => m >= '2026-02'))
    await expectFresh('requests')
  })

  it('a check-in synced late closes an old loan: custody drops from the loan\'s month', async () => {
    const seal = id(9200)
    await db.assets.add({ id: seal, kind: 'seal', site_id: SITE, number: 'S-9', name: 's9', status: 'checked_out', holder_id: PEOPLE[2]!, due_at: null, label_token: null, updated_at: '', deleted_at: null } as never)
    await db.custody_events.add({ id: id(9201), asset_id: seal, type: 'check_out', actor_id: PEOPLE[0]!, device_time: '2026-04-05T02:00:00.000Z', server_time: null, payload: { to_person: PEOPLE[2]!, due_at: '2026-04-06T09:00:00.000Z' }, photo_ids: [], flagged: false, updated_at: '', deleted_at: null } as never)
    await keep('custody')
    await keep('custodyChecks')
    const checkIn = { id: id(9202), asset_id: seal, type: 'check_in', actor_id: PEOPLE[0]!, device_time: '2026-07-01T02:00:00.000Z', server_time: null, payload: {}, photo_ids: [], flagged: false, updated_at: '', deleted_at: null }
    await applyPage(db, [{ table: 'custody_events', id: checkIn.id, row: checkIn, deleted: false }], 'c1')
    expect(await keptOf('custody')).toEqual(before('2026-04'))
    expect(await keptOf('custodyChecks')).toEqual(before('2026-04'))
    await keep('custody', CLOSED.filter((m) => m >= '2026-04'))
    await expectFresh('custody')
  })

  it('a row deleted from an old month drops it; a person moved to another department drops every month; a new name drops none', async () => {
    await keep('checklists')
    await keep('tasks')
    const rect = (await db.rectifications.toArray()).find((r) => r.due_at.startsWith('2026-05-1'))!
    await db.rectifications.delete(rect.id)
    expect(await keptOf('checklists')).toEqual(before('2026-05'))
    expect(await keptOf('tasks')).toEqual(CLOSED)
    await db.profiles.update(PEOPLE[0]!, { display_name: '新名字' })
    expect(await keptOf('tasks')).toEqual(CLOSED)
    await db.profiles.update(PEOPLE[0]!, { department_id: DEPTS[1]! })
    expect(await keptOf('tasks')).toEqual([])
    await keep('tasks')
    await expectFresh('tasks')
  })

  it('fuel: a fill or a changed baseline drops every month; occupancy: a late stay or repair drops from its month, a bed\'s status change none', async () => {
    await keep('fuel')
    await keep('beds')
    const vehicle = (await db.assets.where('kind').equals('vehicle').first())!
    // A bed's derived status changes at every act: no figure depends on it.
    const bed = (await db.dorm_beds.toArray())[0]!
    await db.dorm_beds.update(bed.id, { status: 'occupied', updated_at: '2026-12-01T00:00:00.000Z' })
    expect(await keptOf('beds')).toEqual(CLOSED)
    // A repair synced late for April drops April on (a day before its instant, for the zone).
    const repair = { id: id(9300), bed_id: bed.id, site_id: SITE, stay_id: null, type: 'repair_start', actor_id: PEOPLE[0]!, device_time: '2026-04-10T02:00:00.000Z', server_time: null, payload: {}, photo_ids: [], flagged: false, updated_at: '', deleted_at: null }
    await applyPage(db, [{ table: 'dorm_bed_events', id: repair.id, row: repair, deleted: false }], 'c1')
    expect(await keptOf('beds')).toEqual(before('2026-04'))
    expect(await keptOf('fuel')).toEqual(CLOSED)
    await keep('beds', CLOSED.filter((m) => m >= '2026-04'))
    await expectFresh('beds')
    // A fill typed today can take an old reading out of sequence: every fuel month.
    await db.fuel_logs.add({ id: id(9301), vehicle_id: vehicle.id, driver_id: PEOPLE[0]!, filled_at: '2026-12-01T02:00:00.000Z', odometer_km: 1, litres: 40, unit_price: null, amount: null, full_tank: true, missed_previous: false, fuel_type: null, station: null, fuel_card: null, photo_ids: [], status: 'complete', updated_at: '', deleted_at: null })
    expect(await keptOf('fuel')).toEqual([])
    await keep('fuel')
    expect(await keptOf('fuel')).toEqual(CLOSED)
    // The fleet manager sets the baseline: every fuel month (and, the vehicle row being a dimension
    // of them too, the trips': a baseline changes seldom).
    await db.assets.update(vehicle.id, { fuel_baseline_l100km: 7.25 })
    expect(await keptOf('fuel')).toEqual([])
    await keep('fuel')
    await expectFresh('fuel')
  })

  it('a page of more records than it reads back drops every month of their sources', async () => {
    await keep('requests')
    await keep('tasks')
    const events = Array.from({ length: MAX_RECORDS + 1 }, (_, i) => ({ id: id(9400 + i), request_id: id(9500 + i), action: 'submit', actor_id: PEOPLE[0]!, on_behalf_of: null, at: '2026-11-02T02:00:00.000Z', flag: null, deleted_at: null }))
    await applyPage(db, events.map((e) => ({ table: 'request_events' as const, id: e.id, row: e, deleted: false })), 'c1')
    expect(await keptOf('requests')).toEqual([])
    expect(await keptOf('tasks')).toEqual(CLOSED)
  })

  it('writes sharing a transaction: a later write of an earlier month still drops from there; the generation moves', async () => {
    await keep('tasks')
    const { gen } = await readKeptMonths(db, VIEWER, 'tasks', CLOSED)
    const task = (n: number, due: string) => ({ id: id(n), site_id: SITE, department_id: null, assignee_id: PEOPLE[0]!, status: 'completed', due_on: due, completed_at: `${due}T03:00:00.000Z`, summary_at: null, score: null, scored_at: null, deleted_at: null })
    await db.transaction('rw', db.tasks, async () => {
      await db.tasks.put(task(9601, '2026-06-15') as never)
      await db.tasks.put(task(9602, '2026-08-15') as never)
      await db.tasks.put(task(9603, '2026-03-15') as never)
      await db.tasks.put(task(9604, '2026-09-15') as never)
    })
    expect(await keptOf('tasks')).toEqual(before('2026-03'))
    expect((await readKeptMonths(db, VIEWER, 'tasks', CLOSED)).gen).not.toBe(gen)
    await keep('tasks', CLOSED.filter((m) => m >= '2026-03'))
    await expectFresh('tasks')
  })

  it('figures computed from rows read before a write are not kept after it', async () => {
    const { gen } = await readKeptMonths(db, VIEWER, 'trips', CLOSED)
    await db.trips.add({ id: id(9300), vehicle_id: id(9301), driver_id: PEOPLE[0]!, started_at: '2026-03-03T01:00:00.000Z', vehicle_check_id: null, deleted_at: null } as never)
    expect(await keepMonths(db, VIEWER, 'trips', gen, new Map([['2026-03', {}]]))).toBe(false)
    expect(await keptOf('trips')).toEqual([])
    expect(await keep('trips')).toBe(true)
    expect(await keptOf('trips')).toEqual(CLOSED)
  })
})
