// Hand-made event sets for the two last KPIs of the catalogue: fuel economy against each vehicle's
// baseline (10.4) and dormitory occupancy (13.1). Each case names the rule it pins down; the SQL
// twins are compared on generated data in tests/db/kpis.test.ts.
import { beforeAll, describe, expect, it } from 'vitest'
import { makeCalendar, NO_STATUTORY_DAYS, type CompanyCalendar } from '@/shared/lib/calendar'
import {
  drillDown,
  figureOf,
  figures,
  fuelItems,
  median,
  monthPeriod,
  occupancyItems,
  withinBaseline,
  type BedEventFacts,
  type FuelLogFacts,
  type OccupancyStayFacts,
} from '@/features/kpis/domain'
import { ALICE, BOB, DEPT, SITE, ctx, id } from './fixtures'

let cal: CompanyCalendar
beforeAll(() => {
  cal = makeCalendar(NO_STATUTORY_DAYS)
})
const NOW = '2026-12-10T10:00:00+08:00'

describe('fuel economy within the vehicle baseline (fuel_within_baseline)', () => {
  const vehicle = { id: id(), kind: 'vehicle', site_id: SITE, fuel_baseline_l100km: null as number | null, deleted_at: null }
  const fill = (at: string, odometer: number | null, litres: number | null, over: Partial<FuelLogFacts> = {}): FuelLogFacts => ({
    id: id(), vehicle_id: vehicle.id, driver_id: ALICE, filled_at: at, odometer_km: odometer, litres, amount: litres === null ? null : litres * 7.5,
    full_tank: true, missed_previous: false, status: 'complete', deleted_at: null, ...over,
  })
  const run = (logs: FuelLogFacts[], baseline: number | null = null) => fuelItems(ctx(cal, NOW), [{ ...vehicle, fuel_baseline_l100km: baseline }], logs)

  it('one item per full-to-full interval on its closing fill\'s company day; ≤ baseline + 10 % is met, to the hundredth', () => {
    // 500 km per interval: 50 L = 10.00 L/100 km; 55 L = 11.00 (exactly +10 %: met); 55.05 L = 11.01 (missed).
    const items = run([
      fill('2026-11-01T09:00:00+08:00', 10_000, 40),
      fill('2026-11-05T09:00:00+08:00', 10_500, 50),
      fill('2026-11-10T09:00:00+08:00', 11_000, 55),
      fill('2026-11-15T09:00:00+08:00', 11_500, 55.05, { driver_id: BOB }),
    ], 10)
    expect(items.map((i) => [i.day, i.value, i.person_id, i.record_id])).toEqual([
      ['2026-11-05', 1, ALICE, vehicle.id],
      ['2026-11-10', 1, ALICE, vehicle.id],
      ['2026-11-15', 0, BOB, vehicle.id],
    ])
    expect(items[0]!.department_id).toBe(DEPT)
    expect(withinBaseline(11, 10)).toBe(true)
    expect(withinBaseline(11.01, 10)).toBe(false)
  })

  it('a closing fill at 23:59 and at 00:00 on a month end falls in the month of the company day', () => {
    const items = run([
      fill('2026-10-30T09:00:00+08:00', 10_000, 40),
      fill('2026-10-31T23:59:00+08:00', 10_500, 50),
      fill('2026-11-01T00:00:00+08:00', 10_900, 40),
    ], 10)
    expect(items.map((i) => i.day)).toEqual(['2026-10-31', '2026-11-01'])
    expect(figureOf('fuel_within_baseline', items.filter((i) => i.day <= '2026-10-31')).decided).toBe(1)
    // 2026-10-31T16:00Z is 11-01 00:00 in Shanghai: November.
    expect(run([fill('2026-10-31T08:00:00Z', 10_000, 40), fill('2026-10-31T16:00:00Z', 10_500, 50)], 10).map((i) => i.day)).toEqual(['2026-11-01'])
  })

  it('no set baseline: the median of the intervals closed in the 90 days before the month; none there → not decided', () => {
    const logs = [
      fill('2026-08-01T09:00:00+08:00', 10_000, 40), // opens
      fill('2026-08-02T09:00:00+08:00', 10_100, 8), // 8.00, closed 08-02: before November's 90 days (08-03 on)
      fill('2026-08-10T09:00:00+08:00', 10_200, 9), // 9.00
      fill('2026-09-10T09:00:00+08:00', 10_300, 10), // 10.00
      fill('2026-10-10T09:00:00+08:00', 10_400, 12), // 12.00
      fill('2026-11-20T09:00:00+08:00', 10_500, 11.6), // 11.60 vs November's baseline
    ]
    const items = run(logs)
    // August's intervals have nothing before them: undecided.
    expect(items.filter((i) => i.day.startsWith('2026-08')).map((i) => i.value)).toEqual([null, null])
    // November: the 90 days before 11-01 are 08-03 … 10-31: 9, 10, 12 → median 10 → 11.60 > 11: missed.
    expect(items.find((i) => i.day === '2026-11-20')?.value).toBe(0)
    expect(median([9, 10, 12])).toBe(10)
    expect(median([9, 10, 12, 13])).toBe(11)
    expect(median([])).toBeNull()
  })

  it('a missing reading, a missed fill-up or a draft break the interval; partial fills add their litres; a deleted fill is not there', () => {
    const items = run([
      fill('2026-11-01T09:00:00+08:00', 10_000, 40),
      fill('2026-11-02T09:00:00+08:00', null, 30, { full_tank: false }), // partial, no reading: its litres still count
      fill('2026-11-03T09:00:00+08:00', 10_500, 20), // 50 L / 500 km = 10.00
      fill('2026-11-04T09:00:00+08:00', null, 40), // full with no reading: breaks
      fill('2026-11-05T09:00:00+08:00', 11_000, 40), // opens again, no item
      fill('2026-11-06T09:00:00+08:00', 11_400, 40, { missed_previous: true }), // breaks: no item
      fill('2026-11-07T09:00:00+08:00', 11_800, null, { status: 'draft' }), // a draft full fill opens, no item
      fill('2026-11-08T09:00:00+08:00', 12_300, 60), // 60 / 500 = 12.00
      fill('2026-11-09T09:00:00+08:00', 12_800, 10, { deleted_at: '2026-11-09T10:00:00+08:00' }),
    ], 10)
    expect(items.map((i) => [i.day, i.value, i.measure])).toEqual([
      ['2026-11-03', 1, 100],
      ['2026-11-08', 0, 120],
    ])
  })

  it('an empty period has no figure (not 0 % or 100 %); a lone first fill gives nothing', () => {
    expect(run([fill('2026-11-01T09:00:00+08:00', 10_000, 40)], 10)).toEqual([])
    const f = figures([], monthPeriod('2026-11')).find((x) => x.kpi === 'fuel_within_baseline')
    expect(f).toMatchObject({ value: null, decided: 0, pending: 0 })
  })

  it('the drill-down lists the worst interval first (the highest share of the baseline)', () => {
    const items = run([
      fill('2026-11-01T09:00:00+08:00', 10_000, 40),
      fill('2026-11-02T09:00:00+08:00', 10_500, 60), // 12.00: 120 %
      fill('2026-11-03T09:00:00+08:00', 11_000, 70), // 14.00: 140 %
      fill('2026-11-04T09:00:00+08:00', 11_500, 45), // 9.00: 90 %
    ], 10)
    expect(drillDown(items, 'fuel_within_baseline', monthPeriod('2026-11')).map((i) => i.measure)).toEqual([140, 120, 90])
  })
})

