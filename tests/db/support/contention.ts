// Many devices pushing at once over the same assets (issue 8, point 1): N pushers, each on its
// own connection, each sending batches of custody.record ops over a few shared assets in its
// own shuffled order. Used by tests/db/sync-push-contention.test.ts and the sync bench.
import type pg from 'pg'
import type { OpResult, SyncOp } from '../../../src/platform/sync/protocol'
import { DEMO, type TestDb } from './database'
import { createAsset, eventOp } from './custody'
import { connect } from './pg-backend'

export interface ContentionOptions {
  pushers: number
  batches: number
  batchSize: number
  assets: number
}

export interface ContentionRun {
  assetIds: string[]
  ops: SyncOp[]
  results: OpResult[]
  /** Calls that raised (deadlock, serialization...) instead of answering. */
  errors: string[]
  batchMs: number[]
  totalMs: number
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/** One batch: audit scans spread over the shared assets, in an order of this pusher's own. */
function batchOps(assetIds: string[], size: number, seed: number): SyncOp[] {
  const order = shuffled(assetIds, seed)
  return Array.from({ length: size }, (_, i) =>
    eventOp(order[i % order.length] as string, 'audit_seen', { location: '档案柜', condition: 'good', in_place: true }),
  )
}

async function pushOnce(c: pg.Client, user: string, ops: SyncOp[]): Promise<OpResult[]> {
  await c.query('begin')
  try {
    await c.query('set local role authenticated')
    await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: user, role: 'authenticated' })])
    const { rows } = await c.query('select public.sync_push($1::jsonb) as r', [JSON.stringify(ops)])
    await c.query('commit')
    return rows[0].r as OpResult[]
  } catch (error) {
    await c.query('rollback')
    throw error
  }
}

/** Runs the pushers at once; a call that raises is counted, not retried. Needs a real server (db.url). */
export async function runContention(db: TestDb, o: ContentionOptions): Promise<ContentionRun> {
  if (!db.url) throw new Error('runContention needs a real server (DATABASE_URL)')
  const user = DEMO.users.adminHead
  const assetIds: string[] = []
  for (let i = 0; i < o.assets; i++) assetIds.push(await createAsset(db, 'equipment'))
  const clients = Array.from({ length: o.pushers }, () => connect(db.url as string))
  await Promise.all(clients.map((c) => c.connect()))
  const plan = clients.map((_, p) => Array.from({ length: o.batches }, (_, b) => batchOps(assetIds, o.batchSize, 7919 * (p + 1) + b)))
  const run: ContentionRun = { assetIds, ops: plan.flat(2), results: [], errors: [], batchMs: [], totalMs: 0 }
  const t0 = performance.now()
  try {
    await Promise.all(
      clients.map(async (c, p) => {
        for (const ops of plan[p] ?? []) {
          const b0 = performance.now()
          try {
            run.results.push(...(await pushOnce(c, user, ops)))
          } catch (error) {
            run.errors.push(error instanceof Error ? error.message : String(error))
          }
          run.batchMs.push(performance.now() - b0)
        }
      }),
    )
  } finally {
    run.totalMs = performance.now() - t0
    await Promise.all(clients.map((c) => c.end()))
  }
  return run
}
