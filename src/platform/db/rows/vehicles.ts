/** Vehicles and drivers (车辆与司机管理): trips, fuel, pre-trip checks, maintenance, accidents, renewals. */

/** 出车: one trip of a vehicle. Odometer flags are derived (never a refusal). */
export interface TripRow {
  id: string
  vehicle_id: string
  driver_id: string
  started_at: string
  ended_at: string | null
  purpose: string
  destination: string
  passengers: string | null
  odometer_start: number
  odometer_end: number | null
  /** The pre-trip check done for this trip, when one was due. */
  vehicle_check_id: string | null
  notes: string | null
  /** e.g. 'backwards', 'implausible' (features/vehicles/domain/odometer.ts). */
  flags: string[]
  /** 用车申请 the trip carries out; absent on rows from before dispatches. */
  request_id?: string | null
  /** Why there was no dispatch (the fleet manager sees it). */
  no_dispatch_reason?: string | null
  updated_at: string
  deleted_at: string | null
}

/** 加油: a fill-up. A quick entry is a 'draft' with a photo, completed later. */
export interface FuelLogRow {
  id: string
  vehicle_id: string
  driver_id: string
  filled_at: string
  odometer_km: number | null
  litres: number | null
  unit_price: number | null
  amount: number | null
  full_tank: boolean
  missed_previous: boolean
  fuel_type: string | null
  station: string | null
  fuel_card: string | null
  photo_ids: string[]
  status: 'draft' | 'complete'
  updated_at: string
  deleted_at: string | null
}

/** A pre-trip check: a checklist run (checklists engine) whose subject is a vehicle. */
export interface VehicleCheckRow {
  id: string
  vehicle_id: string
  template_id: string
  driver_id: string
  started_at: string
  submitted_at: string
  answers: unknown
  score: number | null
  grade: string | null
  critical_failed: boolean
  server_score: number | null
  server_grade: string | null
  updated_at: string
  deleted_at: string | null
}

/** 车辆维修: a repair request, from a failed check item or on its own. */
export interface MaintenanceRequestRow {
  id: string
  vehicle_id: string
  requested_by: string
  requested_at: string
  vehicle_check_id: string | null
  item_key: string | null
  description: string
  urgency: 'low' | 'normal' | 'urgent'
  photo_ids: string[]
  status: 'requested' | 'approved' | 'in_progress' | 'completed' | 'rejected'
  decided_by: string | null
  garage: string | null
  cost: number | null
  completed_at: string | null
  note: string | null
  /** 维修审批: the 'vehicle_repair' application a repair above the approval threshold went up with. */
  approval_id?: string | null
  updated_at: string
  deleted_at: string | null
}

/** 车辆肇事处理: an accident report and its claim. */
export interface AccidentRow {
  id: string
  vehicle_id: string
  driver_id: string
  occurred_at: string
  place: string
  latitude: number | null
  longitude: number | null
  description: string
  injuries: string | null
  other_party: string | null
  police_report_no: string | null
  photo_ids: string[]
  status: 'reported' | 'under_review' | 'claim_filed' | 'closed'
  claim_no: string | null
  cost: number | null
  updated_at: string
  deleted_at: string | null
}

/** 车辆年检 / insurance / service: due by date or by distance, whichever first. */
export interface RenewalRuleRow {
  id: string
  /** null = every vehicle. */
  vehicle_id: string | null
  kind: 'service' | 'annual_inspection' | 'insurance'
  every_km: number | null
  every_months: number | null
  last_done_at: string | null
  last_done_km: number | null
  updated_at: string
  deleted_at: string | null
}

/** Derived by the server (and optimistically on the device): can this vehicle go out? id = vehicle id. */
export interface VehicleStateRow {
  id: string
  out_of_service: boolean
  /** The failed check or the open urgent repair that put it out of service. */
  reason_check_id: string | null
  since: string | null
  last_odometer_km: number | null
  active_trip_id: string | null
  updated_at: string
  deleted_at: string | null
}
