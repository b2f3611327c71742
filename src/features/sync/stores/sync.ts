/**
 * The sync engine, seen by the UI: reactive state and the user's sync actions.
 * The app creates the engine (transport per mode) and connects it once the db is ready.
 */
import { computed, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { SyncEngine, SyncState } from '@/platform/sync'
import type { PhotoUploadQueue, UploadQueueState } from '@/platform/photos'
import { badgeStatus } from '../domain/syncView'

function initialState(): SyncState {
  return {
    phase: 'idle',
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    pending: 0,
    counted: false,
    lastSyncAt: null,
    lastError: null,
    nextRetryAt: null,
    attention: [],
    pullProgress: null,
  }
}

export const useSyncStore = defineStore('sync', () => {
  const state = shallowRef<SyncState>(initialState())
  const photos = shallowRef<UploadQueueState>({ pending: 0, counted: false, uploading: 0, online: true, lastError: null, nextRetryAt: null })
  const connected = shallowRef(false)
  let engine: SyncEngine | null = null
  let unsubscribe: (() => void) | null = null
  let photoQueue: PhotoUploadQueue | null = null
  let unsubscribePhotos: (() => void) | null = null

  const pending = computed(() => state.value.pending)
  const attention = computed(() => state.value.attention)
  const badge = computed(() =>
    badgeStatus({
      phase: state.value.phase,
      online: state.value.online,
      // Photos not yet in Storage are unsynced work too: the badge never says "synced" over them.
      pending: state.value.pending + photos.value.pending,
      counted: state.value.counted && photos.value.counted,
      attentionCount: state.value.attention.length,
    }),
  )

  function connect(next: SyncEngine, { start = true } = {}): void {
    disconnect()
    engine = next
    state.value = next.getState()
    unsubscribe = next.subscribe((s) => {
      state.value = s
    })
    connected.value = true
    if (start) next.start()
  }

  function disconnect(): void {
    unsubscribe?.()
    unsubscribe = null
    engine?.stop()
    engine = null
    unsubscribePhotos?.()
    unsubscribePhotos = null
    photoQueue?.stop()
    photoQueue = null
    connected.value = false
  }

  function connectPhotos(queue: PhotoUploadQueue): void {
    unsubscribePhotos?.()
    photoQueue?.stop()
    photoQueue = queue
    unsubscribePhotos = queue.subscribe((s) => {
      photos.value = s
    })
    queue.start()
  }

  function requireEngine(): SyncEngine {
    if (!engine) throw new Error('sync engine not connected')
    return engine
  }

  return {
    state,
    photos,
    connected,
    pending,
    attention,
    badge,
    connect,
    connectPhotos,
    disconnect,
    uploadPhotosNow: () => photoQueue?.uploadNow() ?? Promise.resolve(),
    syncNow: () => requireEngine().syncNow(),
    retry: (opId: string) => requireEngine().retry(opId),
    discard: (opId: string) => requireEngine().discard(opId),
  }
})
