import { describe, expect, it } from 'vitest'
import { blockingOf, observedTasks, type TraceEvent } from '../../bench/support/traceTasks'

const MAIN = { pid: 1, tid: 1 }
const named = (pid: number, tid: number): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name: 'CrRendererMain' } })
const task = (ts: number, wallMs: number, cpuMs: number, thread = MAIN): TraceEvent => ({ name: 'RunTask', ph: 'X', ...thread, ts, dur: wallMs * 1000, tdur: cpuMs * 1000 })

describe('observedTasks', () => {
  it('sums the tasks after the first contentful paint as Lighthouse does (4x, less 50 ms), by wall time and by CPU time', () => {
    const events: TraceEvent[] = [
      named(1, 1),
      named(2, 1), // another renderer's main thread (an iframe, a blank page) with fewer tasks
      task(0, 40, 40, { pid: 2, tid: 1 }),
      task(1_000, 30, 30), // before the first contentful paint: not counted
      { name: 'firstContentfulPaint', pid: 1, tid: 1, ts: 50_000 },
      task(100_000, 25, 10), // waited for a core: 100 - 50 by wall time, nothing by CPU time
      task(200_000, 20, 20), // 80 - 50 both ways
      task(300_000, 10, 10), // under 12.5 ms: nothing
    ]
    expect(observedTasks({ traceEvents: events })).toEqual({ estimatedBlockingMs: 50 + 30, cpuBlockingMs: 30, longestMs: 25 })
  })

  it('has no figures without a first contentful paint', () => {
    expect(observedTasks({ traceEvents: [named(1, 1), task(100_000, 25, 10)] })).toBeNull()
  })

  it('blockingOf: unthrottled tasks block for what they run past 50 ms', () => {
    expect(blockingOf([49, 50, 80, 120])).toBe(30 + 70)
  })
})
