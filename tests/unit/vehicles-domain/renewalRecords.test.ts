// Issue #12 point 2: last done is per vehicle, registered dates always count, a default rule
// without a last done becomes due itself, completing a renewal job updates last done.
import { describe, expect, it } from 'vitest'
import { renewalDone, vehicleRenewals, type RenewalRecord } from '@/features/vehicles/domain/renewalRecords'

const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
// 2026-03-01 10:00 in Shanghai
const NOW = '2026-03-01T02:00:00Z'
const V = { id: U(10), odometer_km: 95_000, insurance_end: '2026-02-20', annual_inspection_on: '2026-02-25' }

const rec = (o: Partial<RenewalRecord>): RenewalRecord => ({
  id: U(Math.floor(Math.random() * 1e6) + 100),
  vehicle_id: null,
  kind: 'service',
  every_km: null,
  every_months: null,
  last_done_at: null,
  last_done_km: null,
  ...o,
})
const brief = (list: ReturnType<typeof vehicleRenewals>) => list.map((s) => [s.kind, s.urgency, s.due_on, s.due_km, s.last_done_unknown])

describe('vehicleRenewals: one status per kind for a vehicle', () => {
  it('fleet defaults without a last done do not hide the registered insurance and inspection dates', () => {
    const rules = [
      rec({ kind: 'annual_inspection', every_months: 12 }),
      rec({ kind: 'insurance', every_months: 12 }),
    ]
    expect(brief(vehicleRenewals(V, rules, NOW))).toEqual([
      ['annual_inspection', 'overdue', '2026-02-25', null, false],
      ['insurance', 'overdue', '2026-02-20', null, false],
    ])
  })

  it('a default rule with no last done for the vehicle is due itself ("last done not recorded")', () => {
    const [s] = vehicleRenewals({ id: U(10), odometer_km: 95_000 }, [rec({ kind: 'service', every_km: 10_000, every_months: 6 })], NOW)
    expect(s).toMatchObject({ kind: 'service', urgency: 'due', due_on: null, due_km: null, last_done_unknown: true })
  })

  it("a default rule's last done is never applied to every vehicle", () => {
    // The old behaviour: a car at 95,000 km showed "overdue by 35,000 km" from a default done at 50,000.
    const rules = [rec({ kind: 'service', every_km: 10_000, last_done_km: 50_000, last_done_at: '2026-01-10' })]
    const [s] = vehicleRenewals({ id: U(10), odometer_km: 95_000 }, rules, NOW)
    expect(s).toMatchObject({ due_km: null, remaining_km: null, last_done_unknown: true })
  })

  it("the vehicle's own last done with the default's interval; its own interval wins when it sets one", () => {
    const def = rec({ kind: 'service', every_km: 10_000, every_months: 6 })
    const own = rec({ vehicle_id: U(10), kind: 'service', last_done_at: '2026-01-15', last_done_km: 94_500 })
    expect(vehicleRenewals({ id: U(10), odometer_km: 95_000 }, [def, own], NOW)[0]).toMatchObject({ due_on: '2026-07-15', due_km: 104_500, urgency: 'ok', last_done_unknown: false })
    const own5k = { ...own, every_km: 5_000 }
    expect(vehicleRenewals({ id: U(10), odometer_km: 95_000 }, [def, own5k], NOW)[0]).toMatchObject({ due_on: null, due_km: 99_500 })
  })

  it('another vehicle\'s own row never counts', () => {
    const rules = [rec({ kind: 'service', every_km: 10_000 }), rec({ vehicle_id: U(11), kind: 'service', last_done_km: 90_000 })]
    expect(vehicleRenewals({ id: U(10), odometer_km: 95_000 }, rules, NOW)[0]).toMatchObject({ last_done_unknown: true })
  })

  it('registered dates always count: the more urgent of the registry date and the rule is listed', () => {
    const own = rec({ vehicle_id: U(10), kind: 'annual_inspection', every_months: 12, last_done_at: '2025-03-20' })
    // the rule says 2026-03-20 (soon); the registry says 2026-02-25 (overdue): overdue wins
    expect(brief(vehicleRenewals(V, [own], NOW)).find((s) => s[0] === 'annual_inspection')).toEqual(['annual_inspection', 'overdue', '2026-02-25', null, false])
    // a registry date far off: the rule's date is the one listed
    const later = { ...V, annual_inspection_on: '2027-01-01' }
    expect(brief(vehicleRenewals(later, [own], NOW)).find((s) => s[0] === 'annual_inspection')).toEqual(['annual_inspection', 'soon', '2026-03-20', null, false])
  })

  it('no rule and no registry date: nothing', () => {
    expect(vehicleRenewals({ id: U(10), odometer_km: null }, [], NOW)).toEqual([])
  })
})

describe('renewalDone: completing a renewal job sets the vehicle\'s last done', () => {
  const done = { vehicle_id: U(10), kind: 'service' as const, done_on: '2026-03-01', done_km: 95_000, rule_id: U(50) }

  it('without an own row: a new one with no interval (the default applies), the given id', () => {
    expect(renewalDone([rec({ kind: 'service', every_km: 10_000 })], done)).toEqual({
      id: U(50), vehicle_id: U(10), kind: 'service', every_km: null, every_months: null, last_done_at: '2026-03-01', last_done_km: 95_000,
    })
  })

  it('with an own row: its last done moves, its interval stays', () => {
    const own = rec({ id: U(7), vehicle_id: U(10), kind: 'service', every_km: 5_000, last_done_at: '2025-12-01', last_done_km: 90_000 })
    expect(renewalDone([own], { ...done, rule_id: U(7) })).toEqual({ ...own, last_done_at: '2026-03-01', last_done_km: 95_000 })
  })

  it('an older job completed late does not move last done back', () => {
    const own = rec({ id: U(7), vehicle_id: U(10), kind: 'service', last_done_at: '2026-03-05', last_done_km: 95_300 })
    expect(renewalDone([own], done)).toBeNull()
  })

  it('the status after completing: no longer due', () => {
    const def = rec({ kind: 'service', every_km: 10_000, every_months: 6 })
    const row = renewalDone([def], done)
    expect(row).not.toBeNull()
    expect(vehicleRenewals({ id: U(10), odometer_km: 95_000 }, [def, row as RenewalRecord], NOW)[0]).toMatchObject({ urgency: 'ok', last_done_unknown: false })
  })
})
