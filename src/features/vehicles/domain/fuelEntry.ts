/**
 * A fuel log entry (加油记录). Drivers are at the pump with one hand free and poor
 * signal, so an entry may start as a 'draft' (quick entry: the receipt photo now, the
 * numbers later) and stays on the driver's list until 'complete'. A complete entry has
 * litres, unit price and amount resolved (two of three given, amounts.ts derives the
 * third); an odometer is normally there, but a missing reading is a fact, not an error:
 * it is accepted and flagged, and economy.ts leaves that interval without a figure.
 */
import { z } from 'zod'
import { AMOUNT_LIMITS, resolveAmounts } from './amounts'
import { E, bool, choice, dateTime, decimal, odometer, optionalText, photoIds, uuid } from './fields'

/** Grades sold at Chinese stations: a 92# price is not a 95# price (anomalies compare like with like). */
export const FUEL_GRADES = [
  'gasoline_92', // 92#汽油
  'gasoline_95', // 95#汽油
  'gasoline_98', // 98#汽油
  'diesel_0', // 0#柴油
  'diesel_minus_10', // -10#柴油
  'diesel_minus_20', // -20#柴油
  'diesel_minus_35', // -35#柴油
  'other',
] as const
export type FuelGrade = (typeof FUEL_GRADES)[number]

export const FUEL_GRADE_ZH: Record<FuelGrade, string> = {
  gasoline_92: '92#汽油',
  gasoline_95: '95#汽油',
  gasoline_98: '98#汽油',
  diesel_0: '0#柴油',
  diesel_minus_10: '-10#柴油',
  diesel_minus_20: '-20#柴油',
  diesel_minus_35: '-35#柴油',
  other: '其他',
}

export const FUEL_ENTRY_STATUSES = ['draft', 'complete'] as const
export type FuelEntryStatus = (typeof FUEL_ENTRY_STATUSES)[number]

/** Warning keys: the entry is saved, the UI shows these beside it. */
export const FUEL_WARNINGS = { noOdometer: 'vehicles.flags.noOdometer', amountsPending: 'vehicles.flags.amountsPending' } as const
export type FuelWarning = (typeof FUEL_WARNINGS)[keyof typeof FUEL_WARNINGS]

const nullableDecimal = (max: number) =>
  decimal(max)
    .nullish()
    .transform((v) => v ?? null)

const baseFields = {
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
}

/**
 * The entry as the device writes it. For 'complete', the missing third figure is filled
 * in and a mismatch or missing pair is an issue on the figures; a 'draft' needs only a
 * receipt photo or some figure (something to complete later), and keeps what it has.
 */
export const fuelEntrySchema = z.object(baseFields).transform((entry, ctx) => {
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
})

export type FuelEntryInput = z.input<typeof fuelEntrySchema>
export type FuelEntry = z.output<typeof fuelEntrySchema>

/** What the UI shows beside a saved entry (never a reason to refuse it). */
export function fuelEntryWarnings(entry: Pick<FuelEntry, 'status' | 'odometer_km' | 'litres'>): FuelWarning[] {
  const out: FuelWarning[] = []
  if (entry.odometer_km === null) out.push(FUEL_WARNINGS.noOdometer)
  if (entry.status === 'draft' || entry.litres === null) out.push(FUEL_WARNINGS.amountsPending)
  return out
}

/** The driver's quick entries still waiting for numbers, oldest first. */
export function pendingDrafts<T extends Pick<FuelEntry, 'status' | 'driver_id' | 'filled_at'>>(entries: readonly T[], driverId: string): T[] {
  return entries
    .filter((e) => e.status === 'draft' && e.driver_id === driverId)
    .sort((a, b) => Date.parse(a.filled_at) - Date.parse(b.filled_at))
}

/** True when the entry's figures count in economy and spend (complete, with litres and amount). */
export function hasFigures(entry: { status?: FuelEntryStatus; litres: number | null; amount: number | null }): boolean {
  return entry.status !== 'draft' && entry.litres !== null && entry.amount !== null && entry.litres > 0
}
