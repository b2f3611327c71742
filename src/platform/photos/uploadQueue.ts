/**
 * Resumable photo upload: drains photo_blobs not yet uploaded, oldest photo first, a couple
 * at a time, with backoff per photo. Runs on start, `online`, `visibilitychange`, a timer and
 * when new photos are saved (like the sync engine). It only ever sets uploaded_at: it never
 * deletes a blob, and a photo is marked uploaded only after Storage said uploaded/exists.
 */
import type { AdminFieldDb } from '../db/schema'
import type { PhotoBlobRow, PhotoRow } from '../db/rows'
import { observe } from '../db/observe'
import { backoffDelay } from '../sync/backoff'
import { PhotoUploadError, type PhotoTransport } from './transport'

export interface UploadQueueState {
  /** Photos on this device not yet in Storage. */
  pending: number
  /** False until the queue has counted them: until then `pending` is not known. */
  counted: boolean
  /** Uploads in flight now. */
  uploading: number
  online: boolean
  lastError: string | null
  /** Epoch ms of the next automatic try, while some photo waits for its backoff. */
  nextRetryAt: number | null
}

export interface PhotoUploadQueue {
  start(): void
  stop(): void
  /** Upload now, ignoring backoff. Joins a drain already running. Never rejects. */
  uploadNow(): Promise<void>
  getState(): UploadQueueState
  subscribe(fn: (s: UploadQueueState) => void): () => void
}

type TimerHandle = unknown

export interface UploadQueueOptions {
  db: AdminFieldDb
  transport: PhotoTransport
  /** Uploads in parallel (phones on 4G: 2 is plenty). */
  concurrency?: number
  intervalMs?: number
  now?: () => number
  random?: () => number
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null
  document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> | null
  isOnline?: () => boolean
  setTimer?: (fn: () => void, ms: number) => TimerHandle
  clearTimer?: (handle: TimerHandle) => void
  /** Re-count and upload when photos are saved (Dexie liveQuery). Default true. */
  watch?: boolean
}

interface Queued {
  row: PhotoBlobRow
  meta: PhotoRow
}

/** Ids of photos whose bytes are here and not yet uploaded (null is not indexed: total minus uploaded). */
async function waitingIds(db: AdminFieldDb): Promise<string[]> {
  const [all, done] = await Promise.all([
    db.photo_blobs.toCollection().primaryKeys(),
    db.photo_blobs.where('uploaded_at').above('').primaryKeys(),
  ])
  const uploaded = new Set(done)
  return all.filter((id) => !uploaded.has(id))
}

