/** The checklists engine: areas, versioned templates, inspections, rounds, rectification, rewards. */

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
  /**
   * Who was responsible for the area when it was inspected (the server stamps it on arrival;
   * the device from its copy of the area). Absent or null on rows from before: rankings then
   * credit the area's current responsible person.
   */
  responsible_id?: string | null
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
  /** Who recorded the fix (derived from the fix act; absent on rows pulled before it was kept). */
  fixed_by?: string | null
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
  /**
   * The publication it belongs to, the one that publication corrects, and the one that replaced
   * this entry (issue #12). Absent on rows pulled before publications existed.
   */
  publication_id?: string | null
  corrects_publication_id?: string | null
  superseded_by?: string | null
  updated_at: string
  deleted_at: string | null
}
