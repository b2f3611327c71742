/**
 * Row shapes stored on the device. Synced rows mirror the server's columns
 * (snake_case, ISO timestamps as strings) so pulled rows are stored as they come.
 */

export interface CompanyRow {
  id: string
  name: string
  /** IANA zone for "today", "this month" and due dates. Default Asia/Shanghai. */
  timezone: string
  updated_at: string
  deleted_at: string | null
}

export interface SiteRow {
  id: string
  code: string
  name: string
  updated_at: string
  deleted_at: string | null
}

export interface DepartmentRow {
  id: string
  site_id: string
  code: string
  name: string
  updated_at: string
  deleted_at: string | null
}

export interface ProfileRow {
  id: string
  display_name: string
  phone: string | null
  site_id: string | null
  department_id: string | null
  updated_at: string
  deleted_at: string | null
}

export interface UserRoleRow {
  id: string
  user_id: string
  /** One of the app roles (features/auth/domain/roles.ts). */
  role: string
  /** null = every site. */
  site_id: string | null
  updated_at: string
  deleted_at: string | null
}

export type OutboxStatus = 'pending' | 'applied' | 'duplicate' | 'flagged' | 'refused'

/** One queued change. Written in the same Dexie transaction as the change itself. */
export interface OutboxEntry {
  /** Auto-increment: push order. */
  seq?: number
  op_id: string
  /** Who made the change (null in builds before v3 or before sign-in). Pushed only under that user's session. */
  user_id?: string | null
  kind: string
  entity_table: string
  entity_id: string
  /**
   * Other rows this op creates on the server (e.g. the check-out a seal take-out implies),
   * as `table:id` keys: they too are "not synced" until the op settles, and a pull leaves them alone.
   */
  related?: string[]
  payload: Record<string, unknown>
  device_time: string
  status: OutboxStatus
  attempts: number
  /** Epoch ms before which the engine will not retry (backoff). */
  next_attempt_at: number
  last_error: string | null
  reason: string | null
  detail: string | null
  /** When the server's answer arrived (ISO), for applied/duplicate/flagged/refused. */
  settled_at: string | null
}

/**
 * Photo metadata, synced like any row (server table `photos`). The picture itself is in
 * `photo_blobs` on the device that took it (pull never touches that store) and in Storage
 * at `storage_path` once uploaded.
 */
export interface PhotoRow {
  id: string
  /** The record the photo belongs to, e.g. 'custody_events' / 'seal_usages'. */
  owner_table: string
  owner_id: string
  mime: string
  bytes: number
  width: number
  height: number
  taken_at: string
  taken_by: string
  /** `<owner_table>/<id>.jpg` in the `photos` bucket: fixed by the id, so re-uploads are idempotent. */
  storage_path: string
  updated_at: string
  deleted_at: string | null
}

/** Device-only: the picture bytes and upload bookkeeping. Never pulled, never overwritten by sync. */
export interface PhotoBlobRow {
  id: string
  blob: Blob
  thumb: Blob | null
  /** When Storage accepted it (or answered "already exists"); null while queued. */
  uploaded_at: string | null
  attempts: number
  next_attempt_at: number
  last_error: string | null
}

/** An asset in the custody engine; status/holder/due/has_conflict are derived by the server. */
export interface AssetRow {
  id: string
  kind: string
  number: string
  name: string
  site_id: string
  keeper_id: string | null
  keeper_role: string
  notes: string | null
  /** Per-kind fields (features/assets/domain/assetKinds.ts). */
  details: Record<string, unknown>
  status: string
  holder_id: string | null
  due_at: string | null
  condition: string | null
  label_token: string | null
  has_conflict: boolean
  updated_at: string
  deleted_at: string | null
}

/** Every token ever printed: active, or replaced (it then answers "label replaced"). */
export interface AssetLabelRow {
  id: string
  token: string
  asset_id: string
  status: 'active' | 'replaced'
  issued_at: string
  replaced_at: string | null
  updated_at: string
  deleted_at: string | null
}

/** Append-only custody fact (check-out, check-in, …). `flagged`: it conflicted with the state. */
export interface CustodyEventRow {
  id: string
  asset_id: string
  type: string
  actor_id: string
  device_time: string
  server_time: string | null
  payload: Record<string, unknown>
  photo_ids: string[]
  flagged: boolean
  updated_at: string
  deleted_at: string | null
}

