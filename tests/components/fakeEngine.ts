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

/** A SyncEngine double: state is set by the test, actions are spies. */
export function fakeEngine(initial: Partial<SyncState> = {}) {
  let state: SyncState = {
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
  }
  const listeners = new Set<(s: SyncState) => void>()
  const engine = {
    start: vi.fn(),
    stop: vi.fn(),
    syncNow: vi.fn(async () => {}),
    retry: vi.fn(async (_opId: string) => {}),
    discard: vi.fn(async (_opId: string) => {}),
    getState: () => state,
    subscribe: (fn: (s: SyncState) => void) => {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
  } satisfies SyncEngine
  return {
    engine,
    set(next: Partial<SyncState>) {
      state = { ...state, ...next }
      for (const fn of listeners) fn(state)
    },
  }
}

/** A PhotoUploadQueue double: state is set by the test. */
export function fakePhotoQueue(initial: Partial<UploadQueueState> = {}) {
  let state: UploadQueueState = { pending: 0, counted: true, uploading: 0, online: true, lastError: null, nextRetryAt: null, ...initial }
  const listeners = new Set<(s: UploadQueueState) => void>()
  const queue = {
    start: vi.fn(),
    stop: vi.fn(),
    uploadNow: vi.fn(async () => {}),
    getState: () => state,
    subscribe: (fn: (s: UploadQueueState) => void) => {
      listeners.add(fn)
      fn(state)
      return () => listeners.delete(fn)
    },
  } satisfies PhotoUploadQueue
  return {
    queue,
    set(next: Partial<UploadQueueState>) {
      state = { ...state, ...next }
      for (const fn of listeners) fn(state)
    },
  }
}
