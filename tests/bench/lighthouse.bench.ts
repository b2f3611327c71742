/**
 * Lighthouse mobile on each role's main pages (issue 13), against the built app served with
 * gzip (`vite preview`), 3 runs per page in a fresh browser each (a new user's first visit).
 * Served over HTTPS, so over HTTP/2 as a real host serves the PWA; Lighthouse simulates HTTP/1.1
 * with six connections per host, which queues a page's chunks. LIGHTHOUSE_HTTP1=1 measures that.
 * One table per page: the median of the runs, every run, and the goal. Figures are reported,
 * never asserted; the checks are only that each run produced its figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBuiltApp, type ServedApp } from '../e2e/support/browser'
import { median, runLighthouse, type LighthouseFigures } from './support/lighthouse'
import { MAIN_PAGES } from './support/mainPages'

const RUNS = Number(process.env.LIGHTHOUSE_RUNS) || 3

type Row = { what: string; pick: (f: LighthouseFigures) => number; unit: string; goal: string; digits: number }
const ROWS: Row[] = [
  { what: 'performance score', pick: (f) => f.performance, unit: '', goal: '≥ 0.95', digits: 2 },
  { what: 'First Contentful Paint', pick: (f) => f.fcp / 1000, unit: 's', goal: '≤ 1.5 s', digits: 2 },
  { what: 'Largest Contentful Paint', pick: (f) => f.lcp / 1000, unit: 's', goal: '≤ 2.0 s', digits: 2 },
  { what: 'Total Blocking Time', pick: (f) => f.tbt, unit: 'ms', goal: '≤ 100 ms', digits: 0 },
  { what: 'blocking, observed tasks × 4 (traceTasks.ts)', pick: (f) => f.observedBlockingMs, unit: 'ms', goal: '', digits: 0 },
  { what: 'blocking, tasks\' CPU time × 4 (no waits for a core)', pick: (f) => f.cpuBlockingMs, unit: 'ms', goal: '', digits: 0 },
  { what: 'longest observed task', pick: (f) => f.longestTaskMs, unit: 'ms', goal: '', digits: 1 },
  { what: 'Cumulative Layout Shift', pick: (f) => f.cls, unit: '', goal: '', digits: 3 },
  { what: 'accessibility score', pick: (f) => f.accessibility, unit: '', goal: '1.00', digits: 2 },
  { what: 'requests before first render', pick: (f) => f.requestsBeforeRender, unit: '', goal: '≤ 20', digits: 0 },
  { what: 'first-screen JS (gzip), by first render', pick: (f) => f.jsBeforeRenderKb, unit: 'kB', goal: '≤ 90 kB', digits: 0 },
  { what: 'JS (gzip) by largest paint', pick: (f) => f.jsBeforeLcpKb, unit: 'kB', goal: '', digits: 0 },
]

function table(title: string, runs: LighthouseFigures[]): string {
  const fmt = (value: number, row: Row) => `${value.toFixed(row.digits)}${row.unit ? ` ${row.unit}` : ''}`
  const lines = ROWS.map((row) => {
    const values = runs.map(row.pick)
    return `| ${row.what} | ${fmt(median(values), row)} | ${values.map((v) => fmt(v, row)).join(' · ')} | ${row.goal} |`
  })
  const failures = [...new Set(runs.flatMap((r) => r.a11yFailures))]
  return [
    `\n## Lighthouse mobile: ${title}`,
    '| what | median | runs | goal |',
    '|---|---|---|---|',
    ...lines,
    ...(failures.length ? [`accessibility audits failing: ${failures.join(', ')}`] : []),
  ].join('\n')
}

describe('Lighthouse mobile, built app', () => {
  let app: ServedApp
  const tables: string[] = []

  beforeAll(async () => {
    app = await serveBuiltApp({ https: process.env.LIGHTHOUSE_HTTP1 !== '1' })
  })
  afterAll(async () => {
    console.log(tables.join('\n'))
    await app?.close()
  })

  for (const { name, path } of MAIN_PAGES) {
    it(`${name} (${path})`, async () => {
      const runs: LighthouseFigures[] = []
      for (let i = 0; i < RUNS; i++) runs.push(await runLighthouse(`${app.url}${path}`))
      for (const run of runs) {
        expect(run.performance).toBeGreaterThanOrEqual(0)
        expect(run.requestsBeforeRender).toBeGreaterThan(0)
      }
      tables.push(table(`${name} (${path}), ${runs[0]?.protocol ?? ''}`, runs))
    })
  }
})
