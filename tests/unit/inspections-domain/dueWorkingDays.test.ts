// Issue #12 point 8: daily areas were due (then missed) at 18:00 on weekends and holidays. On the
// company calendar a period's deadline is 18:00 on its last working day at the area's site: a
// daily area is not due on a day off (a round done anyway still counts), a weekly one by the
// week's last working day (Thursday when Friday is a holiday), a monthly one by the month's.
import { describe, expect, it } from 'vitest'
import data from 'chinese-days/dist/chinese-days.json'
import { deadlineDate, dueAreas, type AreaForDue } from '@/features/inspections/domain'
import { makeCalendar, statutoryFrom } from '@/shared/lib/calendar'

const SH = 'Asia/Shanghai'
const SZ = 'site-sz'
const cal = makeCalendar(statutoryFrom(data), [
  { date: '2026-12-12', site_id: SZ, kind: 'work', note: '补班' },
  { date: '2026-12-31', site_id: null, kind: 'off', note: '年终' },
])
const ids = (entries: { area: AreaForDue }[]) => entries.map((e) => e.area.id)
const areas: AreaForDue[] = [
  { id: 'wc', frequency: 'daily' },
  { id: 'wc-sz', frequency: 'daily', site_id: SZ },
]

describe('areas due on the company calendar', () => {
  it('a daily area is neither due nor missed on a Saturday evening; a site that works that Saturday has it missed', () => {
    // Saturday 2026-12-12 19:00 Shanghai.
    const r = dueAreas(areas, [], '2026-12-12T11:00:00Z', SH, cal)
    expect(ids(r.missed)).toEqual(['wc-sz'])
    expect(ids(r.due)).toEqual([])
  })

  it('a round done on a day off still counts as done', () => {
    const r = dueAreas(areas, [{ area_id: 'wc', done_at: '2026-12-12T03:00:00Z' }], '2026-12-12T11:00:00Z', SH, cal)
    expect(ids(r.done)).toEqual(['wc'])
  })

  it('on a statutory holiday a daily area is not due', () => {
    const r = dueAreas(areas, [], '2026-10-02T11:00:00Z', SH, cal)
    expect([...ids(r.due), ...ids(r.missed)]).toEqual([])
  })

  it('weekly and monthly deadlines fall on the period\'s last working day', () => {
    // 2026-W40 (Mon 09-28 .. Sun 10-04): National Day from Thursday → Wednesday 09-30.
    expect(deadlineDate('weekly', '2026-W40', cal)).toBe('2026-09-30')
    // 2026-W41 (10-05 .. 10-11): Saturday the 10th is worked in lieu → the 10th.
    expect(deadlineDate('weekly', '2026-W41', cal)).toBe('2026-10-10')
    // December 2026: the 31st is a company day off → Wednesday the 30th.
    expect(deadlineDate('monthly', '2026-12', cal)).toBe('2026-12-30')
    expect(deadlineDate('daily', '2026-12-12', cal)).toBeNull()
    expect(deadlineDate('daily', '2026-12-12', cal, SZ)).toBe('2026-12-12')
  })
})
