/**
 * Resolves in a later task of the main thread: start-up work split in parts so that a slow
 * phone can paint and answer input between them (issue 13, long tasks). `scheduler.yield()`
 * where the browser has it (it resumes before other queued work), else a zero timeout.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}
