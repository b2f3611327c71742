/**
 * The zod schema of a fuel log entry (messages are i18n keys). Imported where an entry is
 * validated, with `await import()` from code that also shows pages: importing it loads zod.
 */
import { z } from 'zod'
import { AMOUNT_LIMITS, resolveAmounts } from './amounts'
import { E } from './fields'
import { bool, choice, dateTime, decimal, odometer, optionalText, photoIds, uuid } from './fieldSchemas'
import { FUEL_ENTRY_STATUSES, FUEL_GRADES } from './fuelEntry'

const nullableDecimal = (max: number) =>
  decimal(max)
    .nullish()
    .transform((v) => v ?? null)

const baseFields = () => ({
  /** Device-made UUID: the same push twice is one row. */
  id: uuid(),
  vehicle_id: uuid(),
  driver_id: uuid(),
  /** When the fuel went in (device clock). */
  filled_at: dateTime(),
  /** Whole km; null when the driver could not read it (flagged, never refused). */
  odometer_km: odometer()
    .nullish()
    .transform((v) => v ?? null),
  /** Litres (0.01 L), yuan per litre (0.01) and yuan (0.01): see amounts.ts. */
  litres: nullableDecimal(AMOUNT_LIMITS.litres),
  unit_price: nullableDecimal(AMOUNT_LIMITS.unit_price),
  amount: nullableDecimal(AMOUNT_LIMITS.amount),
  /** Filled until the pump clicked off: only full fills close an economy interval. */
  full_tank: bool(),
  /** The driver knows a fill-up since the previous entry was not logged. */
  missed_previous: bool().default(false),
  /** Required once complete; a quick-entry draft may not know it yet. */
  fuel_type: choice(FUEL_GRADES)
    .nullish()
    .transform((v) => v ?? null),
  station: optionalText(100),
  /** The fuel card used (加油卡号), if any. */
  fuel_card: optionalText(40),
  receipt_photo_ids: photoIds(5),
  note: optionalText(500),
  status: choice(FUEL_ENTRY_STATUSES),
})

/**
 * The entry as the device writes it. For 'complete', the missing third figure is filled
 * in and a mismatch or missing pair is an issue on the figures; a 'draft' needs only a
 * receipt photo or some figure (something to complete later), and keeps what it has.
 * Built at its first parse (z.lazy): the form loads this module once it shows, and building
 * the schema then was a long task of the form's start (issue 13).
 */
export const fuelEntrySchema = z.lazy(() =>
  z.object(baseFields()).transform((entry, ctx) => {
    if (entry.status === 'draft') {
      if (entry.receipt_photo_ids.length === 0 && entry.litres === null && entry.amount === null) {
        ctx.addIssue({ code: 'custom', message: E.photos, path: ['receipt_photo_ids'] })
        return z.NEVER
      }
      return entry
    }
    const r = resolveAmounts(entry)
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.issue.key, path: [r.issue.field ?? 'amount'] })
    if (entry.fuel_type === null) ctx.addIssue({ code: 'custom', message: E.required, path: ['fuel_type'] })
    if (!r.ok) return z.NEVER
    return { ...entry, litres: r.litres, unit_price: r.unit_price, amount: r.amount }
  }),
)

export type FuelEntryInput = z.input<typeof fuelEntrySchema>
export type FuelEntry = z.output<typeof fuelEntrySchema>
