import type { SupabaseClient } from '@supabase/supabase-js'
import type { Database } from './database.types'

export type AdminFieldSupabase = SupabaseClient<Database>

/** Where supabase-js keeps the session; fixed so we can still read the user id offline. */
export const AUTH_STORAGE_KEY = 'adminfield.auth'

export function isSupabaseMode(): boolean {
  return Boolean(import.meta.env.VITE_SUPABASE_URL && import.meta.env.VITE_SUPABASE_ANON_KEY)
}

let clientPromise: Promise<AdminFieldSupabase> | null = null

/**
 * The one client. supabase-js (~56 kB gzip) is imported here dynamically so it never lands
 * in the first screen's chunk, and local mode never loads it at all.
 */
export function getSupabase(): Promise<AdminFieldSupabase> {
  clientPromise ??= (async () => {
    const url = import.meta.env.VITE_SUPABASE_URL
    const key = import.meta.env.VITE_SUPABASE_ANON_KEY
    if (!url || !key) throw new Error('Supabase mode needs VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY')
    const { createClient } = await import('@supabase/supabase-js')
    return createClient<Database>(url, key, {
      auth: {
        // The session must survive reloads and days offline: ops queue under it.
        persistSession: true,
        autoRefreshToken: true,
        storage: globalThis.localStorage,
        storageKey: AUTH_STORAGE_KEY,
        detectSessionInUrl: false,
      },
    })
  })().catch((error: unknown) => {
    clientPromise = null // let a later call try again (e.g. the chunk failed to load)
    throw error
  })
  return clientPromise
}
