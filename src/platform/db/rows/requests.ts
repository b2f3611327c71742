/** The requests engine's rows (申请与审批): applications, their events, delegations. */

export interface RequestChainStepRow {
  role: string
  skipped: boolean
}

export interface RequestRow {
  id: string
  type: string
  site_id: string | null
  department_id: string | null
  applicant_id: string
  title: string
  form: Record<string, string | number | null>
  photo_ids: string[]
  status: 'pending' | 'returned' | 'approved' | 'rejected' | 'withdrawn'
  revision: number
  step: number
  chain: RequestChainStepRow[]
  waiting_role: string | null
  fulfiller_role: string
  deciders: string[]
  submitted_at: string
  status_at: string
  decided_at: string | null
  first_pass: boolean | null
  due_back_at: string | null
  fulfilled_at: string | null
  fulfilled_by: string | null
  /** 用车申请: the vehicle and driver the fleet manager assigned. */
  assignment: DispatchAssignment | null
  updated_at: string
  deleted_at: string | null
}

export interface DispatchAssignment {
  vehicle_id: string
  driver_id: string
}

export interface RequestEventRow {
  id: string
  request_id: string
  action: 'submit' | 'resubmit' | 'withdraw' | 'approve' | 'reject' | 'return'
  actor_id: string
  on_behalf_of: string | null
  step: number | null
  revision: number
  note: string | null
  form: Record<string, string | number | null> | null
  assignment: DispatchAssignment | null
  at: string
  /** Kept but not applied (i18n key), e.g. requests.flags.stale. */
  flag: string | null
  /** The device's time when it was outside the window around the receipt; `at` is then the receipt (server). */
  claimed_time?: string | null
  updated_at: string
  deleted_at: string | null
}

export interface ApprovalDelegationRow {
  id: string
  from_user: string
  to_user: string
  starts_on: string
  ends_on: string
  created_by: string
  updated_at: string
  deleted_at: string | null
}

/** Which approved application a seal-use register line carried out, or why there was none. */
export interface SealUsageRequestRow {
  id: string
  request_id: string | null
  emergency_reason: string | null
  flag: string | null
  linked_by: string
  updated_at: string
  deleted_at: string | null
}

/**
 * Which application a custody act carried out (a seal retired, a licence lent), or, for a licence
 * lent with none, the mark for the admin head. id = the custody event's id.
 */
export interface CustodyRequestRow {
  id: string
  asset_id: string
  request_id: string | null
  flag: string | null
  linked_by: string
  updated_at: string
  deleted_at: string | null
}

/** 证照办理 / 变更 / 年检: one step of the work after approval (public.licence_work_events, append-only). */
export interface LicenceWorkEventRow {
  id: string
  request_id: string
  site_id: string | null
  type: 'material' | 'collect' | 'file' | 'validity'
  actor_id: string
  device_time: string
  data: Record<string, unknown>
  /** Kept but not applied by the server (it did not fit the work when it arrived). */
  flagged: boolean
  updated_at: string
  deleted_at: string | null
}
