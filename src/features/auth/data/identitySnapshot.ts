/**
 * The last-known identity (who, their profile and roles), kept in localStorage so the shell and
 * Home paint before IndexedDB opens. Only a hint for the first frames: the session store replaces
 * it with the device db's answer as soon as that arrives, and never decides access on it alone
 * for longer than that. Pure apart from localStorage.
 */
import { isRole } from '../domain/roles'
import type { AppMode, RoleGrant, UserProfile } from '../domain/session'

export interface IdentitySnapshot {
  userId: string
  profile: UserProfile | null
  grants: RoleGrant[]
}

const KEY = 'adminfield.identity'

/** A fresh local-mode device starts as the demo head of administration (the demo seed's first user). */
export const DEMO_DEFAULT_IDENTITY: IdentitySnapshot = {
  userId: '0a000000-0000-4000-8000-000000000001',
  profile: {
    id: '0a000000-0000-4000-8000-000000000001',
    displayName: '王晓燕',
    phone: '13800000001',
    siteId: '05000000-0000-4000-8000-000000000001',
    departmentId: '0d000000-0000-4000-8000-000000000001',
  },
  grants: [{ role: 'admin_head', siteId: null }],
}

function isSnapshot(value: unknown): value is IdentitySnapshot {
  if (!value || typeof value !== 'object') return false
  const v = value as Partial<IdentitySnapshot>
  return typeof v.userId === 'string' && Array.isArray(v.grants) && v.grants.every((g) => isRole(g?.role))
}

export function loadIdentitySnapshot(mode: AppMode): IdentitySnapshot | null {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(`${KEY}.${mode}`) ?? 'null')
    return isSnapshot(parsed) ? parsed : null
  } catch {
    return null // Blocked storage or a damaged value: start without a hint.
  }
}

/** null forgets it (signed out). */
export function saveIdentitySnapshot(mode: AppMode, snapshot: IdentitySnapshot | null): void {
  try {
    if (snapshot) globalThis.localStorage?.setItem(`${KEY}.${mode}`, JSON.stringify(snapshot))
    else globalThis.localStorage?.removeItem(`${KEY}.${mode}`)
  } catch {
    // Not fatal: the next start just waits for the device db.
  }
}
