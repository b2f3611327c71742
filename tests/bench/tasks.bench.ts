/** The tasks engine with 20,000 tasks and 2,000 督办 sheets on the device (Chromium IndexedDB): the bell, the lists, the ledger. */
import { loadavg } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, projectRoot } from '../e2e/support/browser'
import { createReport, percentile } from './support/report'

const COUNT = 20_000
const SHEETS = 2_000
const RUNS = 30

describe('tasks', () => {
  let server: ViteDevServer
  let browser: Browser
  let page: Page
  const report = createReport(`Tasks: ${COUNT.toLocaleString('en')} tasks and ${SHEETS.toLocaleString('en')} 督办 sheets in Chromium (IndexedDB)`)

  beforeAll(async () => {
    // The machine is shared: its load is part of every figure below.
    report.add({ what: 'load average (1 min) at the start', value: loadavg()[0]!, unit: '' })
    server = await createServer({ root: projectRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 5481, strictPort: false } })
    await server.listen()
    browser = await launchChromium()
    page = await browser.newPage()
    await page.goto(`${server.resolvedUrls?.local[0] ?? ''}tests/bench/pages/tasks.html`)
    await page.waitForFunction(() => typeof window.seedTasks === 'function')
    const seeded = await page.evaluate(([n, s]) => window.seedTasks(n!, s!), [COUNT, SHEETS])
    expect(seeded).toMatchObject({ tasks: COUNT, sheets: SHEETS })
    report.add({ what: 'seed (one bulk transaction)', value: seeded.seedMs / 1000, unit: 's' })
  })
  afterAll(async () => {
    report.add({ what: 'load average (1 min) at the end', value: loadavg()[0]!, unit: '' })
    report.print()
    await browser?.close()
    await server?.close()
  })

  const add = (what: string, samples: number[], goal = '') => {
    report.add({ what: `${what}, p50`, value: percentile(samples, 50), unit: 'ms' })
    report.add({ what: `${what}, p95`, value: percentile(samples, 95), unit: 'ms', goal })
  }

  it('counts the bell from an index-backed read, the same count as the whole store', async () => {
    const fast = await page.evaluate((n) => window.measureBell(n, 'head'), RUNS)
    const recount = await page.evaluate((n) => window.measureBellRecount(n, 'head'), RUNS)
    const whole = await page.evaluate((n) => window.measureBellWholeStore(n), Math.ceil(RUNS / 3))
    expect(fast.rows).toBe(whole.rows)
    expect(recount.rows).toBe(whole.rows)
    expect(fast.rows).toBeGreaterThan(0)
    add("bell, admin head (index-backed read + inbox)", fast.samples, '≤ 50 ms')
    add('  the same, read + the inbox\'s items counted (before)', recount.samples)
    add('  the same from the whole store (before)', whole.samples)
    const mine = await page.evaluate((n) => window.measureBell(n, 'assignee'), RUNS)
    expect(mine.rows).toBeGreaterThan(0)
    add('bell, an assignee', mine.samples, '≤ 50 ms')
    const change = await page.evaluate((n) => window.measureBellAfterChange(n), RUNS)
    const again = await page.evaluate((n) => window.measureBellRecountAfterChange(n), RUNS)
    expect(change.rows).toBeGreaterThan(0)
    expect(again.rows).toBeGreaterThan(0)
    add('bell after a change (write one task + recount)', change.samples, '≤ 50 ms')
    add('  the same, the whole bell read and counted again (before)', again.samples)
  })

  it('opens and filters the admin head\'s list and the 督办 ledger', async () => {
    const list = await page.evaluate((n) => window.measureList(n), RUNS)
    expect(list.rows).toBeGreaterThanOrEqual(50)
    add("admin head's task list open (store read + first page of the site's open tasks)", list.samples, '≤ 200 ms')
    const filter = await page.evaluate((n) => window.measureListFilter(n), RUNS)
    expect(filter.rows).toBeGreaterThanOrEqual(100)
    add('  filter (done + text; all statuses), first pages', filter.samples, '≤ 200 ms')
    const ledger = await page.evaluate((n) => window.measureLedger(n), RUNS)
    expect(ledger.rows).toBe(SHEETS)
    add('督办 ledger open (sheets + tasks + counts per department)', ledger.samples, '≤ 200 ms')
  })
})
