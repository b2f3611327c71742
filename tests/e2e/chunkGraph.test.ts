/**
 * Every built chunk names its whole static graph in its own imports (build/hoistTransitiveImports.ts),
 * so a page's chunks are all requested once its own chunk is parsed: one round trip, not one per
 * level of imports (issue 13; the KPI dashboard's device code was 5 levels deep). And index.html
 * preloads what the entry imports, which the browser would otherwise find only after the entry;
 * and a page's chunks are requested together with the page's own chunk, not after it arrives.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAIN_PAGES } from '../bench/support/mainPages'
import { directImports, staticImports } from '../support/builtChunks'
import { newPhoneContext, projectRoot, useBuiltApp } from './support/browser'

const app = useBuiltApp()

const assets = join(projectRoot, 'dist', 'assets')

describe('the built chunks', () => {
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'))

  it('each import, directly, every chunk its imports import', () => {
    expect(chunks.length).toBeGreaterThan(20)
    const missing = chunks.flatMap((chunk) => {
      const direct = new Set(directImports(assets, chunk))
      return staticImports(assets, chunk)
        .filter((f) => f !== chunk && !direct.has(f))
        .map((f) => `${chunk} → ${f}`)
    })
    expect(missing).toEqual([])
  })

  it('index.html preloads every chunk the entry imports', () => {
    const html = readFileSync(join(projectRoot, 'dist', 'index.html'), 'utf8')
    const entry = /<script type="module"[^>]* src="\/assets\/([^"]+\.js)"/.exec(html)?.[1]
    expect(entry, 'the entry script').toBeDefined()
    const imports = directImports(assets, entry ?? '')
    expect(imports.length).toBeGreaterThan(0)
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\/assets\/([^"]+\.js)"/g)].map((m) => m[1])
    expect(preloaded.sort()).toEqual([...imports].sort())
  })

  // With 100 ms per request, a chunk found only once the page's chunk has arrived starts after
  // that chunk's response has ended; one preloaded with it starts before.
  it("the seal-use form's chunks are requested with the page's own chunk", async () => {
    const seal = MAIN_PAGES.find((p) => p.name === 'Seal-use form')
    const pageChunk = chunks.find((f) => f.startsWith('SealUsageNewPage-'))
    expect(seal && pageChunk).toBeTruthy()
    const imports = directImports(assets, pageChunk ?? '').filter((f) => !f.startsWith('index-') && !f.startsWith('rolldown-runtime-'))
    expect(imports.length).toBeGreaterThan(3)
    const context = await newPhoneContext(app.browser, app.url)
    try {
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: -1, uploadThroughput: -1 })
      await page.goto(seal?.path ?? '/')
      await page.getByTestId(seal?.shown ?? '').waitFor()
      const timings = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => ({ file: e.name.replace(/^.*\//, ''), start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
      )
      const pageLoad = timings.find((t) => t.file === pageChunk)
      expect(pageLoad, 'the page chunk was fetched').toBeDefined()
      const late = imports.filter((file) => {
        const load = timings.find((t) => t.file === file)
        return !load || load.start >= (pageLoad?.end ?? 0)
      })
      expect(late).toEqual([])
    } finally {
      await context.close()
    }
  })
})
