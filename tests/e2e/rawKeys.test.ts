/**
 * No page shows a message key instead of its text (issue 13, messages per feature): the app loads
 * the core messages and the first page's namespaces before the page opens, the rest once it is on
 * screen. Each main page is opened as a new document (a start of its own), in zh-CN and in English,
 * and every text the page ever shows until it has settled (its lazy parts included: Home's to-do
 * widgets, the bell) is watched from the first render, so a key shown for a moment fails too.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import zhCN from '@/shared/i18n/messages/zh-CN'
import { MAIN_PAGES } from '../bench/support/mainPages'
import { collectAppErrors, newPhoneContext, useBuiltApp } from './support/browser'

const app = useBuiltApp()

type Tree = { [key: string]: string | Tree }
const isKey = (key: string): boolean =>
  typeof key.split('.').reduce<string | Tree | undefined>((node, k) => (node && typeof node === 'object' ? node[k] : undefined), zhCN as Tree) === 'string'
/** Dotted words starting with a top-level namespace of the messages (filtered to real keys below). */
const CANDIDATE = `\\b(?:${Object.keys(zhCN).join('|')})(?:\\.[A-Za-z_]\\w*)+`

/** Records every candidate key in the page's texts and labels, on every change from the first render. */
async function watchTexts(page: Page): Promise<void> {
  await page.addInitScript((source: string) => {
    const pattern = new RegExp(source, 'g')
    const seen = new Set<string>()
    const scan = () => {
      const texts = [document.body?.textContent ?? '', document.title]
      for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
        texts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '')
      }
      for (const text of texts) for (const m of text.matchAll(pattern)) seen.add(m[0])
    }
    ;(window as unknown as { seenKeys: () => string[] }).seenKeys = () => (scan(), [...seen])
    new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  }, CANDIDATE)
}

async function rawKeysOn(page: Page, path: string, shown: string): Promise<string[]> {
  await page.goto(path)
  await page.getByTestId(shown).waitFor({ timeout: 60_000 })
  // Settled: the rest of the messages, the device db, the page's data and its lazy parts.
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(1500)
  const seen = await page.evaluate(() => (window as unknown as { seenKeys: () => string[] }).seenKeys())
  return seen.filter(isKey)
}

describe('no raw message keys', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows texts, never keys, on the main pages in ${locale}`, { timeout: 300_000 }, async () => {
      const context = await newPhoneContext(app.browser, app.url)
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('adminfield.locale', 'en'))
      const page = await context.newPage()
      const errors = collectAppErrors(page)
      await watchTexts(page)
      const found: string[] = []
      // Home first on a fresh device (its widgets once the demo seed is in), then again on a device that started before.
      for (const { name, path, shown } of [...MAIN_PAGES, { ...MAIN_PAGES[0]!, name: 'Home, again' }]) {
        for (const key of await rawKeysOn(page, path, shown)) found.push(`${name}: ${key}`)
      }
      expect(found).toEqual([])
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale)
      // The watch itself sees a key when one shows.
      await page.evaluate(() => document.body.append('assets.titles.registry'))
      expect(await page.evaluate(() => (window as unknown as { seenKeys: () => string[] }).seenKeys())).toContain('assets.titles.registry')
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
