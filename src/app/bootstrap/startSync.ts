/** Creates the sync engine with the transport for the current mode and hands it to the sync store. */
import { watch } from 'vue'
import { getDb } from '@/platform/db'
import { createLocalTransport, createSyncEngine } from '@/platform/sync'
import { createSupabaseTransport, isSupabaseMode } from '@/platform/supabase'
import { useSessionStore } from '@/features/auth'
import { useSyncStore } from '@/features/sync'

export function startSync(): void {
  const sync = useSyncStore()
  if (sync.connected) return
  const transport = isSupabaseMode() ? createSupabaseTransport() : createLocalTransport()
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
