import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TIME_ZONE,
  calendarDate,
  calendarMonth,
  dayNumber,
  daysBetween,
  formatZonedDateTime,
  isCalendarDate,
  zonedParts,
} from '@/shared/lib/zonedTime'

describe('zoned calendar', () => {
  it('defaults to Asia/Shanghai', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai')
  })

  it('puts an instant on the company calendar, not the device one', () => {
    // 16:30 UTC is 00:30 the next day in Shanghai, still the same day in London.
    const t = '2025-01-31T16:30:00Z'
    expect(calendarDate(t, 'Asia/Shanghai')).toBe('2025-02-01')
    expect(calendarDate(t, 'Europe/London')).toBe('2025-01-31')
    expect(calendarMonth(t, 'Asia/Shanghai')).toBe('2025-02')
    expect(calendarMonth(t, 'America/New_York')).toBe('2025-01')
    expect(formatZonedDateTime(t, 'Asia/Shanghai')).toBe('2025-02-01 00:30')
    expect(zonedParts(new Date(t), 'Asia/Shanghai')).toEqual({ year: 2025, month: 2, day: 1, hour: 0, minute: 30, second: 0 })
  })

  it('accepts offsets in the input', () => {
    expect(calendarDate('2025-03-01T23:59:00+08:00', 'Asia/Shanghai')).toBe('2025-03-01')
    expect(formatZonedDateTime(Date.parse('2025-03-01T00:00:00+08:00'), 'Asia/Shanghai')).toBe('2025-03-01 00:00')
  })

  it('shows midnight as 00, not 24', () => {
    expect(formatZonedDateTime('2025-06-01T16:00:00Z', 'Asia/Shanghai')).toBe('2025-06-02 00:00')
  })

  it('throws on an invalid instant or zone', () => {
    expect(() => calendarDate('not a date')).toThrow(RangeError)
    expect(() => calendarDate('2025-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError)
  })

  it('validates real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2025-02-29')).toBe(false)
    expect(isCalendarDate('2025-13-01')).toBe(false)
    expect(isCalendarDate('2025-1-01')).toBe(false)
    expect(dayNumber('1970-01-02')).toBe(1)
  })

  it('counts calendar days', () => {
    expect(daysBetween('2025-01-30', '2025-02-02')).toBe(3)
    expect(daysBetween('2025-02-02', '2025-01-30')).toBe(-3)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(RangeError)
  })
})
