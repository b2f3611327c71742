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
})
