/**
 * Custody event cost by history length (issue 8, point 11): pushing in-order events to an asset
 * with 100 events and to one with 10,000 (PGlite, or DATABASE_URL's server). The derivation
 * appends from the stored position, so the cost per event should not grow with the history.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createAsset, eventOp } from '../db/support/custody'
import { DEMO, openTestDb, type TestDb } from '../db/support/database'
import { push } from '../db/support/sync'
import { createReport } from './support/report'

const MEASURED = 200
const BATCH = 50
let clock = Date.now() - 3_600_000

/** An asset with n events already folded (inserted directly, then one full fold). */
async function assetWithHistory(db: TestDb, n: number): Promise<string> {
  const id = await createAsset(db, 'equipment')
  await db.query(
    `insert into public.custody_events (id, asset_id, type, actor_id, device_time, payload)
     select gen_random_uuid(), $1, case when i % 2 = 0 then 'check_out' else 'check_in' end, $2,
            now() - interval '20 days' + i * interval '1 second',
            case when i % 2 = 0 then jsonb_build_object('to_person', $3::text, 'due_at', null, 'purpose', null, 'condition', 'good')
                 else jsonb_build_object('condition', 'good') end
     from generate_series(0, $4 - 1) i`,
    [id, DEMO.users.adminHead, DEMO.users.employee, n],
  )
  await db.query('select private.custody_derive($1)', [id])
  return id
}

/** ms per event for MEASURED in-order audit scans, pushed in batches. */
async function perEvent(db: TestDb, asset: string): Promise<number> {
  let ms = 0
  for (let b = 0; b < MEASURED / BATCH; b++) {
    // Scans a few ms apart, as on a phone (ops made in one ms would tie and sort by their random ids).
    const ops = Array.from({ length: BATCH }, () =>
      eventOp(asset, 'audit_seen', { location: '仓库', condition: 'good', in_place: true }, new Date((clock += 5)).toISOString()),
    )
    const t0 = performance.now()
    const results = await push(db, DEMO.users.adminHead, ops)
    ms += performance.now() - t0
    expect(results.every((r) => r.status === 'applied')).toBe(true)
  }
  return ms / MEASURED
}

describe('custody event cost by history length', () => {
  const report = createReport(`Custody derivation on ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'}`)
  let db: TestDb
  afterAll(async () => {
    report.print()
    await db?.close()
  })

  it('an event costs the same after 100 and after 10,000 events of one asset', async () => {
    db = await openTestDb()
    const small = await assetWithHistory(db, 100)
    const big = await assetWithHistory(db, 10_000)
    await perEvent(db, small) // warm-up (plans, caches)
    const at100 = await perEvent(db, small)
    const at10k = await perEvent(db, big)
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.custody_events where asset_id = $1', [big])
    expect(n?.n).toBe(10_000 + MEASURED)
    report.add({ what: 'per event, asset with ~100 events', value: at100, unit: 'ms' })
    report.add({ what: 'per event, asset with 10,000 events', value: at10k, unit: 'ms' })
    report.add({ what: 'ratio 10,000 / 100', value: at10k / at100, unit: '×', goal: '≤ 1.5' })
  })
})
