import { parsePullResponse, parsePushResponse } from '../sync/schemas'
import { TransientSyncError, type SyncTransport } from '../sync/protocol'
import { getSupabase } from './client'
import { toSyncError } from './errors'

interface RpcResponse {
  data: unknown
  error: { message: string; code?: string | null } | null
  status: number
}

type RpcCaller = (fn: string, args: Record<string, unknown>) => PromiseLike<RpcResponse>

/** Calls one RPC, turning every failure into the error class the engine acts on. */
async function call(rpc: () => Promise<RpcCaller>, fn: string, args: Record<string, unknown>): Promise<unknown> {
  let res: RpcResponse
  try {
    res = await (await rpc())(fn, args)
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
      return parsePushResponse(await call(rpc, 'sync_push', { ops }))
    },
    async pull(cursor, maxRows) {
      return parsePullResponse(await call(rpc, 'sync_pull', { p_cursor: cursor, p_max_rows: maxRows }))
    },
  }
}

async function defaultRpc(): Promise<RpcCaller> {
  const supabase = await getSupabase()
  return (fn, args) => supabase.rpc(fn, args) as unknown as PromiseLike<RpcResponse>
}
