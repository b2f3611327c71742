import { nextTask } from './nextTask'

/**
 * Calls `start` on successive slices of `items`, one slice per task (issue 13): work that is
 * cheap per item but long in total (a chunk's import() asked for each) leaves the main thread
 * between slices, so a slow phone paints and answers input meanwhile. Resolves with what each
 * call returned, in order.
 */
export async function startInBatches<T, R>(items: readonly T[], size: number, start: (batch: T[]) => R): Promise<R[]> {
  const started: R[] = []
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await nextTask()
    started.push(start(items.slice(i, i + size)))
  }
  return started
}
