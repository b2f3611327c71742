import Dexie, { type Table } from 'dexie'
import { assetIndexMiddleware, type AssetIndexRow } from './assetIndex'
import { inspectionScoresMiddleware, type InspectionScoreRow } from './inspectionScores'
import { kpiMonthsMiddleware, type KpiGenRow, type KpiMonthRow } from './kpiMonths'
import type {
  TaskRow,
  TaskEventRow,
  FollowUpRow,
  CalendarDayRow,
  TripRow,
  FuelLogRow,
  VehicleCheckRow,
  MaintenanceRequestRow,
  AccidentRow,
  RenewalRuleRow,
  VehicleStateRow,
  AreaRow,
  ChecklistTemplateRow,
  CleaningRoundRow,
  InspectionRow,
  LedgerEntryRow,
  RectificationRow,
  RewardRuleRow,
  AssetLabelRow,
  AssetRow,
  CustodyEventRow,
  PhotoBlobRow,
  ScanLogRow,
  SealUsageRow,
  CompanyRow,
  DepartmentRow,
  MetaRow,
  OutboxEntry,
  PhotoRow,
  ProfileRow,
  SiteRow,
  UserRoleRow,
  RequestRow,
  RequestEventRow,
  ApprovalDelegationRow,
  SealUsageRequestRow,
  LicenceWorkEventRow,
  CustodyRequestRow,
  DormBuildingRow,
  DormRoomRow,
  DormBedRow,
  DormStayRow,
  DormBedEventRow,
  DormCheckInRow,
  KpiTargetRow,
  SupervisionEventRow,
  SupervisionPlanRow,
  DormCheckOutRow,
  DormDamagePriceRow,
  DormMeterReadingRow,
  DormAbsenceRow,
} from './rows'
import { upgradeToV2, upgradeToV3, upgradeToV4, upgradeToV7 } from './schemaUpgrades'
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8, SCHEMA_V9, SCHEMA_V10, SCHEMA_V11, SCHEMA_V13, SCHEMA_V14, SCHEMA_V16, SCHEMA_V18, SCHEMA_V19, SCHEMA_V21, SCHEMA_V24, SCHEMA_V25, SCHEMA_V26, SCHEMA_V27, SCHEMA_V29, SCHEMA_V31, SCHEMA_V32 } from './schemaVersions'

export * from './schemaVersions'

export class AdminFieldDb extends Dexie {
  // `declare`: Dexie sets these in the constructor; a class field would overwrite them with undefined.
  declare company: Table<CompanyRow, string>
  declare sites: Table<SiteRow, string>
  declare departments: Table<DepartmentRow, string>
  declare profiles: Table<ProfileRow, string>
  declare user_roles: Table<UserRoleRow, string>
  declare outbox: Table<OutboxEntry, number>
  declare photos: Table<PhotoRow, string>
  declare photo_blobs: Table<PhotoBlobRow, string>
  declare meta: Table<MetaRow, string>
  declare assets: Table<AssetRow, string>
  declare asset_labels: Table<AssetLabelRow, string>
  declare custody_events: Table<CustodyEventRow, string>
  declare seal_usages: Table<SealUsageRow, string>
  declare scan_log: Table<ScanLogRow, string>
  declare asset_index: Table<AssetIndexRow, string>
  declare areas: Table<AreaRow, string>
  declare checklist_templates: Table<ChecklistTemplateRow, string>
  declare inspections: Table<InspectionRow, string>
  declare cleaning_rounds: Table<CleaningRoundRow, string>
  declare rectifications: Table<RectificationRow, string>
  declare reward_rules: Table<RewardRuleRow, string>
  declare ledger_entries: Table<LedgerEntryRow, string>
  declare trips: Table<TripRow, string>
  declare fuel_logs: Table<FuelLogRow, string>
  declare vehicle_checks: Table<VehicleCheckRow, string>
  declare maintenance_requests: Table<MaintenanceRequestRow, string>
  declare accidents: Table<AccidentRow, string>
  declare renewal_rules: Table<RenewalRuleRow, string>
  declare vehicle_states: Table<VehicleStateRow, string>
  declare inspection_scores: Table<InspectionScoreRow, string>
  declare requests: Table<RequestRow, string>
  declare request_events: Table<RequestEventRow, string>
  declare approval_delegations: Table<ApprovalDelegationRow, string>
  declare seal_usage_requests: Table<SealUsageRequestRow, string>
  declare custody_requests: Table<CustodyRequestRow, string>
  declare tasks: Table<TaskRow, string>
  declare task_events: Table<TaskEventRow, string>
  declare follow_ups: Table<FollowUpRow, string>
  declare calendar_days: Table<CalendarDayRow, string>
  declare dorm_buildings: Table<DormBuildingRow, string>
  declare dorm_rooms: Table<DormRoomRow, string>
  declare dorm_beds: Table<DormBedRow, string>
  declare dorm_stays: Table<DormStayRow, string>
  declare dorm_bed_events: Table<DormBedEventRow, string>
  declare dorm_check_ins: Table<DormCheckInRow, string>
  declare kpi_targets: Table<KpiTargetRow, string>
  declare supervision_plans: Table<SupervisionPlanRow, string>
  declare supervision_events: Table<SupervisionEventRow, string>
  declare dorm_check_outs: Table<DormCheckOutRow, string>
  declare dorm_damage_prices: Table<DormDamagePriceRow, string>
  declare dorm_meter_readings: Table<DormMeterReadingRow, string>
  declare licence_work_events: Table<LicenceWorkEventRow, string>
  declare dorm_absences: Table<DormAbsenceRow, string>
  /** Device-only: closed months' KPI figures (kpiMonths.ts). */
  declare kpi_months: Table<KpiMonthRow | KpiGenRow, string>

