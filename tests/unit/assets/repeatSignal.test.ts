import { describe, expect, it } from 'vitest'
import { createRepeatSignal } from '@/features/assets/domain/repeatSignal'

describe('batch repeat signal', () => {
  it('signals a label held in view once per window, not once per frame', () => {
    const s = createRepeatSignal(3000)
    const beeps: number[] = []
    // 30 frames a second for 10 s.
    for (let t = 0; t <= 10_000; t += 33) if (s.take('A', t)) beeps.push(t)
    expect(beeps).toEqual([0, 3003, 6006, 9009])
  })

  it('keeps each label to its own window', () => {
    const s = createRepeatSignal(3000)
    expect(s.take('A', 0)).toBe(true)
    expect(s.take('B', 10)).toBe(true)
    expect(s.take('A', 20)).toBe(false)
    expect(s.take('B', 30)).toBe(false)
    expect(s.take('A', 3000)).toBe(true)
  })

  it('starts the quiet window at the success beep of an add', () => {
    const s = createRepeatSignal(3000)
    s.note('A', 1000)
    expect(s.take('A', 1033)).toBe(false)
    expect(s.take('A', 3999)).toBe(false)
    expect(s.take('A', 4000)).toBe(true)
  })

  it('forgets on reset, and stays small over a long audit', () => {
    const s = createRepeatSignal(3000)
    s.take('A', 0)
    s.reset()
    expect(s.take('A', 1)).toBe(true)
    for (let i = 0; i < 5000; i++) expect(s.take(`label-${i}`, i * 100)).toBe(true)
    expect(s.take('label-4999', 499_950)).toBe(false)
  })
})
