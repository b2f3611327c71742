/** Resolves when the main thread is idle (at the latest after `timeout` ms): for work the first screen does not need. */
export function whenIdle(timeout = 1500): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window !== 'undefined' && 'requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout })
    else setTimeout(resolve, 200)
  })
}

/**
 * Loads a module a save path imports lazily (a zod schema) once the page is idle, so it is in
 * memory before any save: a save made offline on a first visit, before the service worker has
 * precached the chunk, could not fetch it. A failed load is dropped: the save's own import retries.
 */
export function warmImport(load: () => Promise<unknown>): void {
  void whenIdle()
    .then(load)
    .catch(() => undefined)
}
