/**
 * The seal-use register (用印登记).
 *
 * The manual names 印章使用管理 but its steps are cut off (seed/PROCESSES.md),
 * so this follows common Chinese enterprise practice: the requester applies
 * (用印申请) and a superior approves; the seal keeper checks the approval,
 * then either stamps the document in person (盖章, the seal never leaves the
 * keeper) or lets the seal go out with the requester (外带) until a due time;
 * every use is written in the register with title, type, copies, purpose,
 * requester, approver and a photo of the stamped page, and the register is
 * reviewed by day and month. Here the approver is a name; the approval
 * workflow (requests engine) comes later.
 *
 * A take-out is also a custody check-out of the seal: `sealUsageCheckOut` makes
 * that event so the seal shows as out, and overdue, like any other asset.
 */
import { recordsToCsv, type CsvColumn } from '@/shared/lib/csv'
import { calendarDate, calendarMonth, DEFAULT_TIME_ZONE, formatZonedDateTime } from '@/shared/lib/zonedTime'
import type { Condition, CustodyEventInput } from './custodyEvents'
import type { SealUsage } from './sealUsageSchema'

/** The record's zod schema is sealUsageSchema.ts, loaded when a record is validated (issue 13). */
export type { SealUsage, SealUsageInput } from './sealUsageSchema'

export const DOCUMENT_TYPES = [
  'contract', // 合同/协议
  'letter', // 公函/函件
  'certificate', // 证明文件
  'financial', // 财务票据
  'application', // 申报材料
  'personnel', // 人事文件
  'other', // 其他
] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export const DOCUMENT_TYPE_ZH: Record<DocumentType, string> = {
  contract: '合同/协议',
  letter: '公函/函件',
  certificate: '证明文件',
  financial: '财务票据',
  application: '申报材料',
  personnel: '人事文件',
  other: '其他',
}

/** stamp_here: 盖章 in front of the keeper; take_out: 外带, the seal leaves until due_at. */
export const SEAL_USAGE_MODES = ['stamp_here', 'take_out'] as const
export type SealUsageMode = (typeof SEAL_USAGE_MODES)[number]

export const SEAL_USAGE_MODE_ZH: Record<SealUsageMode, string> = { stamp_here: '盖章', take_out: '外带' }

/**
 * The custody check-out a take-out implies (same device time, same keeper),
 * or null for a stamp-here use. `eventId` is a fresh device UUID.
 */
export function sealUsageCheckOut(record: SealUsage, eventId: string, condition: Condition = 'good'): CustodyEventInput | null {
  if (record.mode !== 'take_out' || record.requester_id === null) return null
  return {
    id: eventId,
    asset_id: record.seal_id,
    actor_id: record.recorded_by,
    device_time: record.used_at,
    type: 'check_out',
    payload: {
      to_person: record.requester_id,
      due_at: record.due_at,
      purpose: `用印外带：${record.document_title}`.slice(0, 200),
      condition,
    },
  }
}

// --- the keeper's register view ------------------------------------------------

type RegisterRecord = Pick<SealUsage, 'used_at' | 'copies' | 'mode'>

export interface RegisterGroup<T> {
  /** `YYYY-MM-DD` or `YYYY-MM`, in the company time zone. */
  key: string
  /** Newest first. */
  records: T[]
  count: number
  /** Total copies stamped: the figure the register's daily/monthly summary shows. */
  copies: number
  take_outs: number
}

function groupBy<T extends RegisterRecord>(records: readonly T[], keyOf: (r: T) => string): RegisterGroup<T>[] {
  const groups = new Map<string, RegisterGroup<T>>()
  const sorted = [...records].sort((a, b) => Date.parse(b.used_at) - Date.parse(a.used_at))
  for (const r of sorted) {
    const key = keyOf(r)
    let g = groups.get(key)
    if (!g) {
      g = { key, records: [], count: 0, copies: 0, take_outs: 0 }
      groups.set(key, g)
    }
    g.records.push(r)
    g.count += 1
    g.copies += r.copies
    if (r.mode === 'take_out') g.take_outs += 1
  }
  // Records are already newest first, so groups come out newest first too.
  return [...groups.values()]
}

/** The register by company-zone calendar day, newest day first. */
export function groupRegisterByDay<T extends RegisterRecord>(records: readonly T[], timeZone: string = DEFAULT_TIME_ZONE): RegisterGroup<T>[] {
  return groupBy(records, (r) => calendarDate(r.used_at, timeZone))
}

/** The register by company-zone calendar month, newest month first. */
export function groupRegisterByMonth<T extends RegisterRecord>(records: readonly T[], timeZone: string = DEFAULT_TIME_ZONE): RegisterGroup<T>[] {
  return groupBy(records, (r) => calendarMonth(r.used_at, timeZone))
}

// --- CSV -------------------------------------------------------------------------

export interface SealUsageCsvOptions {
  timeZone?: string
  /** How to name the seal in the export (e.g. `SEAL-0001 合同专用章`); the id by default. */
  sealLabel?: (sealId: string) => string
  /** The 用印申请 a line carried out (its title), or the emergency reason when there was none. */
  applicationOf?: (usageId: string) => string
}

/** The register as CSV for Excel: Chinese headers, register order (oldest first), UTF-8 with BOM. */
export function sealUsageCsv(records: readonly SealUsage[], options: SealUsageCsvOptions = {}): string {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE
  const sealLabel = options.sealLabel ?? ((id: string) => id)
  const columns: CsvColumn<SealUsage>[] = [
    { header: '用印时间', value: (r) => formatZonedDateTime(r.used_at, tz) },
    { header: '印章', value: (r) => sealLabel(r.seal_id) },
    { header: '文件名称', value: (r) => r.document_title },
    {
      header: '文件类型',
      value: (r) => (r.document_type_note ? `${DOCUMENT_TYPE_ZH[r.document_type]}（${r.document_type_note}）` : DOCUMENT_TYPE_ZH[r.document_type]),
    },
    { header: '份数', value: (r) => r.copies },
    { header: '用途', value: (r) => r.purpose },
    { header: '申请人', value: (r) => r.requester_name },
    { header: '申请部门', value: (r) => r.requester_department },
    { header: '批准人', value: (r) => r.approver_name },
    { header: '用印方式', value: (r) => SEAL_USAGE_MODE_ZH[r.mode] },
    { header: '归还期限', value: (r) => (r.due_at ? formatZonedDateTime(r.due_at, tz) : '') },
    { header: '照片数', value: (r) => r.photo_ids.length },
    ...(options.applicationOf ? [{ header: '用印申请', value: (r: SealUsage) => options.applicationOf!(r.id) }] : []),
    { header: '登记编号', value: (r) => r.id },
  ]
  const ordered = [...records].sort((a, b) => Date.parse(a.used_at) - Date.parse(b.used_at))
  return recordsToCsv(ordered, columns)
}