/** Waiting photos in taken_at order. One without metadata (not ours to place) waits, untouched. */
async function queued(db: AdminFieldDb): Promise<Queued[]> {
  const ids = await waitingIds(db)
  const [rows, metas] = await Promise.all([db.photo_blobs.bulkGet(ids), db.photos.bulkGet(ids)])
  const out: Queued[] = []
  ids.forEach((_, i) => {
    const row = rows[i]
    const meta = metas[i]
    if (row && meta && row.uploaded_at === null) out.push({ row, meta })
  })
  return out.sort((a, b) => a.meta.taken_at.localeCompare(b.meta.taken_at) || a.row.id.localeCompare(b.row.id))
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function createPhotoUploadQueue(opts: UploadQueueOptions): PhotoUploadQueue {
  const { db, transport } = opts
  const concurrency = Math.max(1, opts.concurrency ?? 2)
  const intervalMs = opts.intervalMs ?? 60_000
  const now = opts.now ?? (() => Date.now())
  const random = opts.random ?? Math.random
  const win = opts.window !== undefined ? opts.window : typeof window !== 'undefined' ? window : null
  const doc = opts.document !== undefined ? opts.document : typeof document !== 'undefined' ? document : null
  const isOnline = opts.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false)
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms))
  const clearTimer = opts.clearTimer ?? ((h: TimerHandle) => globalThis.clearTimeout(h as number))

  let state: UploadQueueState = { pending: 0, counted: false, uploading: 0, online: isOnline(), lastError: null, nextRetryAt: null }
  const listeners = new Set<(s: UploadQueueState) => void>()
  function set(patch: Partial<UploadQueueState>): void {
    const next = { ...state, ...patch }
    if ((Object.keys(next) as (keyof UploadQueueState)[]).every((k) => next[k] === state[k])) return
    state = next
    for (const fn of listeners) fn({ ...state })
  }

  let running: Promise<void> | null = null
  let again = false
  let againForce = false
  let started = false
  let intervalTimer: TimerHandle | null = null
  let retryTimer: TimerHandle | null = null
  let unobserve: (() => void) | null = null
  /** After a network failure the whole queue waits (the next photo would fail the same way). */
  let pausedUntil = 0

  /** 'skip': this photo was refused, go on with others; 'stop': no answer, end the round. */
  async function uploadOne({ row, meta }: Queued): Promise<'done' | 'skip' | 'stop'> {
    set({ uploading: state.uploading + 1 })
    try {
      await transport.upload(meta.storage_path, row.blob, meta.mime || row.blob.type || 'image/jpeg')
      await db.photo_blobs.update(row.id, { uploaded_at: new Date(now()).toISOString(), last_error: null, next_attempt_at: 0 })
      pausedUntil = 0
      return 'done'
    } catch (error) {
      const attempts = row.attempts + 1
      const next = now() + backoffDelay(attempts, random)
      await db.photo_blobs.update(row.id, { attempts, next_attempt_at: next, last_error: message(error) })
      set({ lastError: message(error) })
      // A refusal concerns this photo only. No answer / 5xx: the network is the problem, pause the queue.
      if (error instanceof PhotoUploadError && !error.transient) return 'skip'
      pausedUntil = Math.max(pausedUntil, next)
      return 'stop'
    } finally {
      set({ uploading: state.uploading - 1 })
    }
  }

  async function drainOnce(force: boolean): Promise<void> {
    const tried = new Set<string>()
    let failed = false
    let goOn = true
    while (goOn) {
      set({ online: isOnline() })
      if (!isOnline()) break
      const t = now()
      if (!force && t < pausedUntil) break
      const ready = (await queued(db)).filter((q) => !tried.has(q.row.id) && (force || q.row.next_attempt_at <= t))
      if (ready.length === 0) break
      const batch = ready.slice(0, concurrency)
      batch.forEach((q) => tried.add(q.row.id))
      const results = await Promise.all(batch.map(uploadOne))
      failed ||= results.some((r) => r !== 'done')
      goOn = !results.includes('stop')
    }
    const rest = await queued(db)
    const soonest = rest.length ? Math.max(pausedUntil, Math.min(...rest.map((q) => q.row.next_attempt_at))) : null
    set({
      pending: (await waitingIds(db)).length,
      counted: true,
      nextRetryAt: soonest !== null && soonest > now() ? soonest : null,
      ...(failed ? {} : { lastError: null }),
    })
    scheduleRetry(soonest)
  }

  function scheduleRetry(at: number | null): void {
    if (retryTimer !== null) clearTimer(retryTimer)
    retryTimer = null
    if (!started || at === null || !isOnline()) return
    retryTimer = setTimer(() => {
      retryTimer = null
      void drain(false)
    }, Math.max(0, at - now()))
  }

  /** Single flight: a request during a drain makes it run once more and shares its promise. */
  function drain(force: boolean): Promise<void> {
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
          // Device storage failed: report it; nothing was changed.
          set({ lastError: message(error) })
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
    set({ online: true })
    void drain(true)
  }
  const onOffline = () => set({ online: false })
  const onVisibility = () => {
    if (doc?.visibilityState === 'visible') void drain(false)
  }

  return {
    start() {
      if (started) return
      started = true
      win?.addEventListener('online', onOnline)
      win?.addEventListener('offline', onOffline)
      doc?.addEventListener('visibilitychange', onVisibility)
      armInterval()
      if (opts.watch ?? true) {
        unobserve = observe(
          async () => (await waitingIds(db)).length,
          (pending) => {
            const grew = pending > state.pending
            set({ pending, counted: true })
            if (grew && started) void drain(false)
          },
        )
      }
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
    },
    uploadNow: () => drain(true),
    getState: () => ({ ...state }),
    subscribe(fn) {
      listeners.add(fn)
      fn({ ...state })
      return () => listeners.delete(fn)
    },
  }
}
