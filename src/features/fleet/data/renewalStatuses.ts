/**
 * Renewal reminders from the device copy: the rule rows (one vehicle's own, else the fleet
 * default of that kind) and, when no row covers them, the registry's insurance end and
 * annual inspection date; each through the vehicles domain's renewalStatus, listed by its
 * renewalList (not 'ok', most urgent first).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AssetRow, RenewalRuleRow } from '@/platform/db/rows'
import { isCalendarDate } from '@/shared/lib/zonedTime'
import { registryRules, renewalList, renewalStatus, type RenewalRule, type RenewalStatus } from '@/features/vehicles/domain/renewals'
import { loadFleetDirectory, type FleetDirectory } from './fleetReads'

const RECENT_TRIP_MS = 30 * 86_400_000

function fromRow(row: RenewalRuleRow, vehicleId: string): RenewalRule {
  return {
    id: row.id, vehicle_id: vehicleId, kind: row.kind, label: null, interval_months: row.every_months, interval_km: row.every_km,
    last_done_on: row.last_done_at, last_done_km: row.last_done_km, due_on: null, due_km: null, driver_id: null,
  }
}

function rulesFor(v: AssetRow, rows: readonly RenewalRuleRow[]): RenewalRule[] {
  const own = rows.filter((r) => r.vehicle_id === v.id)
  const kinds = new Set(own.map((r) => r.kind))
  const defaults = rows.filter((r) => r.vehicle_id === null && !kinds.has(r.kind))
  const out = [...own, ...defaults].map((r) => fromRow(r, v.id))
  const d = v.details
  // Registry dates stand in for a kind no rule covers (ids stable per vehicle and kind).
  if (typeof d.insurance_end === 'string' && typeof d.annual_inspection_on === 'string' && isCalendarDate(d.insurance_end) && isCalendarDate(d.annual_inspection_on)) {
    const covered = new Set(out.map((r) => r.kind))
    const reg = registryRules({ id: v.id, insurance_end: d.insurance_end, annual_inspection_on: d.annual_inspection_on }, { insurance: `${v.id}:insurance`, annual_inspection: `${v.id}:annual_inspection` })
    out.push(...reg.filter((r) => !covered.has(r.kind)))
  }
  return out
}

export interface RenewalView {
  directory: FleetDirectory
  list: RenewalStatus[]
}

/** Reminders for every vehicle, or only those of `vehicleIds` (a driver's). */
export async function loadRenewals(database: AdminFieldDb, now: Date = new Date(), vehicleIds?: ReadonlySet<string>): Promise<RenewalView> {
  const [directory, rows, states] = await Promise.all([loadFleetDirectory(database), database.renewal_rules.toArray(), database.vehicle_states.toArray()])
  const live = rows.filter((r) => r.deleted_at === null)
  const odo = new Map(states.map((s) => [s.id, s.last_odometer_km]))
  const statuses: RenewalStatus[] = []
  for (const v of directory.vehicles) {
    if (vehicleIds && !vehicleIds.has(v.id)) continue
    const km = odo.get(v.id) ?? (typeof v.details.odometer_km === 'number' ? v.details.odometer_km : null)
    for (const rule of rulesFor(v, live)) statuses.push(renewalStatus(rule, { odometer_km: km }, now, directory.timeZone))
  }
  return { directory, list: renewalList(statuses) }
}

/** A driver's vehicles: the ones they hold, or drove in the last 30 days. */
export async function driverVehicleIds(database: AdminFieldDb, driverId: string, now: Date = new Date()): Promise<Set<string>> {
  const since = new Date(now.getTime() - RECENT_TRIP_MS).toISOString()
  const [held, trips] = await Promise.all([
    database.assets.where('holder_id').equals(driverId).toArray(),
    database.trips.where('driver_id').equals(driverId).toArray(),
  ])
  return new Set([...held.filter((a) => a.kind === 'vehicle').map((a) => a.id), ...trips.filter((t) => t.started_at >= since).map((t) => t.vehicle_id)])
}
