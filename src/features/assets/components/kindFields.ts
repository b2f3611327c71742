/** The per-kind inputs of the asset form, in the order a keeper fills them (mirrors assetKinds.ts). */
import { DORM_KEY_TYPES, FUEL_TYPES, LICENCE_TYPES, ORIGINAL_OR_COPY, SEAL_TYPES } from '../domain/assetKinds'
import type { AssetKind } from '../domain/assetNumber'

/** 'hidden': carried through the form untouched (a dorm key's room, set from the room page). */
export type FieldType = 'text' | 'date' | 'int' | 'decimal' | 'choice' | 'hidden'

export interface FieldDef {
  key: string
  type: FieldType
  /** i18n group for choice labels, e.g. 'sealTypes' → assets.sealTypes.<value>. */
  options?: { values: readonly string[]; group: string }
  /** Empty is allowed (sent as null). */
  optional?: boolean
}

export const KIND_FIELDS: Record<AssetKind, FieldDef[]> = {
  seal: [
    { key: 'seal_type', type: 'choice', options: { values: SEAL_TYPES, group: 'sealTypes' } },
    { key: 'cabinet', type: 'text' },
    { key: 'enabled_on', type: 'date' },
    { key: 'retired_on', type: 'date', optional: true },
  ],
  licence: [
    { key: 'licence_type', type: 'choice', options: { values: LICENCE_TYPES, group: 'licenceTypes' } },
    { key: 'licence_number', type: 'text' },
    { key: 'issuing_authority', type: 'text' },
    { key: 'valid_from', type: 'date' },
    { key: 'valid_to', type: 'date', optional: true },
    { key: 'annual_inspection_on', type: 'date', optional: true },
    { key: 'original_or_copy', type: 'choice', options: { values: ORIGINAL_OR_COPY, group: 'originalOrCopy' } },
  ],
  equipment: [
    { key: 'model', type: 'text' },
    { key: 'serial_number', type: 'text', optional: true },
    { key: 'location', type: 'text' },
    { key: 'purchase_date', type: 'date' },
    { key: 'warranty_end', type: 'date', optional: true },
  ],
  vehicle: [
    { key: 'plate', type: 'text' },
    { key: 'model', type: 'text' },
    { key: 'fuel_type', type: 'choice', options: { values: FUEL_TYPES, group: 'fuelTypes' } },
    { key: 'tank_size_l', type: 'decimal', optional: true },
    { key: 'odometer_km', type: 'int' },
    { key: 'insurance_end', type: 'date' },
    { key: 'annual_inspection_on', type: 'date' },
  ],
  uniform: [
    { key: 'uniform_type', type: 'text' },
    { key: 'size', type: 'text' },
    { key: 'quantity', type: 'int' },
  ],
  dorm_key: [
    { key: 'key_type', type: 'choice', options: { values: DORM_KEY_TYPES, group: 'dormKeyTypes' } },
    { key: 'room_id', type: 'hidden', optional: true },
  ],
}

/** Form text → what the schema expects: '' is null for optional fields, numbers are parsed. */
export function detailsFromForm(kind: AssetKind, values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of KIND_FIELDS[kind]) {
    const raw = (values[f.key] ?? '').trim()
    if (raw === '') out[f.key] = f.optional ? null : f.type === 'int' || f.type === 'decimal' ? undefined : ''
    else if (f.type === 'int' || f.type === 'decimal') out[f.key] = Number(raw)
    else out[f.key] = raw
  }
  return out
}

/** Stored details → form text. */
export function detailsToForm(kind: AssetKind, details: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(KIND_FIELDS[kind].map((f) => [f.key, details[f.key] === null || details[f.key] === undefined ? '' : String(details[f.key])]))
}
