/** Resolves when the main thread is idle (at the latest after `timeout` ms): for work the first screen does not need. */
export function whenIdle(timeout = 1500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window !== 'undefined' && 'requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout })
    else setTimeout(resolve, 200)
  })
}
