/**
 * Runs in Chromium (served by the Vite dev server): fuel economy and anomalies with the
 * vehicles domain's own code over its benchFleet() data: one vehicle with 5,000 fill-ups,
 * and a fleet of 200 vehicles over two years (also read back from IndexedDB first, as the
 * fleet dashboard does).
 */
import { openDb, type AdminFieldDb } from '@/platform/db'
import type { FuelLogRow } from '@/platform/db/rows'
import { analyseFleet } from '@/features/vehicles/domain/anomalies'
import { benchFleet, type BenchFleet } from '@/features/vehicles/domain/benchData'

export interface Measured {
  samples: number[]
  /** Counts from the last run (checked by the test, never the time). */
  counts: { entries: number; vehicles: number; intervals: number; anomalies: number; plantedFound: number; planted: number }
}

declare global {
  interface Window {
    measureAnalysis(options: { vehicles: number; days?: number; entriesPerVehicle?: number }, runs: number): Promise<Measured>
    seedFleet(vehicles: number, days: number): Promise<{ rows: number; seedMs: number }>
    measureReadAndAnalyse(runs: number): Promise<Measured>
  }
}

function run(fleet: BenchFleet, entries: BenchFleet['entries']): Measured['counts'] {
  const r = analyseFleet(fleet.vehicles, entries)
  let intervals = 0
  for (const e of r.economy.values()) intervals += e.interval_count
  const found = new Set(r.anomalies.map((a) => `${a.entry_id}|${a.kind}`))
  return {
    entries: entries.length,
    vehicles: r.economy.size,
    intervals,
    anomalies: r.anomalies.length,
    plantedFound: fleet.planted.filter((p) => found.has(`${p.entry_id}|${p.kind}`)).length,
    planted: fleet.planted.length,
  }
}

window.measureAnalysis = async (options, runs) => {
  const fleet = benchFleet(options)
  const samples: number[] = []
  let counts = run(fleet, fleet.entries) // warm-up (JIT)
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    counts = run(fleet, fleet.entries)
    samples.push(performance.now() - t0)
  }
  return { samples, counts }
}

let db: AdminFieldDb
let seeded: BenchFleet

window.seedFleet = async (vehicles, days) => {
  db = openDb(`bench-vehicles-${crypto.randomUUID()}`)
  seeded = benchFleet({ vehicles, days })
  const t0 = performance.now()
  const stamp = new Date().toISOString()
  const rows: FuelLogRow[] = seeded.entries.map((e) => ({
    ...e, driver_id: e.vehicle_id, photo_ids: [], station: null, fuel_card: null, status: 'complete', updated_at: stamp, deleted_at: null,
  }))
  await db.fuel_logs.bulkAdd(rows)
  return { rows: rows.length, seedMs: performance.now() - t0 }
}

window.measureReadAndAnalyse = async (runs) => {
  const samples: number[] = []
  let counts = run(seeded, seeded.entries)
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const rows = await db.fuel_logs.toArray()
    counts = run(seeded, rows.map((r) => ({ ...r, fuel_type: r.fuel_type ?? '' })))
    samples.push(performance.now() - t0)
  }
  return { samples, counts }
}
