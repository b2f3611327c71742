/** The fleet dashboard's state: fuel logs read once, economy and anomalies computed once per open. */
import { computed, ref, shallowRef } from 'vue'
import { getDb } from '@/platform/db'
import type { FuelLogRow } from '@/platform/db/rows'
import { analyseFleet, type Anomaly, type FleetAnalysis } from '@/features/vehicles/domain/anomalies'
import { economySeries, fuelCsvBlob, fuelCsvFilename, monthlySpend } from '@/features/vehicles/domain/reports'
import { downloadBlob } from '@/shared/lib/download'
import { loadFleetDirectory, type FleetDirectory } from '../data/fleetReads'
import { loadFuelLogs, toAnomalyEntry } from '../data/fleetFuel'

export interface AnomalyView extends Anomaly {
  vehicle: string
  filled_at: string
}

const tankOf = (details: Record<string, unknown>): number | null => (typeof details.tank_size_l === 'number' ? details.tank_size_l : null)

export function useFleetDashboard() {
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const directory = shallowRef<FleetDirectory | null>(null)
  const logs = shallowRef<FuelLogRow[]>([])
  const analysis = shallowRef<FleetAnalysis | null>(null)
  const selected = ref<string>('')

  async function start(): Promise<void> {
    status.value = 'loading'
    try {
      const database = getDb()
      const [dir, rows] = await Promise.all([loadFleetDirectory(database), loadFuelLogs(database)])
      const vehicles = dir.vehicles.map((v) => ({ id: v.id, tank_size_l: tankOf(v.details) }))
      analysis.value = analyseFleet(vehicles, rows.map(toAnomalyEntry), { timeZone: dir.timeZone })
      directory.value = dir
      logs.value = rows
      if (!selected.value) selected.value = dir.vehicles.find((v) => analysis.value?.economy.has(v.id))?.id ?? dir.vehicles[0]?.id ?? ''
      status.value = 'ready'
    } catch (e) {
      console.error('fleet dashboard failed', e)
      status.value = 'error'
    }
  }

  const vehicleName = (id: string) => directory.value?.vehicleName(id) ?? id.slice(0, 8)
  /** Every vehicle with its weighted figures; vehicles without a valid interval last. */
  const summary = computed(() =>
    (directory.value?.vehicles ?? [])
      .map((v) => ({ id: v.id, name: vehicleName(v.id), economy: analysis.value?.economy.get(v.id) ?? null }))
      .sort((a, b) => Number(a.economy?.l_per_100km == null) - Number(b.economy?.l_per_100km == null) || a.name.localeCompare(b.name)),
  )
  const points = computed(() => {
    const eco = analysis.value?.economy.get(selected.value)
    return eco ? economySeries(eco, directory.value?.timeZone).map((p) => ({ x: Date.parse(p.at), y: p.l_per_100km })) : []
  })
  /** A vehicle's department: that of the person holding it, else its keeper's. */
  const spend = computed(() => {
    const dir = directory.value
    if (!dir) return null
    const departmentOf = new Map(dir.vehicles.map((v) => [v.id, dir.departmentOf.get(v.holder_id ?? v.keeper_id ?? '') ?? null]))
    return monthlySpend(logs.value, departmentOf, dir.timeZone)
  })
  function exportCsv(): void {
    const dir = directory.value
    if (!dir || logs.value.length === 0) return
    const vehicles = new Map(dir.vehicles.map((v) => [v.id, dir.vehicleName(v.id)]))
    const drivers = new Map([...new Set(logs.value.map((r) => r.driver_id))].map((id) => [id, dir.personName(id)]))
    const first = logs.value.reduce((m, r) => (r.filled_at < m ? r.filled_at : m), logs.value[0]!.filled_at)
    const label = `${first.slice(0, 7)}_${new Date().toISOString().slice(0, 7)}`
    // Rows carry fuel_type as stored text; fuelCsv prints a grade it does not know as is.
    const rows = logs.value as unknown as Parameters<typeof fuelCsvBlob>[0]
    downloadBlob(fuelCsvBlob(rows, { vehicles, drivers }, dir.timeZone), fuelCsvFilename(label))
  }
  const anomalies = computed<AnomalyView[]>(() => {
    const at = new Map(logs.value.map((r) => [r.id, r.filled_at]))
    return (analysis.value?.anomalies ?? [])
      .map((a) => ({ ...a, vehicle: vehicleName(a.vehicle_id), filled_at: at.get(a.entry_id) ?? '' }))
      .sort((a, b) => b.filled_at.localeCompare(a.filled_at))
  })
  return { status, directory, logs, analysis, selected, summary, points, anomalies, spend, vehicleName, start, exportCsv }
}
