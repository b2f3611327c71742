/** Rankings with a month of data for 300 areas (9,000 inspections, 30,000 photos as metadata) in Chromium's IndexedDB. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, projectRoot } from '../e2e/support/browser'
import { createReport, percentile } from './support/report'

const AREAS = 300
const PER_AREA = 30
const PHOTOS = 30_000
const RUNS = 20

describe('rankings', () => {
  let server: ViteDevServer
  let browser: Browser
  let page: Page
  const report = createReport(
    `Rankings: ${AREAS} areas, ${(AREAS * PER_AREA).toLocaleString('en')} inspections, ${PHOTOS.toLocaleString('en')} photo rows in Chromium (IndexedDB)`,
  )

  beforeAll(async () => {
    server = await createServer({ root: projectRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 5470, strictPort: false } })
    await server.listen()
    browser = await launchChromium()
    page = await browser.newPage()
    const base = server.resolvedUrls?.local[0] ?? ''
    await page.goto(`${base}tests/bench/pages/rankings.html`)
    await page.waitForFunction(() => typeof window.seedRankings === 'function')
    const seeded = await page.evaluate(([a, p, ph]) => window.seedRankings(a, p, ph), [AREAS, PER_AREA, PHOTOS] as const)
    expect(seeded).toMatchObject({ areas: AREAS, inspections: AREAS * PER_AREA, scores: AREAS * PER_AREA, photos: PHOTOS })
    report.add({ what: 'seed (bulkAdd with the score index, once)', value: seeded.seedMs / 1000, unit: 's' })
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

  it('reads the month and ranks by area, department and person (what a period change costs)', async () => {
    const cold = await page.evaluate((n) => window.measureRankPeriodCold(n), 10)
    expect(cold.rows).toEqual({ inspections: AREAS * PER_AREA, areas: AREAS, departments: 12, people: 60 })
    add('month, first visit (database just opened): read scores + rank by area, department, person', cold.samples, '≤ 300 ms')
    const warm = await page.evaluate((n) => window.measureRankPeriod(n), RUNS)
    expect(warm.rows).toEqual(cold.rows)
    add('month, again: read scores + rank', warm.samples, '≤ 300 ms')
  })

  it('splits the cost: the range read, then the aggregation', async () => {
    const read = await page.evaluate((n) => window.measureReadOnly(n), RUNS)
    expect(read.rows.inspections).toBe(AREAS * PER_AREA)
    add('  of which reading 9,000 score rows (inspection_scores, submitted_at range)', read.samples)
    const compute = await page.evaluate((n) => window.measureComputeOnly(n), RUNS)
    expect(compute.rows).toEqual({ inspections: AREAS * PER_AREA, areas: AREAS, departments: 12, people: 60 })
    add('  of which the aggregation (computeRankings)', compute.samples)
  })

  it('ranks one week (read this and last week)', async () => {
    const r = await page.evaluate((n) => window.measureWeek(n), RUNS)
    expect(r.rows.areas).toBe(AREAS)
    expect(r.rows.inspections).toBeGreaterThan(0)
    add('week: read + rank', r.samples)
  })
})
