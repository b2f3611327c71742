// Concurrent batches over shared assets (issue 8, point 1), on a real server: PGlite has one
// connection. Each batch used to lock its assets one op at a time in payload order and hold
// them to commit, so two batches crossing the same assets deadlocked and, with 20 devices,
// nothing committed. sync_push now locks what a batch touches in one order before applying.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { percentile } from '../bench/support/report'
import { runContention } from './support/contention'

describe.runIf(process.env.DATABASE_URL)('sync_push under contention (real server)', () => {
  let db: TestDb
  beforeAll(async () => {
    db = await openTestDb()
  })
  afterAll(() => db?.close())

  it('20 pushers × batches of 50 over 10 shared assets: no call fails, every op applied exactly once', async () => {
    const run = await runContention(db, { pushers: 20, batches: 1, batchSize: 50, assets: 10 })
    console.log(
      `[contention] 20 pushers × 1 batch of 50 over 10 assets on PostgreSQL: ${run.totalMs.toFixed(0)} ms in all, ` +
        `p95 per batch ${percentile(run.batchMs, 95).toFixed(0)} ms, ${run.errors.length} failed calls`,
    )
    expect(run.errors).toEqual([])
    expect(run.results).toHaveLength(run.ops.length)
    expect(new Set(run.results.map((r) => r.status))).toEqual(new Set(['applied']))

    const ids = run.ops.map((o) => o.entity_id)
    const [events] = await db.query<{ n: number; distinct_ids: number }>(
      'select count(*)::int as n, count(distinct id)::int as distinct_ids from public.custody_events where id = any($1::uuid[])', [ids],
    )
    expect(events).toEqual({ n: 1000, distinct_ids: 1000 })
    const [ledger] = await db.query<{ n: number }>(
      'select count(*)::int as n from public.sync_ops where op_id = any($1::uuid[])', [run.ops.map((o) => o.op_id)],
    )
    expect(ledger?.n).toBe(1000)
    const perAsset = await db.query<{ n: number }>(
      'select count(*)::int as n from public.custody_events where asset_id = any($1::uuid[]) group by asset_id', [run.assetIds],
    )
    expect(perAsset.map((r) => r.n)).toEqual(Array(10).fill(100))
  })
})

describe('what op kinds lock (private.sync_op_locks)', () => {
  let db: TestDb
  beforeAll(async () => {
    db = await openTestDb()
  })
  afterAll(() => db?.close())

  it('names kinds that exist and tables with an id column', async () => {
    const rows = await db.query<{ kind: string; has_fn: boolean; has_id: boolean }>(
      `select l.kind,
              pg_catalog.to_regprocedure('private.sync_apply_' || replace(l.kind, '.', '_') || '(uuid,jsonb)') is not null as has_fn,
              exists (select 1 from pg_catalog.pg_attribute a where a.attrelid = l.rel and a.attname = 'id' and not a.attisdropped) as has_id
       from private.sync_op_locks l order by l.kind`,
    )
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.filter((r) => !r.has_fn || !r.has_id)).toEqual([])
  })

  it('a batch with malformed ops still answers each op (the up-front locking skips them)', async () => {
    const [row] = await db.asUser(DEMO.users.adminHead, (q) =>
      q<{ r: { status: string }[] }>('select public.sync_push($1::jsonb) as r', [
        JSON.stringify([42, { kind: 'custody.record', op_id: 'x', payload: [] }, { kind: 'custody.record', payload: { asset_id: 'nope' } }]),
      ]),
    )
    expect(row?.r.map((r) => r.status)).toEqual(['refused', 'refused', 'refused'])
  })
})
