import { describe, expect, it } from 'vitest'
import { analyseFleet, type AnomalyEntry } from '@/features/vehicles/domain/anomalies'
import { benchFleet } from '@/features/vehicles/domain/benchData'
import { fill, series } from './fixtures'

const V = { id: 'v1', tank_size_l: 50 }

function entries(build: () => ReturnType<typeof fill>[], o: Partial<AnomalyEntry> = {}): AnomalyEntry[] {
  return series(build).map((e) => ({ fuel_type: 'gasoline_92', unit_price: e.litres && e.amount ? Math.round((e.amount / e.litres) * 100) / 100 : null, ...e, ...o }))
}
const kinds = (a: { entry_id: string; kind: string }[]) => a.map((x) => `${x.entry_id}:${x.kind.split('.').pop()}`)

describe('anomalies', () => {
  it('odometer out of sequence, with the last good reading', () => {
    const e = entries(() => [fill(10_000, 40), fill(10_500, 40), fill(15_000, 40), fill(11_000, 40), fill(11_500, 40)])
    const { anomalies } = analyseFleet([V], e)
    expect(anomalies).toEqual([
      { entry_id: 'e3', vehicle_id: 'v1', kind: 'vehicles.anomalies.odometerOutOfSequence', detail: { odometer_km: 15_000, previous_km: 10_500, problem: 'lower' } },
    ])
  })

  it('litres above the tank beyond the tolerance (max 2 L / 5 %)', () => {
    const e = entries(() => [fill(10_000, 40), fill(10_700, 52.5), fill(11_400, 52.51)])
    const { anomalies } = analyseFleet([V], e)
    expect(kinds(anomalies)).toEqual(['e3:tankExceeded'])
    expect(anomalies[0]?.detail).toEqual({ litres: 52.51, tank_size_l: 50 })
    // no tank size (an electric car, or unknown): no check
    expect(analyseFleet([{ id: 'v1', tank_size_l: null }], e).anomalies).toEqual([])
  })

  it('economy far outside the vehicle’s own history needs 5 previous intervals', () => {
    const build = (n: number) => () => {
      const out = [fill(10_000, 40)]
      for (let i = 1; i <= n; i++) out.push(fill(10_000 + i * 500, 40 + (i % 3) * 0.5))
      out.push(fill(10_000 + (n + 1) * 500, 70 * 0.6)) // 8.4 L/100 km: normal
      out.push(fill(10_000 + (n + 2) * 500, 48)) // 9.6 L/100 km: ~18 % up, outside 3 × MAD
      return out
    }
    const few = analyseFleet([V], entries(build(3))).anomalies
    expect(few).toEqual([])
    const many = analyseFleet([V], entries(build(6))).anomalies
    expect(kinds(many)).toEqual(['e9:economyOutlier'])
    expect(many[0]?.detail).toMatchObject({ l_per_100km: 9.6, median: 8.1 })
  })

  it('two fill-ups too close together (< 50 km and < 2 h), or < 2 h with a reading missing', () => {
    const e = entries(() => [
      fill(10_000, 40, { filled_at: '2026-03-01T01:00:00Z' }),
      fill(10_010, 5, { filled_at: '2026-03-01T01:30:00Z', full_tank: false }),
      fill(10_300, 20, { filled_at: '2026-03-01T02:30:00Z' }), // 290 km: not close
      fill(null, 10, { filled_at: '2026-03-01T03:00:00Z' }),
      fill(11_000, 40, { filled_at: '2026-03-02T03:00:00Z' }),
    ])
    const close = analyseFleet([V], e).anomalies.filter((a) => a.kind.endsWith('tooClose'))
    expect(close).toEqual([
      { entry_id: 'e2', vehicle_id: 'v1', kind: 'vehicles.anomalies.tooClose', detail: { previous_id: 'e1', distance_km: 10, minutes: 30 } },
      { entry_id: 'e4', vehicle_id: 'v1', kind: 'vehicles.anomalies.tooClose', detail: { previous_id: 'e3', distance_km: null, minutes: 30 } },
    ])
  })

  it('price far from that grade’s median that company month, across the fleet', () => {
    const e: AnomalyEntry[] = []
    for (let v = 0; v < 6; v++) {
      e.push(
        ...entries(() => [fill(10_000, 40, { vehicle_id: `v${v}`, day: 20 })], { id: `v${v}a`, unit_price: 7.8 + v * 0.02 }),
      )
    }
    e.push(...entries(() => [fill(10_000, 40, { vehicle_id: 'vx', day: 21 })], { id: 'high', unit_price: 9.2 }))
    // 95# is another grade: not compared with 92#
    e.push(...entries(() => [fill(10_000, 40, { vehicle_id: 'vy', day: 21 })], { id: 'g95', unit_price: 8.4, fuel_type: 'gasoline_95' }))
    const price = analyseFleet([], e).anomalies.filter((a) => a.kind.endsWith('priceOutlier'))
    expect(price).toEqual([
      {
        entry_id: 'high',
        vehicle_id: 'vx',
        kind: 'vehicles.anomalies.priceOutlier',
        detail: { unit_price: 9.2, median_price: 7.86, fuel_type: 'gasoline_92', month: '2026-01' },
      },
    ])
  })

  it('drafts are not priced and not economy', () => {
    const e = entries(() => [fill(10_000, null, { status: 'draft' })])
    expect(analyseFleet([V], e).anomalies).toEqual([])
  })
})

