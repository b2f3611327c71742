/** Reads who the user is from the device copy of profiles and user_roles (pulled by sync). */
import { getMeta, observe, setMeta, type AdminFieldDb } from '@/platform/db'
import type { ProfileRow, UserRoleRow } from '@/platform/db/rows'
import { isRole } from '../domain/roles'
import type { RoleGrant, UserProfile } from '../domain/session'

const LOCAL_USER_KEY = 'local_user_id'

export interface Identity {
  profile: UserProfile | null
  grants: RoleGrant[]
}

export function toProfile(row: ProfileRow): UserProfile {
  return {
    id: row.id,
    displayName: row.display_name,
    phone: row.phone,
    siteId: row.site_id,
    departmentId: row.department_id,
  }
}

export function toGrants(rows: UserRoleRow[]): RoleGrant[] {
  return rows.flatMap((r) => (r.deleted_at === null && isRole(r.role) ? [{ role: r.role, siteId: r.site_id }] : []))
}

export async function loadIdentity(database: AdminFieldDb, userId: string): Promise<Identity> {
  const [profile, roles] = await Promise.all([
    database.profiles.get(userId),
    database.user_roles.where('user_id').equals(userId).toArray(),
  ])
  return { profile: profile && profile.deleted_at === null ? toProfile(profile) : null, grants: toGrants(roles) }
}

/** Live identity: re-emits when sync pulls a new profile or role, or the user edits their profile. */
export function observeIdentity(
  database: AdminFieldDb,
  userId: string,
  onValue: (identity: Identity) => void,
  onError: (e: unknown) => void,
): () => void {
  return observe(() => loadIdentity(database, userId), onValue, onError)
}

export function getLocalUserId(database: AdminFieldDb): Promise<string | undefined> {
  return getMeta<string>(database, LOCAL_USER_KEY)
}

export function setLocalUserId(database: AdminFieldDb, userId: string): Promise<void> {
  return setMeta(database, LOCAL_USER_KEY, userId)
}

export interface DirectoryEntry {
  userId: string
  displayName: string
  roles: RoleGrant['role'][]
}

/** Everyone on the device with their roles: the local-mode role switcher's options. */
export async function loadDirectory(database: AdminFieldDb): Promise<DirectoryEntry[]> {
  const [profiles, roles] = await Promise.all([database.profiles.toArray(), database.user_roles.toArray()])
  return profiles
    .filter((p) => p.deleted_at === null)
    .map((p) => ({
      userId: p.id,
      displayName: p.display_name,
      roles: toGrants(roles.filter((r) => r.user_id === p.id)).map((g) => g.role),
    }))
}
