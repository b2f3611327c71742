/**
 * The KPI dashboard end to end in real Chromium against the built PWA (local mode, issue 14):
 * the admin head lends a licence and takes it back on time (the demo already has another licence
 * a day overdue), syncs, goes offline and reloads from the service worker, opens 考核指标 from
 * Work, sees 证照借用按时归还率 red below its 100% target, drills down to the records (the late
 * one first, the on-time one after), opens the monthly report and prints it (print media: only
 * the report, no app chrome or buttons; a PDF is produced).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { useBuiltApp } from './support/browser'
import { switchRole } from './support/roles'

const TZ = demo.company.timezone
const LENT = demo.assets.find((a) => a.number === 'LIC-0001')! // lent and returned on time by this test
const OVERDUE = demo.assets.find((a) => a.number === 'LIC-0002')! // the demo lends it a day overdue (demoAssets.ts)
const EMPLOYEE = demo.users.find((u) => u.roles.includes('employee'))!
const KPI = 'licence_returned_on_time'

const app = useBuiltApp()

/** 'YYYY-MM-DDTHH:mm' on the company's wall clock (what a datetime-local input holds). */
function wallClock(ms: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  )
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`
}

const assetPage = (page: Page, id: string) => page.locator(`[data-testid="asset-page"][data-id="${id}"]`)
const status = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-status')

describe('KPIs in a real browser', () => {
  it('offline after a sync: a red KPI → its late records first → the monthly report printed', async () => {
    const { context, page, errors } = await app.open()
    await switchRole(page, 'admin_head')

    // Setup through the UI: a licence lent until two hours from now and returned at once (on time).
    const now = Date.now()
    const due = wallClock(now + 2 * 3600_000)
    await page.goto(`/assets/${LENT.id}`)
    await expect.poll(() => assetPage(page, LENT.id).getAttribute('data-status'), { timeout: 45_000 }).toBe('in_stock')
    await page.getByTestId('action-check_out').click()
    await page.locator(`[data-testid="person-option"][data-user-id="${EMPLOYEE.id}"]`).click()
    await page.getByTestId('checkout-due').locator('input').fill(due)
    await page.getByTestId('checkout-purpose').locator('input, textarea').first().fill('银行开户')
    await page.getByTestId('custody-save').click()
    await expect.poll(() => assetPage(page, LENT.id).getAttribute('data-status')).toBe('checked_out')
    await page.getByTestId('action-check_in').click()
    await page.getByTestId('custody-save').click()
    await expect.poll(() => assetPage(page, LENT.id).getAttribute('data-status')).toBe('in_stock')

    // Sync, and wait until nothing is left to send.
    await page.getByTestId('tab-me').click()
    await page.getByTestId('sync-now').click()
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), { timeout: 60_000 }).toBe('0')

    // Offline: the shell from the service worker, navigator.onLine false, the data from IndexedDB.
    await context.setOffline(true)
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false }))
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)

    // Work → 考核指标. The overdue loan falls in the month of its due day (a day ago); the on-time
    // one in the month of its due (in two hours): the same month except on a month's first day.
    const overdueMonth = wallClock(now - 24 * 3600_000).slice(0, 7)
    const sameMonth = due.slice(0, 7) === overdueMonth
    await page.getByTestId('tab-work').click()
    await page.getByTestId('work-kpis').click()
    await expect.poll(() => status(page, 'kpi-dashboard'), { timeout: 45_000 }).toBe('ready')
    if ((await page.getByTestId('kpi-month').textContent())?.trim() !== overdueMonth) await page.getByTestId('kpi-month-prev').click()
    await expect.poll(() => page.getByTestId('kpi-month').textContent()).toBe(overdueMonth)
    await expect.poll(() => status(page, 'kpi-dashboard'), { timeout: 45_000 }).toBe('ready')

    // Red below target: 0 of 1 (or 1 of 2) returned on time against the manual's 100%.
    const cell = page.getByTestId(`kpi-${KPI}`)
    await expect.poll(() => cell.getAttribute('data-red'), { timeout: 45_000 }).toBe('true')
    expect(await cell.getByTestId('kpi-value').textContent()).toBe(sameMonth ? '50%' : '0%')
    expect(await cell.textContent()).toContain('目标 100%')
    const reds = await page.locator('[data-testid^="kpi-"][data-red="true"]').count()
    expect(reds).toBeGreaterThanOrEqual(1)

    // Tap it (its trend shows), then its records: the late one first.
    await cell.click()
    await expect.poll(() => cell.getAttribute('class')).toContain('kpi-cell--selected')
    await page.getByTestId(`kpi-drill-${KPI}`).click()
    await expect.poll(() => status(page, 'kpi-drill'), { timeout: 45_000 }).toBe('ready')
    expect(await page.getByTestId('kpi-month').textContent()).toBe(overdueMonth)
    const rows = page.locator('[data-testid^="drill-"]')
    await expect.poll(() => rows.count()).toBeGreaterThan(0)
    const states = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    expect(states).toEqual(sameMonth ? ['drill-missed', 'drill-met'] : ['drill-missed'])
    const late = rows.first()
    expect(await late.textContent()).toContain('未达标')
    expect(await late.textContent()).toContain('尚未完成')
    expect(await late.textContent()).toContain(EMPLOYEE.display_name)
    // The late record opens the overdue licence.
    await late.click()
    await expect.poll(() => assetPage(page, OVERDUE.id).getAttribute('data-status'), { timeout: 45_000 }).toBe('checked_out')
    await page.goBack()
    await expect.poll(() => status(page, 'kpi-drill'), { timeout: 45_000 }).toBe('ready')
    await page.goBack()
    await expect.poll(() => status(page, 'kpi-dashboard'), { timeout: 45_000 }).toBe('ready')

    // The monthly report, still offline: every department with figures, this KPI below target.
    await page.getByTestId('kpi-report-link').click()
    await expect.poll(() => status(page, 'kpi-report'), { timeout: 45_000 }).toBe('ready')
    const paper = page.locator('.kpi-report__paper')
    await paper.waitFor()
    expect(await paper.locator('h1').textContent()).toContain(`部门月度考核报告 · ${overdueMonth}`)
    const line = paper.locator('tr', { hasText: '证照借用按时归还率' })
    await expect.poll(() => line.count()).toBeGreaterThan(0)
    expect(await line.first().getAttribute('class')).toContain('kpi-report__below')
    expect(await line.first().textContent()).toContain('未达标')
    // A figure whose target is blank (the manual's "_%", not set yet) is not judged "达标".
    const judged = await paper.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())))
    for (const [, value, target, , result] of judged) if (value !== '—' && target === '—') expect(result).toBe('未设目标')

    // Print: the button opens the browser's print dialog (window.print, recorded here)...
    await page.evaluate(() => {
      const w = window as unknown as { printed: number }
      w.printed = 0
      window.print = () => void w.printed++
    })
    await page.getByTestId('kpi-report-print').click()
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
    // ...and print media shows the report alone: no toolbar, buttons, header or tab bar.
    await page.emulateMedia({ media: 'print' })
    expect(await paper.isVisible()).toBe(true)
    expect(await line.first().isVisible()).toBe(true)
    expect(await page.getByTestId('kpi-report-print').isVisible()).toBe(false)
    expect(await page.getByTestId('kpi-report-csv').isVisible()).toBe(false)
    expect(await page.getByTestId('kpi-month').isVisible()).toBe(false)
    expect(await page.getByTestId('tab-work').isVisible()).toBe(false)
    expect(await page.getByTestId('local-mode-banner').isVisible()).toBe(false)
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(5_000)
    await page.emulateMedia({ media: 'screen' })
    expect(await page.getByTestId('kpi-report-print').isVisible()).toBe(true)

    expect(errors).toEqual([])
    await context.close()
  })
})
