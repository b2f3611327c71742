import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_TIME_ZONE,
  FIXED_OFFSETS,
  calendarDate,
  calendarDater,
  calendarMonth,
  dayNumber,
  daysBetween,
  formatZonedDateTime,
  isCalendarDate,
  zonedParts,
} from '@/shared/lib/zonedTime'
import { spyIntlDateTimeFormat } from './intlSpy'

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

// The fixed-offset fast path (issue 13): no Intl for the zones of FIXED_OFFSETS from their last
// transition on, and exactly Intl's answer. The reference formatters are built before any spy.
describe('fixed-offset zones', () => {
  const HOUR = 3_600_000
  const reference = new Map(
    [...FIXED_OFFSETS.keys()].map((zone) => [
      zone,
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    ]),
  )
  const intlParts = (ms: number, zone: string) => {
    const out: Record<string, number> = {}
    for (const p of reference.get(zone)!.formatToParts(ms)) if (p.type !== 'literal') out[p.type] = Number(p.value)
    const at = (type: string) => out[type] ?? Number.NaN
    return { year: at('year'), month: at('month'), day: at('day'), hour: at('hour'), minute: at('minute'), second: at('second') }
  }
  let spy: ReturnType<typeof spyIntlDateTimeFormat> | undefined
  const spyIntl = () => (spy = spyIntlDateTimeFormat())
  afterEach(() => spy?.restore())

  /**
   * Instants from `since` to 2040: every 7 h 13 min 17.3 s for the default zone (so every hour of the day,
   * minute and second), every 3 days 1 h 13 min 17.3 s for the others (Intl takes ~15 µs a call here), plus
   * each year's new year, 1 March and leap day at local midnight ± 1 s.
   */
  function instants(zone: string, since: number, offsetMs: number): number[] {
    const out: number[] = []
    const step = (zone === DEFAULT_TIME_ZONE ? 7 * HOUR : 73 * HOUR) + 13 * 60_000 + 17_300
    for (let ms = since; ms < Date.UTC(2040, 11, 31); ms += step) out.push(ms)
    for (let year = new Date(since).getUTCFullYear() + 1; year <= 2040; year++) {
      const midnights = [Date.UTC(year, 0, 1), Date.UTC(year, 2, 1)]
      if (year % 4 === 0) midnights.push(Date.UTC(year, 1, 29))
      for (const m of midnights) out.push(m - offsetMs - 1000, m - offsetMs, m - offsetMs + 1000)
    }
    return out.filter((ms) => ms >= since)
  }

  it("has each zone's last transition at its `since` (per this runtime's ICU data) and a fixed offset after it", () => {
    for (const [zone, { offsetMs, since }] of FIXED_OFFSETS) {
      const offset = (ms: number) => {
        const p = intlParts(ms, zone)
        return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms
      }
      expect(offset(since), zone).toBe(offsetMs)
      if (offsetMs !== 0) expect(offset(since - 1000), zone).not.toBe(offsetMs)
    }
  })

  it("equals Intl's answer from the cutoff to 2040, with no Intl call at all", () => {
    const cases = [...FIXED_OFFSETS].map(([zone, { offsetMs, since }]) => ({ zone, list: instants(zone, since, offsetMs) }))
    const expected = cases.map(({ zone, list }) => list.map((ms) => intlParts(ms, zone)))
    const intl = spyIntl()
    const actual = cases.map(({ zone, list }) => list.map((ms) => zonedParts(ms, zone)))
    expect(intl.construct).not.toHaveBeenCalled()
    expect(intl.parts).not.toHaveBeenCalled()
    cases.forEach(({ zone, list }, i) => {
      expect(list.length).toBeGreaterThan(1000)
      const wrong = list.filter((_, j) => JSON.stringify(actual[i]![j]) !== JSON.stringify(expected[i]![j]))
      expect(wrong.map((ms) => `${zone} ${new Date(ms).toISOString()}`)).toEqual([])
    })
  })

  it('builds no Intl formatter for the default zone in calendarDate, calendarDater or formatZonedDateTime', () => {
    const intl = spyIntl()
    expect(calendarDate('2025-01-31T16:30:00Z')).toBe('2025-02-01')
    expect(calendarDater()('2025-01-31T15:59:59Z')).toBe('2025-01-31')
    expect(formatZonedDateTime('2024-02-28T16:00:00Z')).toBe('2024-02-29 00:00')
    expect(zonedParts('2024-12-31T15:59:59.999Z')).toEqual({ year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59 })
    expect(intl.construct).not.toHaveBeenCalled()
    expect(intl.parts).not.toHaveBeenCalled()
  })

  it('asks Intl before the cutoff, and Intl is right there', () => {
    for (const [zone, { since }] of FIXED_OFFSETS) {
      const before = [since - 1000, since - HOUR, since - 180 * 24 * HOUR, Date.UTC(1960, 6, 1, 3, 4, 5), Date.UTC(1950, 0, 1)].filter((ms) => ms < since)
      const expected = before.map((ms) => intlParts(ms, zone))
      const { parts, restore } = spyIntl()
      expect(before.map((ms) => zonedParts(ms, zone)), zone).toEqual(expected)
      expect(parts, zone).toHaveBeenCalledTimes(before.length)
      restore()
    }
    // Shanghai's last summer time, from Intl: 1991-07-01 12:00 UTC was 21:00 CDT.
    expect(formatZonedDateTime(Date.UTC(1991, 6, 1, 12), 'Asia/Shanghai')).toBe('1991-07-01 21:00')
    expect(formatZonedDateTime(Date.UTC(1991, 8, 14, 17), 'Asia/Shanghai')).toBe('1991-09-15 01:00')
  })

  it('still goes through Intl (and throws) for other zones, a zone spelt differently, and out-of-range instants', () => {
    const intl = spyIntl()
    expect(calendarDate('2025-06-30T23:30:00Z', 'Europe/London')).toBe('2025-07-01')
    expect(calendarDate('2025-06-30T16:30:00Z', 'asia/shanghai')).toBe('2025-07-01')
    expect(intl.parts).toHaveBeenCalledTimes(2)
    expect(() => zonedParts(0, 'Mars/Olympus')).toThrow(RangeError)
    // The last instant a Date holds: UTC + 8 h is past it, so Intl answers (as it always did).
    expect(zonedParts(8.64e15, 'Asia/Shanghai')).toEqual(intlParts(8.64e15, 'Asia/Shanghai'))
    expect(() => zonedParts(Infinity, 'UTC')).toThrow(RangeError)
  })
})
