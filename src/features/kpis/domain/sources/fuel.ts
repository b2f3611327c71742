/**
 * 10.4 车辆加油 "L/100 km vs baseline" (fuel_within_baseline). Mirrors private.kpi_items_fuel.
 * - An item is a fill-to-fill interval (full tank to full tank), exactly the intervals the fleet
 *   pages show (vehicles/domain/economy.ts): on the company day of its closing fill, for that
 *   fill's driver, scoped by the vehicle's site.
 * - Met when its L/100 km is at most the baseline + FUEL_TOLERANCE_PCT %. The baseline is the
 *   vehicle's own (assets.fuel_baseline_l100km, set by the fleet manager or the admin head), else
 *   the median L/100 km of the vehicle's intervals closed in the FUEL_BASELINE_DAYS days before
 *   the month of the interval (the dashboard's period is the month). No baseline (a new vehicle):
 *   not decided — shown, not counted.
 * - A vehicle-month would hide a bad interval in a good month; an interval is what the driver
 *   can be asked about.
 */
import { addDays } from '@/shared/lib/zonedTime'
import { vehicleEconomy, type EconomyEntry } from '@/features/vehicles/domain/economy'
import type { KpiContext, KpiItem } from '../items'

export const FUEL_TOLERANCE_PCT = 10
export const FUEL_BASELINE_DAYS = 90

export interface FuelLogFacts extends EconomyEntry {
  driver_id: string
  deleted_at: string | null
}

export interface FuelVehicleFacts {
  id: string
  kind: string
  site_id: string | null
  fuel_baseline_l100km?: number | string | null
  deleted_at?: string | null
}

/** The median of some L/100 km figures; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.floor(s.length / 2)]!) / 2
}

/** Within the tolerance, in integers (L/100 km has 2 decimals, a median of two at most 3). */
export function withinBaseline(l100: number, baseline: number): boolean {
  return Math.round(l100 * 100) * 200 <= Math.round(baseline * 200) * (100 + FUEL_TOLERANCE_PCT)
}

/** The drill-down's order: L/100 km as a share of the baseline, in % (the worst first). */
export function fuelMeasure(l100: number, baseline: number | null): number | null {
  return baseline === null || baseline <= 0 ? null : Math.round((1000 * l100) / baseline) / 10
}

/** `logs` must hold every live fill of each vehicle whose items are wanted (a reading's sequence depends on all of them). */
export function fuelItems(ctx: KpiContext, vehicles: readonly FuelVehicleFacts[], logs: readonly FuelLogFacts[]): KpiItem[] {
  const byVehicle = new Map<string, FuelLogFacts[]>()
  for (const l of logs) {
    if (l.deleted_at !== null) continue
    const list = byVehicle.get(l.vehicle_id)
    if (list) list.push(l)
    else byVehicle.set(l.vehicle_id, [l])
  }
  const out: KpiItem[] = []
  for (const v of vehicles) {
    const list = byVehicle.get(v.id)
    if (v.kind !== 'vehicle' || v.deleted_at || !list) continue
    const driver = new Map(list.map((l) => [l.id, l.driver_id]))
    const intervals = vehicleEconomy(v.id, list).intervals.map((i) => ({ ...i, day: ctx.dateOf(i.end_at) }))
    const manual = v.fuel_baseline_l100km == null ? null : Number(v.fuel_baseline_l100km)
    const medians = new Map<string, number | null>()
    const baselineOf = (monthStart: string) => {
      if (manual !== null) return manual
      if (!medians.has(monthStart)) {
        const from = addDays(monthStart, -FUEL_BASELINE_DAYS)
        medians.set(monthStart, median(intervals.filter((x) => x.day >= from && x.day < monthStart).map((x) => x.l_per_100km)))
      }
      return medians.get(monthStart) ?? null
    }
    for (const i of intervals) {
      const baseline = baselineOf(`${i.day.slice(0, 7)}-01`)
      const person = driver.get(i.end_id) ?? null
      out.push({
        kpi: 'fuel_within_baseline',
        key: i.end_id,
        record_id: v.id,
        day: i.day,
        site_id: v.site_id,
        department_id: ctx.departmentOf(person),
        person_id: person,
        value: baseline === null ? null : withinBaseline(i.l_per_100km, baseline) ? 1 : 0,
        due: null,
        done_at: i.end_at,
        measure: fuelMeasure(i.l_per_100km, baseline),
      })
    }
  }
  return out
}
