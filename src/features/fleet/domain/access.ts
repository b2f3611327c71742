/** Who runs the fleet side. Plain role codes (routes are in the first chunk); RLS decides what is seen. */
export const FLEET_ROLES = ['fleet_manager', 'admin_head'] as const

export const isFleetManager = (roles: readonly string[]): boolean => roles.some((r) => (FLEET_ROLES as readonly string[]).includes(r))
