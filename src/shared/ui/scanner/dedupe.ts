/**
 * Batch scanning sees the same labels many times a second while they stay in view:
 * only a new text, or a text after its own quiet window, counts as a new scan. Each text
 * has its own window, so two labels in view together do not re-fire each other.
 */
export const DEFAULT_DEDUPE_MS = 2000

export interface Deduper {
  /** True when `text` should be emitted now; records it as seen. */
  accept(text: string, nowMs?: number): boolean
  reset(): void
}

export function createDeduper(windowMs: number = DEFAULT_DEDUPE_MS): Deduper {
  const lastSeen = new Map<string, number>()
  return {
    accept(text, nowMs = Date.now()) {
      const at = lastSeen.get(text)
      const repeat = at !== undefined && nowMs - at < windowMs
      // Forget texts out of view for a while: a long audit keeps the map small.
      if (!repeat && lastSeen.size >= 64) for (const [k, t] of lastSeen) if (nowMs - t >= windowMs) lastSeen.delete(k)
      // Each sighting extends the window: a label held in view never re-fires.
      lastSeen.set(text, nowMs)
      return !repeat
    },
    reset() {
      lastSeen.clear()
    },
  }
}
