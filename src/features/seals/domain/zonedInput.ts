/**
 * `<input type="datetime-local">` speaks wall-clock time with no zone. Due times are the
 * company's (DESIGN.md "Roles and time"), so the text is read and written in the company
 * zone, not the device's: a keeper travelling with a phone set to another zone still
 * means Beijing time when typing "18:00".
 */
import { fromZonedInput, toZonedInput } from '@/shared/lib/zonedInput'

// The conversion is shared with the assets sheets; re-exported for the seal form's imports.
export { fromZonedInput, toZonedInput }

/**
 * Default due time for a take-out: 18:00 today in the company zone when that is at least
 * an hour away, otherwise two hours from now rounded up to the half hour.
 */
export function defaultTakeOutDue(now: Date, timeZone: string): string {
  const today = toZonedInput(now, timeZone).slice(0, 10)
  const evening = fromZonedInput(`${today}T18:00`, timeZone)
  if (evening && Date.parse(evening) - now.getTime() >= 3_600_000) return evening
  const halfHour = 30 * 60_000
  return new Date(Math.ceil((now.getTime() + 2 * 3_600_000) / halfHour) * halfHour).toISOString()
}
