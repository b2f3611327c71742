import { z } from 'zod'
import { getDb } from '../db'
import type { AdminFieldDb } from '../db/schema'
import type { ProfileRow, UserRoleRow } from '../db/rows'
import { applyPage } from '../sync/pull'
import { auth } from './auth'
import { getSupabase } from './client'

export interface MyRoles {
  userId: string
  profile: ProfileRow | null
  /** Live (not deleted) role rows. */
  roles: UserRoleRow[]
  /** 'device' when the server could not be reached and the device copy answered. */
  source: 'server' | 'device'
}

const roleRow = z.looseObject({
  id: z.string(),
  user_id: z.string(),
  role: z.string(),
  site_id: z.string().nullable(),
  updated_at: z.string(),
  deleted_at: z.string().nullable(),
})
/** Profile columns a client may read directly; the phone comes with the pull (authz.profile_phone). */
const PROFILE_COLUMNS = 'id,display_name,site_id,department_id,updated_at,deleted_at'
const profileRow = z.looseObject({
  id: z.string(),
  display_name: z.string(),
  site_id: z.string().nullable(),
  department_id: z.string().nullable(),
  updated_at: z.string(),
  deleted_at: z.string().nullable(),
})

/**
 * The signed-in user's profile and roles, fresh from the server (RLS lets a user read their
 * own rows) and stored on the device; offline, the device copy. null when signed out.
 */
export async function fetchMyRoles(
  database: AdminFieldDb = getDb(),
  opts: { timeoutMs?: number } = {},
): Promise<MyRoles | null> {
  const userId = await auth.currentUserId()
  if (!userId) return null
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return readDeviceRoles(database, userId)
  try {
    const supabase = await getSupabase()
    // A flaky network must not hold the app's start: past the timeout the device copy answers.
    const [r, p] = await withTimeout(
      Promise.all([
        // No built-in GET retries (1+2+4 s): offline we want the device copy now.
        supabase.from('user_roles').select('*').eq('user_id', userId).retry(false),
        supabase.from('profiles').select(PROFILE_COLUMNS).eq('id', userId).maybeSingle().retry(false),
      ]),
      opts.timeoutMs ?? 8_000,
    )
    if (r.error || p.error) throw new Error((r.error ?? p.error)?.message)
    const roles = z.array(roleRow).parse(r.data) as UserRoleRow[]
    // Keep the phone the device has (its own, from the pull): the table does not give it.
    const phone = (await database.profiles.get(userId))?.phone ?? null
    const profile = p.data === null ? null : ({ ...profileRow.parse(p.data), phone } as ProfileRow)
    // Same path as a pull: rows with unsynced local changes are left alone.
    await applyPage(
      database,
      [
        ...roles.map((row) => ({ table: 'user_roles' as const, id: row.id, row: { ...row }, deleted: false })),
        ...(profile ? [{ table: 'profiles' as const, id: profile.id, row: { ...profile }, deleted: false }] : []),
      ],
      null,
    )
    return { userId, profile, roles: roles.filter((x) => x.deleted_at === null), source: 'server' }
  } catch {
    return readDeviceRoles(database, userId)
  }
}

export async function readDeviceRoles(database: AdminFieldDb, userId: string): Promise<MyRoles> {
  const [roles, profile] = await Promise.all([
    database.user_roles.where('user_id').equals(userId).toArray(),
    database.profiles.get(userId),
  ])
  return { userId, profile: profile ?? null, roles: roles.filter((x) => x.deleted_at === null), source: 'device' }
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
    Promise.resolve(promise).then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}
