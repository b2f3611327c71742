// One sync engine per origin (issue 8, point 10): engines in two tabs share one database; the
// one holding the Web Lock syncs, the other passes its requests to it; when the leader's tab
// goes, the other takes over. The Web Locks API and BroadcastChannel are faked in memory
// (same semantics: one holder per name, queued requests, abort while waiting).
import { describe, expect, it, vi } from 'vitest'
import { createLeadership, type ChannelLike, type LockManagerLike, type SyncTransport } from '@/platform/sync'
import { saveDept, setup } from './engineSetup'

function fakeLocks(): LockManagerLike {
  const queue: { grant: () => void; signal?: AbortSignal | undefined }[] = []
  let held = false
  const next = () => {
    const w = queue.shift()
    if (w) w.grant()
  }
  return {
    request(_name, options, callback) {
      return new Promise((resolve, reject) => {
        // As in browsers: granted at once (an abort no longer applies), the callback runs a task later.
        const grant = () => {
          held = true
          queueMicrotask(() => {
            void callback()
              .finally(() => {
                held = false
                next()
              })
              .then(resolve, reject)
          })
        }
        const w = { grant, signal: options.signal }
        options.signal?.addEventListener('abort', () => {
          const i = queue.indexOf(w)
          if (i >= 0) {
            queue.splice(i, 1)
            reject(new DOMException('aborted', 'AbortError'))
          }
        })
        if (held) queue.push(w)
        else grant()
      })
    },
  }
}

function fakeChannels() {
  const members = new Set<FakeChannel>()
  class FakeChannel implements ChannelLike {
    fns = new Set<(e: { data: unknown }) => void>()
    constructor() {
      members.add(this)
    }
    postMessage(data: unknown) {
      for (const m of members) if (m !== this) for (const fn of m.fns) queueMicrotask(() => fn({ data }))
    }
    addEventListener(_t: 'message', fn: (e: { data: unknown }) => void) {
      this.fns.add(fn)
    }
    removeEventListener(_t: 'message', fn: (e: { data: unknown }) => void) {
      this.fns.delete(fn)
    }
    close() {
      members.delete(this)
    }
  }
  return () => new FakeChannel()
}

describe('sync engine: one per origin', () => {
  it('two tabs: the leader pushes each op once; the follower asks it; the follower takes over when the leader stops', async () => {
    const { db, server, make } = setup()
    const locks = fakeLocks()
    const channel = fakeChannels()
    const pushedBy = { a: 0, b: 0 }
    const counted = (tab: 'a' | 'b'): SyncTransport => ({
      push: (ops) => {
        pushedBy[tab] += ops.length
        return server.push(ops)
      },
      pull: (cursor) => server.pull(cursor),
    })
    await saveDept(db, 'd1')
    await saveDept(db, 'd2')
    const a = make({ transport: counted('a'), leadership: { locks, channel: channel() } })
    const b = make({ transport: counted('b'), leadership: { locks, channel: channel() } })
    a.start()
    b.start()
    await vi.waitFor(() => expect(a.getState()).toMatchObject({ phase: 'idle', pending: 0 }))
    await b.syncNow()
    await saveDept(db, 'd3')
    await b.syncNow() // the follower's button: the leader syncs
    await vi.waitFor(() => expect(server.applied.size).toBe(3))
    const pushedOps = server.pushCalls.flat().map((o) => o.op_id)
    expect(pushedOps).toHaveLength(new Set(pushedOps).size) // each op pushed once
    expect(pushedBy).toEqual({ a: 3, b: 0 })

    // The leader's tab closes: the follower leads and pushes what comes next.
    a.stop()
    await vi.waitFor(() => expect(a.getState().phase).toBe('idle')) // a drain in flight finishes
    await saveDept(db, 'd4')
    await vi.waitFor(() => expect(server.applied.size).toBe(4))
    expect(pushedBy).toEqual({ a: 3, b: 1 })
    expect(server.pushCalls.flat()).toHaveLength(4)
  })

  it('without the Web Locks API every engine syncs, as before', async () => {
    const { db, server, make } = setup()
    await saveDept(db, 'x')
    const engine = make({ leadership: { locks: null, channel: null } })
    engine.start()
    await vi.waitFor(() => expect(server.applied.size).toBe(1))
  })

  it("a follower's sync button waits for the leader's drain, and the follower shows the leader's state", async () => {
    const { db, server, win, make, setOnline } = setup()
    const locks = fakeLocks()
    const channel = fakeChannels()
    const a = make({ leadership: { locks, channel: channel() } })
    const b = make({ leadership: { locks, channel: channel() } })
    a.start()
    b.start()
    await vi.waitFor(() => expect(a.getState().lastSyncAt).not.toBeNull())

    // Offline, then back online: the follower must not stay "offline" (it was, before).
    setOnline(false)
    win.dispatch('offline')
    expect(b.getState().phase).toBe('offline')
    await saveDept(db, 'o1')
    setOnline(true)
    win.dispatch('online')
    await vi.waitFor(() => expect(server.applied.size).toBe(1))
    await vi.waitFor(() => expect(b.getState()).toMatchObject({ phase: 'idle', online: true, pending: 0 }))
    expect(b.getState().lastSyncAt).toBe(a.getState().lastSyncAt)

    // The follower's "sync now" resolves once the leader has pushed (it resolved at once before).
    const op = await saveDept(db, 'o2')
    await b.syncNow()
    expect(server.applied.has(op.op_id)).toBe(true)
    expect(server.pushCalls.flat().filter((o) => o.op_id === op.op_id)).toHaveLength(1)
  })

  it('a lock granted just as the engine stops is given back, so the next engine in the tab can lead', async () => {
    const locks = fakeLocks()
    const first = createLeadership({ locks, channel: null })
    const onLead = vi.fn()
    first.start({ onLead, onAsk: async () => {}, onState: () => {} })
    first.stop() // before the callback ran: it used to take the lock and hold it for good
    const second = createLeadership({ locks, channel: null })
    const secondLeads = vi.fn()
    second.start({ onLead: secondLeads, onAsk: async () => {}, onState: () => {} })
    await vi.waitFor(() => expect(secondLeads).toHaveBeenCalledOnce())
    expect(onLead).not.toHaveBeenCalled()
    expect(first.isLeader()).toBe(false)
    expect(second.isLeader()).toBe(true)
    second.stop()
  })

  it("a follower's ask without an answer resolves after the timeout (never hangs)", async () => {
    vi.useFakeTimers()
    try {
      const channel = fakeChannels()
      const lonely = createLeadership({ locks: fakeLocks(), channel: channel(), askTimeoutMs: 1000 })
      let done = false
      void lonely.ask(true).then(() => (done = true))
      await vi.advanceTimersByTimeAsync(999)
      expect(done).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(done).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })
})
