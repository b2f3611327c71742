/** Who uses the seal screens. Plain role codes (routes are in the first chunk). The server's RLS is the real gate. */

/** Record a use (用印登记) and run the periodic check: the seal keeper and the head of administration. */
export const SEAL_KEEPER_ROLES = ['seal_keeper', 'admin_head'] as const

/** Read the register: also the executive (issue 3, RLS: seal records visible to keepers, head, executive). */
export const SEAL_REGISTER_ROLES = ['seal_keeper', 'admin_head', 'executive'] as const
