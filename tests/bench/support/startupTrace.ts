/**
 * One first visit traced in Chromium (issue 13): a fresh context opens `url`, optionally with
 * CDP's CPU throttling, and stays until the demo seed's last flag is in IndexedDB and a quiet
 * while after. From the trace: the main thread's long tasks after navigation, as wall time and as
 * thread (CPU) time. On a busy machine wall time grows with the load; thread time much less.
 */
import type { Browser } from 'playwright-core'
import { blockingOf, mainThreadTasks, taskTimes, type TraceEvent } from './traceTasks'

export interface StartupFigures {
  /** Σ (task − 50 ms) over the main thread's tasks, wall time. */
  blockingMs: number
  /** The same over thread time (what the tasks cost the CPU). */
  cpuBlockingMs: number
  /** Σ thread time of the main thread's tasks. */
  cpuBusyMs: number
  longTasks: number
  lcpMs: number
  /** From navigation until the demo seed's last flag was readable (−1: not within a minute). */
  seededMs: number
}

const SEEDED = `(async () => {
  if (!(await indexedDB.databases()).some((d) => d.name === 'adminfield')) return false
  return new Promise((resolve) => {
    const open = indexedDB.open('adminfield')
    open.onerror = () => resolve(false)
    open.onsuccess = () => {
      const db = open.result
      try {
        const get = db.transaction('meta').objectStore('meta').get('demo_dorms_seeded_at')
        get.onsuccess = () => { db.close(); resolve(!!get.result) }
        get.onerror = () => { db.close(); resolve(false) }
      } catch { db.close(); resolve(false) }
    }
  })
})()`

export async function traceFirstVisit(browser: Browser, url: string, cpuSlowdown = 1): Promise<StartupFigures> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'] })
    const t0 = Date.now()
    await page.goto(url)
    // Polled over CDP: Playwright's own waiting helpers would inject scripts into the traced page.
    let seededMs = -1
    for (let i = 0; i < 240 && seededMs < 0; i++) {
      const { result } = (await cdp.send('Runtime.evaluate', { expression: SEEDED, awaitPromise: true, returnByValue: true })) as { result: { value?: unknown } }
      if (result.value === true) seededMs = Date.now() - t0
      else await page.waitForTimeout(250)
    }
    await page.waitForTimeout(1500 * cpuSlowdown)
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
    return figuresOf(trace.traceEvents, seededMs)
  } finally {
    await context.close()
  }
}

function figuresOf(events: TraceEvent[], seededMs: number): StartupFigures {
  const tasks = mainThreadTasks(events)
  const navStart = Math.min(...events.filter((e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').startsWith('http')).map((e) => e.ts))
  const lcp = Math.max(...events.filter((e) => e.name === 'largestContentfulPaint::Candidate').map((e) => e.ts))
  const { wall, cpu } = taskTimes(tasks.filter((t) => t.ts >= navStart))
  return {
    blockingMs: blockingOf(wall),
    cpuBlockingMs: blockingOf(cpu),
    cpuBusyMs: cpu.reduce((s, ms) => s + ms, 0),
    longTasks: wall.filter((ms) => ms > 50).length,
    lcpMs: Number.isFinite(lcp) ? (lcp - navStart) / 1000 : NaN,
    seededMs,
  }
}
