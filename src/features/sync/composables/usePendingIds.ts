/**
 * Ids of entities whose change the server has not accepted yet, live: drives "not synced" tags.
 * One outbox query per database, shared by every component that shows tags (Home alone has five
 * lists with them): each user used to run its own, all in the same task after the seed.
 */
import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { getDb, observe, type AdminFieldDb } from '@/platform/db'
// outbox.ts directly: the sync index also carries the engine and its zod schemas (a lazy chunk).
import { pendingEntityIds } from '@/platform/sync/outbox'

interface Shared {
  ids: ShallowRef<Set<string>>
  users: number
  stop: () => void
}

const shared = new Map<AdminFieldDb, Shared>()

export function usePendingIds(database: AdminFieldDb = getDb()): Readonly<ShallowRef<Set<string>>> {
  let entry = shared.get(database)
  if (!entry) {
    const ids = shallowRef<Set<string>>(new Set())
    const created: Shared = { ids, users: 0, stop: () => undefined }
    created.stop = observe(
      () => pendingEntityIds(database),
      (next) => {
        ids.value = next
      },
      (e) => {
        console.error('pending ids query failed', e)
        // A failed live query has ended: the next component to ask starts a fresh one.
        if (shared.get(database) === created) shared.delete(database)
      },
    )
    entry = created
    shared.set(database, entry)
  }
  const mine = entry
  mine.users++
  onScopeDispose(() => {
    if (--mine.users > 0) return
    mine.stop()
    if (shared.get(database) === mine) shared.delete(database)
  })
  return mine.ids
}
