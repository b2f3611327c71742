// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { Rolldown } from 'vite'
import { COMPILE_HINT, compileHints, withCompileHint } from '../../../build/compileHints'

describe('withCompileHint', () => {
  it('puts the hint on a line of its own before everything, and shifts the map by that line', () => {
    expect(withCompileHint('const a=1;\nexport{a};', 'AAAA;AACA')).toEqual({ code: `${COMPILE_HINT}\nconst a=1;\nexport{a};`, mappings: ';AAAA;AACA' })
  })

  it('adds it once, and leaves a chunk without a map without one', () => {
    const once = withCompileHint('x()')
    expect(once).toEqual({ code: `${COMPILE_HINT}\nx()`, mappings: undefined })
    expect(withCompileHint(once.code, ';AAAA')).toEqual({ code: once.code, mappings: ';AAAA' })
  })
})

describe('compileHints (the build plugin)', () => {
  type Bundle = Rolldown.OutputBundle
  type Hook = { order: string; handler: (this: unknown, options: unknown, bundle: Bundle) => void }
  const hook = compileHints().generateBundle as unknown as Hook

  it('runs after the other plugins (Vite prepends its preload table in its own generateBundle)', () => {
    expect(hook.order).toBe('post')
  })

  it('hints the entry chunk only, and keeps its written source map in step', () => {
    const map = { version: 3, sources: ['src/main.ts'], names: [], mappings: 'AAAA' }
    const bundle = {
      'assets/index-1.js': { type: 'chunk', isEntry: true, fileName: 'assets/index-1.js', code: 'start()', map },
      'assets/index-1.js.map': { type: 'asset', fileName: 'assets/index-1.js.map', source: JSON.stringify(map) },
      'assets/Page-2.js': { type: 'chunk', isEntry: false, fileName: 'assets/Page-2.js', code: 'page()', map: null },
    } as unknown as Bundle
    hook.handler.call({}, {}, bundle)
    const entry = bundle['assets/index-1.js'] as { code: string }
    expect(entry.code).toBe(`${COMPILE_HINT}\nstart()`)
    expect(JSON.parse(String((bundle['assets/index-1.js.map'] as { source: string }).source)).mappings).toBe(';AAAA')
    expect((bundle['assets/Page-2.js'] as { code: string }).code).toBe('page()')
  })
})
