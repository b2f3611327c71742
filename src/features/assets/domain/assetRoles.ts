/**
 * Who opens which custody screen. Plain role codes: routes are in the first chunk, and
 * custodyEvents.ts would bring zod with it. A unit test checks these match KEEPER_ROLES.
 * The server's RLS decides what each person actually sees; these only shape navigation.
 */

/** Keepers of some kind (seal, asset, fleet): they create, edit and batch-scan assets. */
export const ASSET_KEEPER_ROLES = ['seal_keeper', 'asset_keeper', 'fleet_manager', 'dorm_manager'] as const

/** May edit the registry: the keepers and the head of administration. */
export const ASSET_EDIT_ROLES = [...ASSET_KEEPER_ROLES, 'admin_head'] as const

/** May read the whole registry and the overdue list: editors plus the executive (read only). */
export const ASSET_READ_ROLES = [...ASSET_EDIT_ROLES, 'executive'] as const

/** True when the person may edit the registry (asset form, batch mode). */
export function canEditAssets(roles: readonly string[]): boolean {
  return roles.some((r) => (ASSET_EDIT_ROLES as readonly string[]).includes(r))
}

/** True when the person reads the whole registry (keepers, head, executive). */
export function canReadRegistry(roles: readonly string[]): boolean {
  return roles.some((r) => (ASSET_READ_ROLES as readonly string[]).includes(r))
}

/** Seals and licences come back only on the keeper's check-in: their holder says "returned" (return_claimed) instead. */
export const RETURN_CONFIRMED_KINDS: readonly string[] = ['seal', 'licence']

/** Keeper roles for a kind, as in KEEPER_ROLE_BY_KIND, without importing zod. */
const KEEPER_BY_KIND: Record<string, string> = {
  seal: 'seal_keeper',
  licence: 'asset_keeper',
  equipment: 'asset_keeper',
  vehicle: 'fleet_manager',
  uniform: 'asset_keeper',
  dorm_key: 'dorm_manager',
}

/** The keeper role of a kind ('' for an unknown kind). */
export function keeperRoleFor(kind: string): string {
  return KEEPER_BY_KIND[kind] ?? ''
}

/** The kinds a person keeps (all of them for the head of administration). */
export function keptKinds(roles: readonly string[]): string[] {
  return Object.keys(KEEPER_BY_KIND).filter((k) => keepsKind(k, roles))
}

/** True for the kind's keeper or the head of administration: they see and resolve conflicts. */
export function keepsKind(kind: string, roles: readonly string[]): boolean {
  return roles.includes('admin_head') || (KEEPER_BY_KIND[kind] !== undefined && roles.includes(KEEPER_BY_KIND[kind]))
}
