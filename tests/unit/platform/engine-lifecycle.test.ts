import { describe, expect, it, vi } from 'vitest'
import { TransientSyncError, createLocalTransport, createSyncEngine, type SyncState } from '@/platform/sync'
import { saveDept, setup } from './engineSetup'

describe('sync engine: triggers and lifecycle', () => {
  it('drains on start, on online, on visible, on the interval; stop removes everything', async () => {
    const { db, server, make, win, doc, clock } = setup()
    await saveDept(db, 'a')
    const engine = make({ intervalMs: 60_000 })
    engine.start()
    await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'))
    expect(server.pushCalls).toHaveLength(1)
    expect(win.count).toBe(2)
    expect(doc.count).toBe(1)

    const pulls = () => server.pullCalls.length
    let before = pulls()
    win.dispatch('online')
    await vi.waitFor(() => expect(pulls()).toBe(before + 1))

    before = pulls()
    doc.visibilityState = 'hidden'
    doc.dispatch('visibilitychange')
    await new Promise((r) => setTimeout(r, 20))
    expect(pulls()).toBe(before)
    doc.visibilityState = 'visible'
    doc.dispatch('visibilitychange')
    await vi.waitFor(() => expect(pulls()).toBe(before + 1))

    before = pulls()
    clock.advance(60_000)
    await vi.waitFor(() => expect(pulls()).toBe(before + 1))

    engine.stop()
    expect(win.count).toBe(0)
    expect(doc.count).toBe(0)
    expect(clock.timerCount).toBe(0)
    before = pulls()
    win.dispatch('online')
    clock.advance(10 * 60_000)
    await new Promise((r) => setTimeout(r, 20))
    expect(pulls()).toBe(before)
  })

  it('says the outbox is counted only once it has read it, offline too', async () => {
    const { db, make, setOnline } = setup()
    await saveDept(db, 'a')
    setOnline(false)
    const engine = make()
    expect(engine.getState()).toMatchObject({ counted: false, pending: 0 })
    engine.start()
    await vi.waitFor(() => expect(engine.getState()).toMatchObject({ counted: true, pending: 1 }))
    engine.stop()
  })

  it('goes offline on the offline event and pushes when back online', async () => {
    const { db, server, make, win, setOnline } = setup()
    const engine = make()
    engine.start()
    await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'))
    setOnline(false)
    win.dispatch('offline')
    expect(engine.getState()).toMatchObject({ phase: 'offline', online: false })
    await saveDept(db, 'a')
    await vi.waitFor(() => expect(engine.getState().pending).toBe(1))
    await engine.syncNow()
    expect(server.pushCalls).toHaveLength(0)
    expect(engine.getState().phase).toBe('offline')

    setOnline(true)
    win.dispatch('online')
    await vi.waitFor(() => expect(engine.getState()).toMatchObject({ phase: 'idle', online: true, pending: 0 }))
    expect(server.pushCalls).toHaveLength(1)
  })

  it('pushes an op committed while running without being asked', async () => {
    const { db, server, make } = setup()
    const engine = make()
    engine.start()
    await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'))
    const op = await saveDept(db, 'a')
    await vi.waitFor(async () => expect((await db.outbox.get({ op_id: op.op_id }))?.status).toBe('applied'))
    expect(server.pushCalls.flat().map((o) => o.op_id)).toEqual([op.op_id])
  })

  it('notifies subscribers on change, starting with the current state', async () => {
    const { db, make } = setup()
    await saveDept(db, 'a')
    const engine = make()
    const seen: SyncState['phase'][] = []
    const unsubscribe = engine.subscribe((s) => seen.push(s.phase))
    await engine.syncNow()
    expect(seen[0]).toBe('idle')
    expect(seen).toContain('pushing')
    expect(seen).toContain('pulling')
    expect(seen.at(-1)).toBe('idle')
    unsubscribe()
    const count = seen.length
    await engine.syncNow()
    expect(seen).toHaveLength(count)
  })
})

describe('crash safety', () => {
  it('a fresh engine pushes what an earlier one committed but never pushed', async () => {
    const { db, server, make } = setup()
    const op = await saveDept(db, 'a')
    make() // the app that crashed right after the local commit: never synced
    const after = make()
    after.start()
    await vi.waitFor(async () => expect((await db.outbox.get({ op_id: op.op_id }))?.status).toBe('applied'))
    expect(server.applied.has(op.op_id)).toBe(true)
  })

  it('an op the server applied before the crash settles as duplicate on re-push', async () => {
    const { db, server, make } = setup()
    const op = await saveDept(db, 'a')
    // The server applies, then the connection dies before the answer arrives.
    const realPush = server.push.bind(server)
    server.push = async (ops) => {
      await realPush(ops)
      throw new TransientSyncError('connection reset')
    }
    await make().syncNow()
    expect(server.applied.has(op.op_id)).toBe(true)
    expect((await db.outbox.get({ op_id: op.op_id }))?.status).toBe('pending')

    server.push = realPush
    await make().syncNow()
    expect(await db.outbox.get({ op_id: op.op_id })).toMatchObject({ status: 'duplicate' })
    expect(server.applied.size).toBe(1)
  })
})

describe('local transport', () => {
  it('acknowledges every op, pulls nothing, and fails while offline', async () => {
    let online = false
    const transport = createLocalTransport({ isOnline: () => online, latencyMs: 0 })
    const op = { op_id: 'x', kind: 'department.upsert' as const, entity_id: 'e', payload: {}, device_time: '2025-01-01T00:00:00Z' }
    await expect(transport.push([op])).rejects.toBeInstanceOf(TransientSyncError)
    await expect(transport.pull(null, 10)).rejects.toBeInstanceOf(TransientSyncError)
    online = true
    expect(await transport.push([op])).toEqual([{ op_id: 'x', status: 'applied' }])
    expect(await transport.pull(null, 10)).toMatchObject({ changes: [], has_more: false })
  })

  it('turns pending into synced only once the device is online', async () => {
    const { db, clock } = setup()
    let online = false
    const engine = createSyncEngine({
      db,
      transport: createLocalTransport({ isOnline: () => online, latencyMs: 0 }),
      now: clock.now,
      random: () => 0,
      window: null,
      document: null,
      // navigator.onLine says "online" but the network is down: the transport decides.
      isOnline: () => true,
    })
    await saveDept(db, 'a')
    await engine.syncNow()
    expect(engine.getState()).toMatchObject({ phase: 'backoff', pending: 1 })
    online = true
    await engine.syncNow()
    expect(engine.getState()).toMatchObject({ phase: 'idle', pending: 0 })
  })
})
