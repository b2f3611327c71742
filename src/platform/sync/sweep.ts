import type { AdminFieldDb } from '../db/schema'
import { getMeta } from '../db/meta'
import { entityKey, unsettledKeys } from './outbox'
import { SYNCED_TABLES } from './protocol'

/**
 * After losing a role or a site (or another user signing in on this device) the device holds
 * rows it may no longer see. The server then starts a new run of the pull from the beginning and
 * says so ('restart'); the device keeps track of what that run sends and, once it is complete,
 * drops every synced row the run did not send. Rows with ops the server has not accepted
 * (pending or refused, and the rows those ops create) stay: nothing recorded here is lost.
 * The due sweep is stored, so a run cut short (the tab closed) is pulled again in full.
 */
export const SWEEP_KEY = 'sync.sweep_due'

export function sweepDue(db: AdminFieldDb): Promise<boolean> {
  return getMeta<boolean>(db, SWEEP_KEY).then((v) => v === true)
}

/** Deletes the synced rows whose keys are not in `sent`, except unsettled ones; clears the due sweep. Returns how many went. */
export async function sweepUnsent(db: AdminFieldDb, sent: ReadonlySet<string>): Promise<number> {
  return db.transaction('rw', [...SYNCED_TABLES, 'outbox', 'meta'], async () => {
    const keep = await unsettledKeys(db)
    let dropped = 0
    for (const table of SYNCED_TABLES) {
      const ids = (await db.table(table).toCollection().primaryKeys()) as string[]
      const gone = ids.filter((id) => !sent.has(entityKey(table, id)) && !keep.has(entityKey(table, id)))
      if (gone.length) await db.table(table).bulkDelete(gone)
      dropped += gone.length
    }
    await db.meta.delete(SWEEP_KEY)
    return dropped
  })
}
