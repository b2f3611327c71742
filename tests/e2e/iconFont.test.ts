/**
 * The build ships Vant's icon font cut down to the icons its code names (vite.config.ts,
 * build/iconFont.ts): every icon a main page shows must still have its glyph in the font the
 * page loaded, or it would show as nothing.
 *
 * How a glyph is told present, in the page itself: each `.van-icon`'s `::before` character is
 * drawn on a canvas twice, in the icon's own font family with a fallback (`vant-icon, monospace`)
 * and in the fallback alone. A glyph the icon font lacks is drawn by the fallback, the same pixels
 * both times (or no ink at all: a private-use character has no glyph elsewhere either); a glyph
 * it has draws ink of its own. Exact pixels of two draws in one canvas, after
 * `document.fonts.load` has the font: no timing, no width guess. A character outside Vant's font
 * (U+E000) must come out missing, so the check itself is proven able to fail.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { iconCodePoints } from '../../build/iconFont'
import { MAIN_PAGES } from '../bench/support/mainPages'
import { collectAppErrors, newPhoneContext, projectRoot, useBuiltApp } from './support/browser'

const app = useBuiltApp()

/** Pages with many kinds of icons: the shell's tabs, cells' arrows, buttons, shortcuts, actions. */
const PAGES = MAIN_PAGES.filter((p) => ['Home', 'Scan', 'Asset page', 'Tasks', 'Requests inbox'].includes(p.name))

const NOT_IN_VANT = 0xe000

interface IconCheck {
  icon: string
  char: string
  present: boolean
}

/** Each shown icon's class and character, and whether the page's icon font draws it. */
function checkIcons(page: Page, control: string): Promise<{ icons: IconCheck[]; control: boolean; fontUrls: string[] }> {
  return page.evaluate(async (control) => {
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 64
    const ctx = canvas.getContext('2d', { willReadFrequently: true })
    if (!ctx) throw new Error('no 2d canvas')
    const draw = (font: string, char: string) => {
      ctx.clearRect(0, 0, 64, 64)
      ctx.font = font
      ctx.fillText(char, 8, 48)
      return ctx.getImageData(0, 0, 64, 64).data
    }
    const drawsOwnGlyph = async (family: string, char: string) => {
      await document.fonts.load(`40px ${family}`, char)
      const withIcons = draw(`40px ${family}, monospace`, char)
      const fallback = draw('40px monospace', char)
      const ink = withIcons.some((v, i) => i % 4 === 3 && v > 0)
      return ink && withIcons.some((v, i) => v !== fallback[i])
    }
    const icons: IconCheck[] = []
    let family = ''
    for (const el of document.querySelectorAll('.van-icon')) {
      const content = getComputedStyle(el, '::before').content
      const icon = [...el.classList].find((c) => c.startsWith('van-icon-')) ?? el.className
      if (!content.startsWith('"')) {
        // An image icon has no van-icon-NAME class; a named one without its glyph rule shows nothing.
        if (icon.startsWith('van-icon-')) icons.push({ icon, char: '', present: false })
        continue
      }
      family = getComputedStyle(el).fontFamily
      const char = content.slice(1, -1)
      icons.push({ icon, char: char.codePointAt(0)?.toString(16) ?? '', present: await drawsOwnGlyph(family, char) })
    }
    const fontUrls = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.endsWith('.woff2'))
    return { icons, control: family ? await drawsOwnGlyph(family, control) : true, fontUrls }
  }, control)
}

describe("Vant's icon font, subset at build time", () => {
  it('the control character (U+E000) is no Vant icon', () => {
    const vant = iconCodePoints(readFileSync(`${projectRoot}node_modules/vant/es/icon/index.css`, 'utf8'))
    expect([...vant.values()]).not.toContain(NOT_IN_VANT)
  })

  for (const { name, path, shown } of PAGES) {
    it(`${name}: every icon shown has its glyph in the font the page loaded`, async () => {
      const context = await newPhoneContext(app.browser, app.url)
      const page = await context.newPage()
      const errors = collectAppErrors(page)
      await page.goto(path)
      await page.getByTestId(shown).first().waitFor()
      // Settled: the page's data and lazy parts are shown (more icons).
      await page.waitForLoadState('networkidle')
      await page.getByTestId('reminder-bell').waitFor()

      const { icons, control, fontUrls } = await checkIcons(page, String.fromCodePoint(NOT_IN_VANT))
      expect(icons.length, 'icons on the page').toBeGreaterThanOrEqual(3)
      expect(icons.filter((i) => !i.present)).toEqual([])
      expect(control, 'U+E000 drawn as if the font had it').toBe(false)

      // The font the page used is the build's one, and the service worker precaches it.
      expect(fontUrls).toHaveLength(1)
      const file = new URL(fontUrls[0] as string).pathname.slice(1)
      expect(file).toMatch(/^assets\/vant-icon-[\w-]+\.woff2$/)
      expect(readFileSync(`${projectRoot}dist/sw.js`, 'utf8')).toContain(`"${file}"`)
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
