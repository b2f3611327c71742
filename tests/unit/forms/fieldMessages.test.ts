// Issue #12 point 10: asset, custody, task and rectification messages name the field and state its
// limit; a message that is not about size names the field only. From the domain's own refusal.
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/shared/i18n'
import zhCN from '@/shared/i18n/messages/zh-CN'
import en from '@/shared/i18n/messages/en'
import { assetInputSchema } from '@/features/assets/domain/assetSchema'
import { custodyEventSchema } from '@/features/assets/domain/custodyEventSchema'
import { assetIssueText, custodyIssueText } from '@/features/assets/components/assetIssue'
import { assignTask } from '@/features/tasks/domain/act'
import { taskIssueText } from '@/features/tasks/components/taskIssue'
import { fixed } from '@/features/rectification/domain/rules'
import { rectErrorText } from '@/features/rectification/components/rectError'
import { SITE, TZ, alice, staff } from '../tasks-domain/fixtures'

const zh = createAppI18n(zhCN)
const t = (key: string, values?: Record<string, unknown>) => zh.global.t(key, values ?? {})
const english = createAppI18n(en)
const tEn = (key: string, values?: Record<string, unknown>) => english.global.t(key, values ?? {})

const uniform = {
  id: crypto.randomUUID(), kind: 'uniform', number: 'UNI-0001', name: '夏季工衣', site_id: SITE,
  details: { uniform_type: '夏季工衣', size: 'XL', quantity: 2 },
}

/** The asset form's first message per field, as the editor store keys them. */
function assetErrors(input: unknown): Record<string, string> {
  const r = assetInputSchema.safeParse(input)
  const out: Record<string, string> = {}
  for (const i of r.error?.issues ?? []) out[String(i.path[0] === 'details' ? i.path[1] : i.path[0])] ??= i.message
  return out
}

describe('asset form messages', () => {
  it('a name over 100 characters says 名称 and 最多 100 字, in both languages', () => {
    const e = assetErrors({ ...uniform, name: '名'.repeat(101) })
    expect(assetIssueText(t, 'name', e.name)).toBe('名称：内容过长（最多 100 字）')
    expect(assetIssueText(tEn, 'name', e.name)).toMatch(/^Name: .*\(at most 100 characters\)$/)
  })

  it('a quantity of 5000 says 件数 and 1 to 999; a missing size names the field only', () => {
    const e = assetErrors({ ...uniform, details: { uniform_type: '夏季工衣', size: '', quantity: 5000 } })
    expect(assetIssueText(t, 'quantity', e.quantity)).toBe('件数：数值超出范围（须在 1 到 999 之间）')
    expect(assetIssueText(t, 'size', e.size)).toBe('尺码：必填')
  })

  it("a fuel car's tank size says when it is needed and its range", () => {
    const e = assetErrors({
      ...uniform, kind: 'vehicle', number: 'VEH-0001',
      details: { plate: '沪A12345', model: '帕萨特', fuel_type: 'gasoline', tank_size_l: 900, odometer_km: 100, insurance_end: '2026-12-31', annual_inspection_on: '2026-09-01' },
    })
    expect(assetIssueText(t, 'tank_size_l', e.tank_size_l)).toBe('油箱容积（升）：燃油车必填，纯电动车不填（须在 0 到 500 之间）')
  })

  it('a custody purpose over 200 characters says 用途 and 最多 200 字', () => {
    const r = custodyEventSchema.safeParse({
      id: crypto.randomUUID(), asset_id: crypto.randomUUID(), actor_id: crypto.randomUUID(), device_time: new Date().toISOString(), type: 'check_out',
      payload: { to_person: crypto.randomUUID(), due_at: null, purpose: '签'.repeat(201), condition: 'good' }, photo_ids: [],
    })
    const issue = r.error?.issues.find((i) => i.path[1] === 'purpose')
    expect(custodyIssueText(t, 'purpose', issue?.message)).toBe('用途：内容过长（最多 200 字）')
  })
})

describe('task messages', () => {
  const input = {
    id: crypto.randomUUID(), site_id: SITE, title: '整理档案室', source: 'instruction', source_ref: null, assignee_id: alice.id, department_id: null,
    method: null, due_on: '2026-03-13', assigned_at: '2026-03-09T09:00:00+08:00',
  }

  it('a title over 200 characters says 任务标题 and 最多 200 字; a method over 2000, 办理要求 and 2000', () => {
    const long = assignTask({ ...input, title: '整'.repeat(201) } as never, staff, TZ)
    expect(long.ok).toBe(false)
    if (!long.ok) expect(taskIssueText(t, long)).toBe('任务标题：内容过长（最多 200 字）')
    const method = assignTask({ ...input, method: '按'.repeat(2001) } as never, staff, TZ)
    if (!method.ok) expect(taskIssueText(t, method)).toBe('办理要求：内容过长（最多 2000 字）')
    expect(method.ok).toBe(false)
  })

  it("a handover's note takes a report's length", () => {
    expect(taskIssueText(t, { reason: 'tasks.errors.tooLong', field: 'note' }, { note: { maxLength: 4000 } })).toBe('说明：内容过长（最多 4000 字）')
    expect(taskIssueText(t, { reason: 'tasks.errors.penaltyRequired' })).toBe(t('tasks.errors.penaltyRequired'))
  })
})

describe('rectification messages', () => {
  it('a fix note over the limit says 说明 and 最多 500 字', () => {
    const row = { id: 'r1', deleted_at: null } as never
    const out = fixed(row, { actorId: 'a', roles: [], note: '改'.repeat(501), photoIds: [], at: '2026-03-01T00:00:00Z' })
    expect(out).toMatchObject({ ok: false, error: 'tooLong' })
    if (!out.ok) expect(rectErrorText(t, out.error, 'rectification.fix.note')).toBe('说明：内容过长（最多 500 字）')
    expect(rectErrorText(t, 'ownFix', 'rectification.verify.note')).toBe(t('rectification.errors.ownFix'))
  })
})
