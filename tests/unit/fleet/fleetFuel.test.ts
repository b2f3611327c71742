import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { analyseFleet } from '@/features/vehicles/domain/anomalies'
import { loadFuelLogs, toAnomalyEntry } from '@/features/fleet/data/fleetFuel'
import { freshDb } from '../features/testDb'
import { fuel, vehicle } from './fixtures'

const NOW = new Date('2026-03-01T00:00:00.000Z')
const DAY = 86_400_000

describe('fleet fuel logs from Dexie', () => {
  it('reads the last two years (deleted rows left out) and feeds economy and anomalies', async () => {
    const db = freshDb()
    const v = vehicle()
    const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY).toISOString()
    await db.fuel_logs.bulkAdd([
      fuel(v.id, { filled_at: at(800), odometer_km: 1_000 }),
      fuel(v.id, { filled_at: at(30), odometer_km: 10_000 }),
      fuel(v.id, { filled_at: at(20), odometer_km: 10_500, litres: 40, fuel_type: null }),
      fuel(v.id, { filled_at: at(10), odometer_km: 11_000, litres: 45, deleted_at: at(9) }),
      fuel(v.id, { filled_at: at(5), odometer_km: 11_000 + 600, litres: 70 }),
    ])
    const rows = await loadFuelLogs(db, NOW)
    expect(rows.map((r) => r.odometer_km)).toEqual([10_000, 10_500, 11_600])
    const r = analyseFleet([{ id: v.id, tank_size_l: 60 }], rows.map(toAnomalyEntry))
    const eco = r.economy.get(v.id)!
    // 500 km on 40 L, then 1,100 km on 70 L: weighted 110 L / 1,600 km.
    expect(eco.intervals.map((i) => i.l_per_100km)).toEqual([8, 6.36])
    expect(eco.l_per_100km).toBe(6.88)
    expect(r.anomalies.map((a) => a.kind)).toContain('vehicles.anomalies.tankExceeded')
  })
})
