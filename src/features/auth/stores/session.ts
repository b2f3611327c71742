/**
 * Who is using the app: mode, current user, profile and roles.
 * Local mode: a demo user chosen with the role switcher (kept in meta).
 * Supabase mode: the Supabase Auth session (kept by supabase-js, so it opens offline);
 * profile and roles always come from the device copy pulled by sync.
 */
import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import type { AdminFieldDb } from '@/platform/db'
import { setOutboxActor } from '@/platform/sync/outbox'
// client.ts only: the Supabase index (auth, transport, schemas) loads lazily, in Supabase mode.
import { isSupabaseMode } from '@/platform/supabase/client'
import { nextTask } from '@/shared/lib/nextTask'
import { companyWideRoles, primaryRole, tabsForRoles } from '../domain/access'
import type { AppMode, RoleGrant, SignInError, UserProfile } from '../domain/session'
import { DEMO_DEFAULT_IDENTITY, loadIdentitySnapshot, saveIdentitySnapshot, type IdentitySnapshot } from '../data/identitySnapshot'

const supabasePlatform = () => import('@/platform/supabase')
// Dexie, the demo seed and the identity queries: not needed to paint the shell and Home's greeting.
const deviceData = () => import('../data/sessionDevice')
type DeviceData = Awaited<ReturnType<typeof deviceData>>

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
  /**
   * True once the device db is open and (local mode) the demo seed is in. Queries before it wait
   * (demoSeedGate.ts); a part that renders only from here on (Home's to-do, the bell) costs
   * nothing on the first screen.
   */
  const deviceReady = ref(false)

  const roles = computed(() => [...new Set(grants.value.map((g) => g.role))])
  /** Roles held for every site: company-wide actions need these (companyWideRoles). */
  const companyRoles = computed(() => companyWideRoles(grants.value))
  const role = computed(() => primaryRole(roles.value))
  const tabs = computed(() => tabsForRoles(roles.value))
  const signedIn = computed(() => userId.value !== null)

  let stopIdentity: (() => void) | null = null
  let ready: Promise<void> | null = null
  let device: DeviceData | null = null
  /** True while the identity shown is the last-known one, not yet the device db's answer. */
  let fromSnapshot = false
  /** The identity shown is the fresh device's demo default: the demo seed may not have landed yet. */
  let seedPending = false
  /** Resolves once the device db holds its queries until the demo seed is in (local mode). */
  let armed: Promise<void> | null = null
  let gateArmed: (() => void) | null = null
  /**
   * With a last-known identity on screen, the device code (Dexie, the seed gate, the identity
   * queries: the largest chunk of a first visit and its long tasks) loads once the first screen is
   * painted, not before it (issue 13), unless a page needs the device db to show at all.
   */
  let deviceMayLoad: Promise<unknown> = Promise.resolve()
  let deviceWanted: () => void = () => undefined

  /** Paint with the last-known identity while the device db opens (see identitySnapshot.ts). */
  function showSnapshot(snapshot: IdentitySnapshot): void {
    userId.value = snapshot.userId
    setOutboxActor(snapshot.userId)
    profile.value = snapshot.profile
    grants.value = snapshot.grants
    identityLoaded.value = true
    fromSnapshot = true
    status.value = 'ready'
  }

  function watchIdentity(id: string | null): void {
    stopIdentity?.()
    stopIdentity = null
    // The same user as the snapshot shown: keep it on screen until the db answers.
    const keep = fromSnapshot && id === userId.value
    fromSnapshot = false
    seedPending = false
    userId.value = id
    setOutboxActor(id)
    if (!keep) {
      profile.value = null
      grants.value = []
      identityLoaded.value = false
    }
    if (!id) saveIdentitySnapshot(mode.value, null)
    if (!id || !database.value || !device) return
    stopIdentity = device.observeIdentity(
      database.value,
      id,
      (identity) => {
        profile.value = identity.profile
        grants.value = identity.grants
        identityLoaded.value = true
        saveIdentitySnapshot(mode.value, { userId: id, ...identity })
      },
      (e) => {
        console.error('identity query failed', e)
        identityLoaded.value = true
      },
    )
  }

  async function start(db?: AdminFieldDb): Promise<void> {
    await deviceMayLoad
    device = await deviceData()
    // A fresh device (no last-known identity): the seed's worker starts now and creates the
    // database while the window builds its handle, which then only opens it (demoSeedGate.ts).
    const started = seedPending && mode.value === 'local' ? device.startSeed(device.APP_DB_NAME) : undefined
    // The device code's chunk was just evaluated: constructing the db (every schema version) in
    // the same task made one long task of both on a slow phone.
    if (!db) await nextTask()
    database.value = db ?? device.getDb()
    if (mode.value === 'local') {
      // Arming the gate lets the first page resolve (its chunk): not in the construction's task.
      if (started) await nextTask()
      // From here every query of the device db waits for the demo seed (in a worker): pages may open.
      const seeded = device.seedBeforeReads(database.value, undefined, { started })
      gateArmed?.()
      await seeded
      const saved = await device.getLocalUserId(database.value)
      const id = saved ?? DEMO_DEFAULT_IDENTITY.userId
      if (!saved) await device.setLocalUserId(database.value, id)
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
    deviceReady.value = true
  }

  /**
   * Starts once (device db, demo seed or Supabase session); later calls get the same promise.
   * `firstScreenShown`: resolves once the first page is painted (main.ts); with a last-known
   * identity to show, the device code waits for it (or for a page that needs the db, `usable`).
   */
  function init(db?: AdminFieldDb, firstScreenShown?: Promise<unknown>): Promise<void> {
    if (!ready) {
      armed = new Promise<void>((resolve) => (gateArmed = resolve))
      mode.value = isSupabaseMode() ? 'supabase' : 'local'
      // Tests hand in their own db: they start from it, not from a hint.
      const saved = db ? null : loadIdentitySnapshot(mode.value)
      seedPending = !db && !saved && mode.value === 'local'
      const snapshot = saved ?? (seedPending ? DEMO_DEFAULT_IDENTITY : null)
      if (snapshot) showSnapshot(snapshot)
      if (snapshot && firstScreenShown) {
        deviceMayLoad = new Promise<void>((resolve) => {
          deviceWanted = () => resolve()
          firstScreenShown.then(deviceWanted, deviceWanted)
        })
      }
    }
    ready ??= start(db).catch((e: unknown) => {
      status.value = 'error'
      startError.value = e instanceof Error ? e.message : String(e)
      ready = null
      throw e
    })
    return ready
  }

  /**
   * Resolves as soon as there is an identity to show: at once from the last-known one, otherwise
   * when init() has finished. On a fresh device (the demo default shown) a page that reads the
   * device db waits only until its queries are held for the demo seed (the db chunk is in), not
   * for the seed itself; a page that reads only once `deviceReady` (`beforeSeed`) opens at once.
   * The router guard waits for this, not for init().
   */
  function usable(beforeSeed = false): Promise<void> {
    const started = init()
    if (!fromSnapshot) return started
    if (!seedPending || beforeSeed || !armed) return Promise.resolve()
    deviceWanted() // This page shows only once the device db holds its queries: load it now.
    return Promise.race([armed, started])
  }

  /**
   * For a page that opened before the device db (`beforeSeed`) and now has to query it (a scan's
   * lookup): resolves once its queries wait for the demo seed instead of seeing an empty db, and
   * loads the device code if it has not yet. At once when no start is under way (component tests).
   */
  function dbReadable(): Promise<void> {
    return ready ? usable(false) : Promise.resolve()
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
    if (mode.value !== 'local' || !database.value || !device) return
    await device.setLocalUserId(database.value, id)
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
    deviceReady,
    roles,
    companyRoles,
    role,
    tabs,
    signedIn,
    init,
    usable,
    dbReadable,
    identityReady,
    switchLocalUser,
    signIn,
    signOut,
  }
})
