/**
 * Lighthouse (pinned devDependency) on Debian's Chromium against the built app, as a new user
 * would meet it: a fresh browser profile per run (no IndexedDB, localStorage or service worker),
 * Lighthouse's default mobile mode (simulated slow 4G, 4× CPU slowdown, 412 px phone).
 * The browser accepts the bench server's self-signed certificate (see serveBuiltApp's `https`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse from 'lighthouse'
import type { Result } from 'lighthouse'
import { launch } from 'chrome-launcher'
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/support/browser'
import { observedTasks } from './traceTasks'

export interface LighthouseFigures {
  performance: number
  fcp: number
  lcp: number
  tbt: number
  cls: number
  accessibility: number
  /** Requests started before the first contentful paint (observed, not simulated). */
  requestsBeforeRender: number
  /** Transfer size (gzip as served) of the scripts requested before the first contentful paint. */
  jsBeforeRenderKb: number
  /** The same, up to the largest contentful paint: the JS the first screen really needed. */
  jsBeforeLcpKb: number
  /** Accessibility audits that failed (ids), to say what keeps the score below 1. */
  a11yFailures: string[]
  /** The page's protocol as the browser saw it (h2, http/1.1): Lighthouse simulates each differently. */
  protocol: string
  /** From the trace's observed tasks after the first paint (traceTasks.ts): NaN without a trace. */
  observedBlockingMs: number
  cpuBlockingMs: number
  longestTaskMs: number
}

interface NetworkItem {
  url: string
  rendererStartTime?: number
  transferSize?: number
  resourceType?: string
  protocol?: string
}

/** One Lighthouse run on `url` in a Chromium started just for it. */
export async function runLighthouse(url: string): Promise<LighthouseFigures> {
  const browser = await launchForLighthouse()
  try {
    const result = await lighthouse(url, {
      port: browser.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      disableFullPageScreenshot: true,
      // LIGHTHOUSE_PROFILE=1: the trace also holds V8's CPU samples (it slows the page a little).
      ...(process.env.LIGHTHOUSE_PROFILE ? { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' } : {}),
    })
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`)
    const trace = (result.artifacts as unknown as { Trace?: Parameters<typeof observedTasks>[0] }).Trace
    // LIGHTHOUSE_REPORTS=<dir>: keep each run's full report (JSON) and its trace, to see what a
    // figure is made of (which tasks block, and, with LIGHTHOUSE_PROFILE=1, in which functions).
    const reports = process.env.LIGHTHOUSE_REPORTS
    if (reports) {
      mkdirSync(reports, { recursive: true })
      const stem = join(reports, `${new URL(url).pathname.replace(/\W+/g, '_')}-${Date.now()}`)
      writeFileSync(`${stem}.json`, JSON.stringify(result.lhr))
      writeFileSync(`${stem}.trace.json`, JSON.stringify(trace ?? null))
    }
    return figuresOf(result.lhr, trace)
  } finally {
    browser.close()
  }
}

/**
 * A Chromium with a fresh profile, for Lighthouse alone: started by chrome-launcher (Lighthouse's
 * own, with its default flags), so that no second DevTools client (Playwright's) adds its work to
 * the browser being measured, on a 2-core machine.
 */
async function launchForLighthouse(): Promise<{ port: number; close(): void }> {
  const profile = mkdtempSync(join(tmpdir(), 'adminfield-lh-'))
  // As root (CI), Chromium starts only without its sandbox (Playwright adds the same flag).
  const noSandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const removeProfile = () => rmSync(profile, { recursive: true, force: true })
  try {
    const chrome = await launch({ chromePath: chromiumPath(), userDataDir: profile, chromeFlags: ['--headless=new', '--ignore-certificate-errors', ...noSandbox, ...CHROMIUM_ARGS], logLevel: 'silent' })
    return {
      port: chrome.port,
      close: () => {
        chrome.kill()
        removeProfile()
      },
    }
  } catch (e) {
    removeProfile()
    throw e
  }
}

export function figuresOf(lhr: Result, trace?: Parameters<typeof observedTasks>[0]): LighthouseFigures {
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  const audit = (id: string) => lhr.audits[id]
  const numeric = (id: string) => audit(id)?.numericValue ?? NaN
  const requests = audit('network-requests')?.details as { items: NetworkItem[]; debugData?: { networkStartTimeTs?: number } } | undefined
  const observed = (audit('metrics')?.details as { items?: Record<string, number>[] } | undefined)?.items?.[0] ?? {}
  const start = requests?.debugData?.networkStartTimeTs ?? NaN
  // Observed paint times, relative to the first request (as the request items are).
  const fcpAt = ((observed.observedFirstContentfulPaintTs ?? NaN) - start) / 1000
  const lcpAt = ((observed.observedLargestContentfulPaintTs ?? NaN) - start) / 1000
  const items = (requests?.items ?? []).filter((r) => /^https?:/.test(r.url))
  const before = (at: number) => items.filter((r) => (r.rendererStartTime ?? Infinity) <= at)
  const jsKb = (list: NetworkItem[]) => list.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024
  const a11y = lhr.categories.accessibility
  const tasks = observedTasks(trace)
  return {
    performance: lhr.categories.performance?.score ?? NaN,
    fcp: numeric('first-contentful-paint'),
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    accessibility: a11y?.score ?? NaN,
    requestsBeforeRender: before(fcpAt).length,
    jsBeforeRenderKb: jsKb(before(fcpAt)),
    jsBeforeLcpKb: jsKb(before(lcpAt)),
    a11yFailures: (a11y?.auditRefs ?? []).filter((ref) => ref.weight > 0 && audit(ref.id)?.score === 0).map((ref) => ref.id),
    protocol: items[0]?.protocol ?? 'unknown',
    observedBlockingMs: tasks?.estimatedBlockingMs ?? NaN,
    cpuBlockingMs: tasks?.cpuBlockingMs ?? NaN,
    longestTaskMs: tasks?.longestMs ?? NaN,
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}
