/**
 * Role-based navigation: which bottom tabs a user sees and which routes they may open.
 * Pure: routes pass their `meta.roles`, the session passes the user's roles.
 */
import { ROLES, type Role } from './roles'
import type { RoleGrant } from './session'

export const TABS = ['home', 'scan', 'work', 'me'] as const
export type TabId = (typeof TABS)[number]

/** Roles that scan QR labels (seals, licences, equipment, vehicles, areas, rooms). */
const SCAN_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'employee')

export const TAB_ROLES: Record<TabId, readonly Role[] | 'all'> = {
  home: 'all',
  scan: SCAN_ROLES,
  work: 'all',
  me: 'all',
}

/** True when a route limited to `allowed` roles may be opened by someone holding `held`. */
export function canAccess(allowed: readonly Role[] | 'all' | undefined, held: readonly Role[]): boolean {
  if (allowed === undefined || allowed === 'all') return true
  return allowed.some((r) => held.includes(r))
}

/**
 * The roles held for every site (a grant with no site). Company-wide things (reward rules,
 * checklist templates, publishing the ledger, ranking and approval settings) belong to these:
 * a site-scoped admin head does not see them, as the server refuses them (issue 8, point 4).
 */
export function companyWideRoles(grants: readonly RoleGrant[]): Role[] {
  return [...new Set(grants.filter((g) => g.siteId === null).map((g) => g.role))]
}

/** The bottom tabs for a user, in display order. Home and Me are always there. */
export function tabsForRoles(held: readonly Role[]): TabId[] {
  return TABS.filter((tab) => canAccess(TAB_ROLES[tab], held))
}

/** Where the guard sends a user who may not open a route. */
export const FALLBACK_ROUTE = 'home'

export type AccessDecision = { allow: true } | { allow: false; redirect: string }

/** The navigation guard's rule, kept pure so it is unit-tested without a router. */
export function decideNavigation(input: {
  isPublic: boolean
  signedIn: boolean
  allowed: readonly Role[] | 'all' | undefined
  held: readonly Role[]
  targetName: string | undefined
}): AccessDecision {
  if (input.isPublic) {
    // A signed-in user has no business on the sign-in page.
    return input.signedIn && input.targetName === 'signIn' ? { allow: false, redirect: FALLBACK_ROUTE } : { allow: true }
  }
  if (!input.signedIn) return { allow: false, redirect: 'signIn' }
  if (!canAccess(input.allowed, input.held)) {
    return input.targetName === FALLBACK_ROUTE ? { allow: true } : { allow: false, redirect: FALLBACK_ROUTE }
  }
  return { allow: true }
}

/**
 * Where to go after sign-in: the in-app path the user was opening (a label link from the
 * phone's camera app, say), never another site — only a single leading slash is accepted.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null
  return value.startsWith('/sign-in') ? null : value
}

/** The role shown first (greeting, badge): the first held role in ROLES order. */
export function primaryRole(held: readonly Role[]): Role | null {
  return ROLES.find((r) => held.includes(r)) ?? null
}
