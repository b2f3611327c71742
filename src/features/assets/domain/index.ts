/** The assets domain: pure rules of the custody engine. No I/O, no framework. */
export * from './assetNumber'
export {
  ASSET_KIND_INFO,
  SEAL_TYPES,
  SEAL_TYPE_ZH,
  LICENCE_TYPES,
  ORIGINAL_OR_COPY,
  FUEL_TYPES,
  DORM_KEY_TYPES,
  isKind,
  isAssetKind,
  type AssetKindInfo,
  type SealType,
  type LicenceType,
  type FuelType,
  type SealFields,
  type LicenceFields,
  type EquipmentFields,
  type VehicleFields,
  type UniformFields,
  type DormKeyFields,
  type AssetInput,
  type Asset,
  type AssetOfKind,
} from './assetKinds'
export * from './assetSchema'
export * from './custody'
export * from './custodyAccess'
export * from './custodyEvents'
export * from './custodyEventSchema'
export { ASSET_ERROR_KEYS, type AssetErrorKey } from './fields'
export * from './labelToken'
export * from './overdue'
export * from './plate'
export * from './sealUsage'
export * from './sealUsageSchema'
export * from './custodyLink'
