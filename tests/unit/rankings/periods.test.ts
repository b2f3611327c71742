import { describe, expect, it } from 'vitest'
import { currentPeriod, kindOf, periodDays, periodRange, recentPeriods, shiftPeriod } from '@/features/rankings/domain/periods'
import { withTrend } from '@/features/rankings/domain/trend'
import type { RankRow } from '@/features/inspections/domain/rankings'

const TZ = 'Asia/Shanghai'

describe('ranking periods in the company time zone', () => {
  it('a month is its company days: midnight Beijing time is 16:00 UTC the day before', () => {
    expect(periodRange('2026-03', TZ)).toEqual({ from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' })
    expect(periodRange('2026-12', TZ).to).toBe('2026-12-31T16:00:00.000Z')
  })

  it('an ISO week runs Monday to Sunday; weeks cross years', () => {
    expect(periodRange('2026-W10', TZ)).toEqual({ from: '2026-03-01T16:00:00.000Z', to: '2026-03-08T16:00:00.000Z' })
    expect(periodDays('2026-W10')).toEqual({ first: '2026-03-02', last: '2026-03-08' })
    expect(shiftPeriod('2026-W01', -1)).toBe('2025-W52')
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12')
    expect(kindOf('2026-W10')).toBe('week')
  })

  it('the current period is the company zone one, not the device one', () => {
    // 2026-03-31 17:00 UTC is already 1 April in Beijing.
    const now = Date.parse('2026-03-31T17:00:00Z')
    expect(currentPeriod('month', now, TZ)).toBe('2026-04')
    expect(recentPeriods('month', now, TZ, 3)).toEqual(['2026-04', '2026-03', '2026-02'])
  })
})

describe('trend since the previous period', () => {
  const row = (id: string, tenths: number, rank: number): RankRow => ({
    subject_type: 'area', subject_id: id, count: 1, critical_failures: 0, average: tenths / 10, average_tenths: tenths, rank, of: 2, inspection_ids: [],
  })
  it('gives the change in tenths, or null for a subject not ranked before', () => {
    const rows = withTrend([row('a', 855, 1), row('b', 700, 2)], [row('a', 900, 1)])
    expect(rows.map((r) => [r.subject_id, r.delta_tenths, r.previous_rank])).toEqual([['a', -45, 1], ['b', null, null]])
  })
})
