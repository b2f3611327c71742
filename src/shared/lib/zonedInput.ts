/**
 * `<input type="datetime-local">` speaks wall-clock time with no zone. Due times are the
 * company's (DESIGN.md "Roles and time"), so the text is read and written in the company
 * zone, not the device's: a keeper travelling with a phone set to another zone still
 * means Beijing time when typing "18:00".
 */
import { zonedParts } from './zonedTime'

const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** An instant as `YYYY-MM-DDTHH:mm` in the zone. */
export function toZonedInput(instant: Date | number | string, timeZone: string): string {
  const p = zonedParts(instant, timeZone)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/** `YYYY-MM-DDTHH:mm` meant in the zone → ISO instant (UTC); null for empty or invalid text. */
export function fromZonedInput(text: string, timeZone: string): string | null {
  const m = LOCAL_RE.exec(text.trim())
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi, s)
  // Two passes: the zone's offset at the guess, then at the corrected instant (DST edges).
  let guess = wall
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(guess, timeZone)
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
    guess += wall - seen
  }
  return Number.isNaN(guess) ? null : new Date(guess).toISOString()
}
