/** Creates the sync engine with the transport for the current mode and hands it to the sync store. */
import { watch } from 'vue'
import { getDb } from '@/platform/db'
import { createLocalTransport, createSyncEngine, type SyncTransport } from '@/platform/sync'
import { isSupabaseMode } from '@/platform/supabase/client'
import { useSessionStore } from '@/features/auth'
import { useSyncStore } from '@/features/sync'

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
  sync.connect(createSyncEngine({ db: getDb(), transport }))

  // After a sign-in, pull at once: the profile and roles come down with the first pull.
  const session = useSessionStore()
  watch(
    () => session.userId,
    (id, previous) => {
      if (id && id !== previous) void sync.syncNow()
    },
  )
}
