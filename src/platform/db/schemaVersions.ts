/**
 * Every Dexie schema version the app has shipped, oldest first (AdminFieldDb declares them in
 * order). A shipped version is never edited: a change is a new version. The upgraders that move a
 * device's data from one version to the next are in schemaUpgrades.ts.
 */
/** The first schema ever shipped. Kept verbatim: Dexie needs it to upgrade old devices. */
export const SCHEMA_V1 = {
  company: 'id',
  sites: 'id, code',
  departments: 'id, site_id',
  profiles: 'id, site_id, department_id',
  user_roles: 'id, user_id',
  outbox: '++seq, &op_id, status, entity_id',
  photos: 'id, uploaded_at, owner_id',
  meta: 'key',
} as const

/**
 * v2: outbox gets [status+seq] (the push query: pending ops in order, without
 * scanning settled ones) and kind; departments get [site_id+code] (unique code per site lookups).
 */
export const SCHEMA_V2 = {
  outbox: '++seq, &op_id, status, entity_id, kind, [status+seq]',
  departments: 'id, site_id, [site_id+code]',
} as const

/**
 * v3: the custody engine's tables, and photos split in two: `photos` holds synced metadata
 * (pull may overwrite it), `photo_blobs` holds the device's own pictures (pull never touches it).
 */
export const SCHEMA_V3 = {
  photos: 'id, owner_id, [owner_table+owner_id]',
  photo_blobs: 'id, uploaded_at',
  assets: 'id, kind, status, holder_id, site_id, label_token, number, due_at, [kind+status]',
  asset_labels: 'id, token, asset_id',
  custody_events: 'id, asset_id, [asset_id+device_time], actor_id, device_time',
  seal_usages: 'id, seal_id, used_at, recorded_by',
  scan_log: 'id, scanned_at',
} as const

/**
 * v4: the custody indexes. assets.conflict_flag (0/1, kept by assetIndexMiddleware) lets keepers'
 * conflict lists read only flagged rows; asset_index holds the registry snapshot and its token.
 */
export const SCHEMA_V4 = {
  assets: 'id, kind, status, holder_id, site_id, label_token, number, due_at, [kind+status], conflict_flag',
  asset_index: 'key',
} as const

/** v5: the checklists engine (v4 is reserved for the custody indexes). */
export const SCHEMA_V5 = {
  areas: 'id, site_id, responsible_id, label_token, department_id',
  checklist_templates: 'id, code, [code+version]',
  inspections: 'id, area_id, inspector_id, submitted_at, [area_id+submitted_at]',
  cleaning_rounds: 'id, area_id, cleaner_id, done_at, review_status',
  rectifications: 'id, inspection_id, area_id, assignee_id, status, due_at',
  reward_rules: 'id',
  ledger_entries: 'id, period_key, rule_id, subject_id',
} as const

/** v6: vehicles and drivers. */
export const SCHEMA_V6 = {
  trips: 'id, vehicle_id, driver_id, started_at, [vehicle_id+started_at]',
  fuel_logs: 'id, vehicle_id, driver_id, filled_at, status, [vehicle_id+filled_at]',
  vehicle_checks: 'id, vehicle_id, driver_id, submitted_at',
  maintenance_requests: 'id, vehicle_id, status, requested_at',
  accidents: 'id, vehicle_id, driver_id, status, occurred_at',
  renewal_rules: 'id, vehicle_id, kind',
  vehicle_states: 'id',
} as const

/**
 * v7: the rankings' score index (kept by inspectionScoresMiddleware): a period's scores read
 * by submitted_at without deserialising every inspection's answers.
 */
export const SCHEMA_V7 = {
  inspection_scores: 'id, submitted_at',
} as const

/**
 * v8: the requests engine. [status+waiting_role+status_at] is the approvers' inbox, oldest first; applicant_id "my applications";
 * [type+status] the keepers' approved-and-waiting lists.
 */
export const SCHEMA_V8 = {
  requests: 'id, applicant_id, [status+waiting_role+status_at], [type+status], submitted_at',
  request_events: 'id, request_id, actor_id',
  approval_delegations: 'id, from_user, to_user',
  seal_usage_requests: 'id, request_id',
} as const

