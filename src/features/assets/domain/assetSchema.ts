/**
 * The zod schemas of an asset: `assetInputSchema` is what a keeper creates or edits;
 * `assetSchema` is the row as the device reads it, with the custody state the server derives.
 * Imported where an asset is validated; importing it loads zod.
 */
import { z } from 'zod'
import { ASSET_NUMBER_PREFIX, ASSET_NUMBER_RE, type AssetKind } from './assetNumber'
import { ASSET_NUMBER_RANGE, ASSET_TEXT_MAX, DORM_KEY_TYPES, FUEL_TYPES, LICENCE_TYPES, ORIGINAL_OR_COPY, SEAL_TYPES } from './assetKinds'
import { CUSTODY_STATUSES, KEEPER_ROLES, KEEPER_ROLE_BY_KIND } from './custodyEvents'
import { E } from './fields'
import { calendarDate, choice, dateTime, int, optionalText, text, uuid } from './fieldSchemas'
import { isLabelToken } from './labelToken'
import { isValidPlate, normalizePlate } from './plate'

const M = ASSET_TEXT_MAX
const R = ASSET_NUMBER_RANGE

/** Dates in order, or the later one absent. */
const ordered = (from: string | null | undefined, to: string | null | undefined) => !from || !to || from <= to

export const sealFieldsSchema = z
  .object({
    seal_type: choice(SEAL_TYPES),
    /** The designated locked cabinet (专柜) the seal lives in (manual 2.2 node 4). */
    cabinet: text(M.cabinet),
    enabled_on: calendarDate(),
    retired_on: calendarDate().nullish().transform((v) => v ?? null),
  })
  .refine((s) => ordered(s.enabled_on, s.retired_on), { error: E.dateOrder, path: ['retired_on'] })

export const licenceFieldsSchema = z
  .object({
    licence_type: choice(LICENCE_TYPES),
    licence_number: text(M.licence_number),
    issuing_authority: text(M.issuing_authority),
    valid_from: calendarDate(),
    /** Null: valid long-term (长期), as many business licences are. */
    valid_to: calendarDate().nullish().transform((v) => v ?? null),
    annual_inspection_on: calendarDate().nullish().transform((v) => v ?? null),
    original_or_copy: choice(ORIGINAL_OR_COPY),
  })
  .refine((l) => ordered(l.valid_from, l.valid_to), { error: E.dateOrder, path: ['valid_to'] })

export const equipmentFieldsSchema = z
  .object({
    model: text(M.model),
    serial_number: optionalText(M.serial_number),
    location: text(M.location),
    purchase_date: calendarDate(),
    warranty_end: calendarDate().nullish().transform((v) => v ?? null),
  })
  .refine((q) => ordered(q.purchase_date, q.warranty_end), { error: E.dateOrder, path: ['warranty_end'] })

export const plateSchema = z
  .string({ error: E.plate })
  .overwrite(normalizePlate)
  .refine(isValidPlate, { error: E.plate })

export const vehicleFieldsSchema = z
  .object({
    plate: plateSchema,
    model: text(M.model),
    fuel_type: choice(FUEL_TYPES),
    /** Litres; null only for a battery-electric vehicle, which has no tank. */
    tank_size_l: z.number({ error: E.tankSize }).positive({ error: E.tankSize }).max(R.tank_size_l.max, { error: E.tankSize }).nullish().transform((v) => v ?? null),
    odometer_km: int(R.odometer_km.min, R.odometer_km.max),
    insurance_end: calendarDate(),
    annual_inspection_on: calendarDate(),
  })
  .refine((v) => (v.fuel_type === 'electric') === (v.tank_size_l === null), { error: E.tankSize, path: ['tank_size_l'] })

export const uniformFieldsSchema = z.object({
  /** e.g. 夏季工衣, 冬季工衣, 防静电服. */
  uniform_type: text(M.uniform_type),
  /** Letter sizes (M, XL) or GB/T 1335 sizes (170/92A): free text, kept short. */
  size: text(M.size),
  /** Pieces in the set issued together under this label. */
  quantity: int(R.quantity.min, R.quantity.max),
})

