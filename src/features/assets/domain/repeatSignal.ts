/**
 * Batch mode: the camera reports a label in view on every frame. A keeper needs ONE short
 * "already in the list" signal per label, then quiet for a few seconds, not a beep per frame.
 */
export const REPEAT_SIGNAL_MS = 3000

export interface RepeatSignal {
  /** True when a signal for `key` may sound now (none in the last window); records it if so. */
  take(key: string, nowMs?: number): boolean
  /** `key` was just signalled another way (the success beep of an add): start its quiet window. */
  note(key: string, nowMs?: number): void
  reset(): void
}

export function createRepeatSignal(windowMs: number = REPEAT_SIGNAL_MS): RepeatSignal {
  const last = new Map<string, number>()
  // A batch is tens of labels; drop expired keys now and then so a long audit stays small.
  const prune = (now: number) => {
    if (last.size < 256) return
    for (const [k, at] of last) if (now - at >= windowMs) last.delete(k)
  }
  return {
    take(key, nowMs = Date.now()) {
      const at = last.get(key)
      // Sightings inside the window do not extend it: a label held in view signals once per window.
      if (at !== undefined && nowMs - at < windowMs) return false
      prune(nowMs)
      last.set(key, nowMs)
      return true
    },
    note(key, nowMs = Date.now()) {
      prune(nowMs)
      last.set(key, nowMs)
    },
    reset() {
      last.clear()
    },
  }
}
