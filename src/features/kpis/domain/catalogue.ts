/**
 * The manual's indicators (关键事项与考核说明) as data: one definition per KPI, tied to its
 * process and node in seed/PROCESSES.md and PROCESS-MAP.md, with its formula's kind and the
 * seed's target (100 for "100%"; null where the manual leaves it blank "_%": the admin head
 * sets it). The formulas are in sources/*.ts (device) and in SQL (private.kpi_items_*); both
 * produce the same items (tests/db/kpis.test.ts), and figures.ts aggregates them.
 *
 * Where the manual names an indicator but the app records no fact for it (rules written with
 * 0 errors, plan complete, satisfaction points), it is not in this list: a figure must come
 * from recorded timestamps, never from a form that asks "was it on time?".
 */

/** rate: share of items met, in %; average: mean of the items' values (scores, L/100 km). */
export type KpiKind = 'rate' | 'average'

export const KPI_CODES = [
  // 1.2 行政事务处理
  'affairs_on_time',
  'affairs_summary_on_time',
  'affairs_score',
  // 1.3 行政督办
  'follow_up_reminder_on_time',
  'follow_up_first_success',
  // 1.4 监督检查: findings rectified on time; 14.x 环境卫生: inspection scores
  'rectification_on_time',
  'inspection_score',
  // 2.2 – 2.6 seals and licences (申请 on the requests engine, use on custody)
  'seal_request_first_pass',
  'licence_request_first_pass',
  'seal_use_first_pass',
  'approval_on_time',
  'seal_returned_on_time',
  'licence_returned_on_time',
  // field modules: 2.2 node 6 periodic checks, 10.1 dispatch, 10.7 pre-trip checks, 13.2 check-in
  'custody_checked_on_time',
  'dispatch_on_time',
  'trip_pre_check',
  'dorm_check_in_on_time',
  // 10.4 fuel economy against each vehicle's baseline, 13.1 dormitory occupancy
  'fuel_within_baseline',
  'dorm_occupancy',
] as const
export type KpiCode = (typeof KPI_CODES)[number]

export interface KpiDef {
  readonly code: KpiCode
  /** The manual's process number (seed/PROCESSES.md) and node(s). */
  readonly process: string
  readonly nodes: string
  readonly kind: KpiKind
  /** The seed's target (100 = 100%); null = blank in the manual, set by the admin head. */
  readonly seedTarget: number | null
  /** Who the figure is about: the person whose act it measures. */
  readonly subject: 'assignee' | 'officer' | 'applicant' | 'approver' | 'holder' | 'responsible' | 'keeper' | 'driver' | 'allocator' | 'site'
  /** Where the drill-down goes (the records behind the figure). */
  readonly record: 'tasks' | 'follow_ups' | 'requests' | 'assets' | 'rectifications' | 'inspections' | 'rooms'
  /** The unit shown after the figure. */
  readonly unit: '%' | 'points'
  /** true: this KPI's deadline is counted in working days on the company calendar. */
  readonly workingDays: boolean
}

