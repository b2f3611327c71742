import Dexie from 'dexie'
import type { AdminFieldDb } from '../db/schema'
import type { OutboxEntry } from '../db/rows'
import { backoffDelay } from './backoff'
import { toSyncOp } from './outbox'
import { AuthSyncError, type OpResult } from './protocol'

export type PushOutcome =
  | { kind: 'done'; pushed: number }
  | { kind: 'waiting'; until: number }
  | { kind: 'failed'; error: unknown; until: number }
  | { kind: 'auth'; error: AuthSyncError }

export interface PushContext {
  db: AdminFieldDb
  push: (ops: ReturnType<typeof toSyncOp>[]) => Promise<OpResult[]>
  batchSize: number
  now: () => number
  random: () => number
  /** Ignore next_attempt_at (the user asked, or the network just came back). */
  force: boolean
  /** When set, only this user's ops (and unstamped ones) are pushed: others wait for their own session. */
  userId?: string | null
}

const SETTLING = new Set(['applied', 'duplicate', 'flagged', 'refused'])

/** The oldest pending ops, in push order (only `userId`'s when given). */
export function nextBatch(db: AdminFieldDb, size: number, userId?: string | null): Promise<OutboxEntry[]> {
  const pending = db.outbox.where('[status+seq]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
  const mine = userId === undefined ? pending : pending.filter((e) => !e.user_id || e.user_id === userId)
  return mine.limit(size).toArray()
}

/** Drains the outbox in order, batch by batch, until it is empty or a call fails. */
export async function pushPending(ctx: PushContext): Promise<PushOutcome> {
  let force = ctx.force
  let pushed = 0
  for (;;) {
    const batch = await nextBatch(ctx.db, ctx.batchSize, ctx.userId)
    const head = batch[0]
    if (!head) return { kind: 'done', pushed }
    // Later ops wait behind the head: pushing them first would break causal order.
    if (!force && head.next_attempt_at > ctx.now()) return { kind: 'waiting', until: head.next_attempt_at }

    let results: OpResult[]
    try {
      results = await ctx.push(batch.map(toSyncOp))
    } catch (error) {
      // The session is gone: nothing about the ops changed, they wait for a new sign-in.
      if (error instanceof AuthSyncError) return { kind: 'auth', error }
      const until = await markFailed(ctx, batch, errorMessage(error))
      return { kind: 'failed', error, until }
    }

    const missing = await applyResults(ctx, batch, results)
    pushed += batch.length - missing.length
    if (missing.length > 0) {
      const error = new Error(`server returned no result for ${missing.length} op(s)`)
      return { kind: 'failed', error, until: await markFailed(ctx, missing, error.message) }
    }
    // The server answered: earlier backoff no longer applies within this drain.
    force = true
  }
}

/** Settles answered ops; returns the ones the server did not answer (they stay pending). */
async function applyResults(ctx: PushContext, batch: OutboxEntry[], results: OpResult[]): Promise<OutboxEntry[]> {
  const byId = new Map(results.filter((r) => SETTLING.has(r.status)).map((r) => [r.op_id, r]))
  const settledAt = new Date(ctx.now()).toISOString()
  const missing: OutboxEntry[] = []
  await ctx.db.transaction('rw', ctx.db.outbox, async () => {
    for (const entry of batch) {
      const r = byId.get(entry.op_id)
      if (!r) {
        missing.push(entry)
        continue
      }
      await ctx.db.outbox.where('op_id').equals(entry.op_id).modify({
        status: r.status,
        reason: r.status === 'refused' ? (r.reason ?? 'unknown') : (r.reason ?? null),
        detail: r.detail ?? null,
        last_error: null,
        settled_at: settledAt,
      })
    }
  })
  return missing
}

/** attempts++ and a jittered next_attempt_at; returns the earliest retry time. */
async function markFailed(ctx: PushContext, entries: OutboxEntry[], message: string): Promise<number> {
  let earliest = Number.POSITIVE_INFINITY
  await ctx.db.transaction('rw', ctx.db.outbox, async () => {
    for (const entry of entries) {
      const attempts = entry.attempts + 1
      const at = ctx.now() + backoffDelay(attempts, ctx.random)
      earliest = Math.min(earliest, at)
      await ctx.db.outbox
        .where('op_id')
        .equals(entry.op_id)
        .modify({ attempts, next_attempt_at: at, last_error: message })
    }
  })
  return earliest
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
