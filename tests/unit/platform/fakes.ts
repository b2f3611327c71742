import type { OpResult, PullPage, SyncOp, SyncTransport } from '@/platform/sync'

/** A controllable clock and timer queue: nothing waits on the wall clock. */
export function fakeClock(start = Date.parse('2025-06-01T00:00:00.000Z')) {
  let t = start
  let nextId = 0
  const timers = new Map<number, { at: number; fn: () => void }>()
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number): unknown => {
      nextId += 1
      timers.set(nextId, { at: t + ms, fn })
      return nextId
    },
    clearTimer: (h: unknown) => void timers.delete(h as number),
    /** Moves time forward and fires due timers in order. */
    advance(ms: number) {
      const target = t + ms
      for (;;) {
        const due = [...timers.entries()].filter(([, x]) => x.at <= target).sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        t = due[1].at
        due[1].fn()
      }
      t = target
    },
    get timerCount() {
      return timers.size
    },
    nextTimerAt: () => Math.min(...[...timers.values()].map((x) => x.at)),
  }
}

/**
 * An in-memory server: remembers applied op_ids (so a re-push is 'duplicate'), refuses what
 * `refuse` says, and serves pull pages from a list. `fail` makes the next calls throw.
 */
export class FakeServer implements SyncTransport {
  applied = new Set<string>()
  pushCalls: SyncOp[][] = []
  pullCalls: (string | null)[] = []
  pages: PullPage[] = []
  refuse: (op: SyncOp) => OpResult | null = () => null
  fail: (() => Error) | null = null
  failPull: (() => Error) | null = null
  /** Drop results for these op_ids from the answer. */
  omit = new Set<string>()
  gate: Promise<void> | null = null

  async push(ops: SyncOp[]): Promise<OpResult[]> {
    this.pushCalls.push(ops)
    if (this.gate) await this.gate
    if (this.fail) throw this.fail()
    return ops
      .map((op): OpResult => {
        const refused = this.refuse(op)
        if (refused) return refused
        if (this.applied.has(op.op_id)) return { op_id: op.op_id, status: 'duplicate' }
        this.applied.add(op.op_id)
        return { op_id: op.op_id, status: 'applied' }
      })
      .filter((r) => !this.omit.has(r.op_id))
  }

  async pull(cursor: string | null): Promise<PullPage> {
    this.pullCalls.push(cursor)
    if (this.failPull) throw this.failPull()
    return this.pages.shift() ?? { changes: [], cursor: cursor ?? '0', has_more: false }
  }
}

/** A window/document stand-in that counts listeners so stop() can be checked. */
export class FakeTarget {
  listeners = new Map<string, Set<() => void>>()
  visibilityState: DocumentVisibilityState = 'visible'
  addEventListener(type: string, fn: () => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set())
    this.listeners.get(type)?.add(fn)
  }
  removeEventListener(type: string, fn: () => void) {
    this.listeners.get(type)?.delete(fn)
  }
  dispatch(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn()
  }
  get count() {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0)
  }
}

export function deferred() {
  let resolve: () => void = () => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}