describe('scale (results, not time: the bench measures time)', () => {
  it('one vehicle with 5,000 fuel entries: every planted anomaly found, few others', () => {
    const fleet = benchFleet({ vehicles: 1, entriesPerVehicle: 5_000, days: 100_000 })
    expect(fleet.entries.length).toBeGreaterThanOrEqual(5_000)
    const { economy, anomalies } = analyseFleet(fleet.vehicles, fleet.entries)
    const found = new Set(anomalies.map((a) => `${a.entry_id}|${a.kind}`))
    for (const p of fleet.planted) expect(found, `${p.kind} ${p.entry_id}`).toContain(`${p.entry_id}|${p.kind}`)
    const plantedIds = new Set(fleet.planted.map((p) => p.entry_id))
    const others = anomalies.filter((a) => !plantedIds.has(a.entry_id))
    expect(others.length).toBeLessThan(fleet.entries.length * 0.03)
    const eco = economy.get(fleet.vehicles[0]?.id ?? '')
    expect(eco?.interval_count).toBeGreaterThan(3_000)
    expect(eco?.l_per_100km).toBeGreaterThan(5)
    expect(eco?.l_per_100km).toBeLessThan(14)
  })

  it('a fleet of 200 vehicles over two years', () => {
    const fleet = benchFleet()
    expect(fleet.vehicles).toHaveLength(200)
    expect(fleet.entries.length).toBeGreaterThan(20_000)
    const { economy, anomalies } = analyseFleet(fleet.vehicles, fleet.entries)
    expect(economy.size).toBe(200)
    const found = new Set(anomalies.map((a) => `${a.entry_id}|${a.kind}`))
    for (const p of fleet.planted) expect(found).toContain(`${p.entry_id}|${p.kind}`)
    const plantedIds = new Set(fleet.planted.map((p) => p.entry_id))
    expect(anomalies.filter((a) => !plantedIds.has(a.entry_id)).length).toBeLessThan(fleet.entries.length * 0.03)
    for (const eco of economy.values()) expect(eco.l_per_100km).not.toBeNull()
  })

  it('the generator is deterministic', () => {
    const a = benchFleet({ vehicles: 3, days: 60 })
    const b = benchFleet({ vehicles: 3, days: 60 })
    expect(a).toEqual(b)
  })
})
