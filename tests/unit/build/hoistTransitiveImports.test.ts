// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { hoistedImports, transitiveOnly, type ImportGraph } from '../../../build/hoistTransitiveImports'

// page → form → lib → runtime, page → lib; form ↔ index (a cycle, as chunks have with the entry).
const graph: ImportGraph = {
  'assets/page.js': ['assets/form.js', 'assets/lib.js'],
  'assets/form.js': ['assets/lib.js', 'assets/index.js'],
  'assets/lib.js': ['assets/runtime.js'],
  'assets/index.js': ['assets/form.js'],
  'assets/runtime.js': [],
}

describe('transitiveOnly', () => {
  it('finds what the imports import, at any depth, and not the direct imports', () => {
    expect(transitiveOnly(graph, 'assets/page.js')).toEqual(['assets/index.js', 'assets/runtime.js'])
  })

  it('ends on cycles and never names the chunk itself', () => {
    expect(transitiveOnly(graph, 'assets/index.js')).toEqual(['assets/lib.js', 'assets/runtime.js'])
    expect(transitiveOnly(graph, 'assets/form.js')).toEqual(['assets/runtime.js'])
  })

  it('has nothing to add to a chunk whose imports import nothing new', () => {
    expect(transitiveOnly(graph, 'assets/lib.js')).toEqual([])
    expect(transitiveOnly(graph, 'assets/runtime.js')).toEqual([])
    expect(transitiveOnly(graph, 'assets/unknown.js')).toEqual([])
  })
})

describe('hoistedImports', () => {
  it('writes side-effect imports relative to the chunk', () => {
    expect(hoistedImports(graph, 'assets/page.js')).toBe('import"./index.js";import"./runtime.js";')
  })

  it('climbs out of a chunk in another folder', () => {
    const nested: ImportGraph = { 'assets/w/a.js': ['assets/b.js'], 'assets/b.js': ['assets/c.js'] }
    expect(hoistedImports(nested, 'assets/w/a.js')).toBe('import"../c.js";')
  })

  it('is empty when there is nothing to hoist', () => {
    expect(hoistedImports(graph, 'assets/lib.js')).toBe('')
  })
})
