/**
 * Start-up on a first visit (issue 13), traced in Chromium against the built app: the main
 * thread's blocking time and busy CPU on Home, Scan and an asset page, unthrottled and with CDP's
 * 4× CPU slowdown, up to the demo seed's commit and a quiet while after. STARTUP_RUNS (default 3)
 * fresh visits per page and speed; the table gives medians and the machine's load. Reported,
 * never asserted: the checks are only that each visit was traced and seeded.
 */
import { loadavg } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { launchChromium, serveBuiltApp, type ServedApp } from '../e2e/support/browser'
import { median } from './support/lighthouse'
import { traceFirstVisit, type StartupFigures } from './support/startupTrace'

const RUNS = Number(process.env.STARTUP_RUNS) || 3
const PAGES = [
  { name: 'Home', path: '/' },
  { name: 'Scan', path: '/scan' },
  { name: 'Asset page', path: `/assets/${demo.assets.find((a) => a.number === 'EQP-0001')?.id ?? ''}` },
]

describe('first-visit start-up, main thread', () => {
  let app: ServedApp
  let browser: Browser
  const lines: string[] = []

  beforeAll(async () => {
    app = await serveBuiltApp()
    browser = await launchChromium()
  })
  afterAll(async () => {
    console.log(
      [
        '\n## First visit: main thread (medians)',
        '| page | CPU | load | blocking, wall | blocking, CPU time | busy CPU time | long tasks | LCP | seed committed |',
        '|---|---|---|---|---|---|---|---|---|',
        ...lines,
      ].join('\n'),
    )
    await browser?.close()
    await app?.close()
  })

  for (const { name, path } of PAGES) {
    for (const slowdown of [1, 4]) {
      it(`${name} (${path}), ${slowdown}× CPU`, async () => {
        const runs: StartupFigures[] = []
        const loads: number[] = []
        for (let i = 0; i < RUNS; i++) {
          loads.push(loadavg()[0] ?? NaN)
          runs.push(await traceFirstVisit(browser, `${app.url}${path}`, slowdown))
        }
        for (const run of runs) {
          expect(run.cpuBusyMs).toBeGreaterThan(0)
          expect(run.seededMs).toBeGreaterThan(0)
        }
        const ms = (pick: (f: StartupFigures) => number) => `${median(runs.map(pick)).toFixed(0)} ms`
        lines.push(
          `| ${name} | ${slowdown}× | ${loads.map((l) => l.toFixed(1)).join(' / ')} | ${ms((f) => f.blockingMs)} | ${ms((f) => f.cpuBlockingMs)} | ${ms((f) => f.cpuBusyMs)} | ${median(runs.map((f) => f.longTasks))} | ${ms((f) => f.lcpMs)} | ${ms((f) => f.seededMs)} |`,
        )
      })
    }
  }
})
