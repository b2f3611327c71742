import type { AdminFieldDb } from '../db/schema'
import { observe } from '../db/observe'
import { backoffDelay } from './backoff'
import { UNSETTLED } from './outbox'
import { AuthSyncError, SYNCED_TABLES, type SyncTransport } from './protocol'
import { createLeadership, type LeadershipOptions } from './leader'
import { announceToFollowers, markPush, sharedPart, type SharedState } from './followers'
import { CURSOR_KEY, pullAll } from './pull'
import { errorMessage, pushPending } from './push'
import { pruneSettled } from './prune'
import { createStateStore, initialState, type SyncState } from './state'

export interface SyncEngine {
  /** Listen for online/visibility, arm the timer, and drain now. */
  start(): void
  /** Remove every listener and timer (an in-flight drain still finishes). */
  stop(): void
  /** Push then pull now, ignoring backoff. Joins a drain already running. Never rejects. */
  syncNow(): Promise<void>
  /** Put a refused op back in the queue and sync. */
  retry(opId: string): Promise<void>
  /** Drop a refused op for good (the user's explicit choice). */
  discard(opId: string): Promise<void>
  getState(): SyncState
  subscribe(fn: (s: SyncState) => void): () => void
}

type TimerHandle = unknown

export interface SyncEngineOptions {
  db: AdminFieldDb
  transport: SyncTransport
  batchSize?: number
  pullPageSize?: number
  intervalMs?: number
  now?: () => number
  random?: () => number
  /** null = no window events (tests, workers). Default: the global window. */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null
  document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> | null
  /** Default: navigator.onLine (false means surely offline; true may still fail). */
  isOnline?: () => boolean
  /**
   * Supabase mode: the signed-in user. Ops another user made on this device stay pending
   * (never pushed under the wrong identity) until that user signs in again.
   */
  pushAs?: () => string | null
  /**
   * One engine per origin: the tab holding the Web Lock syncs, the others pass their sync
   * requests to it (platformLeadership() in the app). Default: no election, this engine syncs.
   */
  leadership?: LeadershipOptions
  setTimer?: (fn: () => void, ms: number) => TimerHandle
  clearTimer?: (handle: TimerHandle) => void
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { db, transport } = opts
  const batchSize = opts.batchSize ?? 50
  const pullPageSize = opts.pullPageSize ?? 2000
  const intervalMs = opts.intervalMs ?? 60_000
  const now = opts.now ?? (() => Date.now())
  const random = opts.random ?? Math.random
  const win = opts.window !== undefined ? opts.window : typeof window !== 'undefined' ? window : null
  const doc = opts.document !== undefined ? opts.document : typeof document !== 'undefined' ? document : null
  const isOnline =
    opts.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false)
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms))
  const clearTimer = opts.clearTimer ?? ((h: TimerHandle) => globalThis.clearTimeout(h as number))

  const store = createStateStore(initialState(isOnline()))
  const leadership = createLeadership<SharedState>(opts.leadership ?? { locks: null, channel: null })
  announceToFollowers(store, leadership)
  let running: Promise<void> | null = null
  let again = false
  let againForce = false
  let started = false
  let intervalTimer: TimerHandle | null = null
  let retryTimer: TimerHandle | null = null
  let unobserve: (() => void) | null = null
  let pullFailures = 0

  async function counts(): Promise<Pick<SyncState, 'pending' | 'attention' | 'counted'>> {
    const [pending, attention] = await Promise.all([
      db.outbox.where('status').equals('pending').count(),
      db.outbox.where('status').equals('refused').sortBy('seq'),
    ])
    return { pending, attention, counted: true }
  }

  async function refresh(): Promise<void> {
    store.set(await counts())
  }

  function scheduleRetry(at: number): void {
    if (retryTimer !== null) clearTimer(retryTimer)
    retryTimer = null
    if (!started) return
    retryTimer = setTimer(() => {
      retryTimer = null
      void drain(false)
    }, Math.max(0, at - now()))
  }

  function backoff(error: unknown, until: number): void {
    store.set({
      phase: isOnline() ? 'backoff' : 'offline',
      online: isOnline(),
      lastError: error === null ? store.get().lastError : errorMessage(error),
      nextRetryAt: until,
    })
    scheduleRetry(until)
  }

  async function drainOnce(force: boolean): Promise<void> {
    if (!isOnline()) {
      store.set({ phase: 'offline', online: false })
      return
    }
    store.set({ phase: 'pushing', online: true })
    const pushed = await pushPending({
      db,
      push: (ops) => {
        markPush(ops.map((o) => o.op_id))
        return transport.push(ops)
      },
      batchSize,
      now,
      random,
      force,
      ...(opts.pushAs ? { userId: opts.pushAs() } : {}),
    })
    await refresh()
    if (pushed.kind === 'auth') return void store.set({ phase: 'signed_out', lastError: pushed.error.message })
    if (pushed.kind === 'failed') return backoff(pushed.error, pushed.until)
    if (pushed.kind === 'waiting') return backoff(null, pushed.until)

    store.set({ phase: 'pulling' })
    try {
      await pullAll(db, (cursor, max) => transport.pull(cursor, max), pullPageSize, (p) => store.set({ pullProgress: p }))
      pullFailures = 0
    } catch (error) {
      store.set({ pullProgress: null })
      if (error instanceof AuthSyncError) return void store.set({ phase: 'signed_out', lastError: error.message })
      pullFailures += 1
      return backoff(error, now() + backoffDelay(pullFailures, random))
    }
    await pruneSettled(db, now())
    await refresh()
    store.set({
      phase: 'idle',
      pullProgress: null,
      lastSyncAt: new Date(now()).toISOString(),
      lastError: null,
      nextRetryAt: null,
    })
  }

  /** Single flight: a drain requested while one runs makes it run once more, and shares its promise. */
  function drain(force: boolean): Promise<void> {
    // A follower tab: the leader syncs the shared database and answers when it is done.
    if (!leadership.isLeader()) return leadership.ask(force)
    if (running) {
      again = true
      againForce ||= force
      return running
    }
    running = (async () => {
      let f = force
      do {
        again = false
        try {
          await drainOnce(f)
        } catch (error) {
          // Device storage failed (quota, closed db): report it, keep everything as it was.
          store.set({ phase: isOnline() ? 'backoff' : 'offline', lastError: errorMessage(error) })
        }
        f = againForce
        againForce = false
      } while (again)
    })().finally(() => {
      running = null
    })
    return running
  }

  function armInterval(): void {
    intervalTimer = setTimer(() => {
      armInterval()
      void drain(false)
    }, intervalMs)
  }

  const onOnline = () => {
    // A follower's phase is the leader's, which reports back after the drain asked for here.
    store.set({ online: true, ...(!leadership.isLeader() && store.get().phase === 'offline' ? { phase: 'idle' as const } : {}) })
    void drain(true)
  }
  const onOffline = () => store.set({ online: false, phase: 'offline' })
  const onVisibility = () => {
    if (doc?.visibilityState === 'visible') void drain(false)
  }

  async function findEntry(opId: string) {
    const entry = await db.outbox.where('op_id').equals(opId).first()
    if (!entry) throw new Error(`no outbox entry ${opId}`)
    if (entry.status !== 'refused') throw new Error(`op ${opId} is ${entry.status}, not refused`)
    return entry
  }

  return {
    start() {
      if (started) return
      started = true
      win?.addEventListener('online', onOnline)
      win?.addEventListener('offline', onOffline)
      doc?.addEventListener('visibilitychange', onVisibility)
      armInterval()
      // Keeps pending/attention live as the UI commits ops, and pushes new ops promptly.
      // Growth is judged against what this observer saw last, not the state a drain's own
      // count may already have raised; while a drain runs it then runs once more, so an op
      // committed during its pull does not wait for the interval.
      let seen = store.get().pending
      unobserve = observe(counts, (c) => {
        const grew = c.pending > seen
        seen = c.pending
        store.set(c)
        if (grew && started && ['idle', 'pushing', 'pulling'].includes(store.get().phase)) void drain(false)
      })
      leadership.start({
        // Leading now: what this tab asked the old leader for is its own drain's to do.
        onLead: () => void (started ? drain(false) : Promise.resolve()).then(() => leadership.settleAsks()),
        onAsk: async (force) => {
          if (started) await drain(force)
          leadership.announce(sharedPart(store.get()))
        },
        onState: (s) => store.set(isOnline() ? s : { ...s, phase: 'offline' }),
      })
      void drain(false)
    },

    stop() {
      if (!started) return
      started = false
      win?.removeEventListener('online', onOnline)
      win?.removeEventListener('offline', onOffline)
      doc?.removeEventListener('visibilitychange', onVisibility)
      if (intervalTimer !== null) clearTimer(intervalTimer)
      if (retryTimer !== null) clearTimer(retryTimer)
      intervalTimer = retryTimer = null
      unobserve?.()
      unobserve = null
      leadership.stop()
    },

    syncNow: () => drain(true),

    async retry(opId) {
      await findEntry(opId)
      await db.outbox.where('op_id').equals(opId).modify({
        status: 'pending',
        attempts: 0,
        next_attempt_at: 0,
        reason: null,
        detail: null,
        last_error: null,
        settled_at: null,
      })
      await refresh()
      await drain(true)
    },

    async discard(opId) {
      await db.transaction('rw', ['outbox', 'meta', ...SYNCED_TABLES], async () => {
        const entry = await findEntry(opId)
        await db.outbox.where('op_id').equals(opId).delete()
        if (!(SYNCED_TABLES as readonly string[]).includes(entry.entity_table)) return
        const others = await db.outbox
          .where('entity_id')
          .equals(entry.entity_id)
          .filter((e) => e.entity_table === entry.entity_table && UNSETTLED.includes(e.status))
          .count()
        if (others > 0) return
        // The device copy holds the refused change. Drop it and pull everything again: the
        // server's version (if any) comes back; a row that only ever existed locally stays gone.
        await db.table(entry.entity_table).delete(entry.entity_id)
        await db.meta.delete(CURSOR_KEY)
      })
      await refresh()
    },

    getState: () => store.get(),
    subscribe: (fn) => store.subscribe(fn),
  }
}
