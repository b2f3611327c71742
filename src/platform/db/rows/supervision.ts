/**
 * Supervisory inspections (监督检查, manual 1.4). Shapes match the server's tables
 * (supabase/migrations/20261202100200_supervision_plans.sql): the plan's stage and the notice,
 * report, review and publishing columns are the server's fold of supervision_events; the device
 * writes them optimistically (features/supervision/domain).
 */

export interface SupervisionFindingRow {
  text: string
  /** Working days the inspected department has to fix it, from the day the result is published. */
  days: number
}

export interface SupervisionPlanRow {
  id: string
  site_id: string
  department_id: string
  request_id: string
  created_by: string
  focus: string
  scope: string
  starts_on: string
  ends_on: string
  publish_due_on: string
  inspector_ids: string[]
  template_codes: string[]
  stage: 'planned' | 'notified' | 'reported' | 'reviewed' | 'published' | 'cancelled'
  notice: string | null
  notified_at: string | null
  summary: string | null
  findings: SupervisionFindingRow[]
  inspection_ids: string[]
  reported_by: string | null
  reported_at: string | null
  review_note: string | null
  reviewed_by: string | null
  reviewed_at: string | null
  published_by: string | null
  published_at: string | null
  published_on_time: boolean | null
  /** Called off after its application was rejected or withdrawn (absent on rows pulled before it existed). */
  cancelled_at?: string | null
  cancel_note?: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface SupervisionEventRow {
  id: string
  plan_id: string
  type: 'notice' | 'report' | 'review' | 'publish' | 'cancel'
  actor_id: string
  device_time: string
  data: Record<string, unknown>
  flagged: boolean
  updated_at: string
  deleted_at: string | null
}
