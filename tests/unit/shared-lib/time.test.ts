import { afterEach, describe, expect, it } from 'vitest'
import { formatDateTime, formatTime } from '@/shared/lib/time'
import { DEFAULT_TIME_ZONE, FIXED_OFFSETS } from '@/shared/lib/zonedTime'
import { spyIntlDateTimeFormat } from './intlSpy'

// formatDateTime/formatTime write zh-CN and en by hand in fixed-offset zones (issue 13): the text
// must be exactly what Intl writes for the same options, which is what these functions returned before.
const HOUR = 3_600_000
const OPTIONS = { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } as const
const intl = (locale: string, timeZone: string, shape: 'dateTime' | 'dateTimeYear' | 'time') =>
  new Intl.DateTimeFormat(locale, {
    timeZone,
    ...(shape === 'time' ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } : OPTIONS),
    ...(shape === 'dateTimeYear' ? { year: 'numeric' } : {}),
  })

/** From `since` to 2040 every `step`, plus local midnight ± 1 s of each new year and leap day. */
function instants(since: number, offsetMs: number, step: number): number[] {
  const out: number[] = []
  for (let ms = since; ms < Date.UTC(2040, 11, 31); ms += step) out.push(ms)
  for (let year = new Date(since).getUTCFullYear() + 1; year <= 2040; year++) {
    const midnights = year % 4 === 0 ? [Date.UTC(year, 0, 1), Date.UTC(year, 1, 29)] : [Date.UTC(year, 0, 1)]
    for (const m of midnights) out.push(m - offsetMs - 1000, m - offsetMs, m - offsetMs + 1000)
  }
  return out.filter((ms) => ms >= since)
}

let spy: ReturnType<typeof spyIntlDateTimeFormat> | undefined
afterEach(() => spy?.restore())

describe('formatDateTime and formatTime', () => {
  it('write zh-CN and en exactly as Intl does, in every fixed-offset zone, with no Intl object', () => {
    const cases: { locale: string; zone: string; ms: number; want: [string, string, string] }[] = []
    for (const [zone, { offsetMs, since }] of FIXED_OFFSETS) {
      // The default zone every 1 day 7 h 13 min 17.3 s (every hour, minute and second), the others every ~9 days.
      const step = (zone === DEFAULT_TIME_ZONE ? 31 * HOUR : 223 * HOUR) + 13 * 60_000 + 17_300
      for (const locale of ['zh-CN', 'en']) {
        const f = [intl(locale, zone, 'dateTime'), intl(locale, zone, 'dateTimeYear'), intl(locale, zone, 'time')]
        for (const ms of instants(since, offsetMs, step)) cases.push({ locale, zone, ms, want: [f[0]!.format(ms), f[1]!.format(ms), f[2]!.format(ms)] })
      }
    }
    spy = spyIntlDateTimeFormat()
    const wrong = cases.filter(
      ({ locale, zone, ms, want }) =>
        formatDateTime(ms, locale, zone) !== want[0] || formatDateTime(new Date(ms), locale, zone, true) !== want[1] || formatTime(new Date(ms).toISOString(), locale, zone) !== want[2],
    )
    expect(spy.construct).not.toHaveBeenCalled()
    expect(spy.format).not.toHaveBeenCalled()
    expect(cases.length).toBeGreaterThan(20_000)
    expect(wrong.map((c) => `${c.locale} ${c.zone} ${new Date(c.ms).toISOString()}`)).toEqual([])
  })

  it('reads as before in the default zone', () => {
    const at = '2025-01-05T16:03:09Z'
    expect(formatDateTime(at, 'zh-CN')).toBe('01/06 00:03:09')
    expect(formatDateTime(at, 'zh-CN', DEFAULT_TIME_ZONE, true)).toBe('2025/01/06 00:03:09')
    expect(formatDateTime(at, 'en')).toBe('01/06, 00:03:09')
    expect(formatDateTime(at, 'en', DEFAULT_TIME_ZONE, true)).toBe('01/06/2025, 00:03:09')
    expect(formatTime(at, 'en')).toBe('00:03:09')
    expect(formatDateTime('not a date', 'zh-CN')).toBe('')
    expect(formatTime(Number.NaN, 'en')).toBe('')
  })

  it("asks Intl, once per locale, zone and shape, for other locales, other zones and before a zone's cutoff", () => {
    const checks: [string, string, number][] = [
      ['en-GB', DEFAULT_TIME_ZONE, Date.UTC(2025, 5, 1, 12)],
      ['zh-CN', 'Europe/London', Date.UTC(2025, 5, 1, 12)],
      ['en', 'America/New_York', Date.UTC(2025, 10, 2, 6, 30)],
      // Shanghai's summer time (1986–1991): before the cutoff, Intl knows the offset was +09:00.
      ['zh-CN', 'Asia/Shanghai', Date.UTC(1991, 6, 1, 12)],
      ['en', 'Asia/Seoul', Date.UTC(1988, 6, 1, 12)],
    ]
    const want = checks.map(([locale, zone, ms]) => [intl(locale, zone, 'dateTime').format(ms), intl(locale, zone, 'dateTimeYear').format(ms), intl(locale, zone, 'time').format(ms)])
    spy = spyIntlDateTimeFormat()
    for (let call = 0; call < 3; call++) {
      const got = checks.map(([locale, zone, ms]) => [formatDateTime(ms, locale, zone), formatDateTime(ms, locale, zone, true), formatTime(ms, locale, zone)])
      expect(got).toEqual(want)
    }
    expect(want[3]![1]).toBe('1991/07/01 21:00:00')
    // One formatter per locale, zone and shape (Shanghai's and Seoul's pre-cutoff ones included), never one per call.
    expect(spy.construct).toHaveBeenCalledTimes(checks.length * 3)
  })

  it('still throws on an unknown zone', () => {
    expect(() => formatDateTime('2025-01-01T00:00:00Z', 'zh-CN', 'Mars/Olympus')).toThrow(RangeError)
    expect(() => formatTime('2025-01-01T00:00:00Z', 'en', 'Mars/Olympus')).toThrow(RangeError)
  })
})
