/**
 * What the leader tab's engine shares with the follower tabs (leader.ts): its sync state, which
 * followers show as their own (their pending and attention counts come from the shared database),
 * and a User Timing mark per push call.
 */
import type { Leadership } from './leader'
import type { createStateStore, SyncState } from './state'

/** What a follower tab takes over from the leader's state. */
export type SharedState = Pick<SyncState, 'phase' | 'lastSyncAt' | 'lastError' | 'nextRetryAt' | 'pullProgress'>

export const sharedPart = ({ phase, lastSyncAt, lastError, nextRetryAt, pullProgress }: SyncState): SharedState => ({
  phase,
  lastSyncAt,
  lastError,
  nextRetryAt,
  pullProgress,
})

/** While this engine leads, every change of its shared state goes to the followers (once per change). */
export function announceToFollowers(store: ReturnType<typeof createStateStore>, leadership: Leadership<SharedState>): void {
  let announced = ''
  store.subscribe((s) => {
    const shared = JSON.stringify(sharedPart(s))
    if (shared === announced || !leadership.isLeader()) return
    announced = shared
    leadership.announce(sharedPart(s))
  })
}

/** The name of the User Timing mark each push call makes. */
export const PUSH_MARK = 'adminfield.sync.push'

/**
 * Each push call is a User Timing mark with its op ids (seen in DevTools' performance panel and
 * by a PerformanceObserver: the two-tab browser test counts pushes per op with it). Cleared at
 * once, so nothing accumulates in the page's timeline; observers still receive it.
 */
export function markPush(opIds: string[]): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  performance.mark(PUSH_MARK, { detail: opIds })
  performance.clearMarks(PUSH_MARK)
}
