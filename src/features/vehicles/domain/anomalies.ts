/**
 * Fuel anomalies for the fleet manager (加油异常). Built to be cheap enough to recompute
 * on every open: one sort per vehicle (prepareEntries, shared with economy), then single
 * passes; the economy history is a bounded window and prices are grouped once, so nothing
 * is O(n²). Kinds are i18n keys; `detail` carries the numbers the message interpolates.
 *
 * Thresholds (all options):
 * - tank: litres above the vehicle's tank by more than max(2 L, 5 %) (the filler neck holds a
 *   little beyond the nominal size);
 * - economy: an interval outside median ± 3 × MAD of the vehicle's previous valid intervals
 *   (the last 20, at least 5). MAD is scaled by 1.4826 so 3 × MAD is three standard
 *   deviations for normal noise (unscaled it is two, and flags ~5 % of honest intervals),
 *   and floored at 2 % of the median so identical histories do not flag 0.01 L;
 * - too close: consecutive fills under 50 km and under 2 h apart (or under 2 h with a reading
 *   missing): a duplicate receipt, or fuel into another tank;
 * - price: more than 10 % from the median price of that fuel grade that company month across
 *   the fleet (at least 5 prices to compare with).
 */
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { halfUp, priceFenOf } from './amounts'
import { monthKeyer } from './months'
import { economyOfPrepared, groupByVehicle, type VehicleEconomy } from './economy'
import { prepareEntries, type EconomyEntry, type PreparedEntry } from './sequence'

export const ANOMALY_KINDS = {
  odometerOutOfSequence: 'vehicles.anomalies.odometerOutOfSequence',
  tankExceeded: 'vehicles.anomalies.tankExceeded',
  economyOutlier: 'vehicles.anomalies.economyOutlier',
  tooClose: 'vehicles.anomalies.tooClose',
  priceOutlier: 'vehicles.anomalies.priceOutlier',
} as const
export type AnomalyKind = (typeof ANOMALY_KINDS)[keyof typeof ANOMALY_KINDS]

export interface AnomalyEntry extends EconomyEntry {
  fuel_type: string
  unit_price: number | null
}

export interface AnomalyVehicle {
  id: string
  /** Litres; null (an electric vehicle, or not recorded) skips the tank check. */
  tank_size_l: number | null
}

export interface Anomaly {
  entry_id: string
  vehicle_id: string
  kind: AnomalyKind
  detail: Record<string, number | string | null>
}

export interface AnomalyOptions {
  timeZone?: string
  tankToleranceL?: number
  tankToleranceRatio?: number
  historyWindow?: number
  minHistory?: number
  madMultiplier?: number
  madFloorRatio?: number
  closeKm?: number
  closeHours?: number
  priceDeviation?: number
  minPrices?: number
}

const DEFAULTS: Required<AnomalyOptions> = {
  timeZone: DEFAULT_TIME_ZONE,
  tankToleranceL: 2,
  tankToleranceRatio: 0.05,
  historyWindow: 20,
  minHistory: 5,
  madMultiplier: 3,
  madFloorRatio: 0.02,
  closeKm: 50,
  closeHours: 2,
  priceDeviation: 0.1,
  minPrices: 5,
}

const MAD_SCALE = 1.4826

/** Median of a sorted, non-empty array. */
function medianSorted(xs: ArrayLike<number>): number {
  const n = xs.length
  const mid = n >> 1
  return n % 2 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2
}

function median(xs: readonly number[]): number {
  return medianSorted([...xs].sort((a, b) => a - b))
}

const round2 = (x: number) => Math.round(x * 100) / 100

function sequenceAnomalies(vehicleId: string, rows: readonly PreparedEntry[], out: Anomaly[]): void {
  let last: number | null = null
  for (const row of rows) {
    const km = row.entry.odometer_km
    if (km === null) continue
    if (row.sequence) {
      out.push({
        entry_id: row.entry.id,
        vehicle_id: vehicleId,
        kind: ANOMALY_KINDS.odometerOutOfSequence,
        detail: { odometer_km: km, previous_km: last, problem: row.sequence },
      })
    } else {
      last = km
    }
  }
}

function tankAnomalies(vehicle: AnomalyVehicle, rows: readonly PreparedEntry[], o: Required<AnomalyOptions>, out: Anomaly[]): void {
  if (vehicle.tank_size_l === null || vehicle.tank_size_l <= 0) return
  const limitMl = Math.round(1000 * (vehicle.tank_size_l + Math.max(o.tankToleranceL, vehicle.tank_size_l * o.tankToleranceRatio)))
  for (const row of rows) {
    if (row.ml !== null && row.ml > limitMl) {
      out.push({
        entry_id: row.entry.id,
        vehicle_id: vehicle.id,
        kind: ANOMALY_KINDS.tankExceeded,
        detail: { litres: row.ml / 1000, tank_size_l: vehicle.tank_size_l },
      })
    }
  }
}

