/**
 * A new phone's first sync at a big site (20,000 assets, 200,000 events) through the real sync
 * engine into Chromium's IndexedDB, then the registry and timeline reads over that data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, projectRoot } from '../e2e/support/browser'
import { createReport, percentile } from './support/report'

const ASSETS = 20_000
const EVENTS_PER_ASSET = 10
const RUNS = 30

describe('assets registry and timeline', () => {
  let server: ViteDevServer
  let browser: Browser
  let page: Page
  const report = createReport(`Assets: ${ASSETS.toLocaleString('en')} assets, ${(ASSETS * EVENTS_PER_ASSET).toLocaleString('en')} events in Chromium (IndexedDB)`)

  beforeAll(async () => {
    server = await createServer({ root: projectRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 5450, strictPort: false } })
    await server.listen()
    browser = await launchChromium()
    page = await browser.newPage()
    const base = server.resolvedUrls?.local[0] ?? ''
    await page.goto(`${base}tests/bench/pages/assets.html`)
    await page.waitForFunction(() => typeof window.firstSync === 'function')
  })
  afterAll(async () => {
    report.print()
    await browser?.close()
    await server?.close()
  })

  const add = (what: string, samples: number[], goal = '≤ 200 ms') => {
    report.add({ what: `${what}, p50`, value: percentile(samples, 50), unit: 'ms' })
    report.add({ what: `${what}, p95`, value: percentile(samples, 95), unit: 'ms', goal })
  }

  it("a new phone's first sync: usable (Home, scan, asset page) first, then fully synced", async () => {
    const r = await page.evaluate(([n, per]) => window.firstSync(n, per), [ASSETS, EVENTS_PER_ASSET] as const)
    expect(r.assets).toBe(ASSETS)
    expect(r.events).toBe(ASSETS * EVENTS_PER_ASSET)
    expect(r.progressUpdates).toBe(r.pages)
    expect(r.scannedStatus).not.toBe('none')
    report.add({ what: 'first sync: people, assets and labels in (Home and scan work)', value: r.usableMs / 1000, unit: 's', goal: '≤ 60 s from sign-in' })
    report.add({ what: 'first sync: a label scanned and its asset page read, events still coming', value: r.scannedMs / 1000, unit: 's', goal: '≤ 60 s from sign-in' })
    report.add({ what: '  of which the scan + asset page + Home lists reads', value: r.scanReadMs, unit: 'ms' })
    report.add({ what: `first sync: all ${(ASSETS * 11 + 500).toLocaleString('en')} rows in (${r.pages} pages, progress shown after each)`, value: r.syncedMs / 1000, unit: 's', goal: 'soon after' })
  })

  it('opens the registry: first screen from the number index', async () => {
    const r = await page.evaluate((n) => window.measureOpen(n), RUNS)
    expect(r.rows).toBe(40)
    add('registry open (first 40 rows)', r.samples)
  })

  it('loads the in-memory index the filters run over', async () => {
    const r = await page.evaluate((n) => window.measureIndex(n), 10)
    expect(r.rows).toBe(ASSETS)
    add('registry full index (20,000 entries, background; saved snapshot)', r.samples, '≤ 200 ms')
    const cold = await page.evaluate((n) => window.measureIndexCold(n), 10)
    expect(cold.rows).toBe(ASSETS)
    add('registry full index after an asset changed (getAll + build)', cold.samples, '')
    const raw = await page.evaluate((n) => window.measureRawAll(n), 10)
    expect(raw.rows).toBe(ASSETS)
    add('  of which reading 20,000 rows (getAll)', raw.samples, '')
  })

  it('filters by kind + status', async () => {
    const idx = await page.evaluate((n) => window.measureKindStatus(n), RUNS)
    expect(idx.rows).toBeGreaterThan(0)
    add('filter kind+status via [kind+status] index', idx.samples)
    const mem = await page.evaluate((n) => window.measureFilterInMemory(n), RUNS)
    expect(mem.rows).toBeGreaterThan(0)
    add('filter kind+status over the in-memory index', mem.samples)
  })

  it('searches number and name text', async () => {
    const r = await page.evaluate((n) => window.measureSearch(n), RUNS)
    expect(r.rows).toBeGreaterThanOrEqual(0)
    add('text search (in-memory index)', r.samples)
  })

  it('reads the Home and Work lists', async () => {
    const r = await page.evaluate((n) => window.measureLists(n), 10)
    expect(r.rows).toBeGreaterThan(0)
    add('what I hold (holder index)', r.held)
    add("conflicts to resolve (one keeper's kind)", r.conflicts)
    add('out with a due time (due index) + held + conflicts', r.samples)
  })

  it('opens an asset timeline and the whole asset page data', async () => {
    const tl = await page.evaluate((n) => window.measureTimeline(n), RUNS)
    expect(tl.rows).toBe(EVENTS_PER_ASSET)
    add('timeline (10 events, names)', tl.samples)
    const detail = await page.evaluate((n) => window.measureAssetPage(n), RUNS)
    expect(detail.rows).toBe(EVENTS_PER_ASSET)
    add('asset page data (asset + timeline + fold)', detail.samples, '≤ 100 ms')
  })
})