export const dormKeyFieldsSchema = z.object({
  key_type: choice(DORM_KEY_TYPES),
  room_id: uuid().nullish().transform((v) => v ?? null),
})

export const KIND_FIELDS_SCHEMA = {
  seal: sealFieldsSchema,
  licence: licenceFieldsSchema,
  equipment: equipmentFieldsSchema,
  vehicle: vehicleFieldsSchema,
  uniform: uniformFieldsSchema,
  dorm_key: dormKeyFieldsSchema,
} as const

export type SealFields = z.output<typeof sealFieldsSchema>
export type LicenceFields = z.output<typeof licenceFieldsSchema>
export type EquipmentFields = z.output<typeof equipmentFieldsSchema>
export type VehicleFields = z.output<typeof vehicleFieldsSchema>
export type UniformFields = z.output<typeof uniformFieldsSchema>
export type DormKeyFields = z.output<typeof dormKeyFieldsSchema>

// --- the asset ---------------------------------------------------------------

const assetNumber = () =>
  z
    .string({ error: E.number })
    .trim()
    .overwrite((s) => s.toUpperCase())
    .regex(ASSET_NUMBER_RE, { error: E.number })

/** Fields a keeper enters, common to every kind. */
const inputFields = {
  id: uuid(),
  number: assetNumber(),
  name: text(M.name),
  site_id: uuid(),
  /** The named keeper (a person with the kind's keeper role), if one is assigned. */
  keeper_id: uuid().nullish().transform((v) => v ?? null),
  notes: optionalText(M.notes).optional(),
}

/** Fields derived by the server from custody events (clients never write them). */
const derivedFields = {
  keeper_role: z.enum(KEEPER_ROLES, { error: E.keeperRole }),
  status: choice(CUSTODY_STATUSES),
  holder_id: uuid().nullable(),
  due_at: dateTime().nullable(),
  label_token: z.string().refine(isLabelToken, { error: E.token }).nullable(),
  has_conflict: z.boolean(),
}

const variant = <K extends AssetKind>(kind: K) =>
  z.object({ ...inputFields, kind: z.literal(kind), details: KIND_FIELDS_SCHEMA[kind] })
const rowVariant = <K extends AssetKind>(kind: K) =>
  z.object({ ...inputFields, ...derivedFields, kind: z.literal(kind), details: KIND_FIELDS_SCHEMA[kind] })

/** SEAL-0001 belongs to a seal: the number's prefix must match the kind. */
function numberMatchesKind(a: { kind: AssetKind; number: string }, ctx: z.RefinementCtx) {
  if (!a.number.startsWith(`${ASSET_NUMBER_PREFIX[a.kind]}-`)) {
    ctx.addIssue({ code: 'custom', message: E.numberKind, path: ['number'] })
  }
}

export const assetInputSchema = z
  .discriminatedUnion('kind', [variant('seal'), variant('licence'), variant('equipment'), variant('vehicle'), variant('uniform'), variant('dorm_key')], {
    error: E.choice,
  })
  .superRefine(numberMatchesKind)

export const assetSchema = z
  .discriminatedUnion(
    'kind',
    [rowVariant('seal'), rowVariant('licence'), rowVariant('equipment'), rowVariant('vehicle'), rowVariant('uniform'), rowVariant('dorm_key')],
    { error: E.choice },
  )
  .superRefine((a, ctx) => {
    numberMatchesKind(a, ctx)
    if (a.keeper_role !== KEEPER_ROLE_BY_KIND[a.kind]) ctx.addIssue({ code: 'custom', message: E.keeperRole, path: ['keeper_role'] })
  })

export type AssetInput = z.output<typeof assetInputSchema>
export type Asset = z.output<typeof assetSchema>
export type AssetOfKind<K extends AssetKind> = Extract<Asset, { kind: K }>
