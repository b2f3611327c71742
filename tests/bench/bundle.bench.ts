/**
 * First-screen weight, measured in real Chromium: every JS and CSS file the built app
 * loads to show its first screen, gzipped as a static host would serve it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, newPhoneContext, projectRoot, serveBuiltApp, type ServedApp } from '../e2e/support/browser'
import { staticImports } from '../support/builtChunks'
import { createReport } from './support/report'
import { MAIN_PAGES } from './support/mainPages'

const dist = join(projectRoot, 'dist')
const gzipKb = (file: string) => gzipSync(readFileSync(file)).length / 1024
/** Strings that only appear inside these libraries' code. */
const HEAVY_MARKERS = { 'supabase-js': 'GoTrueClient', 'html5-qrcode': 'Html5Qrcode', 'chart.js': 'Canvas is already in use' }
const heavyIn = (file: string) => {
  const text = readFileSync(file, 'utf8')
  return Object.entries(HEAVY_MARKERS).flatMap(([lib, marker]) => (text.includes(marker) ? [lib] : []))
}
/** zod (the `schemas` chunk, vite.config.ts): loaded when something is validated, not to show a page. */
const ZOD_MARKER = '$ZodObject'
const zodKbIn = (files: string[]) => sum(files.filter((f) => readFileSync(f, 'utf8').includes(ZOD_MARKER)).map(gzipKb))
/** Dexie (the `db` chunk): pages that paint from the last-known identity show before it loads. */
const DEXIE_MARKER = 'MissingAPIError'
const dexieKbIn = (files: string[]) => sum(files.filter((f) => readFileSync(f, 'utf8').includes(DEXIE_MARKER)).map(gzipKb))
const PAINT_BEFORE_DB = new Set(['Home', 'Scan', 'Dorm check-in', 'Seal-use form'])

/**
 * Runs in the page before its scripts: the JS files fully loaded when the element `testId` first
 * appears. A page's static imports are all in by then (a module runs only once its whole graph
 * has loaded); a dynamic import its onMounted starts is not (no response lands between the DOM
 * insert and this observer's callback: both run in one microtask checkpoint).
 */
function recordScriptsWhenShown(testId: string): void {
  performance.setResourceTimingBufferSize(2000)
  const observer = new MutationObserver(() => {
    if (!document.querySelector(`[data-testid="${testId}"]`)) return
    observer.disconnect()
    const paths = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
    ;(window as { scriptsWhenShown?: string[] }).scriptsWhenShown = paths.filter((p) => p.endsWith('.js'))
  })
  observer.observe(document, { childList: true, subtree: true })
}

