/**
 * A fuel log entry (加油记录). Drivers are at the pump with one hand free and poor
 * signal, so an entry may start as a 'draft' (quick entry: the receipt photo now, the
 * numbers later) and stays on the driver's list until 'complete'. A complete entry has
 * litres, unit price and amount resolved (two of three given, amounts.ts derives the
 * third); an odometer is normally there, but a missing reading is a fact, not an error:
 * it is accepted and flagged, and economy.ts leaves that interval without a figure.
 */
import type { FuelEntry } from './fuelEntrySchema'

/** The entry's zod schema is fuelEntrySchema.ts, loaded when an entry is validated (issue 13). */
export type { FuelEntry, FuelEntryInput } from './fuelEntrySchema'

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
