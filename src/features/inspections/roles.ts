/**
 * Who opens which checklist screen. Plain role codes (routes are in the first chunk).
 * The server's RLS decides what each person actually sees; these only shape navigation.
 */

/** Inspect areas on the spot and score rounds remotely. */
export const INSPECT_ROLES = ['inspector', 'admin_head'] as const
/** Who opens the inspection screens: also the dorm manager, for dormitory areas only (宿舍卫生检查). */
export const INSPECT_SCREEN_ROLES = [...INSPECT_ROLES, 'dorm_manager'] as const
/** Keep the area registry (create, edit, print labels). */
export const AREA_EDIT_ROLES = ['admin_head'] as const
/** See the area registry. */
export const AREA_READ_ROLES = ['admin_head', 'executive', 'inspector', 'cleaner'] as const
/** Record cleaning rounds (保洁记录). */
export const ROUND_ROLES = ['cleaner', 'admin_head'] as const

const has = (allowed: readonly string[], roles: readonly string[]) => roles.some((r) => allowed.includes(r))

export const canInspect = (roles: readonly string[]): boolean => has(INSPECT_ROLES, roles)
/**
 * May inspect this area: an inspector or the admin head any area, the dorm manager a dormitory area
 * (the server's private.inspection_may_submit, which also checks the site).
 */
export const canInspectArea = (roles: readonly string[], areaType: string): boolean =>
  canInspect(roles) || (areaType === 'dormitory' && roles.includes('dorm_manager'))
export const canEditAreas = (roles: readonly string[]): boolean => has(AREA_EDIT_ROLES, roles)
export const canRecordRounds = (roles: readonly string[]): boolean => has(ROUND_ROLES, roles)
