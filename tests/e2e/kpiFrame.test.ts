/**
 * The KPI dashboard's frame (issue 13): a second open on the device paints the rows it showed
 * last (names, processes) before the device db answers, and the figures fill them in without
 * moving anything; Chart.js (60 kB) is fetched only once the figures are in the page. A first
 * open fetches the statutory calendar with the read code, not a round trip after it.
 */
import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { collectAppErrors, newPhoneContext, useBuiltApp } from './support/browser'

const app = useBuiltApp()

interface Seen {
  shifts: number[]
  /** performance.now() when a row without its figure, and a figure, first were in the page. */
  frame?: number
  figure?: number
}

describe('KPI dashboard frame', () => {
  it('a second open paints the rows shown last at once; the figures fill them in without a shift; Chart.js after them, a chart below the fold once scrolled to', async () => {
    const context = await newPhoneContext(app.browser, app.url)
    const first = await context.newPage()
    const errors = collectAppErrors(first)
    await first.goto('/kpis')
    await expect.poll(() => first.getByTestId('kpi-dashboard').getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    const kept = await first.evaluate(() => localStorage.getItem('adminfield.kpis.shown'))
    const shown = await first.locator('[data-testid^="kpi-"][data-red]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    expect(shown.length).toBeGreaterThan(0)
    expect(JSON.parse(kept ?? 'null').kpis.map((k: string) => `kpi-${k}`)).toEqual(shown)
    // The read code was requested with the page's chunk (by its route), not from inside the page's
    // first render; the statutory calendar the reads need with the read code, not a round trip after it.
    const [calendarStart, readCodeStart, readCodeEnd, pageEnd] = await first.evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      const of = (re: RegExp) => entries.find((e) => re.test(e.name))
      const code = of(/\/kpiDevice-[\w-]+\.js$/)
      return [of(/\/chinese-days-[\w-]+\.js$/)?.startTime, code?.startTime, code?.responseEnd, of(/\/KpiDashboardPage-[\w-]+\.js$/)?.responseEnd]
    })
    expect(calendarStart).toBeDefined()
    expect(readCodeEnd).toBeDefined()
    expect(calendarStart!).toBeLessThan(readCodeEnd!)
    expect(readCodeStart!).toBeLessThan(pageEnd!)
    await first.close()

    const page = await context.newPage()
    collectAppErrors(page, errors)
    await page.addInitScript(() => {
      const seen: Seen = { shifts: [] }
      ;(window as unknown as { seen: Seen }).seen = seen
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) seen.shifts.push(e.value)
      }).observe({ type: 'layout-shift', buffered: true })
      new MutationObserver(() => {
        seen.frame ??= document.querySelector('[data-waiting="true"]') ? performance.now() : undefined
        seen.figure ??= document.querySelector('[data-testid="kpi-value"]') ? performance.now() : undefined
      }).observe(document, { subtree: true, childList: true })
    })
    await page.goto('/kpis')
    await expect.poll(() => page.getByTestId('kpi-dashboard').getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    // A chart is drawn once it comes near the viewport (ChartView sets the chart up on a detached
    // canvas and attaches it a task later): a named canvas at the box's size, with ink on it.
    const drawn = (canvas: Locator, height: number) =>
      expect
        .poll(() =>
          canvas.evaluate((c: HTMLCanvasElement, h) => {
            const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
            return { sized: c.clientHeight === h && c.width > 0, inked: pixels.some((v, i) => i % 4 === 3 && v > 0) }
          }, height),
        )
        .toEqual({ sized: true, inked: true })
    const trendFigure = page.getByTestId('kpi-trend').locator('[data-testid="chart"]')
    await trendFigure.scrollIntoViewIfNeeded()
    const trend = page.getByTestId('kpi-trend').locator('canvas[role="img"]')
    await drawn(trend, 220)
    expect(await trend.getAttribute('aria-label')).toContain('趋势')
    // The ranking, further down, is not drawn until it is scrolled to; its numbers are in the page meanwhile.
    await page.evaluate(() => window.scrollTo(0, 0))
    const rankingFigure = page.getByTestId('kpi-ranking').locator('[data-testid="chart"]')
    await rankingFigure.waitFor({ state: 'attached' })
    expect(await rankingFigure.evaluate((f) => f.getBoundingClientRect().top > window.innerHeight + 48)).toBe(true)
    await page.waitForTimeout(300)
    expect(await page.getByTestId('kpi-ranking').locator('canvas').count()).toBe(0)
    expect(Number(await rankingFigure.getAttribute('data-points'))).toBeGreaterThan(0)
    await rankingFigure.scrollIntoViewIfNeeded()
    const rankingHeight = await rankingFigure.locator('.chart-view__box').evaluate((b) => b.clientHeight)
    await drawn(page.getByTestId('kpi-ranking').locator('canvas[role="img"]'), rankingHeight)
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(500)
    const seen = await page.evaluate(() => (window as unknown as { seen: Seen }).seen)
    const chartAt = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => /\/chart-[\w-]+\.js$/.test(e.name))?.startTime)
    // The frame came first (rows without figures), then the figures, in the same rows.
    expect(seen.frame).toBeDefined()
    expect(seen.figure).toBeDefined()
    expect(seen.frame!).toBeLessThan(seen.figure!)
    expect(await page.locator('[data-testid^="kpi-"][data-red]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(shown)
    expect(seen.shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.01)
    // Chart.js was requested once the figures were in the page, not before.
    expect(chartAt).toBeDefined()
    expect(chartAt!).toBeGreaterThan(seen.figure!)
    expect(errors).toEqual([])
    await context.close()
  })
})
