// A phone's database (fake-indexeddb) beside the test server: its pending ops pushed as a user, and tables
// pulled as that user may read them (to_jsonb under RLS, as sync_pull sends rows) through the client's applyPage.
import 'fake-indexeddb/auto'
import type { AdminFieldDb } from '../../../src/platform/db'
import { applyPage } from '../../../src/platform/sync/pull'
import { toSyncOp } from '../../../src/platform/sync/outbox'
import type { PulledChange } from '../../../src/platform/sync/protocol'
import { createSqlTransport } from '../../support/sqlTransport'
import type { TestDb } from './database'

/** Pushes every pending op of the phone as `user`; returns their statuses (a refusal with its reason). */
export async function pushPending(server: TestDb, db: AdminFieldDb, user: string): Promise<string[]> {
  const pending = await db.outbox.where('status').equals('pending').sortBy('seq')
  const results = await createSqlTransport(server, user).push(pending.map(toSyncOp))
  await db.outbox.bulkDelete(pending.map((p) => p.seq as number))
  return results.map((r) => (r.status === 'refused' ? `refused: ${r.reason} ${r.detail}` : r.status))
}

/** The tables as `user` may read them, applied to the phone like a pull page. */
export async function pullAs(server: TestDb, db: AdminFieldDb, user: string, tables: readonly PulledChange['table'][]): Promise<void> {
  const changes = await server.asUser(user, async (q) => {
    const out: PulledChange[] = []
    for (const table of tables) {
      const rows = await q<{ id: string; r: Record<string, unknown> }>(`select t.id, to_jsonb(t) - 'row_xid' as r from public.${table} t`)
      for (const row of rows) out.push({ table, id: row.id, row: row.r, deleted: false })
    }
    return out
  })
  await applyPage(db, changes, null)
}
