/**
 * Every dialog in the DOM has an accessible name (issue 13: Lighthouse's `aria-dialog-name`
 * failed on every page once the "已可离线使用" toast showed: Vant renders each toast in a
 * `role="dialog"` popup without a name). A first visit, until the service worker is ready and
 * that toast is up.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectAppErrors, newPhoneContext, useBuiltApp } from './support/browser'

const app = useBuiltApp()

/** Shown dialogs (role dialog/alertdialog) without aria-label, a resolvable aria-labelledby or a title. */
function unnamedDialogs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (el: Element) => {
      if (el.getAttribute('aria-label')?.trim() || el.getAttribute('title')?.trim()) return true
      const ids = el.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? []
      return ids.some((id) => document.getElementById(id)?.textContent?.trim())
    }
    return [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')]
      .filter((el) => el.checkVisibility() && !named(el))
      .map((el) => el.outerHTML.slice(0, 160))
  })
}

describe('dialogs have accessible names', () => {
  it('the offline-ready toast at start-up is not an unnamed dialog', async () => {
    // Not app.open(): it may reload to get the page controlled, and the toast shows only once.
    const context = await newPhoneContext(app.browser, app.url)
    const page = await context.newPage()
    const errors = collectAppErrors(page)
    await page.goto('/')
    const toast = page.locator('.van-toast', { hasText: '已可离线使用' })
    await expect.poll(() => toast.isVisible(), { timeout: 60_000 }).toBe(true)
    expect(await unnamedDialogs(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
