/**
 * Who is using the app: mode, current user, profile and roles.
 * Local mode: a demo user chosen with the role switcher (kept in meta).
 * Supabase mode: the Supabase Auth session (kept by supabase-js, so it opens offline);
 * profile and roles always come from the device copy pulled by sync.
 */
import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import { getDb, type AdminFieldDb } from '@/platform/db'
import { setOutboxActor } from '@/platform/sync/outbox'
// client.ts only: the Supabase index (auth, transport, schemas) loads lazily, in Supabase mode.
import { isSupabaseMode } from '@/platform/supabase/client'
import { primaryRole, tabsForRoles } from '../domain/access'
import type { AppMode, RoleGrant, SignInError, UserProfile } from '../domain/session'
import { DEFAULT_DEMO_USER_ID, seedDemoCompany } from '../data/demoSeed'
import { getLocalUserId, observeIdentity, setLocalUserId } from '../data/identityRepository'

const supabasePlatform = () => import('@/platform/supabase')

export type SessionStatus = 'starting' | 'ready' | 'error'

export const useSessionStore = defineStore('session', () => {
  const mode = ref<AppMode>('local')
  const status = ref<SessionStatus>('starting')
  const startError = ref<string | null>(null)
  const userId = ref<string | null>(null)
  const profile = ref<UserProfile | null>(null)
  const grants = ref<RoleGrant[]>([])
  /** False until the identity query answered once for the current user (loading state). */
  const identityLoaded = ref(false)
  const database = shallowRef<AdminFieldDb | null>(null)

  const roles = computed(() => [...new Set(grants.value.map((g) => g.role))])
  const role = computed(() => primaryRole(roles.value))
  const tabs = computed(() => tabsForRoles(roles.value))
  const signedIn = computed(() => userId.value !== null)

  let stopIdentity: (() => void) | null = null
  let ready: Promise<void> | null = null

  function watchIdentity(id: string | null): void {
    stopIdentity?.()
    stopIdentity = null
    userId.value = id
    setOutboxActor(id)
    profile.value = null
    grants.value = []
    identityLoaded.value = false
    if (!id || !database.value) return
    stopIdentity = observeIdentity(
      database.value,
      id,
      (identity) => {
        profile.value = identity.profile
        grants.value = identity.grants
        identityLoaded.value = true
      },
      (e) => {
        console.error('identity query failed', e)
        identityLoaded.value = true
      },
    )
  }

  async function start(db: AdminFieldDb = getDb()): Promise<void> {
    database.value = db
    mode.value = isSupabaseMode() ? 'supabase' : 'local'
    if (mode.value === 'local') {
      await seedDemoCompany(db)
      const saved = await getLocalUserId(db)
      const id = saved ?? DEFAULT_DEMO_USER_ID
      if (!saved) await setLocalUserId(db, id)
      watchIdentity(id)
    } else {
      const { auth } = await supabasePlatform()
      // Reads the stored session: works offline once signed in.
      watchIdentity(await auth.currentUserId())
      await auth.onChange((id: string | null) => {
        if (id !== userId.value) watchIdentity(id)
      })
    }
    status.value = 'ready'
  }

  /** Starts once; the router guard and App await the same promise. */
  function init(db?: AdminFieldDb): Promise<void> {
    ready ??= start(db).catch((e: unknown) => {
      status.value = 'error'
      startError.value = e instanceof Error ? e.message : String(e)
      ready = null
      throw e
    })
    return ready
  }

  /** Resolves once the current user's profile and roles were read (so guards see real roles). */
  function identityReady(): Promise<void> {
    if (identityLoaded.value || userId.value === null) return Promise.resolve()
    return new Promise((resolve) => {
      const stop = watch([identityLoaded, userId], ([loaded, id]) => {
        if (loaded || id === null) {
          stop()
          resolve()
        }
      })
    })
  }

  async function switchLocalUser(id: string): Promise<void> {
    if (mode.value !== 'local' || !database.value) return
    await setLocalUserId(database.value, id)
    watchIdentity(id)
  }

  async function signIn(email: string, password: string): Promise<SignInError | null> {
    const { auth } = await supabasePlatform()
    const result = await auth.signIn(email, password)
    if ('error' in result) return result.error
    watchIdentity(result.userId)
    return null
  }

  /** Ends the session only; the device's data and outbox stay (they sync after the next sign-in). */
  async function signOut(): Promise<void> {
    const { auth } = await supabasePlatform()
    await auth.signOut()
    watchIdentity(null)
  }

  return {
    mode,
    status,
    startError,
    userId,
    profile,
    grants,
    identityLoaded,
    roles,
    role,
    tabs,
    signedIn,
    init,
    identityReady,
    switchLocalUser,
    signIn,
    signOut,
  }
})
