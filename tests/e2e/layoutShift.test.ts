/**
 * Nothing moves once painted (issue 13: layout shifts are a quarter of Lighthouse's score; the task
 * list's links, the KPI dashboard's charts and the header's badge used to be pushed aside by what
 * loaded later). A fresh device's first visit to each role's main page, until it has settled.
 */
import { describe, expect, it } from 'vitest'
import { MAIN_PAGES } from '../bench/support/mainPages'
import { collectAppErrors, newPhoneContext, useBuiltApp } from './support/browser'

const app = useBuiltApp()

interface Shift {
  value: number
  sources: string[]
}

describe('layout stability on a first visit', () => {
  for (const { name, path, shown } of MAIN_PAGES) {
    it(`${name}: no layout shift from the first paint until settled`, async () => {
      const context = await newPhoneContext(app.browser, app.url)
      const page = await context.newPage()
      const errors = collectAppErrors(page)
      await page.addInitScript(() => {
        const shifts: Shift[] = []
        ;(window as unknown as { shifts: Shift[] }).shifts = shifts
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
            if (entry.hadRecentInput) continue
            const sources = (entry.sources ?? []).map((s) => (s.node instanceof Element ? s.node.outerHTML.slice(0, 120) : String(s.node?.nodeName)))
            shifts.push({ value: entry.value, sources })
          }
        }).observe({ type: 'layout-shift', buffered: true })
      })
      await page.goto(path)
      await page.getByTestId(shown).first().waitFor()
      // Settled: the demo seed is in, the page's data and lazy parts are shown, the bell is up.
      await page.waitForLoadState('networkidle')
      await page.getByTestId('reminder-bell').waitFor()
      await page.waitForTimeout(1000)
      const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts)
      const total = shifts.reduce((sum, s) => sum + s.value, 0)
      // Lighthouse counts a shift score under 0.1 as good; these pages are meant to stay near 0.
      expect(total, JSON.stringify(shifts, null, 1)).toBeLessThan(0.01)
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
