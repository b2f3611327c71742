/**
 * The request types that ship (申请类型), each a form (field specs) and an approval chain by role.
 * A new process becomes a new entry here, not a new app. The server holds the same specs as data
 * (private.request_type_fields / private.request_types); a database test checks both are equal.
 *
 * The manual details only 印章管理 and 证照管理; seal use, licence borrowing and vehicle dispatch
 * follow common practice in Chinese enterprises: the administration head checks, the executive
 * (执行长) gives the final approval for seals and licences, the fleet manager dispatches vehicles.
 */
import { DOCUMENT_TYPES, SEAL_USAGE_MODES } from '@/features/assets/domain/sealUsage'

export type FieldKind = 'text' | 'textarea' | 'int' | 'amount' | 'choice' | 'datetime'

export interface FieldSpec {
  readonly key: string
  readonly kind: FieldKind
  /** Required unless `optional`, or only when `requiredIf` holds. */
  readonly optional?: boolean
  readonly requiredIf?: readonly [key: string, value: string]
  /** Text: maximum characters; int/amount: maximum value. */
  readonly max: number
  /** int/amount: minimum value (default 0 for amounts, 1 for ints). */
  readonly min?: number
  readonly options?: readonly string[]
  /** A datetime that must come after another field's time (a due time after the start). */
  readonly after?: string
}

/** Roles that decide a step. The chain walks up: a functional keeper, then the admin head, then the executive. */
export const APPROVER_ROLES = ['fleet_manager', 'admin_head', 'executive'] as const
export type ApproverRole = (typeof APPROVER_ROLES)[number]

/** The level directly above each approver role (DESIGN.md "Roles and time"); null = nobody above. */
export const LEVEL_ABOVE: Record<ApproverRole, ApproverRole | null> = {
  fleet_manager: 'admin_head',
  admin_head: 'executive',
  executive: null,
}

/** What happens after approval, and which engine does it. */
export type Fulfilment =
  | 'seal_stamp'
  | 'seal_register'
  | 'licence_register'
  | 'licence_lend'
  | 'dispatch'
  | 'dorm_allocate'
  | 'inspection_notice'
  | 'dorm_move'
  | 'dorm_leave'
  | 'repair'

export interface RequestTypeDef {
  readonly type: string
  /** The field shown as the application's title in lists. */
  readonly titleKey: string
  readonly fields: readonly FieldSpec[]
  readonly chain: readonly ApproverRole[]
  /** An amount above the company's threshold adds the admin head, then the executive. */
  readonly amountKey?: string
  /** The form's due-back time (外带, borrowing), recorded for the KPI "returned on time". */
  readonly dueKey?: string
  readonly fulfilment: Fulfilment
  /** Role that carries it out once approved (sees approved ones of this type). */
  readonly fulfiller: 'seal_keeper' | 'asset_keeper' | 'fleet_manager' | 'dorm_manager' | 'inspector'
  /** Applied for from another feature's page (which makes the rest of its record), not from the list of new applications. */
  readonly startedFrom?: 'supervision' | 'fleet'
}

const SEAL_LIFECYCLE_ACTIONS = ['engrave', 'enable', 'retire'] as const
const LICENCE_ACTIONS = ['obtain', 'change', 'renew'] as const
const COPY_KINDS = ['original', 'copy'] as const
const GENDERS = ['male', 'female'] as const

