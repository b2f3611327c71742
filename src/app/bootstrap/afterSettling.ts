import { whenIdle } from '@/shared/lib/idle'

/**
 * How long after the first page is in (and the device db is ready) the work the page does not need
 * waits: its data read, its largest paint, its charts (issue 13).
 */
export const SETTLE_MS = 2000

/**
 * Resolves once the first page has had time to settle and the main thread is idle: for start-up
 * work no page needs (the rest of the messages; the service worker's install, which precaches
 * every chunk and, on a first visit, took about a second of CPU while the page was still loading).
 */
export function afterSettling(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, SETTLE_MS)).then(() => whenIdle())
}
