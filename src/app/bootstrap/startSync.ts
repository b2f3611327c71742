/**
 * Creates the sync engine and the photo upload queue with the transports for the current
 * mode and hands them to the sync store.
 */
import { watch } from 'vue'
import { getDb } from '@/platform/db'
import { createLocalTransport, createSyncEngine, platformLeadership, type SyncTransport } from '@/platform/sync'
import { isSupabaseMode } from '@/platform/supabase/client'
import { createAppPhotoTransport, createPhotoUploadQueue } from '@/platform/photos'
import { useSessionStore } from '@/features/auth'
import { useSyncStore } from '@/features/sync'
import { nextTask } from '@/shared/lib/nextTask'

async function transportForMode(): Promise<SyncTransport> {
  if (!isSupabaseMode()) return createLocalTransport()
  // Local mode never loads the Supabase side at all.
  const { createSupabaseTransport } = await import('@/platform/supabase')
  return createSupabaseTransport()
}

export async function startSync(): Promise<void> {
  const sync = useSyncStore()
  if (sync.connected) return
  const transport = await transportForMode()
  if (sync.connected) return
  const session = useSessionStore()
  // Local mode has one device-wide "server", so every demo user's ops go; Supabase pushes per user.
  const pushAs = isSupabaseMode() ? () => session.userId : undefined
  // One engine per origin: other tabs of the app follow the one holding the Web Lock.
  sync.connect(createSyncEngine({ db: getDb(), transport, leadership: platformLeadership(), ...(pushAs ? { pushAs } : {}) }))
  // The photo queue's start (its own queries and first drain) in a task of its own: together with
  // the engine's they made one long task on a slow phone (issue 13).
  await nextTask()
  sync.connectPhotos(createPhotoUploadQueue({ db: getDb(), transport: createAppPhotoTransport() }))
  // Storage accepts a photo only once its metadata is on the server: upload right after each sync.
  watch(
    () => sync.state.lastSyncAt,
    () => void sync.uploadPhotosNow(),
  )

  // After a sign-in, pull at once: the profile and roles come down with the first pull.
  watch(
    () => session.userId,
    (id, previous) => {
      if (id && id !== previous) void sync.syncNow()
    },
  )
}
