/**
 * Company-month keys (`YYYY-MM`) for thousands of instants, fast. A UTC offset is at most
 * ±14 h, so an instant whose UTC date is the 2nd to the 27th lies in the same month in every
 * zone: plain arithmetic. Only instants near a month's edge ask Intl (calendarMonth), memoised
 * per quarter hour (offsets change on quarter-hour boundaries). A whole-day dater would cost
 * two Intl calls for every distinct day, which dominates a 5,000-fill history.
 */
import { calendarMonth, DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'

const QUARTER_HOUR = 15 * 60_000

export function monthKeyer(timeZone: string = DEFAULT_TIME_ZONE): (ms: number) => string {
  const edges = new Map<number, string>()
  return (ms) => {
    const d = new Date(ms)
    const day = d.getUTCDate()
    if (day >= 2 && day <= 27) {
      const m = d.getUTCMonth() + 1
      return `${String(d.getUTCFullYear()).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`
    }
    const bucket = Math.floor(ms / QUARTER_HOUR)
    let key = edges.get(bucket)
    if (key === undefined) {
      key = calendarMonth(bucket * QUARTER_HOUR, timeZone)
      edges.set(bucket, key)
    }
    return key
  }
}
