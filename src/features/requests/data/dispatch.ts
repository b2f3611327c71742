/**
 * 用车申请: the vehicles and drivers the fleet manager can assign, and the dispatches assigned to a driver;
 * 车辆维修审批: the repair an application was sent up from.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'

export interface DispatchOptions {
  vehicles: { id: string; label: string }[]
  drivers: { id: string; name: string }[]
}

export async function dispatchOptions(database: AdminFieldDb, siteId: string | null): Promise<DispatchOptions> {
  const [vehicles, roles, profiles] = await Promise.all([
    database.assets.where('kind').equals('vehicle').toArray(),
    database.user_roles.toArray(),
    database.profiles.toArray(),
  ])
  const names = new Map(profiles.map((p) => [p.id, p.display_name]))
  const driverIds = new Set(roles.filter((r) => r.deleted_at === null && r.role === 'driver' && (r.site_id === null || r.site_id === siteId)).map((r) => r.user_id))
  return {
    // Every live vehicle (the server accepts any): an applicant's site may have none of its own. Its own come first.
    vehicles: vehicles
      .filter((v) => v.deleted_at === null && v.status !== 'retired' && v.status !== 'lost')
      .map((v) => ({ id: v.id, label: `${v.number} ${v.name}`, away: siteId !== null && v.site_id !== siteId }))
      .sort((a, b) => Number(a.away) - Number(b.away) || (a.label < b.label ? -1 : 1))
      .map(({ id, label }) => ({ id, label })),
    drivers: [...driverIds].map((id) => ({ id, name: names.get(id) ?? id.slice(0, 8) })),
  }
}

/** Approved dispatches assigned to this driver and not yet carried out. */
export async function assignedDispatches(database: AdminFieldDb, driverId: string): Promise<RequestRow[]> {
  const rows = await database.requests.where('[type+status]').equals(['vehicle_dispatch', 'approved']).toArray()
  return rows.filter((r) => r.deleted_at === null && r.fulfilled_at === null && r.assignment?.driver_id === driverId)
}

/** A vehicle as people name it: number and name (plate), or '' if this device does not have it. */
export async function vehicleLabelOf(database: AdminFieldDb, vehicleId: string): Promise<string> {
  const v = await database.assets.get(vehicleId)
  return v ? `${v.number} ${v.name}` : ''
}

/** The repair request a 'vehicle_repair' application was sent up from (maintenance_requests.approval_id), if this device has it. */
export async function repairOfApplication(database: AdminFieldDb, requestId: string): Promise<string | null> {
  const row = await database.maintenance_requests.filter((m) => m.approval_id === requestId && m.deleted_at === null).first()
  return row?.id ?? null
}
