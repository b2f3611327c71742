/** The built app's chunks (dist/assets) as the browser sees them: which file imports which, statically. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const STATIC_IMPORT = /(?:import|export)\s*(?:[\w$,{}\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g

/** The chunks `file` names in its own import and export-from declarations (not its dynamic imports). */
export function directImports(dir: string, file: string): string[] {
  return [...new Set([...readFileSync(join(dir, file), 'utf8').matchAll(STATIC_IMPORT)].map((m) => m[1] ?? ''))]
}

/** A chunk and every chunk it imports statically, by file name. */
export function staticImports(dir: string, start: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const next of directImports(dir, file)) visit(next)
  }
  visit(start)
  return [...seen]
}
