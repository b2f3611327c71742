import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEADLINE_TIME, WEEKLY_DEADLINE, deadlineDate, dueAreas, periodDeadline, periodKey, type AreaForDue } from '@/features/inspections/domain'
import type { AreaRow } from '@/platform/db/rows'
import { NO_STATUTORY_DAYS, makeCalendar } from '@/shared/lib/calendar'

const SH = 'Asia/Shanghai'
// Weekends only: the statutory and company days are tested in dueWorkingDays.test.ts.
const WEEK = makeCalendar(NO_STATUTORY_DAYS)

// The device runs in UTC; the company is in Shanghai (UTC+8, no DST).
let savedTz: string | undefined
beforeAll(() => {
  savedTz = process.env.TZ
  process.env.TZ = 'UTC'
})
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ
  else process.env.TZ = savedTz
})

const areas: AreaForDue[] = [
  { id: 'wc', frequency: 'daily' },
  { id: 'lobby', frequency: 'weekly' },
  { id: 'lawn', frequency: 'monthly' },
]
const ids = (entries: { area: AreaForDue }[]) => entries.map((e) => e.area.id)

describe('periods and deadlines', () => {
  it('keys periods by company day, ISO week and month', () => {
    expect(periodKey('daily', '2026-11-27')).toBe('2026-11-27')
    expect(periodKey('weekly', '2026-11-27')).toBe('2026-W48')
    expect(periodKey('monthly', '2026-11-27')).toBe('2026-11')
  })

  it('puts deadlines at 18:00 company time: the day, Friday of the week, the last day of the month', () => {
    expect(DEADLINE_TIME).toBe('18:00')
    expect(WEEKLY_DEADLINE.isoWeekday).toBe(5)
    expect(deadlineDate('weekly', '2026-W48', WEEK)).toBe('2026-11-27')
    // The month's last working day: 2026-02-28 is a Saturday (issue #12 point 8).
    expect(deadlineDate('monthly', '2026-02', WEEK)).toBe('2026-02-27')
    expect(periodDeadline('daily', '2026-11-27', SH, WEEK)).toBe('2026-11-27T10:00:00.000Z')
    expect(periodDeadline('weekly', '2026-W48', SH, WEEK)).toBe('2026-11-27T10:00:00.000Z')
    expect(periodDeadline('monthly', '2026-11', SH, WEEK)).toBe('2026-11-30T10:00:00.000Z')
    expect(() => deadlineDate('weekly', '2026-W60', WEEK)).toThrow(RangeError)
  })
})

