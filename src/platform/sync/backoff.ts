export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_MAX_MS = 5 * 60_000

/**
 * Delay before the next try after `attempts` consecutive failures (1 = first failure):
 * 2s·2^(n-1) capped at 5 min, with "equal jitter" (half fixed, half random) so phones that
 * lost signal together do not all come back at the same instant.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1))
  return Math.round(exp / 2 + (random() * exp) / 2)
}