export const KPIS: readonly KpiDef[] = [
  // 1.2 node 5 "no delay, no backlog": done by the deadline (the end of the due day).
  { code: 'affairs_on_time', process: '1.2', nodes: '3,5', kind: 'rate', seedTarget: 100, subject: 'assignee', record: 'tasks', unit: '%', workingDays: false },
  // 1.2 node 9: the summary within 3 (working) days of finishing.
  { code: 'affairs_summary_on_time', process: '1.2', nodes: '9', kind: 'rate', seedTarget: 100, subject: 'assignee', record: 'tasks', unit: '%', workingDays: true },
  // 1.2 node 10: the admin head's score, per person per month, for appraisal.
  { code: 'affairs_score', process: '1.2', nodes: '10', kind: 'average', seedTarget: null, subject: 'assignee', record: 'tasks', unit: 'points', workingDays: false },
  // 1.3 nodes 3, 5, 6: 催办及时率 100%.
  { code: 'follow_up_reminder_on_time', process: '1.3', nodes: '3,5,6', kind: 'rate', seedTarget: 100, subject: 'officer', record: 'follow_ups', unit: '%', workingDays: false },
  // 1.3 node 3: 首次催办成功率 ≥ _%.
  { code: 'follow_up_first_success', process: '1.3', nodes: '3', kind: 'rate', seedTarget: null, subject: 'officer', record: 'follow_ups', unit: '%', workingDays: false },
  // 1.4 node 9 (改进工作跟踪), 14.x: rectified by the deadline.
  { code: 'rectification_on_time', process: '1.4', nodes: '9', kind: 'rate', seedTarget: 100, subject: 'responsible', record: 'rectifications', unit: '%', workingDays: false },
  // 14.4 卫生检查: the average score of the areas a person or department is responsible for.
  { code: 'inspection_score', process: '14.4', nodes: '—', kind: 'average', seedTarget: null, subject: 'responsible', record: 'inspections', unit: 'points', workingDays: false },
  // 2.2 node 2: 印章刻制/停用申请 first-pass 100%.
  { code: 'seal_request_first_pass', process: '2.2', nodes: '1,2', kind: 'rate', seedTarget: 100, subject: 'applicant', record: 'requests', unit: '%', workingDays: false },
  // 2.3 node 2: materials complete, first-pass 100%.
  { code: 'licence_request_first_pass', process: '2.3', nodes: '1,2', kind: 'rate', seedTarget: 100, subject: 'applicant', record: 'requests', unit: '%', workingDays: false },
  // 2.5 用印申请 一次性通过率 _%.
  { code: 'seal_use_first_pass', process: '2.5', nodes: '—', kind: 'rate', seedTarget: null, subject: 'applicant', record: 'requests', unit: '%', workingDays: false },
  // Every approval step decided by the end of the next working day (design: the manual asks
  // "without delay" of the approver in 1.2 node 7 and "on time" of every application node).
  { code: 'approval_on_time', process: '2.2', nodes: '1,2', kind: 'rate', seedTarget: null, subject: 'approver', record: 'requests', unit: '%', workingDays: true },
  // 2.5 外带 and 2.6 借用: back in the cabinet by the due time of the check-out.
  { code: 'seal_returned_on_time', process: '2.5', nodes: '—', kind: 'rate', seedTarget: 100, subject: 'holder', record: 'assets', unit: '%', workingDays: false },
  { code: 'licence_returned_on_time', process: '2.6', nodes: '—', kind: 'rate', seedTarget: 100, subject: 'holder', record: 'assets', unit: '%', workingDays: false },
  // 2.2 node 6 "periodic checks on time": each seal and licence checked in its cabinet every month (sources/field.ts).
  { code: 'custody_checked_on_time', process: '2.2', nodes: '6', kind: 'rate', seedTarget: null, subject: 'keeper', record: 'assets', unit: '%', workingDays: false },
  // 10.1 用车申请 "dispatch on time": decided by the time the car is needed.
  { code: 'dispatch_on_time', process: '10.1', nodes: '—', kind: 'rate', seedTarget: null, subject: 'approver', record: 'requests', unit: '%', workingDays: false },
  // 10.7 司机出车 "checks done": every trip started with its pre-trip check.
  { code: 'trip_pre_check', process: '10.7', nodes: '—', kind: 'rate', seedTarget: null, subject: 'driver', record: 'assets', unit: '%', workingDays: false },
  // 13.2 宿舍入住 "check-in time": checked in by the end of the allocated move-in day.
  { code: 'dorm_check_in_on_time', process: '13.2', nodes: '—', kind: 'rate', seedTarget: null, subject: 'allocator', record: 'rooms', unit: '%', workingDays: false },
  // 10.4 车辆加油 "L/100 km vs baseline": fill-to-fill intervals within the vehicle's baseline + 10 %
  // (the set baseline, else the median of the 90 days before the month; sources/fuel.ts).
  { code: 'fuel_within_baseline', process: '10.4', nodes: '—', kind: 'rate', seedTarget: null, subject: 'driver', record: 'assets', unit: '%', workingDays: false },
  // 13.1 员工宿舍 "occupancy": occupied bed-days / available bed-days (under repair excluded; a
  // long absence is occupied), by site (sources/dorms.ts).
  { code: 'dorm_occupancy', process: '13.1', nodes: '—', kind: 'rate', seedTarget: null, subject: 'site', record: 'rooms', unit: '%', workingDays: false },
]

const BY_CODE = new Map<string, KpiDef>(KPIS.map((k) => [k.code, k]))

export function kpiDef(code: string): KpiDef | undefined {
  return BY_CODE.get(code)
}

export function isKpiCode(value: unknown): value is KpiCode {
  return typeof value === 'string' && BY_CODE.has(value)
}

/** Working days an approval step may take (approval_on_time): decided by the end of the next working day. */
export const APPROVAL_WORKING_DAYS = 1
