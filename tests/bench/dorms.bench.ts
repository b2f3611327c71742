/** The dormitories' occupancy view over a large dormitory on the device (Chromium IndexedDB), issue 10's measure. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, projectRoot } from '../e2e/support/browser'
import { createReport, percentile } from './support/report'

const ROOMS = 200
const YEARS = 5
const RUNS = 30

describe('dorms', () => {
  let server: ViteDevServer
  let browser: Browser
  let page: Page
  const report = createReport(`Dormitories: ${ROOMS} rooms, ${ROOMS * 5} beds, ${YEARS} years of stays in Chromium (IndexedDB)`)

  beforeAll(async () => {
    server = await createServer({ root: projectRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 5490, strictPort: false } })
    await server.listen()
    browser = await launchChromium()
    page = await browser.newPage()
    await page.goto(`${server.resolvedUrls?.local[0] ?? ''}tests/bench/pages/dorms.html`)
    await page.waitForFunction(() => typeof window.seedDorms === 'function')
    const seeded = await page.evaluate(([r, y]) => window.seedDorms(r, y), [ROOMS, YEARS] as const)
    expect(seeded).toMatchObject({ rooms: ROOMS, beds: ROOMS * 5 })
    expect(seeded.stays).toBeGreaterThan(ROOMS * 5 * YEARS)
    report.add({ what: `seed (one transaction: ${seeded.stays.toLocaleString('en')} stays, ${seeded.events.toLocaleString('en')} bed events)`, value: seeded.seedMs / 1000, unit: 's' })
  }, 300_000)
  afterAll(async () => {
    report.print()
    await browser?.close()
    await server?.close()
  })

  it('opens the occupancy view (snapshot + vacant beds by floor and gender)', async () => {
    const m = await page.evaluate((n) => window.measureOccupancy(n), RUNS)
    expect(m.beds).toBe(ROOMS * 5)
    expect(m.floors).toBeGreaterThan(1)
    report.add({ what: 'occupancy open, p50', value: percentile(m.samples, 50), unit: 'ms' })
    report.add({ what: 'occupancy open, p95', value: percentile(m.samples, 95), unit: 'ms', goal: '≤ 200 ms' })
  }, 300_000)
})
