import { flushPromises } from '@vue/test-utils'
import { vi } from 'vitest'

/**
 * Waits for the UI (or the device database) to reach a state: re-runs `check` after
 * flushing promises until it passes. Use it after every async step (a submit, a save, a
 * live query) instead of asserting at once: on a busy 2-core machine Dexie's writes and
 * live queries land several ticks later. The timeout only bounds a failure; a passing
 * check returns at once.
 */
export async function until(check: () => void | Promise<void>): Promise<void> {
  await vi.waitFor(
    async () => {
      await flushPromises()
      await check()
    },
    { timeout: 10_000, interval: 20 },
  )
}
