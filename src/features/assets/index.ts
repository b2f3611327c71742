/**
 * Public API of the assets feature (the custody engine's registry, asset page and lists).
 * Only light modules here: the fold, lookups and routes. zod-based schemas and repositories
 * stay inside the feature's lazy page chunks.
 */
export { assetRoutes } from './routes'
export { writeCustodyEvent, CUSTODY_TABLES } from './data/custodyWrite'
export { findAssetByToken, findAssetByNumber, getAsset, assetDisplayName, type TokenLookup } from './data/lookup'
export { ASSET_READ_ROLES, ASSET_EDIT_ROLES, ASSET_KEEPER_ROLES, canEditAssets, canReadRegistry, keepsKind, keeperRoleFor } from './domain/assetRoles'
export const loadCustodyWork = () => import('./components/CustodyWork.vue')
export { CUSTODY_TODO_SECTIONS, loadCustodyTodo } from './todo'
export { custodyEventRow, custodyOp, custodyOpPayload, type CustodyPhotoWrite } from './data/custodyRepository'
export { loadDirectory, type Directory, type Person } from './data/people'
/** The person picker (search or badge scan), loaded lazily by pages of other features. */
export const loadPersonPicker = () => import('./components/PersonPicker.vue')
