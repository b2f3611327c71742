/**
 * Date/time display. The company's time zone, not the device's, decides what "today" is.
 * For the app's two locales in a fixed-offset zone (zonedTime's table) the text is built by hand,
 * exactly as Intl writes it: the first Intl object a page builds costs 25–60 ms of ICU start-up
 * (issue 13). Anything else goes through one cached Intl formatter per locale, zone and shape.
 */
import { DEFAULT_TIME_ZONE, fixedOffsetParts, type ZonedParts } from './zonedTime'

type Shape = 'dateTime' | 'dateTimeYear' | 'time'

const pad = (n: number) => String(n).padStart(2, '0')
const hms = (p: ZonedParts) => `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
const monthDay = (p: ZonedParts) => `${pad(p.month)}/${pad(p.day)}`

// What Intl writes for OPTIONS below, checked against Intl by tests/unit/shared-lib/time.test.ts. Both write
// the time alone as "00:03:09"; with a date, zh-CN "2025/01/06 00:03:09", en "01/06/2025, 00:03:09".
const DATE_TIME: ReadonlyMap<string, (p: ZonedParts, withYear: boolean) => string> = new Map([
  ['zh-CN', (p: ZonedParts, withYear: boolean) => `${withYear ? `${p.year}/` : ''}${monthDay(p)} ${hms(p)}`],
  ['en', (p: ZonedParts, withYear: boolean) => `${monthDay(p)}${withYear ? `/${p.year}` : ''}, ${hms(p)}`],
])

const OPTIONS: Readonly<Record<Shape, Intl.DateTimeFormatOptions>> = {
  dateTime: { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false },
  dateTimeYear: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false },
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function format(value: string | number | Date, locale: string, timeZone: string, shape: Shape): string {
  const ms = (value instanceof Date ? value : new Date(value)).getTime()
  if (Number.isNaN(ms)) return ''
  const dateTime = DATE_TIME.get(locale)
  const parts = dateTime ? fixedOffsetParts(ms, timeZone) : null
  if (dateTime && parts) return shape === 'time' ? hms(parts) : dateTime(parts, shape === 'dateTimeYear')
  const key = `${locale}|${timeZone}|${shape}`
  let f = formatters.get(key)
  if (!f) {
    // Throws RangeError for an unknown zone or locale tag, as it always has.
    f = new Intl.DateTimeFormat(locale, { timeZone, ...OPTIONS[shape] })
    formatters.set(key, f)
  }
  return f.format(ms)
}

export function formatDateTime(value: string | number | Date, locale: string, timeZone = DEFAULT_TIME_ZONE, withYear = false): string {
  return format(value, locale, timeZone, withYear ? 'dateTimeYear' : 'dateTime')
}

export function formatTime(value: string | number | Date, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
  return format(value, locale, timeZone, 'time')
}
