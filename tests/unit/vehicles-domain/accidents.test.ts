import { describe, expect, it } from 'vitest'
import { accidentActionSchema, accidentActions, accidentReportSchema, newAccidentReport, transitionAccident } from '@/features/vehicles/domain/accidents'

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const manager = { id: U(2), roles: ['fleet_manager'] }
const AT = '2026-03-01T02:00:00Z'
const input = {
  id: U(70),
  vehicle_id: U(10),
  reported_by: U(1),
  occurred_at: '2026-03-01T01:40:00Z',
  reported_at: AT,
  place: '漕溪北路与中山南二路路口',
  description: '等红灯时被后车追尾',
  injuries: false,
  other_party: '沪B12345 张先生 138…',
  police_report_number: '',
}

describe('accident reports', () => {
  it('a report without position; empty optional text becomes null', () => {
    const r = newAccidentReport(accidentReportSchema.parse(input))
    expect(r).toMatchObject({ status: 'reported', position: null, police_report_number: null, photo_ids: [], driver_id: null })
  })
  it('position when the user allows it; out-of-range coordinates refused', () => {
    expect(accidentReportSchema.parse({ ...input, position: { lat: 31.19, lng: 121.43 } }).position).toEqual({ lat: 31.19, lng: 121.43, accuracy_m: null })
    const bad = accidentReportSchema.safeParse({ ...input, position: { lat: 91, lng: 0 } })
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(['vehicles.errors.position'])
  })
  it('reported → under_review → claim_filed → closed with claim number and cost', () => {
    let r = newAccidentReport(accidentReportSchema.parse(input))
    for (const x of [
      { action: 'review', at: AT },
      { action: 'file_claim', at: AT, claim_number: 'PDAA2026310000123' },
      { action: 'close', at: '2026-04-01T00:00:00Z', cost: 500 },
    ]) {
      const t = transitionAccident(r, accidentActionSchema.parse(x), manager)
      if (!t.ok) throw new Error(t.reason)
      r = t.value
    }
    expect(r).toMatchObject({ status: 'closed', claim_number: 'PDAA2026310000123', cost: 500, reviewed_by: U(2), closed_at: '2026-04-01T00:00:00Z' })
  })
  it('closing without a claim; no skipping review; a claim needs its number', () => {
    const r = newAccidentReport(accidentReportSchema.parse(input))
    expect(transitionAccident(r, accidentActionSchema.parse({ action: 'close', at: AT }), manager)).toEqual({ ok: false, reason: 'vehicles.errors.badTransition' })
    const rev = transitionAccident(r, accidentActionSchema.parse({ action: 'review', at: AT }), manager)
    if (!rev.ok) throw new Error()
    expect(accidentActions('under_review')).toEqual(['file_claim', 'close'])
    expect(transitionAccident(rev.value, accidentActionSchema.parse({ action: 'close', at: AT }), manager)).toMatchObject({ ok: true, value: { status: 'closed', cost: null } })
    expect(accidentActionSchema.safeParse({ action: 'file_claim', at: AT, claim_number: ' ' }).success).toBe(false)
    expect(transitionAccident(rev.value, accidentActionSchema.parse({ action: 'review', at: AT }), { id: U(1), roles: ['driver'] })).toEqual({
      ok: false,
      reason: 'vehicles.errors.notAllowed',
    })
  })
})
