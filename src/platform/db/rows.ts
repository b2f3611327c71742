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
  kind: string
  entity_table: string
  entity_id: string
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

/** A photo taken on the device; uploaded later by the photo queue. */
export interface PhotoRow {
  id: string
  blob: Blob
  mime: string
  owner_table: string
  owner_id: string
  taken_at: string
  uploaded_at: string | null
}

export interface MetaRow {
  key: string
  value: unknown
}
