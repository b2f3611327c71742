import type { AdminFieldDb } from '../db/schema'

export const KEEP_SETTLED_MS = 7 * 24 * 60 * 60 * 1000

/** Settled ops are kept a week (for "recently synced" and debugging); refused ones never expire. */
export async function pruneSettled(db: AdminFieldDb, now: number): Promise<number> {
  const cutoff = now - KEEP_SETTLED_MS
  return db.outbox
    .where('status')
    .anyOf(['applied', 'duplicate', 'flagged'])
    .filter((e) => e.settled_at !== null && Date.parse(e.settled_at) < cutoff)
    .delete()
}
