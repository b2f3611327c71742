import { describe, expect, it, vi } from 'vitest'
import { CURSOR_KEY, TransientSyncError, type PulledChange, type SyncState } from '@/platform/sync'
import { getMeta, setMeta } from '@/platform/db'
import { dept } from './helpers'
import { saveDept, setup } from './engineSetup'

const change = (id: string, name: string, over: Partial<PulledChange> = {}): PulledChange => ({
  table: 'departments',
  id,
  row: { ...dept(id, name) },
  deleted: false,
  ...over,
})

describe('sync engine: pull', () => {
  it('pulls pages until has_more is false, passing and storing the cursor', async () => {
    const { db, server, make } = setup()
    server.pages = [
      { changes: [change('a', 'A1'), change('b', 'B1')], cursor: 'c1', has_more: true },
      { changes: [change('a', 'A2')], cursor: 'c2', has_more: false },
    ]
    await make({ pullPageSize: 2 }).syncNow()
    expect(server.pullCalls).toEqual([null, 'c1'])
    expect(await getMeta(db, CURSOR_KEY)).toBe('c2')
    expect((await db.departments.get('a'))?.name).toBe('A2')
    expect((await db.departments.get('b'))?.name).toBe('B1')
  })

  it('keeps tombstones that carry their row, removes those that do not', async () => {
    const { db, server, make } = setup()
    await db.departments.bulkPut([dept('a', 'A'), dept('b', 'B')])
    server.pages = [
      {
        changes: [
          change('a', 'A', { deleted: true, row: { ...dept('a', 'A', { deleted_at: '2025-06-01T00:00:00.000Z' }) } }),
          change('b', 'B', { deleted: true, row: null }),
        ],
        cursor: 'c1',
        has_more: false,
      },
    ]
    await make().syncNow()
    expect((await db.departments.get('a'))?.deleted_at).toBe('2025-06-01T00:00:00.000Z')
    expect(await db.departments.get('b')).toBeUndefined()
  })

  it('does not overwrite a row whose local change is pending or refused', async () => {
    const { db, server, make } = setup()
    const refused = await saveDept(db, 'r', 'local refused')
    server.refuse = (o) => (o.op_id === refused.op_id ? { op_id: o.op_id, status: 'refused', reason: 'forbidden' } : null)
    const page = { changes: [change('p', 'server P'), change('r', 'server R'), change('x', 'server X')], cursor: 'c1', has_more: false }
    const orig = server.pull.bind(server)
    server.pull = async () => {
      // The user edits 'p' while the sync is between push and pull.
      await saveDept(db, 'p', 'local pending')
      server.pull = orig
      return page
    }
    const engine = make()
    await engine.syncNow()
    expect((await db.departments.get('p'))?.name).toBe('local pending')
    expect((await db.departments.get('r'))?.name).toBe('local refused')
    expect((await db.departments.get('x'))?.name).toBe('server X')

    // Once 'p' is pushed and settled, the server's version may replace it.
    server.pages = [{ changes: [change('p', 'server P2')], cursor: 'c2', has_more: false }]
    await engine.syncNow()
    expect((await db.departments.get('p'))?.name).toBe('server P2')
    expect((await db.departments.get('r'))?.name).toBe('local refused')
  })

  it('lets the server version in once the local op has settled', async () => {
    const { db, server, make } = setup()
    await saveDept(db, 'a', 'local')
    server.pages = [{ changes: [change('a', 'server')], cursor: 'c1', has_more: false }]
    await make().syncNow() // push settles first, then the pull overwrites
    expect((await db.departments.get('a'))?.name).toBe('server')
  })

  it('keeps the cursor of the last applied page when a later page fails', async () => {
    const { db, server, make } = setup()
    server.pages = [{ changes: [change('a', 'A')], cursor: 'c1', has_more: true }]
    const engine = make()
    const orig = server.pull.bind(server)
    let calls = 0
    server.pull = async (cursor) => {
      calls += 1
      if (calls === 2) throw new TransientSyncError('timeout', 408)
      return orig(cursor)
    }
    await engine.syncNow()
    expect(await getMeta(db, CURSOR_KEY)).toBe('c1')
    expect(await db.departments.get('a')).toBeDefined()
    expect(engine.getState()).toMatchObject({ phase: 'backoff', lastError: 'timeout' })
  })

  it('starts over once when the server rejects a stale cursor', async () => {
    const { db, server, make } = setup()
    await setMeta(db, CURSOR_KEY, 'from-before-the-restore')
    const orig = server.pull.bind(server)
    server.pull = async (cursor) => {
      if (cursor === 'from-before-the-restore') {
        server.pullCalls.push(cursor)
        throw new Error('server refused the sync call (400) 22023: sync_pull: invalid cursor')
      }
      return orig(cursor)
    }
    server.pages = [{ changes: [change('a', 'A')], cursor: 'fresh', has_more: false }]
    const engine = make()
    await engine.syncNow()
    expect(server.pullCalls).toEqual(['from-before-the-restore', null])
    expect(await getMeta(db, CURSOR_KEY)).toBe('fresh')
    expect(engine.getState().phase).toBe('idle')
  })

  it('discarding a refused change drops the local version and pulls everything again', async () => {
    const { db, server, make } = setup()
    await db.departments.put(dept('a', 'server name'))
    const op = await saveDept(db, 'a', 'my edit')
    server.refuse = (o) => ({ op_id: o.op_id, status: 'refused', reason: 'forbidden' })
    server.pages = [{ changes: [change('a', 'server name')], cursor: 'c1', has_more: false }]
    const engine = make()
    await engine.syncNow()
    expect((await db.departments.get('a'))?.name).toBe('my edit')
    await engine.discard(op.op_id)
    expect(await db.departments.get('a')).toBeUndefined()
    expect(await getMeta(db, CURSOR_KEY)).toBeUndefined()
    server.pages = [{ changes: [change('a', 'server name')], cursor: 'c1', has_more: false }]
    await engine.syncNow()
    expect(server.pullCalls.at(-1)).toBeNull()
    expect((await db.departments.get('a'))?.name).toBe('server name')
  })

  it('shows progress page by page: rows received so far, and whether it is the first sync', async () => {
    const { server, make } = setup()
    server.pages = [
      { changes: [change('a', 'A'), change('b', 'B')], cursor: 'c1', has_more: true },
      { changes: [change('c', 'C')], cursor: 'c2', has_more: false },
    ]
    const engine = make()
    const seen: SyncState['pullProgress'][] = []
    engine.subscribe((s) => seen.push(s.pullProgress))
    await engine.syncNow()
    expect(seen.filter((p) => p !== null)).toEqual([
      { received: 2, table: 'departments', first: true },
      { received: 3, table: 'departments', first: true },
    ])
    expect(engine.getState().pullProgress).toBeNull()

    server.pages = [{ changes: [change('a', 'A2')], cursor: 'c3', has_more: false }]
    seen.length = 0
    await engine.syncNow()
    expect(seen.filter((p) => p !== null)).toEqual([{ received: 1, table: 'departments', first: false }])
  })

  it('never applies a page fetched ahead from a cursor that was reset meanwhile (a discard)', async () => {
    const { db, server, make } = setup()
    server.pages = [
      { changes: [change('a', 'A')], cursor: 'c1', has_more: true },
      { changes: [change('stale', 'fetched from c1')], cursor: 'c2', has_more: false },
      { changes: [change('a', 'A'), change('b', 'B')], cursor: 'c3', has_more: false },
    ]
    const orig = server.pull.bind(server)
    server.pull = async (cursor) => {
      if (cursor === 'c1') {
        // Asked for while page 1 is written; the cursor is reset once page 1 is in.
        const page = await orig(cursor)
        await vi.waitFor(async () => expect(await getMeta(db, CURSOR_KEY)).toBe('c1'))
        await db.meta.delete(CURSOR_KEY)
        return page
      }
      return orig(cursor)
    }
    await make().syncNow()
    expect(server.pullCalls).toEqual([null, 'c1', null])
    expect(await db.departments.get('stale')).toBeUndefined()
    expect(await db.departments.get('b')).toBeDefined()
    expect(await getMeta(db, CURSOR_KEY)).toBe('c3')
  })
})
