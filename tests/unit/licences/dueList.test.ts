import { describe, expect, it } from 'vitest'
import { licenceLines, urgencyOf, type LicenceItem } from '@/features/licences/domain/dueList'

const NOW = '2026-03-02T04:00:00Z' // 12:00 Beijing
const item = (id: string, valid_to: string | null, annual_inspection_on: string | null): LicenceItem => ({
  id, number: `LIC-${id}`, name: id, licence_type: 'business_licence', valid_to, annual_inspection_on,
})

describe('licences due', () => {
  it('puts overdue and due-within-30-days first, soonest first, then the rest', () => {
    const lines = licenceLines(
      [item('0004', null, null), item('0003', '2026-12-31', '2026-06-01'), item('0002', '2026-03-20', null), item('0001', '2026-02-20', null), item('0005', null, '2026-03-02')],
      NOW,
      'Asia/Shanghai',
    )
    expect(lines.map((l) => [l.item.id, l.urgency])).toEqual([
      ['0001', 'overdue'],
      ['0005', 'due'],
      ['0002', 'due'],
      ['0003', 'ok'],
      ['0004', 'ok'],
    ])
    expect(lines[0]!.countdown.days_to_expiry).toBe(-10)
    expect(lines[1]!.reasons).toEqual(['inspection'])
  })

  it('grades one countdown', () => {
    expect(urgencyOf(null)).toBe('ok')
    expect(urgencyOf(-1)).toBe('overdue')
    expect(urgencyOf(0)).toBe('due')
    expect(urgencyOf(30)).toBe('due')
    expect(urgencyOf(31)).toBe('ok')
  })
})
