/** Photo pipeline and upload queue in real Chromium (issue 4's "Measured and reported"). */
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, projectRoot } from '../e2e/support/browser'
import { createReport, percentile } from './support/report'

describe('photos', () => {
  let server: ViteDevServer
  let browser: Browser
  let page: Page
  const report = createReport('Photos in Chromium')

  beforeAll(async () => {
    server = await createServer({ root: projectRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 5410, strictPort: false } })
    await server.listen()
    browser = await launchChromium()
    page = await browser.newPage()
    await page.goto(`${server.resolvedUrls?.local[0] ?? ''}tests/bench/pages/photos.html`)
    await page.waitForFunction(() => typeof window.runUploadBench === 'function', null, { timeout: 60_000 })
  })
  afterAll(async () => {
    report.print()
    await browser?.close()
    await server?.close()
  })

  it('turns a photo upright from its EXIF orientation', async () => {
    const r = await page.evaluate(() => window.runOrientationCheck())
    expect({ width: r.width, height: r.height }).toEqual({ width: 800, height: 1600 })
    if (process.env.PHOTO_BENCH_PREVIEW) writeFileSync(process.env.PHOTO_BENCH_PREVIEW, Buffer.from(r.preview.split(',')[1] ?? '', 'base64'))
  })

  it('compresses and watermarks a 12-megapixel JPEG', async () => {
    const r = await page.evaluate(() => window.runCompressBench(4))
    expect(Math.max(r.width, r.height)).toBe(1600)
    expect(r.outKB).toBeGreaterThan(20)
    const warm = r.runsMs.slice(1)
    report.add({ what: 'input: generated 4000×3000 JPEG (q 0.92)', value: r.inputKB, unit: 'kB' })
    report.add({ what: 'compress + watermark + thumb, first run (pica init)', value: r.runsMs[0]!, unit: 'ms', goal: '≤ 1,500 ms' })
    report.add({ what: 'compress + watermark + thumb, median of warm runs', value: percentile(warm, 50), unit: 'ms', goal: '≤ 1,500 ms' })
    report.add({ what: `output ${r.width}×${r.height} JPEG`, value: r.outKB, unit: 'kB', goal: '≤ 300 kB' })
    report.add({ what: 'thumbnail (256 px)', value: r.thumbKB, unit: 'kB' })
    report.add({ what: `quality check: Laplacian variance (warnings: ${r.warnings.join(', ') || 'none'})`, value: r.sharpness, unit: '' })
  })

  it('uploads a queue of 50 photos through a connection that drops mid-way: none lost, none duplicated', async () => {
    const r = await page.evaluate(() => window.runUploadBench(50))
    expect(r.stored).toBe(50)
    expect(r.maxPerPath).toBe(1)
    expect(r.uploadedRows).toBe(50)
    expect(r.blobRows).toBe(50)
    expect(r.existsAnswers).toBeGreaterThanOrEqual(1)
    report.add({ what: `50 photos × 250 kB, ${r.offlineMs} ms offline mid-way: total`, value: r.totalMs, unit: 'ms' })
    report.add({ what: 'stored once each / "exists" answers / failed tries', value: r.stored, unit: `/ ${r.existsAnswers} / ${r.failures}` })
  })
})
