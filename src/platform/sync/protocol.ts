/**
 * The sync protocol shared by the client engine and the server RPCs
 * (`public.sync_push(ops jsonb)` and `public.sync_pull(cursor text, max_rows int)`).
 * Pure types and constants: no framework, no I/O.
 */

/** Every business action a device can push. Grows as features land. */
export const OP_KINDS = [
  'department.upsert',
  'department.delete',
  'profile.update',
  // custody engine (assets, labels, events, the seal-use register) and photos
  'asset.upsert',
  'custody.record',
  'seal_usage.record',
  'photo.register',
  // checklists engine: sanitation and greening inspections, rounds, rectification, rewards/penalties
  'area.upsert',
  'template.upsert',
  'inspection.submit',
  'round.record',
  'round.review',
  'rectification.fix',
  'rectification.verify',
  'reward_rule.upsert',
  'ledger.publish',
  // vehicles and drivers: trips, fuel, pre-trip checks, maintenance, accidents, renewals
  'trip.start',
  'trip.end',
  'fuel.record',
  'vehicle_check.submit',
  'maintenance.request',
  'maintenance.update',
  'accident.report',
  'accident.update',
  'renewal_rule.upsert',
  // requests engine: applications, decisions up the approval chain, delegation while away
  'request.submit',
  'request.act',
  'delegation.upsert',
  'seal_usage.link',
  'request_settings.update',
  // rankings settings (issue #12): the admin head's minimum inspections to rank, on the company row
  'ranking_settings.update',
  // tasks engine (事务处理, 督办) and the company calendar's own days
  'task.assign',
  'task.act',
  'follow_up.open',
  'follow_up.remind',
  'follow_up.review',
  'calendar_day.set',
  // dormitories (员工宿舍): buildings, rooms and their labelled beds, bed events (allocate … check-out)
  'dorm_building.upsert',
  'dorm_room.upsert',
  'dorm_bed.record',
  'dorm_check_in.submit',
  // dormitories, part 2: check-out with the inventory compared, final meters, keys handed back
  'dorm_check_out.submit',
  // dormitories, part 3: 报修 from a room (a task of the tasks engine for the dorm manager)
  'dorm_repair.report',
  // the room and building editor: taking a room (its beds) or an empty building out of use
  'dorm_room.delete',
  'dorm_building.delete',
  // dormitories, part 4: a room (its vacant beds) under repair in one act, or from a 报修 task
  'dorm_room.repair',
  // dormitories: long absences (长期外出) and the return that ends one
  'dorm_absence.record',
  'dorm_absence.return',
  // Web Push: this device's subscription for reminders when the app is closed
  'push_subscription.set',
  // KPIs (考核指标): the admin head's targets, each change a new row
  'kpi_target.set',
  // supervisory inspections (监督检查): the plan (approved as an 'inspection_plan' application), its notice, report, review, publishing
  'supervision_plan.create',
  'supervision_plan.act',
  // dormitories: the dorm manager's damage price list, the monthly meter-reading round
  'dorm_price.set',
  'dorm_price.delete',
  'dorm_meter.record',
  // 证照办理 / 变更 / 年检 carried out: materials, collection check, filing, validity dates; the checklist's lines
  'licence_work.record',
  'licence_materials.update',
  // KPIs: a vehicle's fuel baseline (L/100 km) set by the fleet manager or the admin head
  'vehicle_fuel_baseline.set',
] as const
export type OpKind = (typeof OP_KINDS)[number]

/** One change made on a device, as it travels to the server. Ids are device-made UUIDs. */
export interface SyncOp {
  op_id: string
  kind: OpKind
  /** The row the op is about (departments.id, profiles.id, ...). */
  entity_id: string
  payload: Record<string, unknown>
  /** When the user acted, by the device clock (ISO 8601). The server also stamps receipt time. */
  device_time: string
}

/**
 * applied: written; duplicate: this op (same op_id, same body) was applied before (idempotent
 * re-push; the same op_id with another body is refused 'invalid', "op_id: already used for a different op");
 * flagged: written, but it conflicts with server state and a keeper must look;
 * refused: unauthorised or malformed; `reason` says why and nothing changed.
 */
export type OpStatus = 'applied' | 'duplicate' | 'flagged' | 'refused'

/** Reason codes the server returns; the client translates them (i18n key `sync.reason.<code>`). */
export const REFUSAL_REASONS = ['forbidden', 'invalid', 'not_found', 'unknown_kind'] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

export interface OpResult {
  op_id: string
  status: OpStatus
  reason?: RefusalReason | string
  /** Human detail for logs and the "needs attention" list (e.g. which field). */
  detail?: string
}

/**
 * Tables the server sends down in a pull. Must equal the server's registry
 * `private.synced_tables` (one insert there per table, see supabase/README.md
 * "Adding a synced table"); tests/db/synced-tables.test.ts checks both agree.
 */
export const SYNCED_TABLES = [
  'company',
  'sites',
  'departments',
  'profiles',
  'user_roles',
  'assets',
  'asset_labels',
  'custody_events',
  'seal_usages',
  'photos',
  'areas',
  'checklist_templates',
  'inspections',
  'cleaning_rounds',
  'rectifications',
  'reward_rules',
  'ledger_entries',
  'trips',
  'fuel_logs',
  'vehicle_checks',
  'maintenance_requests',
  'accidents',
  'renewal_rules',
  'vehicle_states',
  // requests engine
  'requests',
  'request_events',
  'approval_delegations',
  'seal_usage_requests',
  // requests engine: custody acts (a seal retired, a licence lent) linked to their application
  'custody_requests',
  // tasks engine and the company calendar (the server registers them for sync_pull when the
  // synced-tables registry lands; until then pull simply returns none of their rows)
  'tasks',
  'task_events',
  'follow_ups',
  'calendar_days',
  // dormitories
  'dorm_buildings',
  'dorm_rooms',
  'dorm_beds',
  'dorm_stays',
  'dorm_bed_events',
  'dorm_check_ins',
  // KPIs (考核指标)
  'kpi_targets',
  // supervisory inspections (监督检查)
  'supervision_plans',
  'supervision_events',
  // dormitories, part 2
  'dorm_check_outs',
  // dormitories: the damage price list, the monthly meter-reading round
  'dorm_damage_prices',
  'dorm_meter_readings',
  // 证照办理: the work after approval
  'licence_work_events',
  // dormitories: long absences (长期外出)
  'dorm_absences',
] as const
export type SyncedTable = (typeof SYNCED_TABLES)[number]

export interface PulledChange {
  table: SyncedTable
  id: string
  /** The full row as the server has it, or null for a tombstone. */
  row: Record<string, unknown> | null
  deleted: boolean
}

export interface PullPage {
  changes: PulledChange[]
  /** Opaque; pass it back unchanged. Null only before the first pull. */
  cursor: string
  has_more: boolean
  /** The server began a new run from the start (the caller's roles or sites changed): the device drops what the run does not send. */
  restart?: boolean
}

/** Thrown by a transport when the request never got a definite answer: retry with backoff. */
export class TransientSyncError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'TransientSyncError'
  }
}

/** Thrown when the server answered that the session is not valid (401 / JWT expired): sign in again. */
export class AuthSyncError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AuthSyncError'
  }
}

/** How the engine reaches a server. Supabase transport in production, SQL transport in tests. */
export interface SyncTransport {
  push(ops: SyncOp[]): Promise<OpResult[]>
  pull(cursor: string | null, maxRows: number): Promise<PullPage>
}
