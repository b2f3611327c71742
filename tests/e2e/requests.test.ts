/**
 * The requests engine end to end in real Chromium against the built PWA (local mode: one device, the
 * role switcher plays each person). An employee applies for a seal use OFFLINE, it syncs once online;
 * the admin head approves, then the executive; the seal keeper, scanning the seal with the fake camera,
 * records the use for the approved application with a stamped-page photo; the register line names the
 * application and the month's CSV has it.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Browser } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { isOfflineNoise, launchChromium, newPhoneContext, serveBuiltApp, waitForServiceWorkerControl, type ServedApp } from './support/browser'
import { writeQrY4m, writeStampedPagePng } from './support/fakeCamera'
import { switchRole } from './support/roles'

const SEAL = demo.assets.find((a) => a.number === 'SEAL-0002')!
const TITLE = '年度物流服务合同'

let app: ServedApp
let browser: Browser

beforeAll(async () => {
  app = await serveBuiltApp()
  browser = await launchChromium({ fakeVideo: writeQrY4m(labelUrl(app.url, SEAL.label_token!)) })
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** The Me page's count of changes the server has not accepted. */
async function pendingCount(page: Page): Promise<string | null> {
  if (!(await page.getByTestId('sync-pending').count())) await page.getByTestId('tab-me').click()
  return page.getByTestId('sync-pending').getAttribute('data-count')
}

/** From Home's 待我审批: open the application and approve it. */
async function approveFromHome(page: Page, requestId: string): Promise<void> {
  const item = page.getByTestId('request-todo-approvals').getByTestId(`request-item-${requestId}`)
  await item.waitFor({ timeout: 30_000 })
  await item.click()
  await page.getByTestId('request-decision').waitFor()
  await page.getByTestId('request-note').locator('textarea').fill('同意')
  await page.getByTestId('request-approve').click()
  await page.getByTestId('request-decision').waitFor({ state: 'detached' })
}

describe('requests in a real browser', () => {
  it('apply offline → sync → admin head → executive → the keeper stamps for the application → register and CSV name it', async () => {
    const context = await newPhoneContext(browser, app.url)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error' && !isOfflineNoise(m.text())) errors.push(m.text())
    })
    // Unhandled rejections (e.g. an IndexedDB write that failed) surface as minified names: log their text.
    await page.addInitScript(() => window.addEventListener('unhandledrejection', (e) => console.error('unhandled rejection', String(e.reason))))
    await page.goto('/')
    await page.getByTestId('home-greeting').waitFor()
    await waitForServiceWorkerControl(page)
    await switchRole(page, 'employee')

    // Offline: a new seal-use application from Home.
    await context.setOffline(true)
    await page.getByTestId('request-todo-new').click()
    await page.getByTestId('request-type-seal_use').click()
    await page.getByTestId('request-field-document_title').locator('input').fill(TITLE)
    await page.getByTestId('request-field-document_type-contract').click()
    await page.getByTestId('request-field-copies').locator('input').fill('2')
    await page.getByTestId('request-field-seal_name').locator('input').fill('合同专用章')
    await page.getByTestId('request-field-purpose').locator('textarea').fill('与物流公司续签')
    await page.getByTestId('request-submit').click()
    const detail = page.getByTestId('request-page')
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 30_000 }).toBe('pending')
    const requestId = page.url().split('/requests/')[1]!.split(/[?#]/)[0]!
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    await page.getByTestId('request-where').waitFor()
    await page.getByTestId('request-timeline').getByTestId('pending-tag').waitFor()

    // Online: it syncs.
    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('request-timeline').getByTestId('pending-tag').count(), { timeout: 60_000 }).toBe(0)
    await expect.poll(() => pendingCount(page), { timeout: 60_000 }).toBe('0')

    // The admin head, then the executive, approve from their Home.
    await switchRole(page, 'admin_head')
    await approveFromHome(page, requestId)
    await page.getByTestId('request-where').waitFor()
    await switchRole(page, 'executive')
    await approveFromHome(page, requestId)
    await expect.poll(() => detail.getAttribute('data-status')).toBe('approved')
    expect(await page.getByTestId('request-event-approve').count()).toBe(2)

    // The seal keeper scans the seal, records the use for the approved application, with a photo.
    await switchRole(page, 'seal_keeper')
    await page.getByTestId('request-todo-sealRequests').getByTestId(`request-item-${requestId}`).waitFor()
    await page.getByTestId('tab-scan').click()
    await page.locator(`[data-testid="asset-page"][data-id="${SEAL.id}"]`).waitFor({ timeout: 45_000 })
    await page.goto(`/seals/${SEAL.id}/usage/new`)
    await page.getByTestId('seal-usage-form').waitFor()
    await page.getByTestId('usage-application').click()
    await page.locator(`[data-testid="application-option"][data-request-id="${requestId}"]`).click()
    await expect.poll(() => page.getByTestId('usage-title').locator('input').inputValue()).toBe(TITLE)
    await page.getByTestId('photo-gallery-input').setInputFiles(await writeStampedPagePng())
    await page.getByTestId('captured-photo').waitFor({ timeout: 45_000 })
    await page.getByTestId('seal-usage-save').click()

    const row = page.getByTestId('register-row').filter({ hasText: TITLE })
    await row.waitFor()
    expect(await row.getByTestId('register-row-application').getAttribute('data-request-id')).toBe(requestId)
    expect(await row.getByTestId('register-row-flag').count()).toBe(0)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-export').click()])
    const text = readFileSync(await download.path(), 'utf8')
    expect(text).toContain('用印申请')
    expect(text.split('\r\n').find((l) => l.includes(TITLE))).toContain(TITLE)
    await expect.poll(() => pendingCount(page), { timeout: 60_000 }).toBe('0')

    // The application is carried out: the keeper's list no longer has it.
    await page.goto(`/requests/${requestId}`)
    await expect.poll(() => detail.getAttribute('data-status')).toBe('approved')
    expect(await page.getByTestId('request-summary').textContent()).toContain('已办理')
    expect(errors).toEqual([])
    await context.close()
  })
})
