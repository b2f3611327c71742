/** Who manages the dormitories (sees every bed, allocates, resolves): the dorm manager, the admin head, the executive. */
export const DORM_MANAGER_ROLES = ['dorm_manager', 'admin_head', 'executive'] as const

export function managesDorms(roles: readonly string[]): boolean {
  return DORM_MANAGER_ROLES.some((r) => roles.includes(r))
}
