// One sync engine per origin (issue 8, point 10): engines in two tabs share one database; the
// one holding the Web Lock syncs, the other passes its requests to it; when the leader's tab
// goes, the other takes over. The Web Locks API and BroadcastChannel are faked in memory
// (same semantics: one holder per name, queued requests, abort while waiting).
import { describe, expect, it, vi } from 'vitest'
import type { ChannelLike, LockManagerLike, SyncTransport } from '@/platform/sync'
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
        const grant = () => {
          held = true
          void callback().finally(() => {
            held = false
            next()
          }).then(resolve, reject)
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
})
