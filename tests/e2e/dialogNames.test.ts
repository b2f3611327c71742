/**
 * Every dialog in the DOM has an accessible name (issue 13: Lighthouse's `aria-dialog-name`
 * failed on every page once the "已可离线使用" toast showed: Vant renders each toast in a
 * `role="dialog"` popup without a name). A first visit, until the service worker is ready and
 * that toast is up.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { collectAppErrors, newPhoneContext, useBuiltApp } from './support/browser'

const LAPTOP = demo.assets.find((a) => a.number === 'EQP-0001')!
const AREA = demo.areas[0]!

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

  it('a bottom sheet and a confirm dialog, while open, are named', async () => {
    const { context, page, errors } = await app.open()
    // The custody sheet (a Vant popup, role=dialog) on an asset page.
    await page.goto(`/assets/${LAPTOP.id}`)
    await page.getByTestId('action-check_out').click()
    await page.getByTestId('custody-popup').waitFor()
    expect(await unnamedDialogs(page)).toEqual([])
    expect(await page.getByTestId('custody-popup').getAttribute('aria-label')).toBe('借出')

    // A confirm dialog (discarding an inspection): named by its message, not by a broken idref.
    await page.goto(`/inspect/${AREA.id}`)
    await page.getByTestId('inspect-discard').click()
    const dialog = page.locator('.van-dialog')
    await dialog.waitFor()
    expect(await unnamedDialogs(page)).toEqual([])
    expect(await dialog.getAttribute('aria-label')).toBeTruthy()
    expect(await dialog.getAttribute('aria-labelledby')).toBeNull()
    await dialog.locator('.van-dialog__cancel').click()
    expect(errors).toEqual([])
    await context.close()
  })

  it("the task list's tabs control panels that exist; the KPI department picker is named", async () => {
    const { context, page, errors } = await app.open()
    await page.goto('/tasks')
    await page.locator('[role="tab"]').first().waitFor()
    const dangling = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-controls]')].map((el) => el.getAttribute('aria-controls') ?? '').filter((id) => !document.getElementById(id)),
    )
    expect(dangling).toEqual([])

    await page.goto('/kpis')
    const picker = page.getByTestId('kpi-department')
    await picker.waitFor()
    expect(await picker.getAttribute('aria-label')).toBe('部门')
    expect(errors).toEqual([])
    await context.close()
  })
})

