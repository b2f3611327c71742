// Helpers to call the sync RPCs as a user, shaped like the client's protocol types.
import { randomUUID } from 'node:crypto'
import type { OpKind, OpResult, PullPage, SyncOp } from '../../../src/platform/sync/protocol'
import { settleAfter, type TestDb } from './database'

/** A well-formed op with a fresh op_id; override any envelope field to break it. */
export function makeOp(
  kind: OpKind | string,
  entityId: string,
  payload: Record<string, unknown>,
  extra: Partial<Record<keyof SyncOp, unknown>> = {},
): SyncOp {
  return {
    op_id: randomUUID(),
    kind: kind as OpKind,
    entity_id: entityId,
    payload,
    device_time: new Date().toISOString(),
    ...extra,
  } as SyncOp
}

/** Waits until every transaction that began before this call has ended (real server only). */
export async function settle(db: TestDb): Promise<void> {
  if (db.kind === 'pglite') return // one connection: nothing else can be running
  const [w] = await db.query<{ x: string }>('select pg_current_xact_id()::text as x')
  await settleAfter(db.query, w?.x as string)
}

/** sync_push(ops) as userId, in its own committed transaction. */
export function push(db: TestDb, userId: string, ops: unknown[]): Promise<OpResult[]> {
  return db.asUser(userId, async (q) => {
    const [row] = await q<{ r: OpResult[] }>('select public.sync_push($1::jsonb) as r', [JSON.stringify(ops)])
    return row?.r ?? []
  })
}

/** One sync_pull page as userId. */
export function pull(db: TestDb, userId: string, cursor: string | null, maxRows = 500): Promise<PullPage> {
  return db.asUser(userId, async (q) => {
    const [row] = await q<{ r: PullPage }>('select public.sync_pull($1, $2) as r', [cursor, maxRows])
    if (!row) throw new Error('sync_pull returned nothing')
    return row.r
  })
}

/** Pages until has_more is false; returns every page and the final cursor. */
export async function pullAll(db: TestDb, userId: string, cursor: string | null, maxRows = 500) {
  const pages: PullPage[] = []
  let next = cursor
  for (;;) {
    const page = await pull(db, userId, next, maxRows)
    pages.push(page)
    next = page.cursor
    if (!page.has_more) break
    if (pages.length > 10_000) throw new Error('pull did not finish')
  }
  return { pages, changes: pages.flatMap((p) => p.changes), cursor: next as string }
}

/** The cursor's content (it is opaque to clients; tests may look inside). */
export function decodeCursor(cursor: string): { v: number; since: string; upper?: string; after?: unknown; who?: string } {
  return JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'))
}
