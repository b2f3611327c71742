import { describe, expect, it } from 'vitest'
import {
  addDays,
  calendarDate,
  calendarDater,
  calendarWeek,
  fromDayNumber,
  dayNumber,
  isoWeekKey,
  isoWeekMonday,
  isoWeekday,
  lastDayOfMonth,
} from '@/shared/lib/zonedTime'

describe('ISO weeks and months on the company calendar', () => {
  it('round-trips day numbers and adds days across months and leap days', () => {
    expect(fromDayNumber(dayNumber('2024-02-29') ?? 0)).toBe('2024-02-29')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31')
    expect(fromDayNumber(-1)).toBe('1969-12-31')
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError)
  })

  it('gives ISO weekdays, Monday = 1', () => {
    expect(isoWeekday('2026-11-23')).toBe(1) // Monday
    expect(isoWeekday('2026-11-27')).toBe(5) // Friday
    expect(isoWeekday('2026-11-29')).toBe(7) // Sunday
    expect(isoWeekday('1969-12-29')).toBe(1)
  })

  it('keys ISO weeks, including the ones that straddle a new year', () => {
    expect(isoWeekKey('2026-11-23')).toBe('2026-W48')
    expect(isoWeekKey('2026-11-29')).toBe('2026-W48')
    expect(isoWeekKey('2026-11-30')).toBe('2026-W49')
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01')
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53')
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53')
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01')
  })

  it('finds the Monday of a week key and refuses weeks that do not exist', () => {
    expect(isoWeekMonday('2026-W48')).toBe('2026-11-23')
    expect(isoWeekMonday('2025-W01')).toBe('2024-12-30')
    expect(isoWeekMonday('2020-W53')).toBe('2020-12-28')
    expect(isoWeekMonday('2025-W53')).toBeNull()
    expect(isoWeekMonday('2025-W00')).toBeNull()
    expect(isoWeekMonday('2025-48')).toBeNull()
    // Every Monday of several years maps back to itself.
    for (let d = dayNumber('2019-12-30') ?? 0; d < (dayNumber('2031-01-06') ?? 0); d += 7) {
      expect(isoWeekMonday(isoWeekKey(fromDayNumber(d)))).toBe(fromDayNumber(d))
    }
  })

  it('puts an instant in the company week, not the device week', () => {
    // Sunday 2026-11-29 16:30 UTC is Monday 00:30 in Shanghai: next week there.
    expect(calendarWeek('2026-11-29T16:30:00Z', 'Asia/Shanghai')).toBe('2026-W49')
    expect(calendarWeek('2026-11-29T16:30:00Z', 'UTC')).toBe('2026-W48')
  })

  it('gives the last day of a month', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29')
    expect(lastDayOfMonth('2025-02')).toBe('2025-02-28')
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31')
    expect(lastDayOfMonth('2026-11')).toBe('2026-11-30')
    expect(() => lastDayOfMonth('2026-13')).toThrow(RangeError)
  })

  it('calendarDater agrees with calendarDate, across midnight and in half-hour zones', () => {
    for (const tz of ['Asia/Shanghai', 'Asia/Kolkata', 'America/New_York', 'UTC']) {
      const date = calendarDater(tz)
      const start = Date.parse('2026-03-07T00:00:00Z')
      for (let ms = start; ms < start + 3 * 86_400_000; ms += 7 * 60_000) {
        expect(date(ms)).toBe(calendarDate(ms, tz))
      }
    }
    expect(() => calendarDater('UTC')('nope')).toThrow(RangeError)
  })
})
