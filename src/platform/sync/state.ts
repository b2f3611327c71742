import type { OutboxEntry } from '../db/rows'
import type { PullProgress } from './pull'

export interface SyncState {
  phase: 'idle' | 'pushing' | 'pulling' | 'backoff' | 'offline' | 'signed_out'
  online: boolean
  /** Ops waiting to be pushed (status 'pending' only). */
  pending: number
  /** False until the engine has counted the outbox: until then `pending` and `attention` are not known. */
  counted: boolean
  lastSyncAt: string | null
  lastError: string | null
  /** Epoch ms of the next automatic try while in backoff. */
  nextRetryAt: number | null
  /** Ops the server refused, oldest first. They stay until the user retries or discards them. */
  attention: OutboxEntry[]
  /** While pulling: rows received so far (a new phone's first sync is shown as it goes); else null. */
  pullProgress: PullProgress | null
}

export function initialState(online: boolean): SyncState {
  return {
    phase: online ? 'idle' : 'offline',
    online,
    pending: 0,
    counted: false,
    lastSyncAt: null,
    lastError: null,
    nextRetryAt: null,
    attention: [],
    pullProgress: null,
  }
}

/** A tiny observable holder: notifies only when something actually changed. */
export function createStateStore(initial: SyncState) {
  let state = initial
  const listeners = new Set<(s: SyncState) => void>()

  function same(a: SyncState, b: SyncState): boolean {
    return (
      a.phase === b.phase &&
      a.online === b.online &&
      a.pending === b.pending &&
      a.counted === b.counted &&
      a.lastSyncAt === b.lastSyncAt &&
      a.lastError === b.lastError &&
      a.nextRetryAt === b.nextRetryAt &&
      a.pullProgress?.received === b.pullProgress?.received &&
      a.pullProgress?.table === b.pullProgress?.table &&
      a.pullProgress?.first === b.pullProgress?.first &&
      JSON.stringify(a.attention) === JSON.stringify(b.attention)
    )
  }

  return {
    get: (): SyncState => ({ ...state, attention: [...state.attention] }),
    set(patch: Partial<SyncState>): void {
      const next = { ...state, ...patch }
      if (same(state, next)) return
      state = next
      for (const fn of listeners) {
        try {
          fn({ ...state, attention: [...state.attention] })
        } catch (e) {
          console.error('sync state listener failed', e)
        }
      }
    },
    /** Calls `fn` now with the current state, then on every change. */
    subscribe(fn: (s: SyncState) => void): () => void {
      listeners.add(fn)
      fn({ ...state, attention: [...state.attention] })
      return () => listeners.delete(fn)
    },
  }
}
