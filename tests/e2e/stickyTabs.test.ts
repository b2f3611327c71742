/**
 * Tabs that stay while a page scrolls (the requests inbox, the seal register, …) stay under the
 * fixed header: the title, the way back, the bell and the sync state are never covered. Vant's own
 * `sticky` pinned them to the top of the window, over the header.
 */
import { describe, expect, it } from 'vitest'
import { collectAppErrors, newPhoneContext, useBuiltApp } from './support/browser'

const app = useBuiltApp()

describe('sticky tabs', () => {
  it('scrolled, the requests page keeps its tabs under the header, and the sync badge in sight', async () => {
    const context = await newPhoneContext(app.browser, app.url)
    const page = await context.newPage()
    const errors = collectAppErrors(page)
    // A short phone screen, so that the page scrolls.
    await page.setViewportSize({ width: 360, height: 420 })
    await page.goto('/requests?tab=mine')
    await expect.poll(() => page.getByTestId('requests-page').getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100)

    const seen = await page.evaluate(() => {
      const header = document.querySelector('.van-nav-bar')!.getBoundingClientRect()
      const tabs = document.querySelector('.van-tabs__wrap')!.getBoundingClientRect()
      const badge = document.querySelector('[data-testid="sync-badge"]')!
      const b = badge.getBoundingClientRect()
      const atBadge = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)
      return { headerBottom: Math.round(header.bottom), tabsTop: Math.round(tabs.top), badgeOnTop: !!atBadge && badge.contains(atBadge) }
    })
    expect(seen.tabsTop).toBe(seen.headerBottom)
    expect(seen.badgeOnTop).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
