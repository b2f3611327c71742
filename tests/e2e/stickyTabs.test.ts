/**
 * Tabs that stay while a page scrolls (the requests inbox, the seal register, …) stay under the
 * fixed header: the title, the way back, the bell and the sync state are never covered. Vant's own
 * `sticky` pinned them to the top of the window, over the header; CSS sticky on van-tabs' own bar
 * stuck only while the tabs' panes scrolled, so pages whose list is below the tabs lost them.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectAppErrors, newPhoneContext, useBuiltApp } from './support/browser'

const app = useBuiltApp()

describe('sticky tabs', () => {
  // Pages with tabs over a list (LineTabs): a long list (the requests page), and a short one under a toolbar (the seal register).
  const cases = [
    { name: 'the requests page', path: '/requests?tab=mine', ready: async (page: Page) => expect.poll(() => page.getByTestId('requests-page').getAttribute('data-status'), { timeout: 45_000 }).toBe('ready'), tabs: '[data-testid="requests-tabs"]' },
    { name: 'the seal register', path: '/seals/register', ready: (page: Page) => page.locator('[data-testid="register-group"], [data-testid="seal-register"] [data-state="empty"]').first().waitFor({ timeout: 45_000 }), tabs: '[data-testid="register-tabs"]' },
  ]
  for (const c of cases) {
    it(`scrolled, ${c.name} keeps its tabs under the header, and the sync badge in sight`, async () => {
      const context = await newPhoneContext(app.browser, app.url)
      const page = await context.newPage()
      const errors = collectAppErrors(page)
      // A short phone screen, so that the page scrolls.
      await page.setViewportSize({ width: 360, height: 420 })
      await page.goto(c.path)
      await c.ready(page)
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100)

      const seen = await page.evaluate((tabsAt) => {
        const header = document.querySelector('.van-nav-bar')!.getBoundingClientRect()
        const tabs = document.querySelector(tabsAt)!.getBoundingClientRect()
        const badge = document.querySelector('[data-testid="sync-badge"]')!
        const b = badge.getBoundingClientRect()
        const atBadge = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)
        return { headerBottom: Math.round(header.bottom), tabsTop: Math.round(tabs.top), badgeOnTop: !!atBadge && badge.contains(atBadge) }
      }, c.tabs)
      expect(seen.tabsTop).toBe(seen.headerBottom)
      expect(seen.badgeOnTop).toBe(true)
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
