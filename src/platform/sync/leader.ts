/**
 * One sync engine per origin (issue 8, point 10). Every tab of the app shares one IndexedDB,
 * so two engines would push the same outbox twice (harmless but wasteful: 'duplicate') and race
 * each other's cursors. The tab holding the Web Lock is the leader and syncs; the others follow:
 * their UI reads the shared database, and a sync they are asked for (the button, online, a new
 * op) is passed to the leader over a BroadcastChannel. When the leader's tab closes, its lock is
 * released and a follower takes over. Without the Web Locks API every engine leads, as before.
 */

/** The part of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<unknown>
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void
  addEventListener(type: 'message', fn: (e: { data: unknown }) => void): void
  removeEventListener(type: 'message', fn: (e: { data: unknown }) => void): void
  close(): void
}

export interface Leadership {
  isLeader(): boolean
  /** Competes for the lock; `onLead` runs when this engine becomes the leader, `onAsk` when a follower asks for a sync. */
  start(onLead: () => void, onAsk: (force: boolean) => void): void
  /** Releases the lock (or stops waiting for it). */
  stop(): void
  /** A follower's sync request, for the leader. */
  ask(force: boolean): void
}

export interface LeadershipOptions {
  locks: LockManagerLike | null
  channel: ChannelLike | null
  name?: string
}

interface AskMessage {
  type: 'adminfield.sync.ask'
  force: boolean
}

const isAsk = (m: unknown): m is AskMessage =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'adminfield.sync.ask'

export function createLeadership({ locks, channel, name = 'adminfield-sync' }: LeadershipOptions): Leadership {
  let leader = locks === null
  let release: (() => void) | null = null
  let abort: AbortController | null = null
  let listener: ((e: { data: unknown }) => void) | null = null

  return {
    isLeader: () => leader,

    start(onLead, onAsk) {
      listener = (e) => {
        if (leader && isAsk(e.data)) onAsk(e.data.force)
      }
      channel?.addEventListener('message', listener)
      if (!locks) return
      abort = new AbortController()
      locks
        .request(name, { signal: abort.signal }, () => {
          leader = true
          onLead()
          // Held until stop() (or the tab closes).
          return new Promise<void>((resolve) => {
            release = resolve
          })
        })
        .catch(() => {
          // Aborted by stop() while waiting: nothing to release.
        })
    },

    stop() {
      if (listener) channel?.removeEventListener('message', listener)
      listener = null
      if (!locks) return
      abort?.abort()
      abort = null
      release?.()
      release = null
      leader = false
    },

    ask(force) {
      channel?.postMessage({ type: 'adminfield.sync.ask', force } satisfies AskMessage)
    },
  }
}

/** navigator.locks and a BroadcastChannel where the platform has them. */
export function platformLeadership(): LeadershipOptions {
  const locks = typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks as unknown as LockManagerLike) : null
  if (!locks) return { locks: null, channel: null }
  const channel = typeof BroadcastChannel !== 'undefined' ? (new BroadcastChannel('adminfield-sync') as unknown as ChannelLike) : null
  return { locks, channel }
}
