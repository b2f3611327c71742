import { describe, expect, it } from 'vitest'
import { vehicleEconomy } from '@/features/vehicles/domain/economy'
import { economySeries, fuelCsv, fuelCsvBlob, fuelCsvFilename, monthlyEconomy, monthlySpend } from '@/features/vehicles/domain/reports'
import { fill, series } from './fixtures'

describe('monthlySpend', () => {
  const entries = [
    // 2026-01-31 17:00Z is 1 February 01:00 in Shanghai: February's spend.
    { vehicle_id: 'v1', filled_at: '2026-01-31T17:00:00Z', litres: 40, amount: 315.6 },
    { vehicle_id: 'v1', filled_at: '2026-01-20T02:00:00Z', litres: 0.1, amount: 0.1 },
    { vehicle_id: 'v1', filled_at: '2026-01-21T02:00:00Z', litres: 0.2, amount: 0.2 },
    { vehicle_id: 'v2', filled_at: '2026-01-10T02:00:00Z', litres: 50, amount: 390 },
    { vehicle_id: 'v3', filled_at: '2026-01-10T02:00:00Z', litres: 10, amount: 80 },
    { vehicle_id: 'v2', filled_at: '2026-01-11T02:00:00Z', litres: null, amount: null, status: 'draft' as const },
    { vehicle_id: 'v2', filled_at: '2026-01-12T02:00:00Z', litres: 5, amount: 40, deleted_at: '2026-01-13T00:00:00Z' },
  ]
  const departments = new Map<string, string | null>([
    ['v1', 'd-admin'],
    ['v2', 'd-admin'],
    ['v3', null],
  ])
  it('per vehicle and per department, company-zone months, exact sums', () => {
    const s = monthlySpend(entries, departments)
    expect(s.by_vehicle).toEqual([
      { month: '2026-01', key: 'v1', amount: 0.3, litres: 0.3, fills: 2 },
      { month: '2026-01', key: 'v2', amount: 390, litres: 50, fills: 1 },
      { month: '2026-01', key: 'v3', amount: 80, litres: 10, fills: 1 },
      { month: '2026-02', key: 'v1', amount: 315.6, litres: 40, fills: 1 },
    ])
    expect(s.by_department).toEqual([
      { month: '2026-01', key: null, amount: 80, litres: 10, fills: 1 },
      { month: '2026-01', key: 'd-admin', amount: 390.3, litres: 50.3, fills: 3 },
      { month: '2026-02', key: 'd-admin', amount: 315.6, litres: 40, fills: 1 },
    ])
    expect(s.pending_drafts).toBe(1)
  })
  it('in UTC the late fill stays in January', () => {
    expect(monthlySpend(entries, departments, 'UTC').by_vehicle[0]).toMatchObject({ key: 'v1', amount: 315.9 })
  })
})

describe('economy chart series', () => {
  const eco = vehicleEconomy(
    'v1',
    series(() => [fill(10_000, 40, { day: 10 }), fill(10_500, 40, { day: 20 }), fill(11_000, 50, { day: 40 }), fill(11_100, 10, { day: 45 })]),
  )
  it('one point per interval, in time order', () => {
    expect(economySeries(eco).map((p) => [p.month, p.l_per_100km, p.distance_km])).toEqual([
      ['2026-01', 8, 500],
      ['2026-02', 10, 500],
      ['2026-02', 10, 100],
    ])
  })
  it('monthly line weighted by distance', () => {
    expect(monthlyEconomy(eco)).toEqual([
      { month: '2026-01', distance_km: 500, litres: 40, l_per_100km: 8, cost_per_km: 0.64 },
      { month: '2026-02', distance_km: 600, litres: 60, l_per_100km: 10, cost_per_km: 0.8 },
    ])
  })
})

describe('fuelCsv', () => {
  const entry = {
    id: 'e1',
    vehicle_id: 'v1',
    driver_id: 'd1',
    filled_at: '2026-03-01T01:30:00Z',
    odometer_km: 12_345,
    litres: 40,
    unit_price: 7.89,
    amount: 315.6,
    full_tank: true,
    missed_previous: false,
    fuel_type: 'gasoline_92' as const,
    station: '=HYPERLINK("x")',
    fuel_card: null,
    status: 'complete' as const,
  }
  it('Chinese headers, BOM, company-zone time, names, formula-safe text', () => {
    const csv = fuelCsv([entry, { ...entry, id: 'e2', status: 'draft', litres: null, unit_price: null, amount: null, odometer_km: null }], {
      vehicles: new Map([['v1', '沪A12345']]),
      drivers: new Map([['d1', '王师傅']]),
    })
    expect(csv.startsWith('\uFEFF加油时间,车辆,司机,里程表读数(km),油品,加油量(L),单价(元/L),金额(元),是否加满,漏记上次,加油站,加油卡号,状态,备注,记录编号\r\n')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toBe(`2026-03-01 09:30,沪A12345,王师傅,12345,92#汽油,40,7.89,315.6,是,否,"'=HYPERLINK(""x"")",,已完成,,e1`)
    expect(lines[2]).toContain(',,,,是,否,')
    expect(lines[2]).toContain('待补录')
  })
  it('blob and filename', () => {
    const blob = fuelCsvBlob([entry])
    expect(blob.type).toBe('text/csv;charset=utf-8')
    expect(fuelCsvFilename('2026-03')).toBe('加油记录-2026-03.csv')
  })
})
