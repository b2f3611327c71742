/**
 * Fuel economy, full-to-full (the only honest way without a fuel flow meter):
 * - an interval starts at a full fill and ends at the next full fill; its litres are the
 *   closing fill plus every partial fill in between (the tank was full at both ends, so
 *   that is exactly the fuel burnt over the distance);
 * - only the two full fills' readings matter: a partial fill's litres and cost belong to
 *   the open interval whether or not its reading is there or in sequence (the reading is
 *   still reported in `excluded`, never guessed);
 * - a missed fill-up (missed_previous), a full fill without an odometer reading or with a
 *   reading out of sequence (sequence.ts), or a fill without figures yet (a quick-entry
 *   draft) breaks the interval that contains it: no figure, and a new interval starts at
 *   the next full fill with a trusted reading (a draft full fill can start one: its own
 *   litres never count);
 * - no figure from a first-ever entry, a lone partial fill or a zero distance.
 * Aggregates weight by distance (total litres / total km over valid intervals), never
 * average the ratios: a 30 km interval must not count like a 600 km one.
 *
 * Rounding: L/100 km to 0.01 half-up, cost to 0.01 yuan, cost per km to 0.001 yuan.
 */
import { fenToYuan, halfUp, mlToLitres } from './amounts'
import { prepareEntries, type EconomyEntry, type PreparedEntry } from './sequence'

export type { EconomyEntry } from './sequence'

export const ECONOMY_FLAGS = {
  missedPrevious: 'vehicles.flags.missedPrevious',
  noOdometer: 'vehicles.flags.noOdometer',
  odometerOutOfSequence: 'vehicles.flags.odometerOutOfSequence',
  amountsPending: 'vehicles.flags.amountsPending',
  zeroDistance: 'vehicles.flags.zeroDistance',
} as const
export type EconomyFlag = (typeof ECONOMY_FLAGS)[keyof typeof ECONOMY_FLAGS]

export interface EconomyInterval {
  start_id: string
  end_id: string
  /** The closing fill's time: where the point sits on an L/100 km chart. */
  end_at: string
  distance_km: number
  litres: number
  l_per_100km: number
  cost: number
  cost_per_km: number
  /** The partial fills and the closing fill whose fuel the interval counts. */
  entry_ids: string[]
  litres_ml: number
  cost_fen: number
}

/** An interval that gave no figure: from its start fill to the entry that broke it. */
export interface BrokenInterval {
  start_id: string
  at_id: string
  reason: EconomyFlag
}

export interface VehicleEconomy {
  vehicle_id: string
  intervals: EconomyInterval[]
  broken: BrokenInterval[]
  /** Entries whose reading is missing or out of sequence: the reading is not used (a partial fill's fuel still counts). */
  excluded: { entry_id: string; reason: EconomyFlag }[]
  interval_count: number
  total_distance_km: number
  total_litres: number
  total_cost: number
  /** Weighted: total litres / total distance; null without a valid interval. */
  l_per_100km: number | null
  cost_per_km: number | null
}

interface Open {
  start: PreparedEntry
  ml: number
  fen: number
  ids: string[]
}

/** L/100 km for a volume and distance, 0.01 half-up (ml / (10 km) L/100 km). */
export function lPer100km(ml: number, km: number): number | null {
  return km > 0 ? halfUp(10 * ml, km) / 100 : null
}

/** Yuan per km, 0.001 half-up. */
export function costPerKm(fen: number, km: number): number | null {
  return km > 0 ? halfUp(10 * fen, km) / 1000 : null
}

/** Economy of one vehicle's entries, already ordered and checked by prepareEntries. */
export function economyOfPrepared(vehicleId: string, rows: readonly PreparedEntry[]): VehicleEconomy {
  const intervals: EconomyInterval[] = []
  const broken: BrokenInterval[] = []
  const excluded: VehicleEconomy['excluded'] = []
  let open: Open | null = null
  const breakAt = (row: PreparedEntry, reason: EconomyFlag) => {
    if (open) broken.push({ start_id: open.start.entry.id, at_id: row.entry.id, reason })
    open = null
  }
  const startAt = (row: PreparedEntry): Open => ({ start: row, ml: 0, fen: 0, ids: [] })

  for (const row of rows) {
    const e = row.entry
    if (e.odometer_km === null) excluded.push({ entry_id: e.id, reason: ECONOMY_FLAGS.noOdometer })
    else if (row.sequence) excluded.push({ entry_id: e.id, reason: ECONOMY_FLAGS.odometerOutOfSequence })
    const trusted = e.odometer_km !== null && row.sequence === null

    if (e.missed_previous) breakAt(row, ECONOMY_FLAGS.missedPrevious)
    if (!trusted && e.full_tank) {
      breakAt(row, e.odometer_km === null ? ECONOMY_FLAGS.noOdometer : ECONOMY_FLAGS.odometerOutOfSequence)
      continue
    }
    if (row.ml === null) {
      breakAt(row, ECONOMY_FLAGS.amountsPending)
      if (e.full_tank) open = startAt(row)
      continue
    }
    const cur: Open | null = open
    if (!e.full_tank) {
      if (cur) {
        cur.ml += row.ml
        cur.fen += row.fen ?? 0
        cur.ids.push(e.id)
      }
      continue
    }
    if (cur) {
      const distance = (e.odometer_km ?? 0) - (cur.start.entry.odometer_km ?? 0)
      const ml = cur.ml + row.ml
      const fen = cur.fen + (row.fen ?? 0)
      if (distance > 0) {
        intervals.push({
          start_id: cur.start.entry.id,
          end_id: e.id,
          end_at: e.filled_at,
          distance_km: distance,
          litres: mlToLitres(ml),
          l_per_100km: lPer100km(ml, distance) ?? 0,
          cost: fenToYuan(fen),
          cost_per_km: costPerKm(fen, distance) ?? 0,
          entry_ids: [...cur.ids, e.id],
          litres_ml: ml,
          cost_fen: fen,
        })
      } else {
        breakAt(row, ECONOMY_FLAGS.zeroDistance)
      }
    }
    open = startAt(row)
  }

  let km = 0
  let ml = 0
  let fen = 0
  for (const i of intervals) {
    km += i.distance_km
    ml += i.litres_ml
    fen += i.cost_fen
  }
  return {
    vehicle_id: vehicleId,
    intervals,
    broken,
    excluded,
    interval_count: intervals.length,
    total_distance_km: km,
    total_litres: mlToLitres(ml),
    total_cost: fenToYuan(fen),
    l_per_100km: lPer100km(ml, km),
    cost_per_km: costPerKm(fen, km),
  }
}

/** Economy of one vehicle (entries of other vehicles must not be mixed in). */
export function vehicleEconomy(vehicleId: string, entries: readonly EconomyEntry[]): VehicleEconomy {
  return economyOfPrepared(vehicleId, prepareEntries(entries))
}

/** Groups any entries by vehicle (one pass), in first-seen order. */
export function groupByVehicle<T extends { vehicle_id: string }>(entries: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const e of entries) {
    const list = out.get(e.vehicle_id)
    if (list) list.push(e)
    else out.set(e.vehicle_id, [e])
  }
  return out
}

/** Economy of every vehicle in a fleet's entries. */
export function fleetEconomy(entries: readonly EconomyEntry[]): Map<string, VehicleEconomy> {
  const out = new Map<string, VehicleEconomy>()
  for (const [vehicleId, list] of groupByVehicle(entries)) out.set(vehicleId, vehicleEconomy(vehicleId, list))
  return out
}
