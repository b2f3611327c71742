/**
 * The requests engine end to end in real Chromium against the built PWA (local mode: one device, the
 * role switcher plays each person). An employee applies for a seal use OFFLINE, it syncs once online;
 * the admin head approves, then the executive; the applicant's application page shows its QR; the seal
 * keeper scans the seal with the fake camera, then the application's QR (the camera now shows the code
 * the applicant's page drew), which opens the seal-use form with that application picked; the use is
 * recorded with a stamped-page photo; the register line names the application and the month's CSV has it.
 */
import { readFileSync, renameSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { pendingCount, useBuiltApp } from './support/browser'
import { writeQrY4m, writeStampedPagePng } from './support/fakeCamera'
import { switchRole } from './support/roles'

const SEAL = demo.assets.find((a) => a.number === 'SEAL-0002')!
const TITLE = '年度物流服务合同'

/** The fake camera's file: Chromium reads it again each time a page starts the camera. */
let camera: string

/** What the fake camera shows from the next camera start on (a new file renamed over the old one). */
function showOnCamera(text: string): void {
  renameSync(writeQrY4m(text), camera)
}

const app = useBuiltApp({ fakeVideo: (url) => (camera = writeQrY4m(labelUrl(url, SEAL.label_token!))) })

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
    // Unhandled rejections (e.g. an IndexedDB write that failed) surface as minified names: log their text.
    const { context, page, errors } = await app.open({ logRejections: true })
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

    // Approved: the applicant's page shows the application's QR for the keeper (its own link).
    await switchRole(page, 'employee')
    await page.goto(`/requests/${requestId}`)
    const qr = page.getByTestId('request-pick-qr')
    await qr.locator('img').waitFor()
    const qrText = await qr.getAttribute('data-url')
    expect(qrText).toBe(`${app.url}/requests/${requestId}`)

    // The seal keeper scans the seal, then the application's QR on the applicant's phone: the seal-use
    // form opens with that application picked; the use is recorded with a photo.
    await switchRole(page, 'seal_keeper')
    await page.getByTestId('request-todo-sealRequests').getByTestId(`request-item-${requestId}`).waitFor()
    await page.getByTestId('tab-scan').click()
    await page.locator(`[data-testid="asset-page"][data-id="${SEAL.id}"]`).waitFor({ timeout: 45_000 })
    showOnCamera(qrText!)
    await page.getByTestId('tab-scan').click()
    await page.getByTestId('seal-usage-form').waitFor({ timeout: 45_000 })
    expect(new URL(page.url()).pathname).toBe(`/seals/${SEAL.id}/usage/new`)
    await expect.poll(() => page.getByTestId('usage-application').getAttribute('data-request-id')).toBe(requestId)
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
    // Scanning its QR again says it was used, and changes nothing.
    await page.getByTestId('tab-scan').click()
    const outcome = page.locator('[data-testid="scan-outcome"][data-kind="request_problem"]')
    await outcome.waitFor({ timeout: 45_000 })
    expect(await outcome.textContent()).toContain('已经办理过')
    await switchRole(page, 'employee')
    await page.goto(`/requests/${requestId}`)
    await expect.poll(() => detail.getAttribute('data-status')).toBe('approved')
    expect(await page.getByTestId('request-pick-qr').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
