import { describe, expect, it } from 'vitest'
import type { SealUsageRow } from '@/platform/db/rows'
import { sealUsageSchema } from '@/features/assets/domain/sealUsageSchema'
import { draftFromLast, draftToInput, emptyDraft, issuesByField, type SealUsageDraft } from '@/features/seals/domain/form'
import { defaultTakeOutDue, fromZonedInput, toZonedInput } from '@/features/seals/domain/zonedInput'
import { lastChecks, sealCheckEvents } from '@/features/seals/domain/check'

const TZ = 'Asia/Shanghai'
const SEAL = '5e000000-0000-4000-8000-000000000001'
const ME = '0a000000-0000-4000-8000-000000000003'
const REQ = '0a000000-0000-4000-8000-000000000010'
const ctx = (over: Partial<Parameters<typeof draftToInput>[1]> = {}) => ({
  id: crypto.randomUUID(),
  seal_id: SEAL,
  recorded_by: ME,
  used_at: '2026-03-02T01:00:00.000Z', // 09:00 Beijing
  photo_ids: [],
  timeZone: TZ,
  ...over,
})

function filled(over: Partial<SealUsageDraft> = {}): SealUsageDraft {
  return {
    ...emptyDraft(),
    document_title: '采购合同',
    document_type: 'contract',
    copies: 2,
    purpose: '签约',
    requester_id: REQ,
    requester_name: '张三',
    requester_department: '采购部',
    approver_name: '王晓燕',
    ...over,
  }
}

describe('company-zone datetime inputs', () => {
  it('reads and writes wall time in the company zone, not the device zone', () => {
    expect(fromZonedInput('2026-03-02T18:00', TZ)).toBe('2026-03-02T10:00:00.000Z')
    expect(toZonedInput('2026-03-02T10:00:00.000Z', TZ)).toBe('2026-03-02T18:00')
    expect(fromZonedInput('2026-01-15T09:00', 'America/New_York')).toBe('2026-01-15T14:00:00.000Z')
    expect(fromZonedInput('2026-07-15T09:00', 'America/New_York')).toBe('2026-07-15T13:00:00.000Z')
    expect(fromZonedInput('not a time', TZ)).toBeNull()
  })

  it('suggests 18:00 today, or two hours later near the evening', () => {
    expect(defaultTakeOutDue(new Date('2026-03-02T01:00:00Z'), TZ)).toBe('2026-03-02T10:00:00.000Z')
    // 17:40 Beijing: 18:00 is too close → 19:40 rounded up to 20:00.
    expect(defaultTakeOutDue(new Date('2026-03-02T09:40:00Z'), TZ)).toBe('2026-03-02T12:00:00.000Z')
  })
})

describe('the seal-use form', () => {
  it('a stamp-here draft validates, and never carries a due time', () => {
    const input = draftToInput(filled({ due_local: '2026-03-02T18:00' }), ctx())
    expect(input.due_at).toBeNull()
    expect(sealUsageSchema.safeParse(input).success).toBe(true)
  })

  it('a take-out needs a due time after the use, in company time', () => {
    const ok = draftToInput(filled({ mode: 'take_out', due_local: '2026-03-02T18:00' }), ctx())
    expect(ok.due_at).toBe('2026-03-02T10:00:00.000Z')
    expect(sealUsageSchema.safeParse(ok).success).toBe(true)
    const missing = sealUsageSchema.safeParse(draftToInput(filled({ mode: 'take_out', due_local: '' }), ctx()))
    expect(missing.success).toBe(false)
    expect(issuesByField(missing.error!.issues)).toMatchObject({ due_local: 'assets.errors.dueRequired' })
    const early = sealUsageSchema.safeParse(draftToInput(filled({ mode: 'take_out', due_local: '2026-03-02T08:00' }), ctx()))
    expect(issuesByField(early.error!.issues)).toMatchObject({ due_local: 'assets.errors.dueBeforeStart' })
  })

  it('an empty form lists every missing field with translatable keys', () => {
    const r = sealUsageSchema.safeParse(draftToInput(emptyDraft(), ctx()))
    const issues = issuesByField(r.error!.issues)
    for (const f of ['document_title', 'document_type', 'purpose', 'requester_name', 'requester_department', 'approver_name']) {
      expect(issues[f], f).toMatch(/^assets\.errors\./)
    }
  })

  it('"same as last" copies the previous use with a fresh due time', () => {
    const last = {
      ...filled(),
      id: crypto.randomUUID(), seal_id: SEAL, used_at: '2026-03-01T01:00:00.000Z', recorded_by: ME, document_type: 'contract',
      document_type_note: null, mode: 'take_out', due_at: '2026-03-01T10:00:00.000Z', photo_ids: [], check_out_event_id: null,
      updated_at: '', deleted_at: null,
    } as SealUsageRow
    const d = draftFromLast(last, new Date('2026-03-02T01:00:00Z'), TZ)
    expect(d).toMatchObject({ document_title: '采购合同', copies: 2, requester_id: REQ, mode: 'take_out', due_local: '2026-03-02T18:00' })
    expect(sealUsageSchema.safeParse(draftToInput(d, ctx())).success).toBe(true)
  })
})

describe('the periodic check', () => {
  it('makes one audit_seen per seal with condition and in_place', () => {
    const ids = ['e1', 'e2']
    const events = sealCheckEvents(
      [
        { seal_id: SEAL, cabinet: '保险柜 A', condition: 'good', in_place: true },
        { seal_id: REQ, cabinet: '', condition: 'worn', in_place: false },
      ],
      ME,
      new Date('2026-03-02T01:00:00Z'),
      () => ids.shift()!,
    )
    expect(events.map((e) => [e.id, e.type, e.payload])).toEqual([
      ['e1', 'audit_seen', { location: '保险柜 A', condition: 'good', in_place: true }],
      ['e2', 'audit_seen', { location: '—', condition: 'worn', in_place: false }],
    ])
  })

  it('finds the latest check per seal, ignoring plain "seen here" audits', () => {
    const m = lastChecks([
      { asset_id: 'a', type: 'audit_seen', device_time: '2026-01-01T00:00:00Z', payload: { location: 'x', in_place: true, condition: 'good' } },
      { asset_id: 'a', type: 'audit_seen', device_time: '2026-02-01T00:00:00Z', payload: { location: 'x', in_place: false, condition: 'worn' } },
      { asset_id: 'a', type: 'audit_seen', device_time: '2026-03-01T00:00:00Z', payload: { location: 'x' } },
      { asset_id: 'b', type: 'check_out', device_time: '2026-03-01T00:00:00Z', payload: {} },
    ])
    expect(m.get('a')).toEqual({ at: '2026-02-01T00:00:00Z', condition: 'worn', in_place: false })
    expect(m.has('b')).toBe(false)
  })
})
