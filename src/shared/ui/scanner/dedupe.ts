/**
 * Batch scanning sees the same label many times a second while it stays in view:
 * only a new text, or the same text after a quiet window, counts as a new scan.
 */
export const DEFAULT_DEDUPE_MS = 2000

export interface Deduper {
  /** True when `text` should be emitted now; records it as the last seen. */
  accept(text: string, nowMs?: number): boolean
  reset(): void
}

export function createDeduper(windowMs: number = DEFAULT_DEDUPE_MS): Deduper {
  let lastText: string | null = null
  let lastAt = -Infinity
  return {
    accept(text, nowMs = Date.now()) {
      const repeat = text === lastText && nowMs - lastAt < windowMs
      // Each sighting extends the window: a label held in view never re-fires.
      lastAt = nowMs
      lastText = text
      return !repeat
    },
    reset() {
      lastText = null
      lastAt = -Infinity
    },
  }
}
