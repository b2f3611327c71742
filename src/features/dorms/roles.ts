/** Who manages the dormitories (sees every bed, allocates, resolves): the dorm manager, the admin head, the executive. */
export const DORM_MANAGER_ROLES = ['dorm_manager', 'admin_head', 'executive'] as const

export function managesDorms(roles: readonly string[]): boolean {
  return DORM_MANAGER_ROLES.some((r) => roles.includes(r))
}

/** Who edits buildings and rooms (the server's dorm_building / dorm_room ops): the dorm manager and the admin head. */
export const DORM_EDITOR_ROLES = ['dorm_manager', 'admin_head'] as const

export function editsDorms(roles: readonly string[]): boolean {
  return DORM_EDITOR_ROLES.some((r) => roles.includes(r))
}
