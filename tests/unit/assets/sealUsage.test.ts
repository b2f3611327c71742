import { describe, expect, it } from 'vitest'
import {
  ASSET_ERROR_KEYS,
  custodyEventSchema,
  foldEvents,
  groupRegisterByDay,
  groupRegisterByMonth,
  sealUsageCheckOut,
  sealUsageCsv,
  sealUsageSchema,
  type SealUsage,
  type SealUsageInput,
} from '@/features/assets/domain'

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const SEAL = uid(1)

const base: SealUsageInput = {
  id: uid(100),
  seal_id: SEAL,
  used_at: '2025-03-03T10:15:00+08:00',
  recorded_by: uid(10),
  document_title: '《设备采购合同》',
  document_type: 'contract',
  copies: 3,
  purpose: '与供应商签约',
  requester_name: '张三',
  requester_department: '采购部',
  approver_name: '李四',
  mode: 'stamp_here',
}

function issues(value: unknown): Record<string, string> {
  const r = sealUsageSchema.safeParse(value)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
}

const rec = (n: number, used_at: string, extra: Partial<SealUsageInput> = {}): SealUsage =>
  sealUsageSchema.parse({ ...base, id: uid(200 + n), used_at, ...extra })

describe('sealUsageSchema', () => {
  it('accepts a stamp-here record and fills defaults', () => {
    const r = sealUsageSchema.parse(base)
    expect(r).toMatchObject({ mode: 'stamp_here', due_at: null, requester_id: null, photo_ids: [] })
  })

  it('requires a due time and a requester for a take-out, after the use', () => {
    expect(issues({ ...base, mode: 'take_out' })).toEqual({
      due_at: 'assets.errors.dueRequired',
      requester_id: 'assets.errors.requesterRequired',
    })
    expect(issues({ ...base, mode: 'take_out', requester_id: uid(20), due_at: '2025-03-03T10:00:00+08:00' })).toEqual({
      due_at: 'assets.errors.dueBeforeStart',
    })
    expect(sealUsageSchema.safeParse({ ...base, mode: 'take_out', requester_id: uid(20), due_at: '2025-03-03T17:00:00+08:00' }).success).toBe(true)
  })

  it('refuses a due time on a stamp-here record', () => {
    expect(issues({ ...base, due_at: '2025-03-03T17:00:00+08:00' })).toEqual({ due_at: 'assets.errors.dueNotAllowed' })
  })

  it('checks copies 1..999, required text, the enum and photo ids', () => {
    expect(issues({ ...base, copies: 0 })).toEqual({ copies: 'assets.errors.range' })
    expect(issues({ ...base, copies: 1000 })).toEqual({ copies: 'assets.errors.range' })
    expect(issues({ ...base, copies: 1.5 })).toEqual({ copies: 'assets.errors.integer' })
    expect(issues({ ...base, document_title: '   ' })).toEqual({ document_title: 'assets.errors.required' })
    expect(issues({ ...base, approver_name: undefined })).toEqual({ approver_name: 'assets.errors.required' })
    expect(issues({ ...base, purpose: 'x'.repeat(501) })).toEqual({ purpose: 'assets.errors.tooLong' })
    expect(issues({ ...base, document_type: '合同' })).toEqual({ document_type: 'assets.errors.choice' })
    expect(issues({ ...base, mode: 'mail' })).toEqual({ mode: 'assets.errors.choice' })
    expect(issues({ ...base, photo_ids: ['x'] })).toEqual({ 'photo_ids.0': 'assets.errors.uuid' })
    expect(issues({ ...base, used_at: '2025-03-03 10:15' })).toEqual({ used_at: 'assets.errors.dateTime' })
  })

  it('only reports keys the i18n messages know', () => {
    const r = sealUsageSchema.safeParse({ mode: 'take_out', copies: -1 })
    for (const i of r.error?.issues ?? []) expect(ASSET_ERROR_KEYS).toContain(i.message)
  })
})

