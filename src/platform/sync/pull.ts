import type { AdminFieldDb } from '../db/schema'
import { getMeta } from '../db/meta'
import { unsettledKeys, entityKey } from './outbox'
import { SYNCED_TABLES, TransientSyncError, type PullPage, type PulledChange } from './protocol'

export const CURSOR_KEY = 'sync.cursor'

const synced = new Set<string>(SYNCED_TABLES)

/** Pulls pages until the server says there is no more; returns the number of changes received. */
export async function pullAll(
  db: AdminFieldDb,
  pull: (cursor: string | null, maxRows: number) => Promise<PullPage>,
  pageSize: number,
): Promise<number> {
  let received = 0
  let restarted = false
  for (;;) {
    const cursor = (await getMeta<string>(db, CURSOR_KEY)) ?? null
    let page: PullPage
    try {
      page = await pull(cursor, pageSize)
    } catch (error) {
      // The server no longer accepts this cursor (e.g. restored from a backup): start over once.
      // Re-applying rows is idempotent; without this the device would never pull again.
      if (cursor === null || restarted || !isInvalidCursor(error)) throw error
      restarted = true
      await db.meta.delete(CURSOR_KEY)
      continue
    }
    await applyPage(db, page.changes, page.cursor)
    received += page.changes.length
    // A server that claims more but moves nothing would loop forever; stop and try next drain.
    if (!page.has_more || (page.cursor === cursor && page.changes.length === 0)) return received
  }
}

/** sync_pull raises 22023 'sync_pull: invalid cursor' or '... cursor is from another database ...'. */
function isInvalidCursor(error: unknown): boolean {
  return error instanceof Error && !(error instanceof TransientSyncError) && /sync_pull:.*\bcursor\b/i.test(error.message)
}

/**
 * Applies one page and stores its cursor in ONE transaction, so a crash never leaves the
 * cursor ahead of the rows. Rows with a pending or refused local op are left alone: the local
 * version wins until its op settles (then the server's newer write comes down in a later pull).
 */
export async function applyPage(db: AdminFieldDb, changes: PulledChange[], cursor: string | null): Promise<void> {
  await db.transaction('rw', [...SYNCED_TABLES, 'outbox', 'meta'], async () => {
    const blocked = await unsettledKeys(db)
    const byTable = new Map<string, Map<string, Record<string, unknown> | null>>()
    for (const c of changes) {
      if (!synced.has(c.table) || blocked.has(entityKey(c.table, c.id))) continue
      let rows = byTable.get(c.table)
      if (!rows) byTable.set(c.table, (rows = new Map()))
      // A tombstone with its row keeps deleted_at on the device; one without is removed.
      rows.set(c.id, c.row ? { ...c.row, id: c.id } : null)
    }
    for (const [table, rows] of byTable) {
      const puts: Record<string, unknown>[] = []
      const deletes: string[] = []
      for (const [id, row] of rows) {
        if (row) puts.push(row)
        else deletes.push(id)
      }
      if (puts.length) await db.table(table).bulkPut(puts)
      if (deletes.length) await db.table(table).bulkDelete(deletes)
    }
    if (cursor !== null) await db.meta.put({ key: CURSOR_KEY, value: cursor })
  })
}
