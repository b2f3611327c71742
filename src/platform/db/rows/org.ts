/** Organisation rows (company, sites, departments, people, roles), the outbox and device meta. */

export interface CompanyRow {
  id: string
  name: string
  /** IANA zone for "today", "this month" and due dates. Default Asia/Shanghai. */
  timezone: string
  /** Yuan: above it an application also needs the admin head, then the executive. Absent on rows from before the requests engine. */
  approval_amount_threshold?: number
  /** Fewest inspections to be ranked in a week / a month (admin head; default 1). Absent on rows pulled before it existed. */
  rank_min_week?: number
  rank_min_month?: number
  /** 证照办理's materials checklist lines per action (obtain/change/renew); null or absent: the app's defaults. */
  licence_materials?: unknown
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
  /** 部门负责人 (KPIs: sees the department's figures); absent on rows pulled before it existed. */
  head_id?: string | null
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


export interface MetaRow {
  key: string
  value: unknown
}
