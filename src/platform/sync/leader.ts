/**
 * One sync engine per origin (issue 8, point 10). Every tab of the app shares one IndexedDB,
 * so two engines would push the same outbox twice (harmless but wasteful: 'duplicate') and race
 * each other's cursors. The tab holding the Web Lock is the leader and syncs; the others follow:
 * their UI reads the shared database, a sync they are asked for (the button, online, a new op)
 * is passed to the leader over a BroadcastChannel and answered when the leader's drain is done,
 * and the leader's sync state (phase, last sync, error) is mirrored so every tab shows the same.
 * When the leader's tab closes, its lock is released and a follower takes over. Without the Web
 * Locks API every engine leads, as before.
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

/** What a follower asks the leader to do, and how long it waits for the answer at most. */
export const ASK_TIMEOUT_MS = 30_000

export interface LeaderHandlers<S> {
  /** This engine has just become the leader. */
  onLead: () => void
  /** A follower asks for a sync; the answer is sent when the returned promise settles. */
  onAsk: (force: boolean) => Promise<void>
  /** A follower receives the leader's state. */
  onState: (state: S) => void
}

export interface Leadership<S = unknown> {
  isLeader(): boolean
  /** Competes for the lock and listens on the channel. */
  start(handlers: LeaderHandlers<S>): void
  /** Releases the lock (or stops waiting for it); pending asks resolve. */
  stop(): void
  /** A follower's sync request: resolves when the leader answers, this tab leads, stop(), or after ASK_TIMEOUT_MS. Never rejects. */
  ask(force: boolean): Promise<void>
  /** The leader tells the followers its state. */
  announce(state: S): void
  /** This tab became the leader: what it was waiting for is now its own to do. */
  settleAsks(): void
}

export interface LeadershipOptions {
  locks: LockManagerLike | null
  channel: ChannelLike | null
  name?: string
  /** Default ASK_TIMEOUT_MS. */
  askTimeoutMs?: number
}

type Message =
  | { type: 'adminfield.sync.ask'; id: string; force: boolean }
  | { type: 'adminfield.sync.done'; id: string }
  | { type: 'adminfield.sync.state'; state: unknown }

function isMessage(m: unknown): m is Message {
  const type = typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : null
  return type === 'adminfield.sync.ask' || type === 'adminfield.sync.done' || type === 'adminfield.sync.state'
}

let askCounter = 0
const newAskId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++askCounter}`

export function createLeadership<S = unknown>({
  locks,
  channel,
  name = 'adminfield-sync',
  askTimeoutMs = ASK_TIMEOUT_MS,
}: LeadershipOptions): Leadership<S> {
  let leader = locks === null
  let release: (() => void) | null = null
  let abort: AbortController | null = null
  let listener: ((e: { data: unknown }) => void) | null = null
  const waiting = new Map<string, () => void>()

  const post = (m: Message) => channel?.postMessage(m)
  const answer = (id: string) => {
    waiting.get(id)?.()
  }
  const settleAll = () => {
    for (const done of [...waiting.values()]) done()
  }

  return {
    isLeader: () => leader,

    start({ onLead, onAsk, onState }) {
      listener = (e) => {
        const m = e.data
        if (!isMessage(m)) return
        if (m.type === 'adminfield.sync.ask' && leader) {
          void onAsk(m.force)
            .catch(() => undefined)
            .then(() => post({ type: 'adminfield.sync.done', id: m.id }))
        } else if (m.type === 'adminfield.sync.done') answer(m.id)
        else if (m.type === 'adminfield.sync.state' && !leader) onState(m.state as S)
      }
      channel?.addEventListener('message', listener)
      if (!locks) return
      const controller = new AbortController()
      abort = controller
      locks
        .request(name, { signal: controller.signal }, () => {
          // Granted just as stop() ran (the grant is asynchronous, the abort then no longer
          // applies): give the lock back at once instead of holding it for a stopped engine.
          if (controller.signal.aborted) return Promise.resolve()
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
      settleAll()
      if (!locks) return
      abort?.abort()
      abort = null
      release?.()
      release = null
      leader = false
    },

    ask(force) {
      if (!channel) return Promise.resolve()
      const id = newAskId()
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => done(), askTimeoutMs)
        const done = () => {
          clearTimeout(timer)
          waiting.delete(id)
          resolve()
        }
        waiting.set(id, done)
        post({ type: 'adminfield.sync.ask', id, force })
      })
    },

    announce(state) {
      if (leader) post({ type: 'adminfield.sync.state', state })
    },

    settleAsks: settleAll,
  }
}

/** navigator.locks and a BroadcastChannel where the platform has them. */
export function platformLeadership(): LeadershipOptions {
  const locks = typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks as unknown as LockManagerLike) : null
  if (!locks) return { locks: null, channel: null }
  const channel = typeof BroadcastChannel !== 'undefined' ? (new BroadcastChannel('adminfield-sync') as unknown as ChannelLike) : null
  return { locks, channel }
}
