/** Rows for fleet tests: vehicles (custody assets), requests, accidents, fuel logs. */
import type { AccidentRow, AssetRow, FuelLogRow, MaintenanceRequestRow, VehicleStateRow } from '@/platform/db/rows'

export const MANAGER = '0a000000-0000-4000-8000-0000000000f1'
export const DRIVER = '0a000000-0000-4000-8000-0000000000d1'
export const SITE = '05000000-0000-4000-8000-000000000002'
export const STAMP = '2026-03-01T00:00:00.000Z'

export function vehicle(over: Partial<AssetRow> = {}): AssetRow {
  return {
    id: crypto.randomUUID(), kind: 'vehicle', number: 'VEH-0001', name: '帕萨特', site_id: SITE, keeper_id: MANAGER, keeper_role: 'fleet_manager',
    notes: null, details: { plate: '沪A12345', model: '帕萨特', fuel_type: 'gasoline', tank_size_l: 60, odometer_km: 10000, insurance_end: '2026-12-31', annual_inspection_on: '2026-09-01' },
    status: 'available', holder_id: null, due_at: null, condition: null, label_token: null, has_conflict: false, updated_at: STAMP, deleted_at: null, ...over,
  }
}

export function request(vehicleId: string, over: Partial<MaintenanceRequestRow> = {}): MaintenanceRequestRow {
  return {
    id: crypto.randomUUID(), vehicle_id: vehicleId, requested_by: DRIVER, requested_at: STAMP, vehicle_check_id: null, item_key: null,
    description: '刹车异响', urgency: 'normal', photo_ids: [], status: 'requested', decided_by: null, garage: null, cost: null,
    completed_at: null, note: null, updated_at: STAMP, deleted_at: null, ...over,
  }
}

export function accident(vehicleId: string, over: Partial<AccidentRow> = {}): AccidentRow {
  return {
    id: crypto.randomUUID(), vehicle_id: vehicleId, driver_id: DRIVER, occurred_at: STAMP, place: '延安路口', latitude: null, longitude: null,
    description: '追尾', injuries: null, other_party: null, police_report_no: null, photo_ids: [], status: 'reported', claim_no: null, cost: null,
    updated_at: STAMP, deleted_at: null, ...over,
  }
}

export function outOfService(vehicleId: string, reason: string): VehicleStateRow {
  return { id: vehicleId, out_of_service: true, reason_check_id: reason, since: STAMP, last_odometer_km: 10000, active_trip_id: null, updated_at: STAMP, deleted_at: null }
}

export function fuel(vehicleId: string, over: Partial<FuelLogRow> = {}): FuelLogRow {
  return {
    id: crypto.randomUUID(), vehicle_id: vehicleId, driver_id: DRIVER, filled_at: STAMP, odometer_km: 10000, litres: 40, unit_price: 7.5, amount: 300,
    full_tank: true, missed_previous: false, fuel_type: '92', station: null, fuel_card: null, photo_ids: [], status: 'complete', updated_at: STAMP, deleted_at: null, ...over,
  }
}