export const REQUEST_TYPES = [
  {
    type: 'seal_use', // 用印申请
    titleKey: 'document_title',
    fields: [
      { key: 'document_title', kind: 'text', max: 200 },
      { key: 'document_type', kind: 'choice', max: 20, options: DOCUMENT_TYPES },
      { key: 'copies', kind: 'int', min: 1, max: 999 },
      { key: 'seal_name', kind: 'text', max: 60 },
      { key: 'purpose', kind: 'textarea', max: 500 },
      { key: 'mode', kind: 'choice', max: 20, options: SEAL_USAGE_MODES },
      { key: 'due_at', kind: 'datetime', max: 0, requiredIf: ['mode', 'take_out'] },
    ],
    chain: ['admin_head', 'executive'],
    dueKey: 'due_at',
    fulfilment: 'seal_stamp',
    fulfiller: 'seal_keeper',
  },
  {
    type: 'seal_lifecycle', // 印章刻制 / 启用 / 停用
    titleKey: 'seal_name',
    fields: [
      { key: 'action', kind: 'choice', max: 20, options: SEAL_LIFECYCLE_ACTIONS },
      { key: 'seal_name', kind: 'text', max: 60 },
      { key: 'seal_type', kind: 'text', max: 40 },
      { key: 'unit_name', kind: 'text', max: 100 },
      { key: 'quantity', kind: 'int', min: 1, max: 20 },
      { key: 'reason', kind: 'textarea', max: 500 },
      { key: 'cost', kind: 'amount', max: 1_000_000, optional: true },
    ],
    chain: ['admin_head', 'executive'],
    amountKey: 'cost',
    fulfilment: 'seal_register',
    fulfiller: 'seal_keeper',
  },
  {
    type: 'licence_affair', // 证照办理 / 变更 / 年检
    titleKey: 'licence_name',
    fields: [
      { key: 'action', kind: 'choice', max: 20, options: LICENCE_ACTIONS },
      { key: 'licence_name', kind: 'text', max: 100 },
      { key: 'authority', kind: 'text', max: 100 },
      { key: 'materials', kind: 'textarea', max: 1000 },
      { key: 'reason', kind: 'textarea', max: 500 },
    ],
    chain: ['admin_head', 'executive'],
    fulfilment: 'licence_register',
    fulfiller: 'asset_keeper',
  },
  {
    type: 'licence_borrow', // 证照借用
    titleKey: 'licence_name',
    fields: [
      { key: 'licence_name', kind: 'text', max: 100 },
      { key: 'copy_kind', kind: 'choice', max: 20, options: COPY_KINDS },
      { key: 'purpose', kind: 'textarea', max: 500 },
      { key: 'borrow_at', kind: 'datetime', max: 0 },
      { key: 'due_at', kind: 'datetime', max: 0, after: 'borrow_at' },
    ],
    chain: ['admin_head', 'executive'],
    dueKey: 'due_at',
    fulfilment: 'licence_lend',
    fulfiller: 'asset_keeper',
  },
  {
    type: 'vehicle_dispatch', // 用车申请
    titleKey: 'destination',
    fields: [
      { key: 'destination', kind: 'text', max: 100 },
      { key: 'start_at', kind: 'datetime', max: 0 },
      { key: 'end_at', kind: 'datetime', max: 0, after: 'start_at' },
      { key: 'passengers', kind: 'int', min: 1, max: 60 },
      { key: 'purpose', kind: 'textarea', max: 500 },
      { key: 'estimated_cost', kind: 'amount', max: 1_000_000, optional: true },
    ],
    chain: ['fleet_manager'],
    amountKey: 'estimated_cost',
    dueKey: 'end_at',
    fulfilment: 'dispatch',
    fulfiller: 'fleet_manager',
  },
  // dormitories
  {
    type: 'dorm_stay', // 入住申请: the admin head approves, the dorm manager allocates a bed (features/dorms)
    titleKey: 'reason',
    fields: [
      { key: 'reason', kind: 'textarea', max: 500 },
      { key: 'gender', kind: 'choice', max: 10, options: GENDERS },
      { key: 'move_in_at', kind: 'datetime', max: 0 },
      { key: 'move_out_at', kind: 'datetime', max: 0, optional: true, after: 'move_in_at' },
      { key: 'shift', kind: 'text', max: 20, optional: true },
      { key: 'preferences', kind: 'textarea', max: 500, optional: true },
    ],
    chain: ['admin_head'],
    fulfilment: 'dorm_allocate',
    fulfiller: 'dorm_manager',
  },
  // supervisory inspections (监督检查, manual 1.4)
  {
    type: 'inspection_plan', // 监督检查方案: the admin head approves; the plan's inspectors then send the notice (features/supervision)
    titleKey: 'focus',
    fields: [
      { key: 'focus', kind: 'text', max: 200 },
      { key: 'department', kind: 'text', max: 100 },
      { key: 'period', kind: 'text', max: 40 },
      { key: 'scope', kind: 'textarea', max: 1000 },
      { key: 'inspectors', kind: 'text', max: 300 },
      { key: 'checklists', kind: 'text', max: 300 },
    ],
    chain: ['admin_head'],
    fulfilment: 'inspection_notice',
    fulfiller: 'inspector',
    startedFrom: 'supervision',
  },
  {
    type: 'dorm_move', // 调宿申请: the admin head approves, the dorm manager moves the resident (features/dorms)
    titleKey: 'reason',
    fields: [
      { key: 'reason', kind: 'textarea', max: 500 },
      { key: 'move_at', kind: 'datetime', max: 0 },
      { key: 'preferences', kind: 'textarea', max: 500, optional: true },
    ],
    chain: ['admin_head'],
    fulfilment: 'dorm_move',
    fulfiller: 'dorm_manager',
  },
  {
    // 提前退宿申请: leaving before the stay's expected end; the admin head approves, and the check-out of the
    // applicant's stay carries it out (features/dorms; the server marks it fulfilled and the check-out names it)
    type: 'dorm_leave',
    titleKey: 'reason',
    fields: [
      { key: 'reason', kind: 'textarea', max: 500 },
      { key: 'leave_at', kind: 'datetime', max: 0 },
    ],
    chain: ['admin_head'],
    fulfilment: 'dorm_leave',
    fulfiller: 'dorm_manager',
  },
  // vehicles (车辆维修)
  {
    // 维修审批: a repair above the admin head's threshold, sent up by the fleet manager from the repair
    // request (features/fleet). The fleet manager applies, so their own step is on record as theirs
    // (skipped) and the chain goes on one level at a time: the admin head, then the executive.
    type: 'vehicle_repair',
    titleKey: 'vehicle',
    fields: [
      { key: 'vehicle', kind: 'text', max: 60 },
      { key: 'description', kind: 'textarea', max: 1000 },
      { key: 'garage', kind: 'text', max: 100, optional: true },
      { key: 'estimated_cost', kind: 'amount', max: 1_000_000 },
    ],
    chain: ['fleet_manager'],
    amountKey: 'estimated_cost',
    fulfilment: 'repair',
    fulfiller: 'fleet_manager',
    startedFrom: 'fleet',
  },
] as const satisfies readonly RequestTypeDef[]

export type RequestType = (typeof REQUEST_TYPES)[number]['type']
export const REQUEST_TYPE_CODES = REQUEST_TYPES.map((t) => t.type) as RequestType[]

const BY_TYPE = new Map<string, RequestTypeDef>(REQUEST_TYPES.map((t) => [t.type, t]))

export function requestTypeDef(type: string): RequestTypeDef | undefined {
  return BY_TYPE.get(type)
}

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && BY_TYPE.has(value)
}

/** Above this many yuan an application also needs the admin head and the executive (the admin head may change it). */
export const DEFAULT_AMOUNT_THRESHOLD = 5000
