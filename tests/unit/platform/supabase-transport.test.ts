import { describe, expect, it } from 'vitest'
import { AuthSyncError, TransientSyncError, createSyncEngine } from '@/platform/sync'
import { classifySignInError, createSupabaseTransport, isSupabaseMode, toSyncError } from '@/platform/supabase'
import { saveDept, setup } from './engineSetup'

type Reply = { data: unknown; error: { message: string; code?: string } | null; status: number }

/** Stands in for supabase.rpc: records the call and answers what the test says. */
function rpcReturning(reply: Reply | (() => never)) {
  const calls: { fn: string; args: Record<string, unknown> }[] = []
  const transport = createSupabaseTransport(async () => (fn, args) => {
    calls.push({ fn, args })
    return Promise.resolve(typeof reply === 'function' ? reply() : reply)
  })
  return { transport, calls }
}

const op = { op_id: '11111111-1111-4111-8111-111111111111', kind: 'department.upsert' as const, entity_id: 'e', payload: {}, device_time: '2025-01-01T00:00:00Z' }

describe('supabase transport', () => {
  it('calls sync_push and sync_pull with the RPC argument names', async () => {
    const push = rpcReturning({ data: [{ op_id: op.op_id, status: 'applied' }], error: null, status: 200 })
    expect(await push.transport.push([op])).toEqual([{ op_id: op.op_id, status: 'applied' }])
    expect(push.calls).toEqual([{ fn: 'sync_push', args: { ops: [op] } }])

    const page = { changes: [{ table: 'sites', id: 's1', row: { id: 's1' }, deleted: false }], cursor: 42, has_more: false }
    const pull = rpcReturning({ data: page, error: null, status: 200 })
    expect(await pull.transport.pull('41', 100)).toEqual({ ...page, cursor: '42' })
    await pull.transport.pull(null, 100)
    expect(pull.calls).toEqual([
      { fn: 'sync_pull', args: { p_cursor: '41', p_max_rows: 100 } },
      { fn: 'sync_pull', args: { p_max_rows: 100 } }, // first pull: the SQL default cursor
    ])
  })

  it('maps failures to what the engine does with them', () => {
    expect(toSyncError(0, { message: 'TypeError: fetch failed' })).toBeInstanceOf(TransientSyncError)
    for (const status of [408, 429, 500, 502, 503, 504]) {
      expect(toSyncError(status, { message: 'x' })).toBeInstanceOf(TransientSyncError)
    }
    expect(toSyncError(401, { message: 'x', code: '42501' })).toBeInstanceOf(AuthSyncError)
    expect(toSyncError(401, { message: 'JWT expired', code: 'PGRST301' })).toBeInstanceOf(AuthSyncError)
    const plain = toSyncError(404, { message: 'Could not find the function', code: 'PGRST202' })
    expect(plain).not.toBeInstanceOf(TransientSyncError)
    expect(plain).not.toBeInstanceOf(AuthSyncError)
    expect(plain.message).toMatch(/404.*PGRST202/)
  })

  it('throws TransientSyncError when the call itself throws', async () => {
    const { transport } = rpcReturning(() => {
      throw new TypeError('Failed to fetch')
    })
    await expect(transport.push([op])).rejects.toBeInstanceOf(TransientSyncError)
  })

  it('keeps ops pending when the server answers nonsense', async () => {
    const { db } = setup()
    const saved = await saveDept(db, 'a')
    const { transport } = rpcReturning({ data: { ok: true }, error: null, status: 200 })
    const engine = createSyncEngine({ db, transport, window: null, document: null, isOnline: () => true, random: () => 0 })
    await engine.syncNow()
    expect(engine.getState()).toMatchObject({ phase: 'backoff', pending: 1, lastError: expect.stringMatching(/invalid sync_push response/) })
    expect((await db.outbox.get({ op_id: saved.op_id }))?.status).toBe('pending')
  })

  it('drops malformed result elements instead of guessing (their ops stay pending)', async () => {
    const { transport } = rpcReturning({
      data: [{ op_id: op.op_id, status: 'maybe' }, { op_id: null, status: 'refused', reason: 'invalid' }],
      error: null,
      status: 200,
    })
    expect(await transport.push([op])).toEqual([])
  })

  it('rejects a pull page for an unknown table', async () => {
    const { transport } = rpcReturning({
      data: { changes: [{ table: 'secrets', id: 'x', row: null, deleted: true }], cursor: '1', has_more: false },
      error: null,
      status: 200,
    })
    await expect(transport.pull(null, 10)).rejects.toThrow(/invalid sync_pull response/)
  })
})

describe('supabase auth helpers', () => {
  it('classifies sign-in errors', () => {
    expect(classifySignInError({ code: 'invalid_credentials', status: 400 })).toBe('invalid_credentials')
    expect(classifySignInError({ message: 'Invalid login credentials', status: 400 })).toBe('invalid_credentials')
    expect(classifySignInError({ name: 'AuthRetryableFetchError', status: 0 })).toBe('network')
    expect(classifySignInError({ status: 422, code: 'weak_password' })).toBe('unknown')
  })

  it('is in local mode without Supabase settings', () => {
    expect(isSupabaseMode()).toBe(Boolean(import.meta.env.VITE_SUPABASE_URL && import.meta.env.VITE_SUPABASE_ANON_KEY))
  })
})
