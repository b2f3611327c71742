/**
 * The fleet manager's figures: monthly fuel spend per vehicle and per department (company-
 * zone months), the L/100 km series behind the per-vehicle chart, and the fuel log as CSV
 * for Excel. Sums run in integer fen and mL (amounts.ts) and are converted once at the end.
 */
import { csvBlob, recordsToCsv, type CsvColumn } from '@/shared/lib/csv'
import { DEFAULT_TIME_ZONE, formatZonedDateTime } from '@/shared/lib/zonedTime'
import { fenToYuan, mlToLitres, toFen, toMl } from './amounts'
import { costPerKm, lPer100km, type VehicleEconomy } from './economy'
import { FUEL_GRADE_ZH, type FuelEntry, type FuelGrade } from './fuelEntry'
import { monthKeyer } from './months'

export interface SpendEntry {
  vehicle_id: string
  filled_at: string
  litres: number | null
  amount: number | null
  status?: 'draft' | 'complete'
  deleted_at?: string | null
}

export interface SpendRow {
  month: string
  /** A vehicle id or a department id (null: vehicles without a department). */
  key: string | null
  amount: number
  litres: number
  fills: number
}

export interface MonthlySpend {
  by_vehicle: SpendRow[]
  by_department: SpendRow[]
  /** Quick entries still without an amount: the spend is incomplete while this is not 0. */
  pending_drafts: number
}

interface Acc {
  month: string
  key: string | null
  fen: number
  ml: number
  fills: number
}

function add(map: Map<string, Acc>, month: string, key: string | null, fen: number, ml: number): void {
  const k = `${month}|${key ?? ''}`
  const a = map.get(k)
  if (a) {
    a.fen += fen
    a.ml += ml
    a.fills++
  } else {
    map.set(k, { month, key, fen, ml, fills: 1 })
  }
}

function rows(map: Map<string, Acc>): SpendRow[] {
  return [...map.values()]
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
    .map((a) => ({ month: a.month, key: a.key, amount: fenToYuan(a.fen), litres: mlToLitres(a.ml), fills: a.fills }))
}

/** Fuel spend per company month, per vehicle and per department (from `departmentOf`). */
export function monthlySpend(
  entries: readonly SpendEntry[],
  departmentOf: ReadonlyMap<string, string | null>,
  timeZone: string = DEFAULT_TIME_ZONE,
): MonthlySpend {
  const monthOf = monthKeyer(timeZone)
  const byVehicle = new Map<string, Acc>()
  const byDepartment = new Map<string, Acc>()
  let pending = 0
  for (const e of entries) {
    if (e.deleted_at) continue
    const fen = e.status === 'draft' ? null : toFen(e.amount)
    if (fen === null) {
      pending++
      continue
    }
    const ms = Date.parse(e.filled_at)
    if (Number.isNaN(ms)) continue
    const month = monthOf(ms)
    const ml = toMl(e.litres) ?? 0
    add(byVehicle, month, e.vehicle_id, fen, ml)
    add(byDepartment, month, departmentOf.get(e.vehicle_id) ?? null, fen, ml)
  }
  return { by_vehicle: rows(byVehicle), by_department: rows(byDepartment), pending_drafts: pending }
}

export interface EconomyPoint {
  /** The closing fill's time (ISO) and its company date, for the chart's x axis. */
  at: string
  month: string
  l_per_100km: number
  distance_km: number
  end_id: string
}

/** One point per valid full-to-full interval, in time order: the per-vehicle L/100 km chart. */
export function economySeries(economy: VehicleEconomy, timeZone: string = DEFAULT_TIME_ZONE): EconomyPoint[] {
  const monthOf = monthKeyer(timeZone)
  return economy.intervals.map((i) => ({ at: i.end_at, month: monthOf(Date.parse(i.end_at)), l_per_100km: i.l_per_100km, distance_km: i.distance_km, end_id: i.end_id }))
}

export interface MonthlyEconomy {
  month: string
  distance_km: number
  litres: number
  /** Weighted by distance over the intervals closing that month. */
  l_per_100km: number | null
  cost_per_km: number | null
}

/** The chart's smoother line: intervals grouped by the month they close in, weighted. */
export function monthlyEconomy(economy: VehicleEconomy, timeZone: string = DEFAULT_TIME_ZONE): MonthlyEconomy[] {
  const monthOf = monthKeyer(timeZone)
  const out: { month: string; km: number; ml: number; fen: number }[] = []
  for (const i of economy.intervals) {
    const month = monthOf(Date.parse(i.end_at))
    let last = out[out.length - 1]
    if (!last || last.month !== month) {
      last = { month, km: 0, ml: 0, fen: 0 }
      out.push(last)
    }
    last.km += i.distance_km
    last.ml += i.litres_ml
    last.fen += i.cost_fen
  }
  return out.map((m) => ({ month: m.month, distance_km: m.km, litres: mlToLitres(m.ml), l_per_100km: lPer100km(m.ml, m.km), cost_per_km: costPerKm(m.fen, m.km) }))
}

export interface FuelCsvNames {
  /** vehicle id → plate (or name). */
  vehicles?: ReadonlyMap<string, string>
  /** driver id → name. */
  drivers?: ReadonlyMap<string, string>
}

type CsvEntry = Pick<
  FuelEntry,
  'id' | 'vehicle_id' | 'driver_id' | 'filled_at' | 'odometer_km' | 'litres' | 'unit_price' | 'amount' | 'full_tank' | 'missed_previous' | 'fuel_type' | 'station' | 'fuel_card' | 'status'
> & { note?: string | null }

/** The fuel log for Excel: Chinese headers, times in the company zone, UTF-8 with BOM. */
export function fuelCsv(entries: readonly CsvEntry[], names: FuelCsvNames = {}, timeZone: string = DEFAULT_TIME_ZONE): string {
  const yesNo = (b: boolean) => (b ? '是' : '否')
  const columns: CsvColumn<CsvEntry>[] = [
    { header: '加油时间', value: (e) => formatZonedDateTime(e.filled_at, timeZone) },
    { header: '车辆', value: (e) => names.vehicles?.get(e.vehicle_id) ?? e.vehicle_id },
    { header: '司机', value: (e) => names.drivers?.get(e.driver_id) ?? e.driver_id },
    { header: '里程表读数(km)', value: (e) => e.odometer_km },
    { header: '油品', value: (e) => FUEL_GRADE_ZH[e.fuel_type as FuelGrade] ?? e.fuel_type },
    { header: '加油量(L)', value: (e) => e.litres },
    { header: '单价(元/L)', value: (e) => e.unit_price },
    { header: '金额(元)', value: (e) => e.amount },
    { header: '是否加满', value: (e) => yesNo(e.full_tank) },
    { header: '漏记上次', value: (e) => yesNo(e.missed_previous) },
    { header: '加油站', value: (e) => e.station },
    { header: '加油卡号', value: (e) => e.fuel_card },
    { header: '状态', value: (e) => (e.status === 'draft' ? '待补录' : '已完成') },
    { header: '备注', value: (e) => e.note ?? null },
    { header: '记录编号', value: (e) => e.id },
  ]
  return recordsToCsv(entries, columns)
}

/** The same as a Blob to download (the BOM is in the text). */
export function fuelCsvBlob(entries: readonly CsvEntry[], names: FuelCsvNames = {}, timeZone: string = DEFAULT_TIME_ZONE): Blob {
  return csvBlob(fuelCsv(entries, names, timeZone))
}

/** `加油记录-2026-03.csv` (or a date range's label). */
export const fuelCsvFilename = (period: string) => `加油记录-${period}.csv`
