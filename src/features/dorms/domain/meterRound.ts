/**
 * The monthly meter-reading round (月度抄表): the dorm manager goes room by room and records both meters,
 * each with a photo of the dial. A round reading belongs to a month — it is that month's month-end
 * reading — and is taken in that month or in the first days of the next. The server's twin is
 * supabase/migrations/20261203050200_dorm_meter_round.sql (dorm_meter.record).
 */
import { z } from 'zod'
import { calendarDate } from '@/shared/lib/zonedTime'
// The pure parser only: the same reading of a label as the Scan tab.
import { parseScannedCode } from '@/features/assets/domain/labelToken'
import { E } from './fields'
import { optionalText, uuid } from './fieldSchemas'
import { METERS } from './checkIn'
import { meterReading } from './checkInSchema'

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/

/** Until this day of the month, the round by default reads for the month just ended. */
export const ROUND_GRACE_DAYS = 5

export const meterRoundSchema = z.object({
  /** The reading's id (its photos' owner). */
  id: uuid(),
  room_id: uuid(),
  month: z.string({ error: E.date }).regex(MONTH_RE, { error: E.date }),
  meters: z
    .array(
      z.object({
        meter: z.enum(METERS, { error: E.choice }),
        /** On the new meter when it was replaced since the last reading. */
        reading: meterReading(),
        photo_id: uuid(),
        replaced: z.object({ old_final: meterReading(), new_start: meterReading() }).optional(),
      }),
    )
    .refine((m) => METERS.every((k) => m.filter((x) => x.meter === k).length === 1), { error: E.reading }),
  note: optionalText(500).optional(),
})
export type MeterRoundInput = z.input<typeof meterRoundSchema>
export type MeterRound = z.output<typeof meterRoundSchema>

/** 'YYYY-MM' one month before. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The months a reading taken at `at` may be for (the server's rule): this company month and the last. */
export function roundMonths(at: string, timeZone: string): [string, string] {
  const month = calendarDate(at, timeZone).slice(0, 7)
  return [month, previousMonth(month)]
}

/** The month a round started at `at` reads for by default: the last one during the first days of a month. */
export function defaultRoundMonth(at: string, timeZone: string): string {
  const day = Number(calendarDate(at, timeZone).slice(8, 10))
  const [month, last] = roundMonths(at, timeZone)
  return day <= ROUND_GRACE_DAYS ? last : month
}

/** Rooms read for the month (the latest reading of each). */
export function roomsRead<R extends { room_id: string; month: string; read_at: string; deleted_at?: string | null }>(readings: readonly R[], month: string): Map<string, R> {
  const out = new Map<string, R>()
  for (const r of readings) {
    if (r.month !== month || r.deleted_at) continue
    const had = out.get(r.room_id)
    if (!had || had.read_at < r.read_at) out.set(r.room_id, r)
  }
  return out
}

export type RoomScan = { kind: 'room'; room_id: string } | { kind: 'not_listed' } | { kind: 'not_a_label' }

/** A scanned label read for the round: a bed's label (the room's beds all carry one) names its room. */
export function roomOfScan(text: string, beds: readonly { room_id: string; label_token: string }[], allowedOrigins: readonly string[]): RoomScan {
  const parsed = parseScannedCode(text, allowedOrigins)
  if (parsed.kind !== 'token') return parsed.kind === 'number' ? { kind: 'not_listed' } : { kind: 'not_a_label' }
  const bed = beds.find((b) => b.label_token === parsed.token)
  return bed ? { kind: 'room', room_id: bed.room_id } : { kind: 'not_listed' }
}
