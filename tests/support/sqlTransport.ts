// A SyncTransport that calls the sync RPCs as SQL, exactly as PostgREST would run them
// (set role authenticated + request.jwt.claims, via the db harness's asUser).
import { AuthSyncError, TransientSyncError, type SyncTransport } from '../../src/platform/sync/protocol'
import { parsePullResponse, parsePushResponse } from '../../src/platform/sync/schemas'
import type { Query } from '../db/support/backend'

export interface SqlTransportDb {
  asUser<T>(userId: string, fn: (q: Query) => Promise<T>): Promise<T>
}

export interface SqlTransportOptions {
  /** false = the device has no network: every call throws TransientSyncError, nothing reaches SQL. */
  isOnline?: () => boolean
}

/** SQLSTATE classes PostgREST would turn into 5xx / a lost session. */
function mapSqlError(error: unknown): Error {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  if (typeof code === 'string') {
    if (code === '28000' || code === '28P01') return new AuthSyncError(message)
    if (code.startsWith('08') || code.startsWith('53') || code === '40001' || code === '40P01' || code === '57014') {
      return new TransientSyncError(message, 503)
    }
  }
  return error instanceof Error ? error : new Error(message)
}

export function createSqlTransport(db: SqlTransportDb, userId: string, opts: SqlTransportOptions = {}): SyncTransport {
  const online = opts.isOnline ?? (() => true)

  async function rpc(sql: string, params: unknown[]): Promise<unknown> {
    if (!online()) throw new TransientSyncError('offline (simulated)', 0)
    try {
      return await db.asUser(userId, async (q) => {
        const [row] = await q<{ r: unknown }>(sql, params)
        return row?.r
      })
    } catch (error) {
      throw mapSqlError(error)
    }
  }

  return {
    async push(ops) {
      return parsePushResponse(await rpc('select public.sync_push($1::jsonb) as r', [JSON.stringify(ops)]))
    },
    async pull(cursor, maxRows) {
      return parsePullResponse(await rpc('select public.sync_pull($1, $2) as r', [cursor, maxRows]))
    },
  }
}