/**
 * v9: the tasks engine (事务处理, 督办) and the company calendar's own days. (v8 belongs to the
 * requests engine; Dexie allows versions to skip.) co_assignee_ids is multi-entry so a
 * co-assignee's list is an index read.
 */
export const SCHEMA_V9 = {
  tasks: 'id, assignee_id, assigner_id, department_id, site_id, status, due_on, officer_id, handover_to, *co_assignee_ids',
  task_events: 'id, task_id, [task_id+device_time]',
  follow_ups: 'id, task_id, officer_id, status',
  calendar_days: 'id, day, site_id',
} as const

/**
 * v10: dormitories (员工宿舍). Beds by room and by label token (a scanned bed), stays by occupant
 * ("my dormitory") and by bed, bed events by bed. (v9 is the tasks engine's.)
 */
export const SCHEMA_V10 = {
  dorm_buildings: 'id, site_id',
  dorm_rooms: 'id, building_id, site_id',
  dorm_beds: 'id, room_id, building_id, label_token, status',
  dorm_stays: 'id, bed_id, room_id, occupant_id, status, request_id',
  dorm_bed_events: 'id, bed_id, stay_id',
  dorm_check_ins: 'id, stay_id, bed_id, occupant_id',
} as const

/** v11: KPI targets (考核指标 目标值), by KPI for the one in force. (v10 is the dormitories'.) */
export const SCHEMA_V11 = {
  kpi_targets: 'id, kpi',
}

/**
 * v13: the requests engine's links of custody acts to applications (a seal retired, a licence lent),
 * by application and by asset. (v11 and v12 belong to other engines; Dexie allows versions to skip.)
 */
export const SCHEMA_V13 = {
  custody_requests: 'id, request_id, asset_id',
} as const

/**
 * v14: supervisory inspections (监督检查): plans by site, by inspected department, by their
 * application and by inspector (multi-entry), their facts by plan. The tasks get compound indexes
 * by assignee, department and giver with the status, and problems by level, so the reminder bell
 * reads only the tasks that can ring it (features/tasks/data/bell.ts).
 * (v11–v13 belong to other branches; Dexie allows versions to skip.)
 */
export const SCHEMA_V14 = {
  supervision_plans: 'id, site_id, department_id, request_id, created_by, *inspector_ids, stage',
  supervision_events: 'id, plan_id, [plan_id+device_time]',
  tasks:
    'id, assignee_id, assigner_id, department_id, site_id, status, due_on, officer_id, handover_to, *co_assignee_ids, [assignee_id+status], [department_id+status], [assigner_id+status], [status+escalation_level]',
} as const

/** v16: dormitory check-outs (退宿登记), by stay, bed and resident. (v11–v15 belong to other work.) */
export const SCHEMA_V16 = {
  dorm_check_outs: 'id, stay_id, bed_id, occupant_id',
} as const

/**
 * v18: a dormitory room's repair tasks (报修: source 'repair', source_ref = the room's id) read through
 * an index. (v17 belongs to other work; Dexie allows versions to skip.)
 */
export const SCHEMA_V18 = {
  tasks:
    'id, assignee_id, assigner_id, department_id, site_id, status, due_on, officer_id, handover_to, *co_assignee_ids, [assignee_id+status], [department_id+status], [assigner_id+status], [status+escalation_level], [source+source_ref]',
} as const

/**
 * v19: the tasks engine's lists page by deadline instead of reading every task an admin head sees:
 * [site_id+status+due_on] (the site's list, a page per status in deadline order, and its open count
 * from the index alone), [assigner_id+status+due_on] (the tasks I gave, the same way), and
 * follow_up_id (the 督办 ledger reads the tasks that have a sheet in one range read, not one get per
 * sheet). Keeps v18's [source+source_ref].
 */
export const SCHEMA_V19 = {
  tasks:
    'id, assignee_id, assigner_id, department_id, site_id, status, due_on, officer_id, handover_to, follow_up_id, *co_assignee_ids, [assignee_id+status], [department_id+status], [assigner_id+status], [status+escalation_level], [site_id+status+due_on], [assigner_id+status+due_on], [source+source_ref]',
} as const

/**
 * v21: the KPI dashboard reads one period's rows through indexes instead of whole tables
 * (features/kpis/data/kpiReads.ts): tasks by completion and scoring time, remind facts by
 * their 督办 sheet, applications and their decisions by time, custody acts by the due time they set (a
 * loan's KPI day), stays by move-in day. The tasks keep v18's and v19's indexes.
 */