/** One line of the seal-use register (用印登记). */
export interface SealUsageRow {
  id: string
  seal_id: string
  used_at: string
  recorded_by: string
  document_title: string
  document_type: string
  document_type_note: string | null
  copies: number
  purpose: string
  requester_id: string | null
  requester_name: string
  requester_department: string
  approver_name: string
  mode: 'stamp_here' | 'take_out'
  due_at: string | null
  photo_ids: string[]
  /** The custody check-out a take-out implies (recorded in the same op). */
  check_out_event_id: string | null
  updated_at: string
  deleted_at: string | null
}

/** Device-only log of scans that found nothing here (unknown or foreign labels). */
export interface ScanLogRow {
  id: string
  text: string
  result: 'unknown_label' | 'label_replaced' | 'foreign' | 'malformed'
  scanned_at: string
  user_id: string | null
}

export interface MetaRow {
  key: string
  value: unknown
}

// --- checklists engine (sanitation and greening first) -------------------------------

/** A place that is cleaned and inspected: site → building → floor → area, with a QR label. */
export interface AreaRow {
  id: string
  site_id: string
  building: string
  floor: string
  name: string
  /** office | washroom | canteen | corridor | stairwell | dormitory | outdoor | green_belt | lawn | trees_shrubs */
  area_type: string
  /** The cleaner or gardener responsible (profiles.id). */
  responsible_id: string | null
  department_id: string | null
  frequency: 'daily' | 'weekly' | 'monthly'
  /** Which template family inspects it: 'sanitation' | 'greening' | … (checklist_templates.code). */
  template_code: string
  label_token: string | null
  updated_at: string
  deleted_at: string | null
}

/** One version of a checklist template. A new version is a new row; inspections keep theirs. */
export interface ChecklistTemplateRow {
  id: string
  code: string
  version: number
  name_zh: string
  name_en: string
  /** Sections and items (features/inspections/domain: template schema). */
  sections: unknown
  /** Grade thresholds and pass mark. */
  grading: unknown
  active: boolean
  updated_at: string
  deleted_at: string | null
}

export interface InspectionRow {
  id: string
  area_id: string
  template_id: string
  inspector_id: string
  started_at: string
  submitted_at: string
  /** 'scan': the area's QR was scanned (proof of presence); 'list': picked from a list. */
  via: 'scan' | 'list'
  /** Per item: result, points, note, photo ids (features/inspections/domain). */
  answers: unknown
  /** The device's score; the server recomputes it authoritatively into server_*. */
  score: number | null
  grade: string | null
  critical_failed: boolean
  server_score: number | null
  server_grade: string | null
  updated_at: string
  deleted_at: string | null
}

/** 保洁记录: a cleaner's round with an "after" photo, reviewed remotely by an inspector. */
export interface CleaningRoundRow {
  id: string
  area_id: string
  cleaner_id: string
  done_at: string
  via: 'scan' | 'list'
  photo_ids: string[]
  note: string | null
  review_status: 'pending' | 'accepted' | 'sent_back'
  review_score: number | null
  review_comment: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  updated_at: string
  deleted_at: string | null
}

/** 整改: a failed item to fix, re-inspected by the inspector. Ids are made on the device with the inspection. */
export interface RectificationRow {
  id: string
  inspection_id: string
  area_id: string
  item_key: string
  item_text: string
  assignee_id: string | null
  severity: 'critical' | 'normal'
  due_at: string
  status: 'open' | 'fixed' | 'closed' | 'reopened'
  fix_note: string | null
  fix_photo_ids: string[]
  fixed_at: string | null
  verified_by: string | null
  verified_at: string | null
  updated_at: string
  deleted_at: string | null
}

/** A rule the admin head sets (卫生奖惩): e.g. monthly average below 70 → penalty points. */
export interface RewardRuleRow {
  id: string
  name: string
  scope: 'area' | 'department' | 'person'
  period: 'week' | 'month'
  kind: 'average_below' | 'average_at_least' | 'top_rank' | 'bottom_rank'
  threshold: number | null
  rank_n: number | null
  /** Positive = reward, negative = penalty. */
  points: number
  active: boolean
  updated_at: string
  deleted_at: string | null
}

/** A published reward/penalty, traceable to the inspections that caused it. */
export interface LedgerEntryRow {
  id: string
  rule_id: string
  /** '2026-11' (month) or '2026-W48' (ISO week), in the company time zone. */
  period_key: string
  subject_type: 'area' | 'department' | 'person'
  subject_id: string
  points: number
  /** The figure the rule looked at (e.g. the average score). */
  value: number | null
  inspection_ids: string[]
  published_by: string
  published_at: string
  updated_at: string
  deleted_at: string | null
}

// --- vehicles and drivers (车辆与司机管理) ---------------------------------------------

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
