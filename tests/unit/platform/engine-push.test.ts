import { describe, expect, it, vi } from 'vitest'
import { AuthSyncError, TransientSyncError, backoffDelay, BACKOFF_MAX_MS, setOutboxActor } from '@/platform/sync'
import { deferred } from './fakes'
import { saveDept, setup } from './engineSetup'

describe('backoffDelay', () => {
  it('doubles from 2s with jitter and caps at 5 minutes', () => {
    expect(backoffDelay(1, () => 0)).toBe(1000)
    expect(backoffDelay(1, () => 1)).toBe(2000)
    expect(backoffDelay(3, () => 1)).toBe(8000)
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_MAX_MS)
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF_MAX_MS / 2)
  })
})

describe('sync engine: push', () => {
  it('pushes pending ops in order, in batches, and keeps them settled', async () => {
    const { db, server, make, clock } = setup()
    const ids = ['a', 'b', 'c', 'd', 'e']
    for (const id of ids) await saveDept(db, id)
    const engine = make({ batchSize: 2 })
    await engine.syncNow()

    expect(server.pushCalls.map((b) => b.map((op) => op.entity_id))).toEqual([['a', 'b'], ['c', 'd'], ['e']])
    const outbox = await db.outbox.orderBy('seq').toArray()
    expect(outbox.map((e) => e.status)).toEqual(Array(5).fill('applied'))
    expect(outbox.every((e) => e.settled_at === new Date(clock.now()).toISOString())).toBe(true)
    expect(engine.getState()).toMatchObject({ phase: 'idle', pending: 0, lastError: null, attention: [] })
    expect(engine.getState().lastSyncAt).toBe(new Date(clock.now()).toISOString())
  })

  it('pushes only the signed-in user\'s ops; another user\'s wait, kept, for their own session', async () => {
    const { db, server, make } = setup()
    setOutboxActor('user-a')
    const mineBefore = await saveDept(db, 'a')
    setOutboxActor('user-b')
    const theirs = await saveDept(db, 'b')
    setOutboxActor(null)
    let current = 'user-a'
    const engine = make({ pushAs: () => current })
    await engine.syncNow()
    expect(server.pushCalls.flat().map((o) => o.op_id)).toEqual([mineBefore.op_id])
    expect(await db.outbox.get({ op_id: theirs.op_id })).toMatchObject({ status: 'pending', user_id: 'user-b' })
    expect(engine.getState().pending).toBe(1)

    current = 'user-b'
    await engine.syncNow()
    expect(server.pushCalls.flat().map((o) => o.op_id)).toEqual([mineBefore.op_id, theirs.op_id])
    expect(engine.getState().pending).toBe(0)
  })

  it('keeps a flagged op as settled with its detail', async () => {
    const { db, server, make } = setup()
    const op = await saveDept(db, 'a')
    server.refuse = (o) => ({ op_id: o.op_id, status: 'flagged', detail: 'seal is elsewhere' })
    await make().syncNow()
    expect(await db.outbox.get({ op_id: op.op_id })).toMatchObject({ status: 'flagged', detail: 'seal is elsewhere' })
  })

  it('puts a refused op in attention until the user discards it', async () => {
    const { db, server, make, clock } = setup()
    const bad = await saveDept(db, 'a')
    const good = await saveDept(db, 'b')
    server.refuse = (o) =>
      o.op_id === bad.op_id ? { op_id: o.op_id, status: 'refused', reason: 'forbidden', detail: 'role' } : null
    const engine = make()
    await engine.syncNow()
    let state = engine.getState()
    expect(state.pending).toBe(0)
    expect(state.attention.map((e) => [e.op_id, e.reason, e.detail])).toEqual([[bad.op_id, 'forbidden', 'role']])

    // Weeks pass and more drains run: it is never pruned or re-pushed.
    clock.advance(30 * 24 * 3600 * 1000)
    await engine.syncNow()
    expect(engine.getState().attention).toHaveLength(1)
    expect(await db.outbox.get({ op_id: good.op_id })).toBeUndefined() // settled + older than 7 days
    expect(server.pushCalls.flat().filter((o) => o.op_id === bad.op_id)).toHaveLength(1)

    await engine.discard(bad.op_id)
    state = engine.getState()
    expect(state.attention).toEqual([])
    expect(await db.outbox.count()).toBe(0)
  })

  it('discard and retry refuse anything but a refused op', async () => {
    const { db, make } = setup()
    const op = await saveDept(db, 'a')
    const engine = make()
    await expect(engine.discard(op.op_id)).rejects.toThrow(/not refused/)
    await expect(engine.retry(op.op_id)).rejects.toThrow(/not refused/)
    await expect(engine.discard('nope')).rejects.toThrow(/no outbox entry/)
    expect(await db.outbox.count()).toBe(1)
  })

  it('retry puts a refused op back in the queue and pushes it', async () => {
    const { db, server, make } = setup()
    const op = await saveDept(db, 'a')
    server.refuse = (o) => ({ op_id: o.op_id, status: 'refused', reason: 'forbidden' })
    const engine = make()
    await engine.syncNow()
    expect(engine.getState().attention).toHaveLength(1)
    server.refuse = () => null // e.g. the role was granted meanwhile
    await engine.retry(op.op_id)
    expect(await db.outbox.get({ op_id: op.op_id })).toMatchObject({ status: 'applied', reason: null })
    expect(engine.getState().attention).toEqual([])
  })

  it('on a transient error keeps ops pending, backs off, and retries when the timer fires', async () => {
    const { db, server, make, clock, doc } = setup()
    const op = await saveDept(db, 'a')
    server.fail = () => new TransientSyncError('502', 502)
    const engine = make()
    engine.start()
    await vi.waitFor(() => expect(engine.getState().phase).toBe('backoff'))

    let entry = await db.outbox.get({ op_id: op.op_id })
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: clock.now() + 1000, last_error: '502' })
    expect(engine.getState()).toMatchObject({ pending: 1, lastError: '502', nextRetryAt: clock.now() + 1000 })

    // Before the retry time, an automatic drain (visibility) does not call the server.
    server.pushCalls = []
    doc.dispatch('visibilitychange')
    clock.advance(500)
    await new Promise((r) => setTimeout(r, 20))
    expect(server.pushCalls).toHaveLength(0)
    expect(engine.getState().phase).toBe('backoff')

    // Second failure doubles the delay.
    clock.advance(500)
    await vi.waitFor(async () => expect((await db.outbox.get({ op_id: op.op_id }))?.attempts).toBe(2))
    entry = await db.outbox.get({ op_id: op.op_id })
    expect(entry?.next_attempt_at).toBe(clock.now() + 2000)

    server.fail = null
    clock.advance(2000)
    await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'))
    expect((await db.outbox.get({ op_id: op.op_id }))?.status).toBe('applied')
    expect(engine.getState()).toMatchObject({ pending: 0, lastError: null, nextRetryAt: null })
  })

  it('treats a plain server error like a transient one and shows it', async () => {
    const { db, server, make } = setup()
    const op = await saveDept(db, 'a')
    server.fail = () => new Error('server refused the sync call (400) PGRST202')
    const engine = make()
    await engine.syncNow()
    expect(engine.getState()).toMatchObject({ phase: 'backoff', pending: 1, lastError: expect.stringMatching(/PGRST202/) })
    expect(await db.outbox.get({ op_id: op.op_id })).toMatchObject({ status: 'pending', attempts: 1 })
  })

  it('on an auth error changes nothing and says signed_out', async () => {
    const { db, server, make } = setup()
    const op = await saveDept(db, 'a')
    server.fail = () => new AuthSyncError('JWT expired')
    const engine = make()
    await engine.syncNow()
    expect(engine.getState()).toMatchObject({ phase: 'signed_out', pending: 1 })
    expect(await db.outbox.get({ op_id: op.op_id })).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: 0 })
  })

  it('never drops an op the server did not answer', async () => {
    const { db, server, make } = setup()
    const a = await saveDept(db, 'a')
    const b = await saveDept(db, 'b')
    server.omit.add(b.op_id)
    const engine = make()
    await engine.syncNow()
    expect((await db.outbox.get({ op_id: a.op_id }))?.status).toBe('applied')
    expect(await db.outbox.get({ op_id: b.op_id })).toMatchObject({ status: 'pending', attempts: 1 })
    expect(engine.getState()).toMatchObject({ phase: 'backoff', pending: 1 })
    server.omit.clear()
    await engine.syncNow()
    // The server had applied it; the answer was lost. The re-push settles it as a duplicate.
    expect((await db.outbox.get({ op_id: b.op_id }))?.status).toBe('duplicate')
  })

  it('runs one drain at a time; a second syncNow joins it', async () => {
    const { db, server, make } = setup()
    await saveDept(db, 'a')
    const gate = deferred()
    server.gate = gate.promise
    const engine = make()
    const first = engine.syncNow()
    await vi.waitFor(() => expect(server.pushCalls).toHaveLength(1))
    const second = engine.syncNow()
    await new Promise((r) => setTimeout(r, 20))
    expect(server.pushCalls).toHaveLength(1) // not pushed twice while in flight
    expect(engine.getState().phase).toBe('pushing')
    gate.resolve()
    await Promise.all([first, second])
    expect(server.pushCalls).toHaveLength(1)
    expect(server.pullCalls.length).toBeGreaterThanOrEqual(1)
    expect(engine.getState()).toMatchObject({ phase: 'idle', pending: 0 })
  })
})