describe('dormitory occupancy (dorm_occupancy): occupied bed-days / available bed-days', () => {
  const room = id()
  const bed = (created: string) => ({ id: id(), room_id: room, site_id: SITE, created_at: created, deleted_at: null })
  const stay = (bedId: string, checkedIn: string | null, endedAt: string | null, over: Partial<OccupancyStayFacts> = {}): OccupancyStayFacts => ({
    id: id(), bed_id: bedId, status: endedAt ? 'ended' : 'active', checked_in_at: checkedIn, ended_at: endedAt, deleted_at: null, ...over,
  })
  const repair = (bedId: string, type: 'repair_start' | 'repair_end', at: string): BedEventFacts => ({ id: id(), bed_id: bedId, type, device_time: at, deleted_at: null })
  const NOV = monthPeriod('2026-11')

  it('a resident from check-in day to the day before check-out, at the month-end midnight in the company zone', () => {
    const b = bed('2026-10-01T09:00:00+08:00')
    // In on 10-31 at 23:59 (Shanghai): October's last day is occupied; out 11-03 at 00:00: 11-01, 11-02 occupied.
    const items = occupancyItems(ctx(cal, NOW), { from: '2026-10-30', to: '2026-11-04' }, [b], [stay(b.id, '2026-10-31T23:59:00+08:00', '2026-11-03T00:00:00+08:00')], [])
    expect(items.map((i) => [i.day, i.value])).toEqual([
      ['2026-10-30', 0],
      ['2026-10-31', 1],
      ['2026-11-01', 1],
      ['2026-11-02', 1],
      ['2026-11-03', 0],
      ['2026-11-04', 0],
    ])
    expect(items[0]).toMatchObject({ kpi: 'dorm_occupancy', record_id: room, site_id: SITE, department_id: null, person_id: null })
  })

  it('days under repair are not available; a resident still there counts (occupied wins); a same-day repair leaves the day in', () => {
    const [a, b] = [bed('2026-10-01T09:00:00+08:00'), bed('2026-10-01T09:00:00+08:00')]
    const items = occupancyItems(ctx(cal, NOW), NOV, [a, b], [stay(b.id, '2026-11-01T10:00:00+08:00', null)], [
      repair(a.id, 'repair_start', '2026-11-10T10:00:00+08:00'),
      repair(a.id, 'repair_end', '2026-11-20T08:00:00+08:00'),
      repair(a.id, 'repair_start', '2026-11-25T09:00:00+08:00'),
      repair(a.id, 'repair_end', '2026-11-25T17:00:00+08:00'),
      repair(b.id, 'repair_start', '2026-11-05T10:00:00+08:00'),
    ])
    const f = figureOf('dorm_occupancy', items)
    // a: 30 days − 10 under repair (11-10 … 11-19) = 20 vacant; b: 30 occupied.
    expect(f).toMatchObject({ decided: 50, met: 30 })
    expect(f.value).toBe(60)
    expect(items.some((i) => i.key === `${a.id}:2026-11-25`)).toBe(true)
    expect(items.some((i) => i.key === `${a.id}:2026-11-10`)).toBe(false)
  })

  it('a long absence keeps the bed: occupied; a reservation not checked in, a cancelled or deleted stay do not occupy', () => {
    const [b, c] = [bed('2026-10-01T09:00:00+08:00'), bed('2026-10-01T09:00:00+08:00')]
    const items = occupancyItems(ctx(cal, NOW), NOV, [b, c], [
      stay(b.id, '2026-11-01T10:00:00+08:00', '2026-11-11T10:00:00+08:00'),
      stay(b.id, null, null, { status: 'reserved' }),
      stay(b.id, '2026-11-15T10:00:00+08:00', null, { status: 'cancelled' }),
      stay(b.id, '2026-11-20T10:00:00+08:00', null, { deleted_at: '2026-11-21T10:00:00+08:00' }),
      // Away from 11-05 on (长期外出): an absence does not end the stay, the bed stays theirs.
      stay(c.id, '2026-10-20T10:00:00+08:00', null),
    ], [])
    expect(figureOf('dorm_occupancy', items)).toMatchObject({ decided: 60, met: 40 })
  })

  it('only days up to today and from the bed\'s creation; a removed bed is left out; an empty period has no figure', () => {
    const today = '2026-11-10T10:00:00+08:00'
    const [b, later, removed] = [bed('2026-10-01T09:00:00+08:00'), bed('2026-11-08T09:00:00+08:00'), { ...bed('2026-10-01T09:00:00+08:00'), deleted_at: '2026-11-02T09:00:00+08:00' }]
    const items = occupancyItems(ctx(cal, today), NOV, [b, later, removed], [], [])
    expect(items.length).toBe(10 + 3)
    expect(figureOf('dorm_occupancy', items).value).toBe(0)
    expect(occupancyItems(ctx(cal, today), monthPeriod('2026-12'), [b], [], [])).toEqual([])
    expect(figureOf('dorm_occupancy', []).value).toBeNull()
  })
})
