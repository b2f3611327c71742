/**
 * The entry chunk starts with V8's explicit compile hint, `//# allFunctionsCalledOnLoad` (issue 13).
 * Chromium (136 and later) then compiles all of its functions on the thread that streams the script
 * in, while it downloads, instead of compiling each one lazily on the main thread at its first call:
 * the shell's first render was an 8–10 ms task on every page, much of it that lazy compiling. The
 * entry is the start-up code (Vue, the router, i18n, the shell), nearly all of it called on load;
 * other engines read the line as a comment.
 *
 * The hint has to be the file's first line, so it is added after Vite has prepended its own
 * preload table (`__vite__mapDeps`, in its generateBundle), and a source map gains the empty line.
 */
import type { Plugin } from 'vite'

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

/** What the hint does to a chunk's code and its source map's mappings (one more generated line, unmapped). */
export function withCompileHint(code: string, mappings?: string): { code: string; mappings?: string } {
  if (code.startsWith(COMPILE_HINT)) return { code, mappings }
  return { code: `${COMPILE_HINT}\n${code}`, mappings: mappings === undefined ? undefined : `;${mappings}` }
}

interface MapLike {
  mappings: string
}

export function compileHints(): Plugin {
  return {
    name: 'adminfield:compile-hints',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue
          const map = chunk.map as MapLike | null
          const hinted = withCompileHint(chunk.code, map?.mappings)
          chunk.code = hinted.code
          if (map && hinted.mappings !== undefined) map.mappings = hinted.mappings
          // A map written as a file (build.sourcemap true or 'hidden') is an asset of its own by now.
          const mapFile = bundle[`${chunk.fileName}.map`]
          if (map && mapFile?.type === 'asset') mapFile.source = JSON.stringify(map)
        }
      },
    },
  }
}
