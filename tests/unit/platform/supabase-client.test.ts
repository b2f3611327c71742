import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dept, freshDb } from './helpers'

const USER = '0a000000-0000-4000-8000-000000000001'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
  localStorage.clear()
})

/** A fresh copy of the module (its client singleton reads the env on first use). */
async function load() {
  // Nothing listens on port 9: every request fails like a phone without signal.
  vi.stubEnv('VITE_SUPABASE_URL', 'http://127.0.0.1:9')
  vi.stubEnv('VITE_SUPABASE_ANON_KEY', 'anon-key')
  return import('@/platform/supabase')
}

describe('supabase client (no server reachable)', () => {
  it('creates one client lazily and reports Supabase mode', async () => {
    const sb = await load()
    expect(sb.isSupabaseMode()).toBe(true)
    const a = await sb.getSupabase()
    expect(await sb.getSupabase()).toBe(a)
  })

  it('signIn says network when the server cannot be reached', async () => {
    const sb = await load()
    expect(await sb.auth.signIn('a@b.c', 'secret')).toEqual({ error: 'network' })
  })

  it('knows the signed-in user from the stored session without the network', async () => {
    const sb = await load()
    expect(await sb.auth.currentUserId()).toBeNull()
    localStorage.setItem(
      sb.AUTH_STORAGE_KEY,
      JSON.stringify({ access_token: 'x', refresh_token: 'y', expires_at: 1, user: { id: USER } }),
    )
    expect(await sb.auth.currentUserId()).toBe(USER)
  })

  it('fetchMyRoles falls back to the device copy when the server cannot be reached', async () => {
    const sb = await load()
    const expiresAt = Math.floor(Date.now() / 1000) + 3600
    localStorage.setItem(
      sb.AUTH_STORAGE_KEY,
      JSON.stringify({ access_token: 'x', refresh_token: 'y', expires_at: expiresAt, expires_in: 3600, token_type: 'bearer', user: { id: USER } }),
    )
    const db = freshDb()
    try {
      await db.user_roles.bulkPut([
        { id: 'r1', user_id: USER, role: 'admin_head', site_id: null, updated_at: '', deleted_at: null },
        { id: 'r2', user_id: USER, role: 'driver', site_id: null, updated_at: '', deleted_at: '2025-01-01T00:00:00Z' },
        { id: 'r3', user_id: 'someone else', role: 'driver', site_id: null, updated_at: '', deleted_at: null },
      ])
      await db.departments.put(dept('d1'))
      const mine = await sb.fetchMyRoles(db, { timeoutMs: 4_000 })
      expect(mine).toMatchObject({ userId: USER, source: 'device', profile: null })
      expect(mine?.roles.map((r) => r.role)).toEqual(['admin_head'])
    } finally {
      db.close()
      await Dexie.delete(db.name)
    }
  })
})
