/** Who opens which rankings screen. Plain role codes (routes are in the first chunk); RLS decides what is seen. */
export const RANKING_READ_ROLES = ['admin_head', 'executive', 'inspector'] as const
/** Rules, the ledger and the templates are the (company-wide) admin head's: pass session.companyRoles. */
export const REWARD_EDIT_ROLES = ['admin_head'] as const
export const LEDGER_READ_ROLES = ['admin_head', 'executive'] as const
export const TEMPLATE_EDIT_ROLES = ['admin_head'] as const

const has = (allowed: readonly string[], roles: readonly string[]) => roles.some((r) => allowed.includes(r))
export const canReadRankings = (roles: readonly string[]): boolean => has(RANKING_READ_ROLES, roles)
export const canEditRewards = (roles: readonly string[]): boolean => has(REWARD_EDIT_ROLES, roles)
export const canReadLedger = (roles: readonly string[]): boolean => has(LEDGER_READ_ROLES, roles)
export const canEditTemplates = (roles: readonly string[]): boolean => has(TEMPLATE_EDIT_ROLES, roles)
