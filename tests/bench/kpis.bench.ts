/** The KPI dashboard on the device: a year of a 500-person company (~200,000 rows) in Chromium's IndexedDB. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, projectRoot } from '../e2e/support/browser'
import { createReport, percentile } from './support/report'

const PEOPLE = 500
const RUNS = 10

describe('kpis', () => {
  let server: ViteDevServer
  let browser: Browser
  let page: Page
  const report = createReport(`KPIs: a year of a ${PEOPLE}-person company on the device (Chromium, IndexedDB)`)

  beforeAll(async () => {
    server = await createServer({ root: projectRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 5490, strictPort: false } })
    await server.listen()
    browser = await launchChromium()
    page = await browser.newPage()
    await page.goto(`${server.resolvedUrls?.local[0] ?? ''}tests/bench/pages/kpis.html`)
    await page.waitForFunction(() => typeof window.seedKpis === 'function')
    const seeded = await page.evaluate((n) => window.seedKpis(n), PEOPLE)
    expect(seeded.rows).toBeGreaterThanOrEqual(190_000)
    report.add({ what: `seed ${seeded.rows.toLocaleString('en')} rows (one bulk transaction)`, value: seeded.seedMs / 1000, unit: 's' })
  }, 600_000)
  afterAll(async () => {
    report.print()
    await browser?.close()
    await server?.close()
  })

  it('opens the dashboard: read, every item, the month, a trend and the ranking', async () => {
    const m = await page.evaluate((n) => window.measureDashboard(n), RUNS)
    expect(m.rows).toBeGreaterThan(100_000)
    report.add({ what: 'dashboard open, p50', value: percentile(m.samples, 50), unit: 'ms' })
    report.add({ what: 'dashboard open, p95', value: percentile(m.samples, 95), unit: 'ms', goal: '≤ 1000 ms' })
  }, 600_000)
})
