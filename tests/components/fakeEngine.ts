import { vi } from 'vitest'
import type { OutboxEntry } from '@/platform/db/rows'
import type { SyncEngine, SyncState } from '@/platform/sync'
import type { PhotoUploadQueue, UploadQueueState } from '@/platform/photos'

export function refusedEntry(over: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    seq: 1,
    op_id: 'op-1',
    kind: 'department.upsert',
    entity_table: 'departments',
    entity_id: 'dept-1',
    payload: { site_id: 's', code: 'QA', name: '质量部' },
    device_time: '2026-01-05T02:00:00.000Z',
    status: 'refused',
    attempts: 1,
    next_attempt_at: 0,
    last_error: null,
    reason: 'forbidden',
    detail: 'role admin_head required',
    settled_at: '2026-01-05T02:00:01.000Z',
    ...over,
  }
}

/** State a test sets, and its listeners: called at once on subscribe, like the engine and the queue. */
function fakeState<S>(initial: S) {
  let state = initial
  const listeners = new Set<(s: S) => void>()
  return {
    get: () => state,
    subscribe(fn: (s: S) => void) {
      listeners.add(fn)
      fn(state)
      return () => listeners.delete(fn)
    },
    set(next: Partial<S>) {
      state = { ...state, ...next }
      for (const fn of listeners) fn(state)
    },
  }
}

/** A SyncEngine double: state is set by the test, actions are spies. */
export function fakeEngine(initial: Partial<SyncState> = {}) {
  const state = fakeState<SyncState>({
    phase: 'idle',
    online: true,
    pending: 0,
    counted: true,
    lastSyncAt: null,
    lastError: null,
    nextRetryAt: null,
    attention: [],
    pullProgress: null,
    ...initial,
  })
  const engine = {
    start: vi.fn(),
    stop: vi.fn(),
    syncNow: vi.fn(async () => {}),
    retry: vi.fn(async (_opId: string) => {}),
    discard: vi.fn(async (_opId: string) => {}),
    getState: state.get,
    subscribe: state.subscribe,
  } satisfies SyncEngine
  return { engine, set: state.set }
}

/** A PhotoUploadQueue double: state is set by the test. */
export function fakePhotoQueue(initial: Partial<UploadQueueState> = {}) {
  const state = fakeState<UploadQueueState>({ pending: 0, counted: true, uploading: 0, online: true, lastError: null, nextRetryAt: null, ...initial })
  const queue = {
    start: vi.fn(),
    stop: vi.fn(),
    uploadNow: vi.fn(async () => {}),
    getState: state.get,
    subscribe: state.subscribe,
  } satisfies PhotoUploadQueue
  return { queue, set: state.set }
}
