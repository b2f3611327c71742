/**
 * Each chunk also imports, for their side effects only, the chunks its imports import, and theirs:
 * the browser then requests a page's whole static graph as soon as the page's chunk is parsed,
 * instead of one level per round trip (issue 13: the KPI dashboard's device code was 5 levels
 * deep, Fuel's page 9). Rollup does this by default (`output.hoistTransitiveImports`); Rolldown
 * does not implement it yet.
 *
 * Nothing else changes: the same chunks load (a module evaluates only after its whole static graph
 * is in), and in the same order, because the added imports come after the chunk's own ones, whose
 * graphs have already evaluated them.
 */
import { posix } from 'node:path'
import type { Plugin } from 'vite'

/** Chunk file name → the file names it imports statically. */
export type ImportGraph = Record<string, readonly string[]>

/** What `fileName` imports through its imports, and not itself: the imports to hoist, in a stable order. */
export function transitiveOnly(graph: ImportGraph, fileName: string): string[] {
  const direct = new Set(graph[fileName] ?? [])
  const seen = new Set<string>([fileName])
  const found: string[] = []
  const queue = [...direct]
  while (queue.length) {
    const next = queue.shift() as string
    if (seen.has(next)) continue
    seen.add(next)
    if (!direct.has(next)) found.push(next)
    queue.push(...(graph[next] ?? []))
  }
  return found
}

/** The import declarations to append to a chunk at `fileName` (paths relative to it, ESM). */
export function hoistedImports(graph: ImportGraph, fileName: string): string {
  const dir = posix.dirname(fileName)
  return transitiveOnly(graph, fileName)
    .map((target) => posix.relative(dir, target))
    .map((path) => `import"${path.startsWith('.') ? path : `./${path}`}";`)
    .join('')
}

export function hoistTransitiveImports(): Plugin {
  return {
    name: 'adminfield:hoist-transitive-imports',
    apply: 'build',
    renderChunk(code, chunk, _options, meta) {
      const graph: ImportGraph = Object.fromEntries(Object.values(meta.chunks).map((c) => [c.fileName, c.imports]))
      const added = hoistedImports(graph, chunk.fileName)
      return added ? { code: `${code}\n${added}`, map: null } : null
    },
  }
}
