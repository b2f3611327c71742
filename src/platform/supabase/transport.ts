import { parsePullResponse, parsePushResponse } from '../sync/schemas'
import { TransientSyncError, type SyncTransport } from '../sync/protocol'
import { getSupabase } from './client'
import { toSyncError } from './errors'
import type { Json } from './database.types'

interface RpcResponse {
  data: unknown
  error: { message: string; code?: string | null } | null
  status: number
}

/** The two sync RPCs, as the generated Database type declares them. */
export type RpcCaller = (
  ...call: ['sync_push', { ops: Json }] | ['sync_pull', { p_cursor?: string; p_max_rows?: number }]
) => PromiseLike<RpcResponse>

/** Calls one RPC, turning every failure into the error class the engine acts on. */
async function call(rpc: () => Promise<RpcCaller>, ...args: Parameters<RpcCaller>): Promise<unknown> {
  let res: RpcResponse
  try {
    res = await (await rpc())(...args)
  } catch (error) {
    // fetch threw, or supabase-js could not even load: no answer from the server.
    throw new TransientSyncError(error instanceof Error ? error.message : String(error), 0)
  }
  if (res.error) throw toSyncError(res.status, res.error)
  return res.data
}

/** The production transport: the same SQL functions the database tests call directly. */
export function createSupabaseTransport(rpc: () => Promise<RpcCaller> = defaultRpc): SyncTransport {
  return {
    async push(ops) {
      // SyncOp is plain JSON (strings and a JSON payload object).
      return parsePushResponse(await call(rpc, 'sync_push', { ops: ops as unknown as Json }))
    },
    async pull(cursor, maxRows) {
      // No cursor = omit the argument: the SQL default (null) starts from the beginning.
      const args = cursor === null ? { p_max_rows: maxRows } : { p_cursor: cursor, p_max_rows: maxRows }
      return parsePullResponse(await call(rpc, 'sync_pull', args))
    },
  }
}

async function defaultRpc(): Promise<RpcCaller> {
  const supabase = await getSupabase()
  return (...[fn, args]) => (fn === 'sync_push' ? supabase.rpc(fn, args) : supabase.rpc(fn, args))
}
