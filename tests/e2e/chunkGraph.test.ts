/**
 * Every built chunk names its whole static graph in its own imports (build/hoistTransitiveImports.ts),
 * so a page's chunks are all requested once its own chunk is parsed: one round trip, not one per
 * level of imports (issue 13; the KPI dashboard's device code was 5 levels deep). And index.html
 * preloads what the entry imports, which the browser would otherwise find only after the entry. The
 * entry's first line is V8's compile hint (build/compileHints.ts): its functions compile while it downloads.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { directImports, staticImports } from '../support/builtChunks'
import { projectRoot } from './support/browser'
import { COMPILE_HINT } from '../../build/compileHints'

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

  it('the entry, and no other chunk, starts with the compile hint on a line of its own', () => {
    const html = readFileSync(join(projectRoot, 'dist', 'index.html'), 'utf8')
    const entry = /<script type="module"[^>]* src="\/assets\/([^"]+\.js)"/.exec(html)?.[1] ?? ''
    const hinted = chunks.filter((chunk) => readFileSync(join(assets, chunk), 'utf8').startsWith(`${COMPILE_HINT}\n`))
    expect(hinted).toEqual([entry])
  })
})
