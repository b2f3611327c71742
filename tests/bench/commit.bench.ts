/** Local commit latency (a change + its outbox entry in one IndexedDB transaction) in Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser } from 'playwright-core'
import { launchChromium, projectRoot } from '../e2e/support/browser'
import { createReport, percentile } from './support/report'

describe('local commit', () => {
  let server: ViteDevServer
  let browser: Browser
  const report = createReport('Local commit in Chromium (IndexedDB)')

  beforeAll(async () => {
    server = await createServer({ root: projectRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 5400, strictPort: false } })
    await server.listen()
    browser = await launchChromium()
  })
  afterAll(async () => {
    report.print()
    await browser?.close()
    await server?.close()
  })

  it('commits 500 changes, each with its outbox entry', async () => {
    const page = await browser.newPage()
    const base = server.resolvedUrls?.local[0] ?? ''
    await page.goto(`${base}tests/bench/pages/commit.html`)
    await page.waitForFunction(() => typeof window.runCommitBench === 'function')
    // Warm-up (first transaction opens the database), then the measured run.
    await page.evaluate(() => window.runCommitBench(20))
    const { samples, outbox, rows } = await page.evaluate(() => window.runCommitBench(500))
    expect(outbox).toBe(500)
    expect(rows).toBe(500)
    report.add({ what: 'commit + outbox entry, p50', value: percentile(samples, 50), unit: 'ms' })
    report.add({ what: 'commit + outbox entry, p95', value: percentile(samples, 95), unit: 'ms', goal: '≤ 10 ms' })
  })

  // What the kpi_months middleware (platform/db/kpiMonths.ts) adds to a write: the same commits with
  // it on and off, back to back and alternated (3 rounds each), so a busy machine's drift hits both.
  it('the kpi_months middleware on a write: on vs off, a department and a task, the cache empty or kept', async () => {
    const page = await browser.newPage()
    const base = server.resolvedUrls?.local[0] ?? ''
    await page.goto(`${base}tests/bench/pages/commit.html`)
    await page.waitForFunction(() => typeof window.runCommitBench === 'function')
    const cases = [
      { what: 'department', options: { table: 'departments' as const } },
      { what: 'task, no month kept', options: { table: 'tasks' as const } },
      { what: 'task, a year of months kept', options: { table: 'tasks' as const, cachedMonths: true } },
    ]
    for (const c of cases) {
      const on: number[] = []
      const off: number[] = []
      await page.evaluate((o) => window.runCommitBench(20, o), c.options)
      for (let round = 0; round < 3; round++) {
        for (const kpiMiddleware of [true, false]) {
          const { samples, outbox, rows } = await page.evaluate(([o, m]) => window.runCommitBench(200, { ...o, kpiMiddleware: m }), [c.options, kpiMiddleware] as const)
          expect(outbox).toBe(200)
          expect(rows).toBe(200)
          ;(kpiMiddleware ? on : off).push(...samples)
        }
      }
      for (const [label, s] of [['on', on], ['off', off]] as const) {
        report.add({ what: `${c.what}, middleware ${label}, p50`, value: percentile(s, 50), unit: 'ms' })
        report.add({ what: `${c.what}, middleware ${label}, p95`, value: percentile(s, 95), unit: 'ms' })
      }
    }
  })
})