describe('bundle', () => {
  let app: ServedApp
  let browser: Browser
  const report = createReport('Bundle (gzip)')

  beforeAll(async () => {
    app = await serveBuiltApp()
    browser = await launchChromium()
  })
  afterAll(async () => {
    report.print()
    await browser?.close()
    await app?.close()
  })

  it('keeps heavy libraries out of the first screen', async () => {
    const context = await newPhoneContext(browser, app.url)
    const page = await context.newPage()
    const loaded: string[] = []
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname
      if (/\.(js|css|woff2)$/.test(path) && !path.endsWith('sw.js') && !path.includes('workbox')) loaded.push(path)
    })
    await page.addInitScript(recordScriptsWhenShown, 'home-greeting')
    await page.goto('/')
    // The first screen: the home page with the user's greeting, rendered from device data.
    await page.getByTestId('home-greeting').waitFor()
    const firstScreen = [...new Set(loaded)]
    const beforeShown = await page.evaluate(() => (window as { scriptsWhenShown?: string[] }).scriptsWhenShown ?? [])
    await page.waitForLoadState('networkidle')
    const untilIdle = [...new Set(loaded)]

    // A returning visit (demo data already on the device): what every later start loads.
    const again = await context.newPage()
    const requested: string[] = []
    again.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (path.endsWith('.js') && !path.endsWith('sw.js') && !path.includes('workbox')) requested.push(path)
    })
    await again.goto('/')
    await again.getByTestId('home-greeting').waitFor()
    const returning = [...new Set(requested)]
    await context.close()

    const inDist = (paths: string[], ext: string) => paths.filter((p) => p.endsWith(ext)).map((p) => join(dist, p))
    const js = inDist(firstScreen, '.js')
    const css = inDist(firstScreen, '.css')
    expect(js.length).toBeGreaterThan(0)
    for (const file of inDist(untilIdle, '.js')) expect(heavyIn(file), `in a start-up chunk ${file}`).toEqual([])
    report.add({ what: `first screen JS, first run incl. demo seed (${js.length} files)`, value: sum(js.map(gzipKb)), unit: 'kB', goal: '≤ 90 kB' })
    expect(beforeShown.length).toBeGreaterThan(0)
    const homeZodKb = zodKbIn(beforeShown.map((p) => join(dist, p)))
    report.add({ what: 'Home: zod before the page is shown', value: homeZodKb, unit: 'kB', goal: '0' })
    expect(homeZodKb, 'Home: zod loaded before the page is shown').toBe(0)
    const homeDexieKb = dexieKbIn(beforeShown.map((p) => join(dist, p)))
    report.add({ what: 'Home: Dexie before the page is shown', value: homeDexieKb, unit: 'kB', goal: '0' })
    expect(homeDexieKb, 'Home: Dexie loaded before the page is shown').toBe(0)
    const returningJs = inDist(returning, '.js')
    report.add({ what: `first screen JS, returning visit (${returningJs.length} files)`, value: sum(returningJs.map(gzipKb)), unit: 'kB', goal: '≤ 90 kB' })
    // The entry's CSS (and the boot shell's) is inlined into index.html (vite.config.ts).
    const inlinedCss = [...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('')
    expect(inlinedCss.length).toBeGreaterThan(0)
    const inlinedKb = gzipSync(inlinedCss).length / 1024
    report.add({ what: `first screen CSS (inlined + ${css.length} files)`, value: inlinedKb + sum(css.map(gzipKb)), unit: 'kB', goal: '≤ 30 kB' })
    const fonts = inDist(untilIdle, '.woff2')
    report.add({ what: 'icon font (woff2, own file)', value: sum(fonts.map((f) => statSync(f).size / 1024)), unit: 'kB' })
    const idleJs = inDist(untilIdle, '.js')
    report.add({ what: `JS loaded until network idle (${idleJs.length} files, incl. sync engine)`, value: sum(idleJs.map(gzipKb)), unit: 'kB' })
  })

  // Each main page opened directly on a fresh device (a link, a label): what it loads before it is shown.
  for (const { name, path, shown } of MAIN_PAGES.filter((p) => p.path !== '/')) {
    it(`keeps heavy libraries out of the first screen of ${name} (${path})`, async () => {
      const context = await newPhoneContext(browser, app.url)
      const page = await context.newPage()
      await page.addInitScript(recordScriptsWhenShown, shown)
      await page.goto(path)
      await page.getByTestId(shown).first().waitFor()
      const beforeShown = await page.evaluate(() => (window as { scriptsWhenShown?: string[] }).scriptsWhenShown ?? [])
      await page.waitForLoadState('networkidle')
      const untilIdle = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname))
      await context.close()

      const js = beforeShown.map((p) => join(dist, p))
      expect(js.length).toBeGreaterThan(0)
      for (const file of js) expect(heavyIn(file), `${name}: loaded before the page is shown, ${file}`).toEqual([])
      report.add({ what: `${name}: JS before the page is shown (${js.length} files)`, value: sum(js.map(gzipKb)), unit: 'kB' })
      const zodKb = zodKbIn(js)
      report.add({ what: `${name}: zod before the page is shown`, value: zodKb, unit: 'kB', goal: '0' })
      expect(zodKb, `${name}: zod loaded before the page is shown`).toBe(0)
      const dexieKb = dexieKbIn(js)
      report.add({ what: `${name}: Dexie before the page is shown`, value: dexieKb, unit: 'kB', goal: PAINT_BEFORE_DB.has(name) ? '0' : '' })
      if (PAINT_BEFORE_DB.has(name)) expect(dexieKb, `${name}: Dexie loaded before the page is shown`).toBe(0)
      const later = [...new Set(untilIdle)].filter((p) => p.endsWith('.js') && !beforeShown.includes(p) && !p.endsWith('sw.js') && !p.includes('workbox'))
      for (const file of later.map((p) => join(dist, p))) {
        for (const lib of heavyIn(file)) report.add({ what: `${name}: ${lib} loaded after the page is shown`, value: gzipKb(file), unit: 'kB' })
      }
    })
  }

  // Every page that reads device data waits for this chunk: a Vant or styled chunk in its static
  // imports is fetched first (stylesheets before code, by Vite's loader) and evaluated with it.
  it('loads the device db without UI code or stylesheets', () => {
    const assets = join(dist, 'assets')
    const db = readdirSync(assets).find((f) => /^db-[\w-]{8}\.js$/.test(f))
    expect(db, 'the device db chunk').toBeDefined()
    const closure = staticImports(assets, db ?? '').filter((f) => !/^index-/.test(f))
    expect(closure).toContain(db)
    const styled = new Set(readdirSync(assets).filter((f) => f.endsWith('.css')).map(chunkName))
    const ui = closure.filter((f) => styled.has(chunkName(f)) || /^vant/.test(f))
    report.add({ what: `device db: JS it loads (${closure.length} files, entry aside)`, value: sum(closure.map((f) => gzipKb(join(assets, f)))), unit: 'kB' })
    expect(ui, 'chunks with UI the device db imports').toEqual([])
  })

  it('reports the precache and the heavy chunks', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8')
    const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(precached).toContain('index.html')
    const bytes = sum(precached.map((url) => statSync(join(dist, url)).size))
    report.add({ what: `precache (${precached.length} files, raw)`, value: bytes / 1024, unit: 'kB' })
    for (const [lib, marker] of Object.entries(HEAVY_MARKERS)) {
      const chunk = allFiles(join(dist, 'assets')).find((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes(marker))
      if (chunk) report.add({ what: `${lib} chunk (lazy)`, value: gzipKb(chunk), unit: 'kB' })
    }
  })
})

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/** A built file's chunk name: `core-lib` for core-lib-iscI-pLU.js (the hash is 8 characters). */
function chunkName(file: string): string {
  return file.replace(/-[\w-]{8}\.(js|css)$/, '')
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).map((name) => join(dir, name))
}