  constructor(name = 'adminfield') {
    super(name)
    this.use(assetIndexMiddleware)
    this.use(inspectionScoresMiddleware)
    this.use(kpiMonthsMiddleware)
    // Every `stores()` call re-parses all versions declared so far and rebuilds every table's API:
    // one call per shipped version cost ~15 passes over ~50 tables at each start (tens of ms on a
    // phone, before anything could read). Dexie (3+) upgrades from the database's real schema, so a
    // version without an upgrader needs no declaration of its own: the versions between two
    // upgraders are declared as one (merged in order, a later version's table spec winning, as
    // Dexie merges them). Versions with an upgrader keep their own declaration.
    this.version(1).stores(SCHEMA_V1)
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2)
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3)
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4)
    this.version(7).stores({ ...SCHEMA_V5, ...SCHEMA_V6, ...SCHEMA_V7 }).upgrade(upgradeToV7)
    // v8 …: add a version's stores to this list (and raise the number) unless it has an upgrader.
    this.version(32).stores({
      ...SCHEMA_V8,
      ...SCHEMA_V9,
      // dormitories (v9: tasks)
      ...SCHEMA_V10,
      // KPIs (v10: dormitories)
      ...SCHEMA_V11,
      // requests engine: custody acts linked to applications (v12: unused)
      ...SCHEMA_V13,
      // supervisory inspections and the bell's task indexes
      ...SCHEMA_V14,
      // dormitory check-outs
      ...SCHEMA_V16,
      // a dormitory room's repair tasks by room
      ...SCHEMA_V18,
      // the tasks lists paged by deadline, the 督办 ledger's tasks by sheet
      ...SCHEMA_V19,
      // the KPI dashboard's period reads
      ...SCHEMA_V21,
      // 证照办理: the work after approval
      ...SCHEMA_V24,
      // dormitory residents' long absences (长期外出)
      ...SCHEMA_V25,
      // the dorm damage price list and the monthly meter-reading round
      ...SCHEMA_V26,
      // the bell's 督办 sheets' tasks by index
      ...SCHEMA_V27,
      // closed months' KPI figures, device-only
      ...SCHEMA_V29,
      // the KPI dashboard's period reads of 督办 sheets and applications
      ...SCHEMA_V31,
      // the KPI dashboard's occupancy reads
      ...SCHEMA_V32,
    })
  }

  /** Set by `openAfter`: the IndexedDB open waits for it (queries wait as for any open). */
  private openHeld: Promise<unknown> | null = null

  /**
   * Opens IndexedDB only once `ready` settles; queries made meanwhile wait, as they wait for any
   * open. A first visit's start lets another connection (the demo seed's worker) create every
   * table off the main thread first, so this one only opens a database of its version (issue 13).
   */
  openAfter(ready: Promise<unknown>): void {
    const held = ready.then(
      () => undefined,
      () => undefined, // The other connection failed: this one opens (and creates) as it would have.
    )
    this.openHeld = held
    void held.then(() => {
      if (this.openHeld === held) this.openHeld = null
    })
  }

  // Dexie opens on the first query by calling `open()`: while held, every such call waits for the
  // same release, then opens once (Dexie joins the calls of an open under way).
  override open(): ReturnType<Dexie['open']> {
    const held = this.openHeld
    if (!held) return super.open()
    return Dexie.Promise.resolve(held).then(() => super.open()) as ReturnType<Dexie['open']>
  }
}
