/**
 * Each role's main pages on a first visit with the network and CPU really slowed down (issue 13):
 * Chromium's own throttling (CDP: 150 ms per request, 1.6 Mbps down, 4× CPU), over HTTP/2, and
 * the largest paint the page itself reports. Lighthouse (lighthouse.bench.ts) simulates the same
 * phone from an unthrottled load; this one lets the round trips really happen, so it shows what a
 * deeper or flatter chain of chunks costs. THROTTLED_RUNS (default 3) fresh browsers per page;
 * reported, never asserted: the checks are only that each page showed and painted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, serveBuiltApp, type ServedApp } from '../e2e/support/browser'
import { median } from './support/lighthouse'
import { MAIN_PAGES } from './support/mainPages'
import { createReport } from './support/report'

const RUNS = Number(process.env.THROTTLED_RUNS) || 3
/** Lighthouse's mobile figures (its `simulate` defaults), applied for real. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 }
const CPU_SLOWDOWN = 4
/** After the page's own root shows: room for a later, larger paint (data after the demo seed). */
const SETTLE_MS = 4000

declare global {
  interface Window {
    __largestPaint?: number
  }
}

describe('first visit, slow 4G and 4× CPU for real', () => {
  let app: ServedApp
  let browser: Browser
  const report = createReport(`Largest paint, throttled for real (median of ${RUNS})`)

  beforeAll(async () => {
    app = await serveBuiltApp({ https: true })
    browser = await launchChromium()
  })
  afterAll(async () => {
    report.print()
    await browser?.close()
    await app?.close()
  })

  for (const { name, path, shown } of MAIN_PAGES) {
    it(`${name} (${path})`, async () => {
      const paints: number[] = []
      for (let i = 0; i < RUNS; i++) paints.push(await largestPaint(browser, `${app.url}${path}`, shown))
      for (const paint of paints) expect(paint).toBeGreaterThan(0)
      report.add({ what: `${name}: LCP (${paints.map((p) => (p / 1000).toFixed(2)).join(' · ')} s)`, value: median(paints), unit: 'ms', goal: '≤ 2000 ms' })
    }, 120_000 * RUNS)
  }
})

/** One first visit in a fresh context: the last largest-contentful-paint entry's time, in ms. */
async function largestPaint(browser: Browser, url: string, shown: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, locale: 'zh-CN', ignoreHTTPSErrors: true })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__largestPaint = entry.startTime
      }).observe({ type: 'largest-contentful-paint', buffered: true })
    })
    await page.goto(url)
    await page.getByTestId(shown).waitFor({ timeout: 60_000 })
    await page.waitForTimeout(SETTLE_MS)
    return await page.evaluate(() => window.__largestPaint ?? 0)
  } finally {
    await context.close()
  }
}
