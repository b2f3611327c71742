/**
 * The check-in record's zod schema (the constants and the inventory template: checkIn.ts), and the
 * meter reading and key hand-over the check-out shares. Importing it loads zod: the check-in save
 * loads it with await import(), not the page.
 */
import { z } from 'zod'
import { E } from './fields'
import { dateTime, text, uuid } from './fieldSchemas'
import { METERS } from './checkIn'

/** A meter reading: up to 7 digits and 2 decimals (m³ or kWh), as the dial shows. */
export const meterReading = () =>
  z
    .number({ error: E.reading })
    .min(0, { error: E.reading })
    .max(9_999_999, { error: E.reading })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: E.reading })

/** A key handed over or back: a dorm_key asset with its custody event (made on the device), or a number. */
export const keyHandSchema = z.lazy(() => z.union([z.object({ asset_id: uuid(), event_id: uuid() }), z.object({ label: text(40) })]))
export type KeyHand = z.output<typeof keyHandSchema>

/**
 * What a check-in and a check-out record both hold: the record and the bed's event, the room
 * inventory's answers, the meter readings with a photo each, and the keys handed over or back.
 */
export const roomRecordFields = () => ({
  /** The record's id (photos' owner). */
  id: uuid(),
  stay_id: uuid(),
  bed_id: uuid(),
  /** The bed's check_in (check_out) event, recorded with it. */
  event_id: uuid(),
  template_id: uuid(),
  started_at: dateTime(),
  answers: z.array(
    z.object({
      item_key: z.string(),
      result: z.enum(['pass', 'fail', 'na', 'points']),
      points: z.number().optional(),
      note: z.string().optional(),
      photo_ids: z.array(uuid()).optional(),
    }),
  ),
  meters: z
    .array(z.object({ meter: z.enum(METERS, { error: E.choice }), reading: meterReading(), photo_id: uuid() }))
    .refine((m) => METERS.every((k) => m.filter((x) => x.meter === k).length === 1), { error: E.reading }),
  /** Keys and access cards: labelled ones by asset (custody), others by number (钥匙、门禁卡编号). */
  keys: z.array(keyHandSchema).max(10, { error: E.tooLong }),
})

/**
 * Built at its first parse (z.lazy), as keyHandSchema: the check-in page loads this module once it
 * shows, and building the schemas then was a long task of its start (issue 13).
 */
export const checkInSchema = z.lazy(() =>
  z.object({
    ...roomRecordFields(),
    rules_ack: z.literal(true, { error: E.required }),
    signature_photo_id: uuid(),
  }),
)
export type CheckInInput = z.input<typeof checkInSchema>
export type CheckIn = z.output<typeof checkInSchema>
