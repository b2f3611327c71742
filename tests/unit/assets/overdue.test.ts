import { describe, expect, it } from 'vitest'
import { dueSoonItems, lateness, licenceCountdown, licencesDueWithin, overdueItems } from '@/features/assets/domain'

const SH = 'Asia/Shanghai'

describe('overdueItems', () => {
  const items = [
    { id: 'seal', due_at: '2025-03-03T23:00:00+08:00' }, // due 23:00 Monday, Beijing
    { id: 'car', due_at: '2025-03-01T09:30:00+08:00' },
    { id: 'laptop', due_at: '2025-03-04T12:00:00+08:00' }, // not yet due
    { id: 'uniform', due_at: null }, // issued for good
    { id: 'badge' },
  ]

  it('lists only items past due, most late first, with how late', () => {
    const now = '2025-03-04T01:05:00+08:00' // 01:05 Tuesday, Beijing
    const list = overdueItems(items, now, SH)
    expect(list.map((e) => e.item.id)).toEqual(['car', 'seal'])

    const seal = list[1]?.late
    expect(seal).toEqual({
      total_minutes: 125,
      total_hours: 2,
      total_days: 0,
      breakdown: { days: 0, hours: 2, minutes: 5 },
      largest: { unit: 'hours', value: 2 },
      // Across midnight in Beijing: due yesterday, so a calendar day late.
      calendar_days: 1,
    })

    const car = list[0]?.late
    expect(car?.breakdown).toEqual({ days: 2, hours: 15, minutes: 35 })
    expect(car?.largest).toEqual({ unit: 'days', value: 2 })
    expect(car?.calendar_days).toBe(3)
    expect(car?.total_minutes).toBe(2 * 1440 + 15 * 60 + 35)
  })

  it('counts calendar days in the company zone, not the device zone', () => {
    // 17:30 UTC: 01:30 next day in Shanghai, but still the same day in New York.
    const due = [{ due_at: '2025-03-03T15:00:00Z' }] // 23:00 Shanghai, 10:00 New York
    const now = '2025-03-03T17:30:00Z'
    expect(overdueItems(due, now, 'Asia/Shanghai')[0]?.late.calendar_days).toBe(1)
    expect(overdueItems(due, now, 'America/New_York')[0]?.late.calendar_days).toBe(0)
    // Elapsed time is the same everywhere.
    expect(overdueItems(due, now, 'America/New_York')[0]?.late.total_minutes).toBe(150)
  })

  it('is not overdue at the deadline or within its minute', () => {
    const due = [{ due_at: '2025-03-03T18:00:00+08:00' }]
    expect(overdueItems(due, '2025-03-03T18:00:00+08:00', SH)).toEqual([])
    expect(overdueItems(due, '2025-03-03T18:00:59+08:00', SH)).toEqual([])
    expect(overdueItems(due, new Date('2025-03-03T18:01:00+08:00'), SH)[0]?.late.largest).toEqual({ unit: 'minutes', value: 1 })
  })

  it('skips unparsable due times instead of throwing', () => {
    expect(overdueItems([{ due_at: 'soon' }], Date.now(), SH)).toEqual([])
  })
})

describe('lateness', () => {
  it('never goes negative', () => {
    expect(lateness('2025-03-03T10:00:00Z', '2025-03-03T09:00:00Z', SH).total_minutes).toBe(0)
  })

  it('breaks exactly one day down cleanly', () => {
    const l = lateness('2025-03-03T10:00:00Z', '2025-03-04T10:00:00Z', SH)
    expect(l.breakdown).toEqual({ days: 1, hours: 0, minutes: 0 })
    expect(l.total_hours).toBe(24)
    expect(l.largest).toEqual({ unit: 'days', value: 1 })
  })
})

describe('dueSoonItems', () => {
  it('lists items due within the window, soonest first', () => {
    const now = '2025-03-03T09:00:00+08:00'
    const items = [
      { id: 'a', due_at: '2025-03-03T17:00:00+08:00' },
      { id: 'b', due_at: '2025-03-03T12:00:00+08:00' },
      { id: 'late', due_at: '2025-03-03T08:00:00+08:00' },
      { id: 'far', due_at: '2025-03-06T09:00:00+08:00' },
      { id: 'none', due_at: null },
    ]
    expect(dueSoonItems(items, now, 24 * 3600_000).map((i) => i.id)).toEqual(['b', 'a'])
  })
})

describe('licences: days to expiry and annual inspection', () => {
  it('counts company-zone calendar days', () => {
    const lic = { valid_to: '2025-03-31', annual_inspection_on: '2025-03-04' }
    // 23:30 on 3 March in Beijing is 15:30 UTC; a UTC device would still say 3 March, fine,
    // but at 16:30 UTC it is already 4 March in Beijing.
    expect(licenceCountdown(lic, '2025-03-03T15:30:00Z', SH)).toEqual({ days_to_expiry: 28, days_to_inspection: 1 })
    expect(licenceCountdown(lic, '2025-03-03T16:30:00Z', SH)).toEqual({ days_to_expiry: 27, days_to_inspection: 0 })
    expect(licenceCountdown(lic, '2025-03-03T16:30:00Z', 'UTC')).toEqual({ days_to_expiry: 28, days_to_inspection: 1 })
  })

  it('gives negative days once past, null when long-term or unscheduled', () => {
    expect(licenceCountdown({ valid_to: '2025-02-28', annual_inspection_on: null }, '2025-03-03T12:00:00+08:00', SH)).toEqual({
      days_to_expiry: -3,
      days_to_inspection: null,
    })
    expect(licenceCountdown({ valid_to: null, annual_inspection_on: null }, Date.now(), SH)).toEqual({
      days_to_expiry: null,
      days_to_inspection: null,
    })
  })

  it('lists licences due within 30 days (including overdue ones), soonest first', () => {
    const now = '2025-03-03T10:00:00+08:00'
    const items = [
      { id: 'expires-in-30', valid_to: '2025-04-02', annual_inspection_on: null },
      { id: 'expires-in-31', valid_to: '2025-04-03', annual_inspection_on: null },
      { id: 'inspection-missed', valid_to: null, annual_inspection_on: '2025-02-20' },
      { id: 'both', valid_to: '2025-03-20', annual_inspection_on: '2025-03-10' },
      { id: 'long-term', valid_to: null, annual_inspection_on: null },
    ]
    const due = licencesDueWithin(items, now, SH)
    expect(due.map((d) => [d.item.id, d.days, d.reasons])).toEqual([
      ['inspection-missed', -11, ['inspection']],
      ['both', 7, ['expiry', 'inspection']],
      ['expires-in-30', 30, ['expiry']],
    ])
    expect(licencesDueWithin(items, now, SH, 7).map((d) => d.item.id)).toEqual(['inspection-missed', 'both'])
  })
})
