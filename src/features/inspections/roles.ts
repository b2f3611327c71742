/**
 * Who opens which checklist screen. Plain role codes (routes are in the first chunk).
 * The server's RLS decides what each person actually sees; these only shape navigation.
 */

/** Inspect areas on the spot and score rounds remotely. */
export const INSPECT_ROLES = ['inspector', 'admin_head'] as const
/** Keep the area registry (create, edit, print labels). */
export const AREA_EDIT_ROLES = ['admin_head'] as const
/** See the area registry. */
export const AREA_READ_ROLES = ['admin_head', 'executive', 'inspector', 'cleaner'] as const
/** Record cleaning rounds (保洁记录). */
export const ROUND_ROLES = ['cleaner', 'admin_head'] as const

const has = (allowed: readonly string[], roles: readonly string[]) => roles.some((r) => allowed.includes(r))

export const canInspect = (roles: readonly string[]): boolean => has(INSPECT_ROLES, roles)
export const canEditAreas = (roles: readonly string[]): boolean => has(AREA_EDIT_ROLES, roles)
export const canRecordRounds = (roles: readonly string[]): boolean => has(ROUND_ROLES, roles)
