import { AUTH_STORAGE_KEY, getSupabase } from './client'

export type SignInResult = { userId: string } | { error: 'invalid_credentials' | 'network' | 'unknown' }

interface AuthErrorLike {
  name?: string
  code?: string
  status?: number
  message?: string
}

export function classifySignInError(error: AuthErrorLike): 'invalid_credentials' | 'network' | 'unknown' {
  if (error.code === 'invalid_credentials' || /invalid login credentials/i.test(error.message ?? '')) {
    return 'invalid_credentials'
  }
  if (error.name === 'AuthRetryableFetchError' || error.status === 0 || (error.status ?? 0) >= 500) return 'network'
  return 'unknown'
}

/** The user id in the stored session, readable offline even when the access token has expired. */
function storedUserId(): string | null {
  try {
    const raw = globalThis.localStorage?.getItem(AUTH_STORAGE_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as { user?: { id?: unknown } }
    return typeof parsed.user?.id === 'string' ? parsed.user.id : null
  } catch {
    return null
  }
}

export const auth = {
  async signIn(email: string, password: string): Promise<SignInResult> {
    try {
      const supabase = await getSupabase()
      const { data, error } = await supabase.auth.signInWithPassword({ email, password })
      if (error) return { error: classifySignInError(error) }
      return data.user ? { userId: data.user.id } : { error: 'unknown' }
    } catch (error) {
      return { error: classifySignInError(error as AuthErrorLike) === 'invalid_credentials' ? 'invalid_credentials' : 'network' }
    }
  },

  /** Signs out on this device even offline. Queued ops are kept (they belong to the device). */
  async signOut(): Promise<void> {
    const supabase = await getSupabase()
    const { error } = await supabase.auth.signOut()
    // A global sign-out needs the server; offline, at least forget the session here.
    if (error) await supabase.auth.signOut({ scope: 'local' })
  },

  /**
   * Read from the stored session, without the network: offline with an expired access token,
   * getSession() would retry the refresh for up to ~30 s. supabase-js removes the stored
   * session when a refresh is definitively refused, so "stored" means "signed in on this device".
   */
  async currentUserId(): Promise<string | null> {
    if (globalThis.localStorage) return storedUserId()
    const { data } = await (await getSupabase()).auth.getSession()
    return data.session?.user.id ?? null
  },

  /** Calls `fn` on sign-in, sign-out and user change. Do not call supabase auth inside `fn` synchronously. */
  async onChange(fn: (userId: string | null) => void): Promise<() => void> {
    const supabase = await getSupabase()
    const { data } = supabase.auth.onAuthStateChange((_event, session) => {
      fn(session?.user.id ?? null)
    })
    return () => data.subscription.unsubscribe()
  },
}
