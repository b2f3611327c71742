import { describe, expect, it } from 'vitest'
import { createDeduper } from '@/shared/ui/scanner/dedupe'

describe('scan deduper', () => {
  it('accepts a new text, drops the same text within the window, accepts it after a quiet window', () => {
    const d = createDeduper(2000)
    expect(d.accept('A', 0)).toBe(true)
    expect(d.accept('A', 500)).toBe(false)
    expect(d.accept('A', 2600)).toBe(true)
  })

  it('keeps a label held in view quiet: each sighting extends the window', () => {
    const d = createDeduper(2000)
    expect(d.accept('A', 0)).toBe(true)
    for (let t = 100; t <= 10_000; t += 100) expect(d.accept('A', t)).toBe(false)
  })

  it('accepts a different text at once; two labels in view together do not re-fire each other', () => {
    const d = createDeduper(2000)
    expect(d.accept('A', 0)).toBe(true)
    expect(d.accept('B', 10)).toBe(true)
    for (let t = 20; t <= 5000; t += 20) expect(d.accept(t % 40 === 0 ? 'A' : 'B', t)).toBe(false)
    // Out of view past the window: a new scan.
    expect(d.accept('A', 8000)).toBe(true)
  })

  it('forgets on reset', () => {
    const d = createDeduper(2000)
    d.accept('A', 0)
    d.reset()
    expect(d.accept('A', 1)).toBe(true)
  })
})
