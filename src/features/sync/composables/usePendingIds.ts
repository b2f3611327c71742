/** Ids of entities whose change the server has not accepted yet, live: drives "not synced" tags. */
import { onScopeDispose, shallowRef } from 'vue'
import { getDb, observe, type AdminFieldDb } from '@/platform/db'
// outbox.ts directly: the sync index also carries the engine and its zod schemas (a lazy chunk).
import { pendingEntityIds } from '@/platform/sync/outbox'

export function usePendingIds(database: AdminFieldDb = getDb()) {
  const ids = shallowRef<Set<string>>(new Set())
  const stop = observe(
    () => pendingEntityIds(database),
    (next) => {
      ids.value = next
    },
    (e) => console.error('pending ids query failed', e),
  )
  onScopeDispose(stop)
  return ids
}
