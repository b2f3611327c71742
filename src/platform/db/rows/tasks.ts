/**
 * The tasks engine (事务处理, 督办) and the company calendar's own days. Shapes match the
 * server's tables (supabase/migrations/20261202030100_task_tables.sql) and the tasks domain's
 * Task / FollowUp / TaskEvent (src/features/tasks/domain): status and the other derived
 * columns are the server's fold of task_events; the device writes them optimistically.
 */

export interface TaskRow {
  id: string
  site_id: string
  title: string
  source: 'instruction' | 'resolution' | 'document' | 'inspection' | 'repair'
  source_ref: string | null
  assigner_id: string
  assigner_level: 'supervisor' | 'admin_head' | 'executive'
  assigned_to: string | null
  assignee_id: string | null
  department_id: string | null
  co_assignee_ids: string[]
  method: string | null
  assigned_due_on: string
  due_on: string
  priority: 'low' | 'normal' | 'high' | 'urgent'
  photo_ids: string[]
  assigned_at: string
  status: 'assigned' | 'accepted' | 'problem' | 'handover' | 'completed' | 'scored' | 'cancelled'
  resume_status: 'assigned' | 'accepted' | 'problem' | 'handover' | 'completed' | 'scored' | 'cancelled' | null
  accepted_at: string | null
  problem_note: string | null
  problem_at: string | null
  escalation_level: 'supervisor' | 'department_head' | 'admin_head' | 'executive' | null
  handover_from: string | null
  handover_to: string | null
  handover_note: string | null
  handover_from_ok: boolean
  handover_to_ok: boolean
  last_progress_at: string | null
  completed_at: string | null
  report: string | null
  report_photo_ids: string[]
  summary: string | null
  summary_at: string | null
  score: number | null
  score_note: string | null
  scored_by: string | null
  scored_at: string | null
  follow_up_id: string | null
  /** The current 督办 sheet's officer (server-derived; the device sets it with the sheet). */
  officer_id?: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** One fact of a task (append-only on the server; `flagged` = it did not fit the state at its time). */
export interface TaskEventRow {
  id: string
  task_id: string
  follow_up_id?: string | null
  type: string
  actor_id: string
  device_time: string
  data: Record<string, unknown>
  flagged: boolean
  /** The device's time when it was outside the window around the receipt; device_time is then the receipt (server). */
  claimed_time?: string | null
  updated_at?: string
  deleted_at?: string | null
}

/** 督办单: a follow-up sheet and its reminders so far. */
export interface FollowUpRow {
  id: string
  task_id: string
  site_id?: string
  opened_by: string
  officer_id: string
  reason: 'late' | 'important'
  instructions: string
  opened_at: string
  level: number
  first_at: string | null
  second_at: string | null
  final_at: string | null
  reported_to: string | null
  penalty: string | null
  next_on: string | null
  status: 'open' | 'reviewed' | 'approved'
  reviewed_by: string | null
  reviewed_at: string | null
  review_note: string | null
  approved_by: string | null
  approved_at: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** A company day off or working day (site_id null), or a site's own. */
export interface CalendarDayRow {
  id: string
  day: string
  site_id: string | null
  kind: 'off' | 'work'
  note: string | null
  updated_at: string
  deleted_at: string | null
}
