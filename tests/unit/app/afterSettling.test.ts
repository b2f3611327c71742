import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterSettling, SETTLE_MS } from '@/app/bootstrap/afterSettling'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('afterSettling', () => {
  it('waits for the page to settle, then for an idle moment: the service worker and the other messages never start with the page', async () => {
    vi.useFakeTimers()
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (done: () => void) => idle.push(done))
    let settled = false
    void afterSettling().then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1)
    expect(idle).toHaveLength(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    // Settled, but the main thread is busy: still waiting.
    expect(idle).toHaveLength(1)
    expect(settled).toBe(false)
    idle[0]!()
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(true)
  })
})
