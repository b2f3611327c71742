// The dashboard reads only a period's rows (data/kpiReads.ts). On generated rows placed where such
// a read can miss them — a second either side of a month's first midnight in the company's zone,
// deadlines in a month on records made months before, steps and summaries due after a holiday or a
// site's own days off, reopened records — every period's items must be exactly those of the whole
// tables, in a zone east and one west of UTC, read month by month, by the quarter and by the day,
// with the whole-table reads chosen and not.
import { describe, expect, it } from 'vitest'
import { readScope, readSource, workingDaysBack } from '@/features/kpis/data/kpiReads'
import { computeMonths, type MonthCache } from '@/features/kpis/stores/kpiMonths'
import { KPI_SOURCES, sourceItems, type KpiItem, type Period } from '@/features/kpis/domain'
import { addDays, lastDayOfMonth } from '@/shared/lib/zonedTime'
import { freshDb } from '../features/testDb'
import { EDGE_MONTHS, EDGE_SITE, atMidnight, seedEdges } from './edgeFixture'
import { wholeTables } from './yearFixture'

const NOW = Date.parse('2026-12-20T04:00:00Z')
const sorted = (items: readonly KpiItem[]) => items.map((i) => JSON.stringify(i)).sort()

// Where a read chooses between one whole-table read and a range per key, both ways (0: ranges).
const ZONES_AND_WAYS = ['Asia/Shanghai', 'America/Los_Angeles'].flatMap((zone) => [0, Infinity].map((perKey) => [zone, perKey] as const))

describe.each(ZONES_AND_WAYS)('KPI period reads at the edges (%s, whole-table reads up to %s rows a key)', (timeZone, perKey) => {
  it('each month, read on its own with the sources sharing their reads, gives exactly the whole tables\' items', async () => {
    const db = freshDb()
    const ctx = await seedEdges(db, timeZone, NOW)
    const all = await wholeTables(db, ctx)
    const cache: MonthCache = new Map()
    for (const m of EDGE_MONTHS) {
      const shared = readScope(ctx.calendar, perKey)
      await computeMonths(cache, KPI_SOURCES, [m], (s, p) => readSource(db, s, p, shared), (s, facts) => sourceItems(s, ctx, facts))
      const got = KPI_SOURCES.flatMap((s) => cache.get(s)?.get(m) ?? [])
      expect(sorted(got), m).toEqual(sorted(all.filter((i) => i.day.startsWith(m))))
    }
    // The edges are there: items on every month's first and last day, from every source.
    for (const kpi of ['affairs_on_time', 'affairs_score', 'follow_up_reminder_on_time', 'follow_up_first_success', 'seal_returned_on_time', 'licence_returned_on_time', 'licence_request_first_pass', 'rectification_on_time', 'inspection_score', 'dispatch_on_time', 'trip_pre_check', 'dorm_check_in_on_time', 'custody_checked_on_time'])
      for (const m of EDGE_MONTHS.slice(1)) expect(all.some((i) => i.kpi === kpi && (i.day === `${m}-01` || i.day === lastDayOfMonth(m))), `${kpi} ${m}`).toBe(true)
    // A step opened before the site's week off falls due on its first working day after it (06-01),
    // one opened before the company's day off on 03-03; a reminder level due two months after the
    // sheet's first reminder; the second level of a sheet opened 70 days before its task's deadline.
    expect(all.some((i) => i.kpi === 'approval_on_time' && i.day === '2026-06-01' && i.site_id === EDGE_SITE)).toBe(true)
    expect(all.some((i) => i.kpi === 'approval_on_time' && i.day === '2026-03-03')).toBe(true)
    expect(all.some((i) => i.kpi === 'affairs_summary_on_time' && i.day === '2026-06-03')).toBe(true)
    expect(all.some((i) => i.kpi === 'follow_up_reminder_on_time' && i.key.endsWith(':second') && i.day === '2026-05-01')).toBe(true)
    expect(all.filter((i) => i.value === null).length).toBeGreaterThan(0)
  })

  it('a quarter, and single days either side of each month\'s turn, give the same items', async () => {
    const db = freshDb()
    const ctx = await seedEdges(db, timeZone, NOW)
    const all = await wholeTables(db, ctx)
    const periods: Period[] = [{ from: '2026-04-01', to: '2026-06-30' }]
    for (const m of EDGE_MONTHS.slice(1)) periods.push({ from: `${m}-01`, to: `${m}-01` }, { from: addDays(`${m}-01`, -1), to: addDays(`${m}-01`, -1) })
    let seen = 0
    for (const p of periods) {
      const shared = readScope(ctx.calendar, perKey)
      const got = (await Promise.all(KPI_SOURCES.map(async (s) => sourceItems(s, ctx, await readSource(db, s, p, shared))))).flat().filter((i) => i.day >= p.from && i.day <= p.to)
      const want = all.filter((i) => i.day >= p.from && i.day <= p.to)
      expect(sorted(got), `${p.from}…${p.to}`).toEqual(sorted(want))
      seen += want.length
    }
    expect(seen).toBeGreaterThan(200)
  })
})

describe('workingDaysBack', () => {
  it('counts only days working for the company and at every site with its own days', async () => {
    const db = freshDb()
    const ctx = await seedEdges(db, 'Asia/Shanghai', NOW)
    // 06-01 is a Monday; the site is off 05-25 … 05-29: the last day working everywhere is 05-22.
    expect(workingDaysBack(ctx.calendar, '2026-06-01', 1)).toBe('2026-05-22')
    // 03-02 is the company's day off, 03-01 a Sunday, 02-28 a make-up working day (Spring Festival).
    expect(workingDaysBack(ctx.calendar, '2026-03-03', 1)).toBe('2026-02-28')
    expect(workingDaysBack(ctx.calendar, '2026-03-03', 2)).toBe('2026-02-27')
    expect(workingDaysBack(undefined, '2026-03-03', 1)).toBe(addDays('2026-03-03', -45))
    expect(atMidnight('2026-03-01', 'Asia/Shanghai')).toBe('2026-02-28T16:00:00.000Z')
    expect(atMidnight('2026-07-01', 'America/Los_Angeles', -1)).toBe('2026-07-01T06:59:59.000Z')
  })
})
