import { describe, expect, it } from 'vitest'
import { addMonths, registryRules, renewalList, renewalRuleSchema, renewalStatus, type RenewalRuleInput } from '@/features/vehicles/domain/renewals'

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const service = (o: Partial<RenewalRuleInput> = {}) =>
  renewalRuleSchema.parse({ id: U(1), vehicle_id: U(10), kind: 'service', interval_months: 6, interval_km: 10_000, last_done_on: '2026-01-15', last_done_km: 20_000, ...o })
// 2026-03-01 10:00 in Shanghai
const NOW = '2026-03-01T02:00:00Z'

describe('renewalStatus: by date or distance, whichever comes first', () => {
  it('service every 10,000 km or 6 months: far from both is ok', () => {
    expect(renewalStatus(service(), { odometer_km: 22_000 }, NOW)).toEqual({
      rule_id: U(1),
      vehicle_id: U(10),
      kind: 'service',
      due_by: 'date',
      due_on: '2026-07-15',
      due_km: 30_000,
      remaining_days: 136,
      remaining_km: 8_000,
      urgency: 'ok',
      last_done_unknown: false,
    })
  })
  it('distance first: a high-mileage car is due by km long before the date', () => {
    expect(renewalStatus(service(), { odometer_km: 29_100 }, NOW)).toMatchObject({ due_by: 'distance', remaining_km: 900, urgency: 'soon' })
    expect(renewalStatus(service(), { odometer_km: 29_800 }, NOW)).toMatchObject({ due_by: 'distance', urgency: 'due' })
    expect(renewalStatus(service(), { odometer_km: 30_001 }, NOW)).toMatchObject({ due_by: 'distance', remaining_km: -1, urgency: 'overdue' })
  })
  it('date first: a car that barely moves is due by the calendar', () => {
    const r = (now: string) => renewalStatus(service(), { odometer_km: 20_500 }, now)
    expect(r('2026-06-15T02:00:00Z')).toMatchObject({ due_by: 'date', remaining_days: 30, urgency: 'soon' })
    expect(r('2026-07-08T02:00:00Z')).toMatchObject({ due_by: 'date', remaining_days: 7, urgency: 'due' })
    expect(r('2026-07-15T02:00:00Z')).toMatchObject({ remaining_days: 0, urgency: 'due' })
    expect(r('2026-07-16T02:00:00Z')).toMatchObject({ remaining_days: -1, urgency: 'overdue' })
  })
  it('days count in the company zone: 00:30 on the 15th in Shanghai is still the 14th in London', () => {
    const r = renewalStatus(service(), { odometer_km: 20_500 }, '2026-07-14T16:30:00Z')
    expect(r.remaining_days).toBe(0) // already the 15th in Shanghai
    expect(renewalStatus(service(), { odometer_km: 20_500 }, '2026-07-14T16:30:00Z', 'Europe/London').remaining_days).toBe(1)
  })
  it('same urgency on both: the nearer one relative to its window decides', () => {
    // 20 days (0.67 of 30) vs 800 km (0.8 of 1,000): the date
    expect(renewalStatus(service({ last_done_on: '2025-09-21' }), { odometer_km: 29_200 }, NOW)).toMatchObject({ due_by: 'date', urgency: 'soon' })
  })
  it('insurance and annual inspection by date from the registry; no odometer needed', () => {
    const rules = registryRules({ id: U(10), insurance_end: '2026-03-05', annual_inspection_on: '2026-02-20' }, { insurance: U(2), annual_inspection: U(3) })
    const s = rules.map((r) => renewalStatus(r, { odometer_km: null }, NOW))
    expect(s.map((x) => [x.kind, x.due_by, x.remaining_days, x.urgency])).toEqual([
      ['insurance', 'date', 4, 'due'],
      ['annual_inspection', 'date', -9, 'overdue'],
    ])
    expect(renewalList(s).map((x) => x.kind)).toEqual(['annual_inspection', 'insurance'])
    expect(renewalList(s, new Set([U(99)]))).toEqual([])
  })
  it('a rule must give a date or a distance', () => {
    const r = renewalRuleSchema.safeParse({ id: U(1), vehicle_id: U(10), kind: 'other', interval_months: 6 })
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['vehicles.errors.ruleEmpty'])
  })
})

describe('addMonths', () => {
  it('clamps to the month end', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28')
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29')
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
  })
})
