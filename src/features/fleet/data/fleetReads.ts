/** What the fleet screens read from the device copy: vehicles, people, requests, accidents, rules. */
import type { AdminFieldDb } from '@/platform/db'
import type { AccidentRow, AssetRow, MaintenanceRequestRow, RenewalRuleRow } from '@/platform/db/rows'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import { assetDisplayName } from '@/features/assets'

export interface FleetDirectory {
  vehicles: AssetRow[]
  vehicleName: (id: string) => string
  personName: (id: string | null) => string
  /** profile id → department id. */
  departmentOf: Map<string, string | null>
  departmentName: (id: string | null) => string
  timeZone: string
}

export const plateOf = (a: AssetRow): string => String(a.details.plate ?? '')

export async function loadFleetDirectory(database: AdminFieldDb): Promise<FleetDirectory> {
  const [vehicles, profiles, departments, company] = await Promise.all([
    database.assets.where('kind').equals('vehicle').toArray(),
    database.profiles.toArray(),
    database.departments.toArray(),
    database.company.toArray(),
  ])
  const vNames = new Map(vehicles.map((v) => [v.id, plateOf(v) ? `${plateOf(v)} · ${v.name}` : assetDisplayName(v)]))
  const pNames = new Map(profiles.map((p) => [p.id, p.display_name]))
  const dNames = new Map(departments.map((d) => [d.id, d.name]))
  return {
    // Deleted vehicles stay named: old fuel logs and repairs still point at them.
    vehicles: vehicles.filter((v) => v.deleted_at === null),
    vehicleName: (id) => vNames.get(id) ?? id.slice(0, 8),
    personName: (id) => (id ? (pNames.get(id) ?? id.slice(0, 8)) : ''),
    departmentOf: new Map(profiles.map((p) => [p.id, p.department_id])),
    departmentName: (id) => (id ? (dNames.get(id) ?? id.slice(0, 8)) : ''),
    timeZone: company.find((c) => c.deleted_at === null)?.timezone ?? DEFAULT_TIME_ZONE,
  }
}

const live = <T extends { deleted_at: string | null }>(rows: T[]) => rows.filter((r) => r.deleted_at === null)

export async function listMaintenance(database: AdminFieldDb, vehicleId?: string): Promise<MaintenanceRequestRow[]> {
  const q = vehicleId ? database.maintenance_requests.where('vehicle_id').equals(vehicleId) : database.maintenance_requests.toCollection()
  return live(await q.toArray())
}

export async function listAccidents(database: AdminFieldDb, vehicleId?: string): Promise<AccidentRow[]> {
  const q = vehicleId ? database.accidents.where('vehicle_id').equals(vehicleId) : database.accidents.toCollection()
  return live(await q.toArray())
}

export async function listRenewalRules(database: AdminFieldDb): Promise<RenewalRuleRow[]> {
  return live(await database.renewal_rules.toArray())
}
