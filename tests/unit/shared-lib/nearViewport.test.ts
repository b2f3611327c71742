import { afterEach, describe, expect, it, vi } from 'vitest'
import { whenNearViewport } from '@/shared/lib/nearViewport'
import { FakeIntersectionObserver as FakeObserver } from '../../support/fakeIntersectionObserver'

const settled = async (promise: Promise<void>) => {
  let done = false
  void promise.then(() => (done = true))
  await new Promise((resolve) => setTimeout(resolve, 0))
  return done
}

afterEach(() => {
  FakeObserver.all = []
  vi.unstubAllGlobals()
})

describe('whenNearViewport', () => {
  it('waits until the element comes within the margin below the fold, then stops watching', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    const element = document.createElement('div')
    const near = whenNearViewport(element, '48px')
    const [observer] = FakeObserver.all
    expect(observer!.observed).toEqual([element])
    expect(observer!.options.rootMargin).toBe('0px 0px 48px 0px')
    expect(await settled(near.seen)).toBe(false)
    // Still below: an entry that does not intersect changes nothing.
    observer!.scrolledTo(false)
    expect(await settled(near.seen)).toBe(false)
    expect(observer!.connected).toBe(true)
    observer!.scrolledTo(true)
    expect(await settled(near.seen)).toBe(true)
    expect(observer!.connected).toBe(false)
  })

  it('cancel stops watching: an unmounted chart is never drawn', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver)
    const near = whenNearViewport(document.createElement('div'))
    near.cancel()
    expect(FakeObserver.all[0]!.connected).toBe(false)
    expect(await settled(near.seen)).toBe(false)
  })

  it('resolves at once where the browser has no IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    expect(await settled(whenNearViewport(document.createElement('div')).seen)).toBe(true)
  })
})