describe('a take-out is a custody check-out', () => {
  it('makes a valid check-out of the seal to the requester until the due time', () => {
    const r = sealUsageSchema.parse({ ...base, mode: 'take_out', requester_id: uid(20), due_at: '2025-03-03T17:00:00+08:00' })
    const draft = sealUsageCheckOut(r, uid(300))
    const event = custodyEventSchema.parse(draft)
    expect(event).toMatchObject({ id: uid(300), asset_id: SEAL, actor_id: uid(10), device_time: r.used_at, type: 'check_out' })
    expect(foldEvents([event])).toMatchObject({ status: 'checked_out', holder_id: uid(20), due_at: '2025-03-03T17:00:00+08:00' })
  })

  it('makes nothing for a stamp-here use', () => {
    expect(sealUsageCheckOut(sealUsageSchema.parse(base), uid(300))).toBeNull()
  })
})

describe('register grouping', () => {
  const records = [
    rec(1, '2025-03-03T10:15:00+08:00', { copies: 2 }),
    rec(2, '2025-03-03T23:50:00+08:00', { copies: 1 }),
    // 16:10 UTC on 3 March is already 4 March, 00:10 in Beijing.
    rec(3, '2025-03-03T16:10:00Z', { copies: 5, mode: 'take_out', requester_id: uid(20), due_at: '2025-03-04T12:00:00+08:00' }),
    rec(4, '2025-02-28T16:30:00Z', { copies: 4 }), // 1 March 00:30 Beijing
    rec(5, '2025-02-28T09:00:00+08:00', { copies: 1 }),
  ]

  it('groups by company-zone day, newest first, with totals', () => {
    const days = groupRegisterByDay(records, 'Asia/Shanghai')
    expect(days.map((d) => [d.key, d.count, d.copies, d.take_outs])).toEqual([
      ['2025-03-04', 1, 5, 1],
      ['2025-03-03', 2, 3, 0],
      ['2025-03-01', 1, 4, 0],
      ['2025-02-28', 1, 1, 0],
    ])
    expect(days[1]?.records.map((r) => r.id)).toEqual([uid(202), uid(201)])
  })

  it('groups by company-zone month, newest first', () => {
    const months = groupRegisterByMonth(records, 'Asia/Shanghai')
    expect(months.map((m) => [m.key, m.count, m.copies])).toEqual([
      ['2025-03', 4, 12],
      ['2025-02', 1, 1],
    ])
    // The same records in UTC fall differently: the zone is a parameter, never the device's.
    expect(groupRegisterByMonth(records, 'UTC').map((m) => [m.key, m.count])).toEqual([
      ['2025-03', 3],
      ['2025-02', 2],
    ])
  })

  it('is empty for no records', () => {
    expect(groupRegisterByDay([], 'Asia/Shanghai')).toEqual([])
  })
})

describe('sealUsageCsv', () => {
  it('exports with Chinese headers, register order, company-zone times, BOM and CRLF', () => {
    const records = [
      rec(2, '2025-03-03T16:10:00Z', {
        mode: 'take_out',
        requester_id: uid(20),
        due_at: '2025-03-04T12:00:00+08:00',
        document_title: '=HYPERLINK("http://evil")',
        document_type: 'other',
        document_type_note: '授权书',
        purpose: '银行开户, 需外带',
        photo_ids: [uid(7)],
      }),
      rec(1, '2025-03-03T10:15:00+08:00'),
    ]
    const csv = sealUsageCsv(records, { sealLabel: (id) => (id === SEAL ? 'SEAL-0001 合同专用章' : id) })
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('用印时间,印章,文件名称,文件类型,份数,用途,申请人,申请部门,批准人,用印方式,归还期限,照片数,登记编号')
    expect(lines[1]).toBe(`2025-03-03 10:15,SEAL-0001 合同专用章,《设备采购合同》,合同/协议,3,与供应商签约,张三,采购部,李四,盖章,,0,${uid(201)}`)
    expect(lines[2]).toBe(
      `2025-03-04 00:10,SEAL-0001 合同专用章,"'=HYPERLINK(""http://evil"")",其他（授权书）,3,"银行开户, 需外带",张三,采购部,李四,外带,2025-03-04 12:00,1,${uid(202)}`,
    )
    expect(lines[3]).toBe('')
    expect(lines).toHaveLength(4)
  })
})
