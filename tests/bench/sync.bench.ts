/** Sync throughput through the real engine and the real SQL (PGlite, or DATABASE_URL's server). */
import { afterAll, describe, expect, it } from 'vitest'
import { openTestDb } from '../db/support/database'
import { benchSync } from '../support/syncBench'
import { createReport } from './support/report'

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
})
