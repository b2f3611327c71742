// @vitest-environment node
/**
 * The bench server's static host (tests/e2e/support/gzipStatic.ts): text files gzipped once and
 * served as they are on disk, pages get index.html, binary files fall through to `vite preview`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { preview, type PreviewServer } from 'vite'
import { gzipStatic } from '../../e2e/support/gzipStatic'

const SCRIPT = 'export const answer = 42\n'.repeat(200)
const HTML = '<!doctype html><title>app</title>'
const ICON = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])

let root = ''
let server: PreviewServer
let base = ''

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'adminfield-gzip-'))
  const dist = join(root, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(join(dist, 'index.html'), HTML)
  writeFileSync(join(dist, 'assets', 'page-abc.js'), SCRIPT)
  writeFileSync(join(dist, 'icon.png'), ICON)
  server = await preview({ root, configFile: false, logLevel: 'silent', plugins: [gzipStatic(dist)], preview: { host: '127.0.0.1', port: 4900, strictPort: false } })
  base = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '')
})
afterAll(async () => {
  await server?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('gzipStatic', () => {
  it('serves a script gzipped, with its type, and the same bytes once unpacked', async () => {
    const response = await fetch(`${base}/assets/page-abc.js?v=1`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    // Gzipped ahead, so its length is known (vite preview's own gzip streams, without a length).
    expect(response.headers.get('content-length')).toBe(String(gzipSync(SCRIPT).length))
    expect(await response.text()).toBe(SCRIPT)
  })

  it("answers a page's address with index.html", async () => {
    const response = await fetch(`${base}/vehicles/v1/fuel`, { headers: { 'accept-encoding': 'gzip', accept: 'text/html' } })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toBe(HTML)
  })

  it('leaves binary files to vite preview', async () => {
    const icon = await fetch(`${base}/icon.png`, { headers: { 'accept-encoding': 'gzip' } })
    expect(icon.headers.get('content-encoding')).toBeNull()
    expect(Buffer.from(await icon.arrayBuffer()).equals(ICON)).toBe(true)
  })
})
