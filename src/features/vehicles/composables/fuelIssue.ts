/** The fuel form's save message, naming the field and its limit (issue #12). */
import { fieldIssueText, type FieldLimit, type Translate } from '@/shared/lib/fieldIssue'
import { AMOUNT_LIMITS } from '../domain/amounts'

export interface FuelIssue {
  key: string
  /** The schema path's first element (litres, odometer_km, …), null for the whole entry. */
  field: string | null
}

const LABELS: Record<string, string> = {
  litres: 'vehicles.fuel.litres',
  unit_price: 'vehicles.fuel.unit_price',
  amount: 'vehicles.fuel.amount',
  odometer_km: 'vehicles.common.odometer',
  filled_at: 'vehicles.fuel.filledAt',
  fuel_type: 'vehicles.fuel.fuelType',
  station: 'vehicles.fuel.station',
  fuel_card: 'vehicles.fuel.fuelCard',
  receipt_photo_ids: 'vehicles.fuel.receipt',
}

// The domain's limits (fuelEntry.ts: AMOUNT_LIMITS, odometer(), optionalText(100 / 40)).
const LIMITS: Record<string, FieldLimit> = {
  litres: { min: 0, max: AMOUNT_LIMITS.litres },
  unit_price: { min: 0, max: AMOUNT_LIMITS.unit_price },
  amount: { min: 0, max: AMOUNT_LIMITS.amount },
  odometer_km: { min: 0, max: 9_999_999 },
  station: { maxLength: 100 },
  fuel_card: { maxLength: 40 },
}

/** Messages about a value's size or form get the limit; the others (required, mismatch…) only the field. */
const WITH_LIMIT = new Set(['vehicles.errors.range', 'vehicles.errors.number', 'vehicles.errors.integer', 'vehicles.errors.positive', 'vehicles.errors.tooLong'])

export function fuelIssueText(t: Translate, issue: FuelIssue): string {
  const label = issue.field ? LABELS[issue.field] : undefined
  const limit = issue.field && WITH_LIMIT.has(issue.key) ? LIMITS[issue.field] : undefined
  return fieldIssueText(t, issue.key, label ? t(label) : null, limit)
}
