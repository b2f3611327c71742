/** Session types shared by the session store and pages. */
import type { Role } from './roles'

export type AppMode = 'local' | 'supabase'

export interface UserProfile {
  id: string
  displayName: string
  phone: string | null
  siteId: string | null
  departmentId: string | null
}

export interface RoleGrant {
  role: Role
  /** null = every site. */
  siteId: string | null
}

export type SignInError = 'invalid_credentials' | 'network' | 'unknown'
