/**
 * The kinds of custody asset and what the registry records for each
 * (issue 3, "Assets and their labels"). One engine, five kinds today;
 * archive boxes and books join by adding an entry here.
 *
 * Their zod schemas are assetSchema.ts, loaded when an asset is validated (issue 13).
 */
import { ASSET_KINDS, ASSET_NUMBER_PREFIX, type AssetKind } from './assetNumber'
import { KEEPER_ROLE_BY_KIND, type KeeperRole } from './custodyEvents'
import type { Asset, AssetOfKind } from './assetSchema'

export { ASSET_KINDS, type AssetKind } from './assetNumber'
export type { SealFields, LicenceFields, EquipmentFields, VehicleFields, UniformFields, DormKeyFields, AssetInput, Asset, AssetOfKind } from './assetSchema'

export interface AssetKindInfo {
  kind: AssetKind
  /** Chinese name, for printed labels and CSV; the UI uses i18n `assets.kinds.<kind>`. */
  zh: string
  keeperRole: KeeperRole
  numberPrefix: string
}

export const ASSET_KIND_INFO: Record<AssetKind, AssetKindInfo> = {
  seal: { kind: 'seal', zh: '印章', keeperRole: KEEPER_ROLE_BY_KIND.seal, numberPrefix: ASSET_NUMBER_PREFIX.seal },
  licence: { kind: 'licence', zh: '证照', keeperRole: KEEPER_ROLE_BY_KIND.licence, numberPrefix: ASSET_NUMBER_PREFIX.licence },
  equipment: { kind: 'equipment', zh: '办公设备', keeperRole: KEEPER_ROLE_BY_KIND.equipment, numberPrefix: ASSET_NUMBER_PREFIX.equipment },
  vehicle: { kind: 'vehicle', zh: '车辆', keeperRole: KEEPER_ROLE_BY_KIND.vehicle, numberPrefix: ASSET_NUMBER_PREFIX.vehicle },
  uniform: { kind: 'uniform', zh: '工衣制服', keeperRole: KEEPER_ROLE_BY_KIND.uniform, numberPrefix: ASSET_NUMBER_PREFIX.uniform },
  dorm_key: { kind: 'dorm_key', zh: '宿舍钥匙/门禁卡', keeperRole: KEEPER_ROLE_BY_KIND.dorm_key, numberPrefix: ASSET_NUMBER_PREFIX.dorm_key },
}

// --- value lists -----------------------------------------------------------

export const SEAL_TYPES = [
  'official', // 公章
  'contract', // 合同专用章
  'finance', // 财务专用章
  'legal_rep', // 法定代表人章
  'department', // 部门章
  'other', // 其他
] as const
export type SealType = (typeof SEAL_TYPES)[number]

export const SEAL_TYPE_ZH: Record<SealType, string> = {
  official: '公章',
  contract: '合同专用章',
  finance: '财务专用章',
  legal_rep: '法定代表人章',
  department: '部门章',
  other: '其他',
}

/** Licence types a Chinese company typically keeps; 'other' covers the rest. */
export const LICENCE_TYPES = [
  'business_licence', // 营业执照
  'bank_account_licence', // 开户许可证
  'operating_permit', // 经营许可证
  'qualification', // 资质证书
  'certification', // 认证证书 (ISO etc.)
  'trademark', // 商标注册证
  'other', // 其他
] as const
export type LicenceType = (typeof LICENCE_TYPES)[number]

export const ORIGINAL_OR_COPY = ['original', 'copy'] as const // 正本 / 副本(复印件)

export const FUEL_TYPES = ['gasoline', 'diesel', 'electric', 'hybrid', 'plug_in_hybrid', 'natural_gas'] as const
export type FuelType = (typeof FUEL_TYPES)[number]

// --- per-kind fields ---------------------------------------------------------

/**
 * The limits of the fields a keeper types (issue #12: a message names the field and its limit,
 * and long text shows a counter). Characters for text; the range for numbers.
 */
export const ASSET_TEXT_MAX = {
  name: 100, notes: 1000, cabinet: 100, licence_number: 100, issuing_authority: 100, model: 100, serial_number: 100, location: 100, uniform_type: 50, size: 20,
} as const
export const ASSET_NUMBER_RANGE = { odometer_km: { min: 0, max: 9_999_999 }, quantity: { min: 1, max: 999 }, tank_size_l: { min: 0, max: 500 } } as const
/** A dormitory key or access card: what it is and the room it opens (null: a master or building key). */
export const DORM_KEY_TYPES = ['room_key', 'access_card', 'cabinet_key'] as const
/** Type guard for narrowing a generic asset list. */
export function isKind<K extends AssetKind>(asset: Asset, kind: K): asset is AssetOfKind<K> {
  return asset.kind === kind
}

/** True for a value in ASSET_KINDS (e.g. a route parameter). */
export function isAssetKind(value: unknown): value is AssetKind {
  return typeof value === 'string' && (ASSET_KINDS as readonly string[]).includes(value)
}
