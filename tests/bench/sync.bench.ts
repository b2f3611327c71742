/** Sync throughput through the real engine and the real SQL (PGlite, or DATABASE_URL's server). */
import { afterAll, describe, expect, it } from 'vitest'
import { openTestDb } from '../db/support/database'
import { benchSync } from '../support/syncBench'
import { runContention } from '../db/support/contention'
import { createReport, percentile } from './support/report'

describe('sync throughput', () => {
  const report = createReport(`Sync engine on ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'}`)
  afterAll(() => report.print())

  it('pushes 1,000 queued ops and pulls 10,000 rows', async () => {
    const { push1000Ms, pull10000Ms } = await benchSync({ openTestDb })
    expect(push1000Ms).toBeGreaterThan(0)
    expect(pull10000Ms).toBeGreaterThan(0)
    report.add({ what: 'push of 1,000 queued ops', value: push1000Ms, unit: 'ms', goal: '≤ 5,000 ms' })
    report.add({ what: 'pull of 10,000 rows', value: pull10000Ms, unit: 'ms', goal: '≤ 5,000 ms' })
  })

  // Issue 8, point 1: devices scanning the same cabinet at once (needs a real server's connections).
  it.runIf(process.env.DATABASE_URL)('20 pushers × batches of 50 over 10 shared assets', async () => {
    const db = await openTestDb()
    try {
      const run = await runContention(db, { pushers: 20, batches: 1, batchSize: 50, assets: 10 })
      expect(run.errors).toEqual([])
      expect(run.results.filter((r) => r.status === 'applied')).toHaveLength(1000)
      report.add({ what: '20 pushers × 50 ops, 10 shared assets: all 1,000 applied once, total', value: run.totalMs, unit: 'ms' })
      report.add({ what: '… p95 per batch', value: percentile(run.batchMs, 95), unit: 'ms' })
    } finally {
      await db.close()
    }
  })
})
