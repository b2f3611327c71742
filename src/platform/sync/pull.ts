import type { AdminFieldDb } from '../db/schema'
import { getMeta } from '../db/meta'
import { unsettledKeys, entityKey } from './outbox'
import { SYNCED_TABLES, TransientSyncError, type PullPage, type PulledChange, type SyncedTable } from './protocol'
import { SWEEP_KEY, sweepDue, sweepUnsent } from './sweep'

export const CURSOR_KEY = 'sync.cursor'

const synced = new Set<string>(SYNCED_TABLES)

/** How far the pull running now has come (for the sync status UI). */
export interface PullProgress {
  /** Rows received and written by this pull so far. */
  received: number
  /** The table of the last row written (the server sends reference data and assets first). */
  table: SyncedTable | null
  /** True when the device had no cursor: its first sync (or a full re-pull). */
  first: boolean
}

/**
 * Pulls pages until the server says there is no more; returns the number of changes received.
 * The next page is requested while the current one is written, so the network and IndexedDB
 * overlap (a new phone's first sync is hundreds of pages).
 */
export async function pullAll(
  db: AdminFieldDb,
  pull: (cursor: string | null, maxRows: number) => Promise<PullPage>,
  pageSize: number,
  onProgress?: (progress: PullProgress) => void,
): Promise<number> {
  let received = 0
  let restarted = false
  let cursor = (await getMeta<string>(db, CURSOR_KEY)) ?? null
  // A sweep is due but its run was cut short: pull everything again to know what is visible.
  if (cursor !== null && (await sweepDue(db))) {
    await db.meta.delete(CURSOR_KEY)
    cursor = null
  }
  // The keys a run sent, kept while a sweep is due (sweep.ts); null when none is.
  const track = async (from: string | null) => (from === null && (await sweepDue(db)) ? new Set<string>() : null)
  let sent = await track(cursor)
  const first = cursor === null
  let next = request(pull, cursor, pageSize)
  for (;;) {
    let page: PullPage
    try {
      page = await next
    } catch (error) {
      // The server no longer accepts this cursor (e.g. restored from a backup): start over once.
      // Re-applying rows is idempotent; without this the device would never pull again.
      if (cursor === null || restarted || !isInvalidCursor(error)) throw error
      restarted = true
      await db.meta.delete(CURSOR_KEY)
      cursor = null
      sent = await track(cursor)
      next = request(pull, cursor, pageSize)
      continue
    }
    // A server that claims more but moves nothing would loop forever; stop and try next drain.
    const last = !page.has_more || (page.cursor === cursor && page.changes.length === 0)
    if (!last) next = request(pull, page.cursor, pageSize)
    if (!(await applyPage(db, page.changes, page.cursor, cursor, { sweepDue: page.restart === true }))) {
      // The stored cursor moved under us (a discard reset it): what was fetched is stale.
      cursor = (await getMeta<string>(db, CURSOR_KEY)) ?? null
      sent = await track(cursor)
      next = request(pull, cursor, pageSize)
      continue
    }
    // The server began a new run from the start (roles or sites changed): track it.
    if (page.restart) sent = new Set()
    for (const c of sent ? page.changes : []) sent?.add(entityKey(c.table, c.id))
    received += page.changes.length
    onProgress?.({ received, table: page.changes.at(-1)?.table ?? null, first })
    if (last) {
      if (sent) await sweepUnsent(db, sent)
      return received
    }
    cursor = page.cursor
  }
}

/** Starts a page request; a failure is seen where the page is awaited, not as an unhandled rejection. */
function request(
  pull: (cursor: string | null, maxRows: number) => Promise<PullPage>,
  cursor: string | null,
  pageSize: number,
): Promise<PullPage> {
  const p = pull(cursor, pageSize)
  p.catch(() => undefined)
  return p
}

/** sync_pull raises 22023 'sync_pull: invalid cursor' or '... cursor is from another database ...'. */
function isInvalidCursor(error: unknown): boolean {
  return error instanceof Error && !(error instanceof TransientSyncError) && /sync_pull:.*\bcursor\b/i.test(error.message)
}

/**
 * Applies one page and stores its cursor in ONE transaction, so a crash never leaves the
 * cursor ahead of the rows. Rows go in with one bulkPut per table. Returns false (and writes
 * nothing) when `from` is given and the stored cursor is no longer it. Rows with a pending or refused local op are left alone: the local
 * version wins until its op settles (then the server's newer write comes down in a later pull).
 */
export async function applyPage(
  db: AdminFieldDb,
  changes: PulledChange[],
  cursor: string | null,
  from?: string | null,
  options: { sweepDue?: boolean } = {},
): Promise<boolean> {
  // Only the tables this page writes: while a first sync writes 200,000 custody events, Home
  // and the scanner still read assets and labels without waiting for each page's transaction.
  const tables = [...new Set(changes.map((c) => c.table).filter((t) => synced.has(t)))]
  return db.transaction('rw', [...tables, 'outbox', 'meta'], async () => {
    // The page was asked for with cursor `from`: if the stored cursor is another one now, skip it.
    if (from !== undefined && ((await getMeta<string>(db, CURSOR_KEY)) ?? null) !== from) return false
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
    // With the page that begins a restarted run, in the same transaction (sweep.ts).
    if (options.sweepDue) await db.meta.put({ key: SWEEP_KEY, value: true })
    return true
  })
}
