/** Public API of the auth feature: roles, access rules, the session store and routes. */
import './routeMeta'

export { ROLES, isRole, type Role } from './domain/roles'
export {
  TABS,
  TAB_ROLES,
  canAccess,
  companyWideRoles,
  decideNavigation,
  primaryRole,
  tabsForRoles,
  type AccessDecision,
  type TabId,
} from './domain/access'
export type { AppMode, RoleGrant, SignInError, UserProfile } from './domain/session'
export { useSessionStore, type SessionStatus } from './stores/session'
export { authRoutes } from './routes'
export { withDeviceCode } from './withDeviceCode'
