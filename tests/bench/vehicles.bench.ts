/** Fuel economy + anomalies (the vehicles domain) in Chromium: one vehicle × 5,000 fills, 200 vehicles × 2 years. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, projectRoot } from '../e2e/support/browser'
import { createReport, percentile } from './support/report'

const RUNS = 20

describe('vehicles: economy and anomalies', () => {
  let server: ViteDevServer
  let browser: Browser
  let page: Page
  const report = createReport('Vehicles: full-to-full economy + fuel anomalies in Chromium (benchFleet data)')

  beforeAll(async () => {
    server = await createServer({ root: projectRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 5480, strictPort: false } })
    await server.listen()
    browser = await launchChromium()
    page = await browser.newPage()
    const base = server.resolvedUrls?.local[0] ?? ''
    await page.goto(`${base}tests/bench/pages/vehicles.html`)
    await page.waitForFunction(() => typeof window.measureAnalysis === 'function')
  })
  afterAll(async () => {
    report.print()
    await browser?.close()
    await server?.close()
  })

  const add = (what: string, samples: number[], goal = '') => {
    report.add({ what: `${what}, p50`, value: percentile(samples, 50), unit: 'ms' })
    report.add({ what: `${what}, p95`, value: percentile(samples, 95), unit: 'ms', goal })
  }

  it('one vehicle with 5,000 fuel entries', async () => {
    const r = await page.evaluate((n) => window.measureAnalysis({ vehicles: 1, days: 100_000, entriesPerVehicle: 5000 }, n), RUNS)
    // 5,000 fills plus the planted duplicates; every planted anomaly found.
    expect(r.counts.entries).toBeGreaterThanOrEqual(5000)
    expect(r.counts.vehicles).toBe(1)
    expect(r.counts.intervals).toBeGreaterThan(3000)
    expect(r.counts.planted).toBeGreaterThan(0)
    expect(r.counts.plantedFound).toBe(r.counts.planted)
    add(`1 vehicle, ${r.counts.entries.toLocaleString('en')} entries: economy + anomalies`, r.samples, '≤ 50 ms')
  })

  it('a fleet of 200 vehicles over two years', async () => {
    const r = await page.evaluate((n) => window.measureAnalysis({ vehicles: 200, days: 730 }, n), RUNS)
    expect(r.counts.vehicles).toBe(200)
    expect(r.counts.entries).toBeGreaterThan(20_000)
    expect(r.counts.plantedFound).toBe(r.counts.planted)
    add(`200 vehicles × 2 years, ${r.counts.entries.toLocaleString('en')} entries: economy + anomalies`, r.samples, '≤ 1 s')
  })

  it('the same fleet read from IndexedDB first (what the dashboard does)', async () => {
    const seeded = await page.evaluate(() => window.seedFleet(200, 730))
    expect(seeded.rows).toBeGreaterThan(20_000)
    report.add({ what: `seed ${seeded.rows.toLocaleString('en')} fuel_logs rows (bulkAdd, once)`, value: seeded.seedMs / 1000, unit: 's' })
    const r = await page.evaluate((n) => window.measureReadAndAnalyse(n), 10)
    expect(r.counts.entries).toBe(seeded.rows)
    expect(r.counts.plantedFound).toBe(r.counts.planted)
    add('  read fuel_logs + economy + anomalies', r.samples)
  })
})