function economyAnomalies(vehicleId: string, economy: VehicleEconomy, o: Required<AnomalyOptions>, out: Anomaly[]): void {
  // A ring buffer of the last `historyWindow` figures; typed-array sorts are numeric and fast.
  const size = Math.max(1, o.historyWindow)
  const ring = new Float64Array(size)
  const scratch = new Float64Array(size)
  let count = 0
  for (const interval of economy.intervals) {
    const x = interval.l_per_100km
    const n = Math.min(count, size)
    if (n >= o.minHistory) {
      const sorted = scratch.subarray(0, n)
      sorted.set(ring.subarray(0, n))
      sorted.sort()
      const med = medianSorted(sorted)
      for (let i = 0; i < n; i++) sorted[i] = Math.abs((sorted[i] as number) - med)
      sorted.sort()
      const mad = Math.max(MAD_SCALE * medianSorted(sorted), o.madFloorRatio * med)
      const low = med - o.madMultiplier * mad
      const high = med + o.madMultiplier * mad
      if (x < low || x > high) {
        out.push({
          entry_id: interval.end_id,
          vehicle_id: vehicleId,
          kind: ANOMALY_KINDS.economyOutlier,
          detail: { l_per_100km: x, median: round2(med), low: round2(Math.max(0, low)), high: round2(high), start_id: interval.start_id },
        })
      }
    }
    ring[count % size] = x
    count++
  }
}

function closeAnomalies(vehicleId: string, rows: readonly PreparedEntry[], o: Required<AnomalyOptions>, out: Anomaly[]): void {
  const closeMs = o.closeHours * 3_600_000
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1] as PreparedEntry
    const cur = rows[i] as PreparedEntry
    const dt = cur.ms - prev.ms
    if (!(dt < closeMs)) continue
    const a = prev.entry.odometer_km
    const b = cur.entry.odometer_km
    const distance = a === null || b === null ? null : b - a
    if (distance !== null && Math.abs(distance) >= o.closeKm) continue
    out.push({
      entry_id: cur.entry.id,
      vehicle_id: vehicleId,
      kind: ANOMALY_KINDS.tooClose,
      detail: { previous_id: prev.entry.id, distance_km: distance, minutes: Math.round(dt / 60_000) },
    })
  }
}

/** The fen-per-litre price an entry paid: its unit price, else amount ÷ litres. */
function priceOf(row: PreparedEntry<AnomalyEntry>): number | null {
  if (row.entry.status === 'draft') return null
  const p = row.entry.unit_price
  if (p !== null && p > 0) return Math.round(p * 100)
  return row.fen !== null && row.ml !== null ? priceFenOf(row.fen, row.ml) : null
}

function priceAnomalies(all: readonly PreparedEntry<AnomalyEntry>[], o: Required<AnomalyOptions>, out: Anomaly[]): void {
  const monthOf = monthKeyer(o.timeZone)
  const groups = new Map<string, { row: PreparedEntry<AnomalyEntry>; fen: number; month: string }[]>()
  for (const row of all) {
    const fen = priceOf(row)
    if (fen === null || Number.isNaN(row.ms)) continue
    const month = monthOf(row.ms)
    const key = `${row.entry.fuel_type}|${month}`
    const g = groups.get(key)
    const item = { row, fen, month }
    if (g) g.push(item)
    else groups.set(key, [item])
  }
  for (const g of groups.values()) {
    if (g.length < o.minPrices) continue
    const med = median(g.map((x) => x.fen))
    for (const { row, fen, month } of g) {
      if (Math.abs(fen - med) > o.priceDeviation * med) {
        out.push({
          entry_id: row.entry.id,
          vehicle_id: row.entry.vehicle_id,
          kind: ANOMALY_KINDS.priceOutlier,
          detail: { unit_price: fen / 100, median_price: halfUp(Math.round(med * 2), 2) / 100, fuel_type: row.entry.fuel_type, month },
        })
      }
    }
  }
}

/** Anomalies of one vehicle's history that need no other vehicle (everything but price). */
export function vehicleAnomalies(
  vehicle: AnomalyVehicle,
  rows: readonly PreparedEntry[],
  economy: VehicleEconomy,
  options: AnomalyOptions = {},
): Anomaly[] {
  const o = { ...DEFAULTS, ...options }
  const out: Anomaly[] = []
  sequenceAnomalies(vehicle.id, rows, out)
  tankAnomalies(vehicle, rows, o, out)
  economyAnomalies(vehicle.id, economy, o, out)
  closeAnomalies(vehicle.id, rows, o, out)
  return out
}

export interface FleetAnalysis {
  economy: Map<string, VehicleEconomy>
  anomalies: Anomaly[]
}

/**
 * Economy and anomalies of a whole fleet in one go: each vehicle's entries sorted once and
 * shared by both. Vehicles missing from `vehicles` still get every check but the tank's.
 */
export function analyseFleet(vehicles: readonly AnomalyVehicle[], entries: readonly AnomalyEntry[], options: AnomalyOptions = {}): FleetAnalysis {
  const o = { ...DEFAULTS, ...options }
  const byId = new Map(vehicles.map((v) => [v.id, v]))
  const economy = new Map<string, VehicleEconomy>()
  const anomalies: Anomaly[] = []
  const all: PreparedEntry<AnomalyEntry>[] = []
  for (const [vehicleId, list] of groupByVehicle(entries)) {
    const rows = prepareEntries(list)
    const eco = economyOfPrepared(vehicleId, rows)
    economy.set(vehicleId, eco)
    for (const a of vehicleAnomalies(byId.get(vehicleId) ?? { id: vehicleId, tank_size_l: null }, rows, eco, o)) anomalies.push(a)
    for (const r of rows) all.push(r)
  }
  priceAnomalies(all, o, anomalies)
  return { economy, anomalies }
}
