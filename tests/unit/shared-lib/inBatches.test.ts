import { describe, expect, it } from 'vitest'
import { startInBatches } from '@/shared/lib/inBatches'

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('startInBatches', () => {
  it('starts one slice per task, in order, and resolves with what each start returned', async () => {
    const calls: number[][] = []
    const done = startInBatches([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, (batch) => {
      calls.push(batch)
      return batch.length
    })
    // The first slice at once; microtasks alone never start the next one.
    expect(calls).toEqual([[1, 2, 3, 4]])
    await Promise.resolve()
    await Promise.resolve()
    expect(calls).toHaveLength(1)
    await aTaskLater()
    expect(calls).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ])
    expect(await done).toEqual([4, 4, 2])
    expect(calls.at(-1)).toEqual([9, 10])
  })

  it('starts nothing for no items', async () => {
    let called = false
    expect(await startInBatches([], 4, () => (called = true))).toEqual([])
    expect(called).toBe(false)
  })
})