describe('dueAreas', () => {
  it('lists every area as due at the start of its period', () => {
    // Monday 2026-11-02 08:00 Shanghai.
    const r = dueAreas(areas, [], '2026-11-02T00:00:00Z', SH, WEEK)
    expect(ids(r.due)).toEqual(['wc', 'lobby', 'lawn'])
    expect(r.due.map((e) => [e.period_key, e.deadline_at])).toEqual([
      ['2026-11-02', '2026-11-02T10:00:00.000Z'],
      ['2026-W45', '2026-11-06T10:00:00.000Z'],
      ['2026-11', '2026-11-30T10:00:00.000Z'],
    ])
  })

  it('uses the company day across midnight, not the device (UTC) day', () => {
    // A round at 23:30 Shanghai on Tuesday 3 Nov is 15:30 UTC the same day.
    const rounds = [{ area_id: 'wc', done_at: '2026-11-03T15:30:00Z' }]
    // 00:30 Shanghai Wednesday = 16:30 UTC Tuesday: the device thinks it is still Tuesday,
    // but the company day is Wednesday, so Tuesday's round does not count.
    const r = dueAreas(areas, rounds, '2026-11-03T16:30:00Z', SH, WEEK)
    expect(new Date('2026-11-03T16:30:00Z').getDate()).toBe(3) // the device's own (UTC) day
    expect(ids(r.due)).toContain('wc')
    expect(r.due.find((e) => e.area.id === 'wc')?.period_key).toBe('2026-11-04')
    // Just before midnight Shanghai the same round makes Tuesday done (late: after 18:00).
    const before = dueAreas(areas, rounds, '2026-11-03T15:59:00Z', SH, WEEK)
    expect(before.done.map((e) => [e.area.id, e.late, e.count, e.first_at])).toEqual([['wc', true, 1, '2026-11-03T15:30:00.000Z']])
  })

  it('a round in the early hours (UTC previous day) counts for the company day', () => {
    // 07:00 Shanghai Wednesday = 23:00 UTC Tuesday.
    const rounds = [{ area_id: 'wc', done_at: '2026-11-03T23:00:00Z' }]
    const r = dueAreas(areas, rounds, '2026-11-04T02:00:00Z', SH, WEEK)
    expect(r.done.map((e) => [e.area.id, e.late])).toEqual([['wc', false]])
  })

  it('is missed after 18:00 company time with no round, and done when there is one', () => {
    const at1801 = '2026-11-04T10:01:00Z'
    expect(ids(dueAreas(areas, [], '2026-11-04T09:59:00Z', SH, WEEK).due)).toContain('wc')
    expect(ids(dueAreas(areas, [], at1801, SH, WEEK).missed)).toEqual(['wc'])
  })

  it('weekly areas: due all week until Friday 18:00, missed on the weekend', () => {
    const friday1759 = '2026-11-06T09:59:00Z'
    const saturday = '2026-11-07T03:00:00Z'
    expect(ids(dueAreas(areas, [], friday1759, SH, WEEK).due)).toContain('lobby')
    // Saturday 11:00: the daily area is still due today, the weekly one is missed.
    expect(ids(dueAreas(areas, [], saturday, SH, WEEK).missed)).toEqual(['lobby'])
    // A round on Monday of the same ISO week makes it done; last week's round does not.
    const monday = [{ area_id: 'lobby', done_at: '2026-11-02T02:00:00Z' }]
    expect(ids(dueAreas(areas, monday, saturday, SH, WEEK).done)).toEqual(['lobby'])
    const lastSunday = [{ area_id: 'lobby', done_at: '2026-11-01T02:00:00Z' }]
    expect(ids(dueAreas(areas, lastSunday, saturday, SH, WEEK).missed)).toContain('lobby')
  })

  it('weekly weeks run Monday–Sunday in the company zone across midnight', () => {
    // Sunday 23:30 Shanghai = Sunday 15:30 UTC: last week. Monday 00:30 Shanghai = Sunday 16:30 UTC: this week.
    const sundayLate = [{ area_id: 'lobby', done_at: '2026-11-08T15:30:00Z' }]
    const mondayEarly = [{ area_id: 'lobby', done_at: '2026-11-08T16:30:00Z' }]
    const mondayNoon = '2026-11-09T04:00:00Z'
    expect(ids(dueAreas(areas, sundayLate, mondayNoon, SH, WEEK).due)).toContain('lobby')
    expect(ids(dueAreas(areas, mondayEarly, mondayNoon, SH, WEEK).done)).toEqual(['lobby'])
  })

  it('monthly areas: due until 18:00 on the last day, by company calendar', () => {
    const r = dueAreas(areas, [{ area_id: 'wc', submitted_at: '2026-11-30T01:00:00Z' }], '2026-11-30T09:00:00Z', SH, WEEK)
    expect(ids(r.due)).toEqual(['lobby', 'lawn'])
    expect(ids(r.done)).toEqual(['wc'])
    // 1 Dec 00:30 Shanghai is still 30 Nov in UTC: a new month for the company, so due again.
    expect(ids(dueAreas(areas, [{ area_id: 'lawn', done_at: '2026-11-15T02:00:00Z' }], '2026-11-30T16:30:00Z', SH, WEEK).due)).toContain('lawn')
    expect(ids(dueAreas(areas, [], '2026-11-30T10:30:00Z', SH, WEEK).missed)).toContain('lawn')
  })

  it('ignores deleted areas and records and rounds sent back', () => {
    const r = dueAreas(
      [...areas, { id: 'gone', frequency: 'daily', deleted_at: '2026-11-01T00:00:00Z' }],
      [
        { area_id: 'wc', done_at: '2026-11-04T01:00:00Z', review_status: 'sent_back' },
        { area_id: 'lobby', done_at: '2026-11-04T01:00:00Z', deleted_at: '2026-11-04T02:00:00Z' },
        { area_id: 'lawn', done_at: '2026-11-04T01:00:00Z', review_status: 'accepted' },
        { area_id: 'gone', done_at: '2026-11-04T01:00:00Z' },
      ],
      '2026-11-04T03:00:00Z',
      SH,
      WEEK,
    )
    expect(ids(r.due)).toEqual(['wc', 'lobby'])
    expect(ids(r.done)).toEqual(['lawn'])
  })

  it('takes device area rows as they are', () => {
    const row = { id: 'a', frequency: 'daily', deleted_at: null } as Pick<AreaRow, 'id' | 'frequency' | 'deleted_at'>
    expect(ids(dueAreas([row], [], '2026-11-04T03:00:00Z', SH, WEEK).due)).toEqual(['a'])
  })
})
