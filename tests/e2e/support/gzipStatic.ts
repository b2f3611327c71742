/**
 * Serves dist/'s text files gzipped once, at start, from memory: as a static host or CDN serves a
 * built PWA (nginx's gzip_static). `vite preview` instead gzips every response as it sends it, in
 * the test process, on the CPU the browser being measured needs (issue 13: the Lighthouse bench
 * runs on a 2-core machine). Binary files, and anything else, fall through to `vite preview`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const TEXT_TYPES: Record<string, string> = {
  js: 'text/javascript',
  css: 'text/css',
  html: 'text/html',
  svg: 'image/svg+xml',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
}

interface GzipFile {
  type: string
  body: Buffer
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

/** URL path (`/assets/x.js`) → its gzipped body and type, for every text file under `distDir`. */
export function gzipFilesOf(distDir: string): Map<string, GzipFile> {
  const files = new Map<string, GzipFile>()
  for (const path of filesUnder(distDir)) {
    const type = TEXT_TYPES[path.slice(path.lastIndexOf('.') + 1)]
    if (!type) continue
    files.set(`/${relative(distDir, path).split(sep).join('/')}`, { type, body: gzipSync(readFileSync(path)) })
  }
  return files
}

/** A page's address (no file extension, asks for HTML): the app's index.html, as vite's SPA fallback does. */
function isPageRequest(path: string, accept: string | undefined): boolean {
  return !/\.[a-z0-9]+$/i.test(path) && !!accept?.includes('text/html')
}

export function gzipStatic(distDir: string): Plugin {
  return {
    name: 'adminfield-gzip-static',
    configurePreviewServer(server) {
      const files = gzipFilesOf(distDir)
      server.middlewares.use((req, res, next) => {
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return next()
        const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')
        const file = files.get(path) ?? (isPageRequest(path, req.headers.accept) ? files.get('/index.html') : undefined)
        if (!file) return next()
        res.setHeader('Content-Type', `${file.type}; charset=utf-8`)
        res.setHeader('Content-Encoding', 'gzip')
        res.setHeader('Content-Length', file.body.length)
        res.setHeader('Vary', 'Accept-Encoding')
        res.setHeader('Cache-Control', 'no-cache')
        res.end(req.method === 'HEAD' ? undefined : file.body)
      })
    },
  }
}
