/**
 * The manual's Chinese terms (seed/PROCESSES.md) and the names the code uses for them.
 * Use it when naming tables, op kinds, routes and i18n keys so both languages stay aligned.
 * `kind` says what the code name is: a role code, a feature/module name, or a domain concept.
 */
export type GlossaryKind = 'role' | 'feature' | 'concept'

export interface GlossaryEntry {
  readonly zh: string
  readonly en: string
  readonly code: string
  readonly kind: GlossaryKind
}

export const GLOSSARY = [
  // Roles (codes match features/auth/domain/roles.ts and i18n roles.<code>)
  { zh: '行政部长', en: 'Head of administration', code: 'admin_head', kind: 'role' },
  { zh: '执行长', en: 'Executive', code: 'executive', kind: 'role' },
  { zh: '印章管理员', en: 'Seal keeper', code: 'seal_keeper', kind: 'role' },
  { zh: '资产管理员', en: 'Asset keeper', code: 'asset_keeper', kind: 'role' },
  { zh: '司机', en: 'Driver', code: 'driver', kind: 'role' },
  { zh: '车队管理员', en: 'Fleet manager', code: 'fleet_manager', kind: 'role' },
  { zh: '保洁员', en: 'Cleaner', code: 'cleaner', kind: 'role' },
  { zh: '检查员', en: 'Inspector', code: 'inspector', kind: 'role' },
  { zh: '宿管员', en: 'Dorm manager', code: 'dorm_manager', kind: 'role' },
  { zh: '员工', en: 'Employee', code: 'employee', kind: 'role' },
  // Time
  { zh: '设备时钟异常', en: 'Device clock off', code: 'claimed_time', kind: 'concept' },
  // Organisation
  { zh: '行政部', en: 'Administration department', code: 'adminDepartment', kind: 'concept' },
  { zh: '厂区', en: 'Site', code: 'site', kind: 'concept' },
  { zh: '部门', en: 'Department', code: 'department', kind: 'concept' },
  { zh: '督办人员', en: 'Follow-up officer', code: 'followUpOfficer', kind: 'concept' },
  { zh: '承办部门', en: 'Responsible department', code: 'assigneeDepartment', kind: 'concept' },
  { zh: '受检部门', en: 'Inspected department', code: 'inspectedDepartment', kind: 'concept' },
  // Processes and features
  { zh: '行政事务处理', en: 'Administrative affairs', code: 'affairs', kind: 'feature' },
  { zh: '督办', en: 'Follow-up supervision', code: 'followUp', kind: 'feature' },
  { zh: '催办', en: 'Reminder', code: 'reminder', kind: 'concept' },
  { zh: '监督检查', en: 'Supervisory inspection', code: 'supervisoryInspection', kind: 'feature' },
  { zh: '整改', en: 'Rectification', code: 'rectification', kind: 'concept' },
  { zh: '复查', en: 'Re-inspection', code: 'reinspection', kind: 'concept' },
  { zh: '印章', en: 'Seal', code: 'seal', kind: 'feature' },
  { zh: '用印登记', en: 'Seal usage log', code: 'sealUsage', kind: 'concept' },
  { zh: '印章刻制', en: 'Seal engraving', code: 'sealEngraving', kind: 'concept' },
  { zh: '证照', en: 'Licence', code: 'licence', kind: 'feature' },
  { zh: '资产', en: 'Asset', code: 'asset', kind: 'feature' },
  { zh: '借出', en: 'Check-out', code: 'checkOut', kind: 'concept' },
  { zh: '归还', en: 'Check-in', code: 'checkIn', kind: 'concept' },
  { zh: '盘点', en: 'Audit', code: 'audit', kind: 'concept' },
  { zh: '报废', en: 'Retirement (scrapping)', code: 'retire', kind: 'concept' },
  { zh: '工衣制服', en: 'Work uniform', code: 'uniform', kind: 'concept' },
  { zh: '车辆', en: 'Vehicle', code: 'vehicle', kind: 'feature' },
  { zh: '出车', en: 'Trip', code: 'trip', kind: 'concept' },
  { zh: '派车', en: 'Vehicle dispatch', code: 'dispatch', kind: 'concept' },
  { zh: '加油', en: 'Fuel log', code: 'fuelLog', kind: 'concept' },
  { zh: '出车前检查', en: 'Pre-trip inspection', code: 'preTripCheck', kind: 'concept' },
  { zh: '车辆年检', en: 'Annual vehicle inspection', code: 'annualInspection', kind: 'concept' },
  { zh: '环境卫生', en: 'Sanitation', code: 'sanitation', kind: 'feature' },
  { zh: '绿化', en: 'Greening', code: 'greening', kind: 'concept' },
  { zh: '检查表', en: 'Checklist', code: 'checklist', kind: 'concept' },
  { zh: '宿舍', en: 'Dormitory', code: 'dorm', kind: 'feature' },
  { zh: '宿舍入住', en: 'Dormitory check-in', code: 'dormCheckIn', kind: 'concept' },
  { zh: '定期检查', en: 'Periodic check', code: 'periodicCheck', kind: 'concept' },
  { zh: '审批', en: 'Approval', code: 'approval', kind: 'concept' },
  { zh: '申请', en: 'Request', code: 'request', kind: 'concept' },
  // Requests engine (features/requests): types are REQUEST_TYPES codes, actions request_events.action
  { zh: '申请与审批', en: 'Requests and approvals', code: 'requests', kind: 'feature' },
  { zh: '用印申请', en: 'Seal use request', code: 'seal_use', kind: 'concept' },
  { zh: '印章刻制/启用/停用申请', en: 'Seal engraving / enabling / retirement request', code: 'seal_lifecycle', kind: 'concept' },
  { zh: '证照办理/变更/年检', en: 'Licence obtain / change / renew request', code: 'licence_affair', kind: 'concept' },
  { zh: '证照借用', en: 'Licence borrowing', code: 'licence_borrow', kind: 'concept' },
  { zh: '用车申请', en: 'Vehicle dispatch request', code: 'vehicle_dispatch', kind: 'concept' },
  { zh: '车辆维修审批', en: 'Vehicle repair approval', code: 'vehicle_repair', kind: 'concept' },
  { zh: '审批限额', en: 'Approval threshold', code: 'approvalAmountThreshold', kind: 'concept' },
  { zh: '审批流程', en: 'Approval chain', code: 'chain', kind: 'concept' },
  { zh: '待我审批', en: 'Waiting for my approval', code: 'inbox', kind: 'concept' },
  { zh: '我的申请', en: 'My requests', code: 'myRequests', kind: 'concept' },
  { zh: '同意', en: 'Approve', code: 'approve', kind: 'concept' },
  { zh: '驳回', en: 'Reject', code: 'reject', kind: 'concept' },
  { zh: '退回修改', en: 'Return for changes', code: 'return', kind: 'concept' },
  { zh: '撤回', en: 'Withdraw', code: 'withdraw', kind: 'concept' },
  { zh: '重新提交', en: 'Resubmit', code: 'resubmit', kind: 'concept' },
  { zh: '代理审批', en: 'Delegated approval', code: 'delegation', kind: 'concept' },
  { zh: '一次性通过', en: 'Passed first time', code: 'firstPass', kind: 'concept' },
  { zh: '申请表', en: 'Request form', code: 'requestForm', kind: 'concept' },
  { zh: '办理二维码', en: 'QR code for the keeper', code: 'pickCode', kind: 'concept' },
  { zh: '原有照片', en: 'Photos so far', code: 'editPhotos', kind: 'concept' },
  // Dormitories (features/dorms): bed statuses are dorms.status.<code>, bed events dorm_bed_events.type
  { zh: '员工宿舍', en: 'Staff dormitories', code: 'dorms', kind: 'feature' },
  { zh: '床位', en: 'Bed', code: 'bed', kind: 'concept' },
  { zh: '入住申请', en: 'Dorm application', code: 'dorm_stay', kind: 'concept' },
  { zh: '分配床位', en: 'Bed allocation', code: 'allocate', kind: 'concept' },
  { zh: '重复分配', en: 'Double booking', code: 'doubleBooking', kind: 'concept' },
  { zh: '退宿', en: 'Dorm check-out', code: 'dormCheckOut', kind: 'concept' },
  { zh: '调宿', en: 'Room change', code: 'roomChange', kind: 'concept' },
  { zh: '报修', en: 'Repair request', code: 'repairRequest', kind: 'concept' },
  { zh: '长期外出', en: 'Long absence', code: 'dormAbsence', kind: 'concept' },
  { zh: '提前退宿', en: 'Early leave', code: 'dorm_leave', kind: 'concept' },
  { zh: '维修中', en: 'Under repair', code: 'under_repair', kind: 'concept' },
  { zh: '宿舍管理规定', en: 'Dorm rules', code: 'dormRules', kind: 'concept' },
  { zh: '床位费', en: 'Bed fee', code: 'bedFee', kind: 'concept' },
  { zh: '房间物品清点', en: 'Room inventory', code: 'roomInventory', kind: 'concept' },
  { zh: '水电表读数', en: 'Meter readings', code: 'meterReading', kind: 'concept' },
  { zh: '宿舍卫生检查', en: 'Dorm hygiene inspection', code: 'dorm_hygiene', kind: 'concept' },
  { zh: '楼栋', en: 'Building', code: 'building', kind: 'concept' },
  { zh: '水电费', en: 'Utility charges', code: 'utilityCharges', kind: 'concept' },
  { zh: '工资代扣', en: 'Payroll deduction', code: 'payrollDeduction', kind: 'concept' },
  { zh: '损坏赔偿价目表', en: 'Damage price list', code: 'damagePrices', kind: 'concept' },
  { zh: '月度抄表', en: 'Monthly meter reading', code: 'meterRound', kind: 'concept' },
  { zh: '换表', en: 'Meter replaced', code: 'meterReplaced', kind: 'concept' },
  { zh: '任务', en: 'Task', code: 'task', kind: 'feature' },
  { zh: '交接', en: 'Handover', code: 'handover', kind: 'concept' },
  { zh: '考核指标', en: 'KPI', code: 'kpi', kind: 'feature' },
  { zh: '及时率', en: 'On-time rate', code: 'onTimeRate', kind: 'concept' },
  { zh: '一次性通过率', en: 'First-pass rate', code: 'firstPassRate', kind: 'concept' },
  { zh: '目标值', en: 'Target value', code: 'target', kind: 'concept' },
  { zh: '流程', en: 'Process', code: 'process', kind: 'concept' },
  { zh: '节点', en: 'Node', code: 'node', kind: 'concept' },
  // Tasks engine (事务处理, 督办) and the company calendar
  { zh: '事务处理', en: 'Handling affairs (tasks)', code: 'tasks', kind: 'feature' },
  { zh: '交办', en: 'Assign', code: 'assign', kind: 'concept' },
  { zh: '承办人', en: 'Assignee', code: 'assignee', kind: 'concept' },
  { zh: '协办人', en: 'Co-assignee', code: 'coAssignee', kind: 'concept' },
  { zh: '领导批示', en: "Leader's instruction", code: 'instruction', kind: 'concept' },
  { zh: '会议决议', en: 'Meeting resolution', code: 'resolution', kind: 'concept' },
  { zh: '问题上报', en: 'Raise a problem', code: 'raise', kind: 'concept' },
  { zh: '逐级上报', en: 'Escalation, one level at a time', code: 'escalate', kind: 'concept' },
  { zh: '逾期上报', en: 'Overdue escalation (a late task goes up one level every 2 working days)', code: 'lateEscalation', kind: 'concept' },
  { zh: '完成报告', en: 'Completion report', code: 'completionReport', kind: 'concept' },
  { zh: '总结', en: 'Summary', code: 'summary', kind: 'concept' },
  { zh: '评分', en: 'Score', code: 'score', kind: 'concept' },
  { zh: '督办单', en: 'Follow-up sheet', code: 'followUpSheet', kind: 'concept' },
  { zh: '督办台账', en: 'Follow-up ledger', code: 'followUpLedger', kind: 'concept' },
  { zh: '第一次催办', en: '1st reminder', code: 'firstReminder', kind: 'concept' },
  { zh: '第二次催办', en: '2nd reminder (reported to the superior)', code: 'secondReminder', kind: 'concept' },
  { zh: '最后催办', en: 'Final reminder (penalty stated)', code: 'finalReminder', kind: 'concept' },
  { zh: '批复', en: 'Approval of the result (follow_up.review step approve)', code: 'followUpApproval', kind: 'concept' },
  { zh: '工作日历', en: 'Working-day calendar', code: 'workCalendar', kind: 'feature' },
  { zh: '法定节假日', en: 'Statutory holiday', code: 'statutoryHoliday', kind: 'concept' },
  { zh: '调休', en: 'Make-up working day', code: 'makeUpWorkday', kind: 'concept' },
  { zh: '工作日', en: 'Working day', code: 'workingDay', kind: 'concept' },
  { zh: '提醒', en: 'Reminder centre', code: 'reminders', kind: 'concept' },
  { zh: '未同步', en: 'Not synced', code: 'pending', kind: 'concept' },
  { zh: '需处理', en: 'Needs attention', code: 'attention', kind: 'concept' },
  // KPIs (考核指标): the manual's indicators computed from recorded facts
  { zh: '部门负责人', en: 'Department head', code: 'departmentHead', kind: 'concept' },
  { zh: '催办及时率', en: 'Reminders on time', code: 'follow_up_reminder_on_time', kind: 'concept' },
  { zh: '首次催办成功率', en: 'First reminder success', code: 'follow_up_first_success', kind: 'concept' },
  { zh: '部门月度考核报告', en: 'Monthly KPI report by department', code: 'kpiReport', kind: 'concept' },
  { zh: '指标明细', en: 'KPI records (drill-down)', code: 'kpiDrill', kind: 'concept' },
  // supervisory inspections (监督检查, manual 1.4)
  { zh: '监督检查方案', en: 'Inspection plan', code: 'inspection_plan', kind: 'concept' },
  { zh: '作废（检查方案）', en: 'Call a plan off', code: 'cancel', kind: 'concept' },
  { zh: '检查重点', en: 'Focus', code: 'planFocus', kind: 'concept' },
  { zh: '检查范围', en: 'Scope', code: 'planScope', kind: 'concept' },
  { zh: '检查通知', en: 'Inspection notice', code: 'planNotice', kind: 'concept' },
  { zh: '检查报告', en: 'Inspection report', code: 'planReport', kind: 'concept' },
  { zh: '检查发现', en: 'Finding', code: 'finding', kind: 'concept' },
  { zh: '结果公布', en: 'Publishing the result', code: 'planPublish', kind: 'concept' },
  { zh: '改进工作跟踪', en: 'Improvement tracking', code: 'improvementTracking', kind: 'concept' },
  // 证照办理 after approval (features/licences, licence_work.record types)
  { zh: '办理材料', en: 'Materials checklist', code: 'material', kind: 'concept' },
  { zh: '领取核对', en: 'Collection check', code: 'collect', kind: 'concept' },
  { zh: '退回更正', en: 'Sent back for correction', code: 'correcting', kind: 'concept' },
  { zh: '原件与副本归档', en: 'Filing of the original and copies', code: 'file', kind: 'concept' },
  { zh: '证照有效期', en: 'Licence validity', code: 'validity', kind: 'concept' },
  { zh: '证照年检', en: 'Licence annual inspection', code: 'annual_inspection_on', kind: 'concept' },
  { zh: '长期有效', en: 'Long-term', code: 'longTerm', kind: 'concept' },
] as const satisfies readonly GlossaryEntry[]

export type GlossaryCode = (typeof GLOSSARY)[number]['code']

/** Look a term up by its code name. */
export function glossaryByCode(code: GlossaryCode): GlossaryEntry {
  const entry = GLOSSARY.find((e) => e.code === code)
  if (!entry) throw new Error(`glossary: no entry ${code}`)
  return entry
}