export const SCHEMA_V21 = {
  tasks:
    'id, assignee_id, assigner_id, department_id, site_id, status, due_on, officer_id, handover_to, follow_up_id, *co_assignee_ids, [assignee_id+status], [department_id+status], [assigner_id+status], [status+escalation_level], [site_id+status+due_on], [assigner_id+status+due_on], [source+source_ref], completed_at, scored_at',
  task_events: 'id, task_id, [task_id+device_time], follow_up_id',
  requests: 'id, applicant_id, [status+waiting_role+status_at], [type+status], submitted_at, status_at',
  request_events: 'id, request_id, actor_id, at',
  custody_events: 'id, asset_id, [asset_id+device_time], actor_id, device_time, payload.due_at',
  dorm_stays: 'id, bed_id, room_id, occupant_id, status, request_id, starts_on',
} as const

/** v24: 证照办理's steps after approval (licence_work_events), read by application. */
export const SCHEMA_V24 = {
  licence_work_events: 'id, request_id',
} as const

/** v25: long absences (长期外出) of dormitory residents, by stay, room and resident. */
export const SCHEMA_V25 = {
  dorm_absences: 'id, stay_id, room_id, occupant_id',
} as const

/**
 * v26: the dorm manager's damage price list (by building, item_key: the check-out prices its damage) and
 * the monthly meter-reading round (by room and [room_id+month]: the round's list of rooms read).
 * (v22–v25 belong to other work.)
 */
export const SCHEMA_V26 = {
  dorm_damage_prices: 'id, building_id, item_key',
  dorm_meter_readings: 'id, room_id, month, [room_id+month]',
} as const

/**
 * v27: the bell's 督办 sheets' tasks through an index instead of one get per sheet: an admin head's
 * bell reads every open sheet at the site, and their tasks are the open tasks that have a sheet —
 * [status+follow_up_id] holds only tasks with one (a null key is not indexed), so each open status is
 * one range of exactly those (features/tasks/data/bell.ts). The tasks keep v21's indexes.
 */
export const SCHEMA_V27 = {
  tasks:
    'id, assignee_id, assigner_id, department_id, site_id, status, due_on, officer_id, handover_to, follow_up_id, *co_assignee_ids, [assignee_id+status], [department_id+status], [assigner_id+status], [status+escalation_level], [site_id+status+due_on], [assigner_id+status+due_on], [source+source_ref], completed_at, scored_at, [status+follow_up_id]',
} as const

/**
 * v29: the KPI dashboard's closed-month cache (platform/db/kpiMonths.ts): one row per source,
 * month and viewer with every KPI × scope of that month, kept by a middleware that drops a
 * source's months from the earliest one a write can change; by [source+month].
 */
export const SCHEMA_V29 = {
  kpi_months: 'key, [source+month]',
} as const

/**
 * v31: the KPI dashboard reads only a period's rows of the 督办 sheets, their reminders, the
 * applications and their decisions (features/kpis/data/kpiReads.ts): sheets by opening and first
 * reminder, reminders by the day they set (data.next_on), applications by decision and by the
 * time a 用车申请's car is needed (form.start_at), decisions by application and time. Each table
 * keeps its latest full index list (follow_ups v9, task_events, requests and request_events v21).
 */
export const SCHEMA_V31 = {
  follow_ups: 'id, task_id, officer_id, status, opened_at, first_at',
  task_events: 'id, task_id, [task_id+device_time], follow_up_id, data.next_on',
  requests: 'id, applicant_id, [status+waiting_role+status_at], [type+status], submitted_at, status_at, decided_at, form.start_at',
  request_events: 'id, request_id, actor_id, at, [request_id+at]',
} as const

/**
 * v32: the KPI dashboard's occupancy reads (features/kpis/data/kpiReads.ts): the stays that ended
 * in or after a period (ended_at; the live ones come by status), and the beds' repair acts by type.
 * dorm_stays keeps v21's indexes, dorm_bed_events v10's.
 */
export const SCHEMA_V32 = {
  dorm_stays: 'id, bed_id, room_id, occupant_id, status, request_id, starts_on, ended_at',
  dorm_bed_events: 'id, bed_id, stay_id, type',
} as const
