/**
 * The custody engine end to end in real Chromium against the built PWA, with a fake camera
 * that shows a demo label's QR (made by the app's own labelUrl + the qrcode package):
 * scan → check out → offline check in → offline reload → online → both events synced.
 * Also the image-file and manual-entry paths, an unknown label, and the seal-use register
 * with a stamped-page photo and its CSV export.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { labelUrl, newLabelToken } from '@/features/assets/domain/labelToken'
import { launchChromium, openAppOnHome, useBuiltApp } from './support/browser'
import { writeQrPng, writeQrY4m, writeStampedPagePng } from './support/fakeCamera'

const asset = (number: string) => {
  const a = demo.assets.find((x) => x.number === number)
  if (!a) throw new Error(`demo asset ${number} missing`)
  return a
}
const LAPTOP = asset('EQP-0001')
const PROJECTOR = asset('EQP-0002')
const UNIFORM = asset('UNI-0001')
const SEAL = asset('SEAL-0002')
const KEEPER = demo.users.find((u) => u.roles.includes('asset_keeper'))!

// The camera shows the laptop's label (its URL carries the preview server's origin).
const app = useBuiltApp({ fakeVideo: (url) => writeQrY4m(labelUrl(url, LAPTOP.label_token)) })
// The image-file and typed paths use a browser without the fake camera.
let plainBrowser: Browser
beforeAll(async () => {
  plainBrowser = await launchChromium()
})
afterAll(async () => {
  await plainBrowser?.close()
})

const assetPage = (page: Page, id: string) => page.locator(`[data-testid="asset-page"][data-id="${id}"]`)
const pendingFlags = (page: Page) => page.getByTestId('timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-pending')))

async function typeInScanner(page: Page, text: string): Promise<void> {
  await page.getByTestId('scan-manual-input').locator('input').fill(text)
  await page.getByTestId('scan-manual-submit').click()
}

describe('custody in a real browser', () => {
  it('scan with the camera → check out → offline check in → offline reload → online: both events synced', async () => {
    const { context, page, errors } = await app.open()

    await page.getByTestId('tab-scan').click()
    await assetPage(page, LAPTOP.id).waitFor({ timeout: 45_000 })
    // The page shell renders before its data: wait for the asset's state.
    await expect.poll(() => assetPage(page, LAPTOP.id).getAttribute('data-status')).toBe('in_stock')

    await page.getByTestId('action-check_out').click()
    await page.locator(`[data-testid="person-option"][data-user-id="${KEEPER.id}"]`).click()
    expect(await page.getByTestId('checkout-due').locator('input').inputValue()).not.toBe('')
    await page.getByTestId('checkout-purpose').locator('input, textarea').first().fill('出差使用')
    await page.getByTestId('custody-save').click()
    await expect.poll(() => assetPage(page, LAPTOP.id).getAttribute('data-status')).toBe('checked_out')
    expect(await assetPage(page, LAPTOP.id).getAttribute('data-holder')).toBe(KEEPER.id)

    await page.context().setOffline(true)
    await page.getByTestId('action-check_in').click()
    await page.getByTestId('custody-save').click()
    await expect.poll(() => assetPage(page, LAPTOP.id).getAttribute('data-status')).toBe('in_stock')
    await expect.poll(() => page.locator('[data-testid="timeline-item"][data-type="check_in"]').getAttribute('data-pending')).toBe('true')

    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await assetPage(page, LAPTOP.id).waitFor()
    await expect.poll(() => page.locator('[data-testid="timeline-item"][data-type="check_in"]').getAttribute('data-pending')).toBe('true')
    await expect.poll(() => assetPage(page, LAPTOP.id).getAttribute('data-status')).toBe('in_stock')

    await page.context().setOffline(false)
    await expect.poll(() => pendingFlags(page), { timeout: 60_000 }).toEqual(expect.arrayContaining(['false']))
    await expect.poll(async () => (await pendingFlags(page)).every((p) => p === 'false'), { timeout: 60_000 }).toBe(true)
    const types = await page.getByTestId('timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))
    expect(types).toEqual(expect.arrayContaining(['check_out', 'check_in']))
    expect(errors).toEqual([])
    await context.close()
  })

  it('scans a photo of a label (image-file fallback) and a typed printed number; explains an unknown label', async () => {
    const { context, page, errors } = await openAppOnHome(plainBrowser, app.url)
    await page.getByTestId('tab-scan').click()
    await page.getByTestId('qr-scanner').waitFor()

    await page.getByTestId('scan-file-input').setInputFiles(await writeQrPng(labelUrl(app.url, PROJECTOR.label_token)))
    await assetPage(page, PROJECTOR.id).waitFor({ timeout: 45_000 })

    await page.getByTestId('tab-scan').click()
    await typeInScanner(page, 'uni 1')
    await assetPage(page, UNIFORM.id).waitFor()

    await page.getByTestId('tab-scan').click()
    await typeInScanner(page, labelUrl(app.url, newLabelToken()))
    const outcome = page.getByTestId('scan-outcome')
    await expect.poll(() => outcome.getAttribute('data-kind')).toBe('unknown')
    expect(await page.getByTestId('scan-outcome-title').textContent()).toBe('未知标签')
    await typeInScanner(page, 'https://evil.example/a/123')
    await expect.poll(() => outcome.getAttribute('data-kind')).toBe('foreign')
    expect(errors).toEqual([])
    await context.close()
  })

  it('reads a clean photo of a label that the decoder misses upright (the photo is tried turned)', async () => {
    // zxing-js cannot read some QR codes the right way up, whatever the size (17 of the 500 label
    // URLs this server's ports give, e.g. :4592 and :4601); it reads each of them turned.
    const origin = ['http://127.0.0.1:4592', 'http://127.0.0.1:4601'].find((o) => !app.url.startsWith(o))!
    const { context, page, errors } = await openAppOnHome(plainBrowser, app.url)
    await page.getByTestId('tab-scan').click()
    await page.getByTestId('qr-scanner').waitFor()
    await page.getByTestId('scan-file-input').setInputFiles(await writeQrPng(labelUrl(origin, PROJECTOR.label_token)))
    const fileError = page.getByTestId('scan-file-error')
    await page.getByTestId('scan-outcome').or(fileError).first().waitFor({ timeout: 45_000 })
    expect((await fileError.count()) ? await fileError.textContent() : null, 'the photo was not read').toBe(null)
    // Another origin's label: decoded, then explained as not this company's.
    expect(await page.getByTestId('scan-outcome').getAttribute('data-kind')).toBe('foreign')
    expect(errors).toEqual([])
    await context.close()
  })

  it('records a seal use with a stamped-page photo; the register shows it and exports a CSV with BOM', async () => {
    const { context, page, errors } = await openAppOnHome(plainBrowser, app.url)
    await page.goto(`/seals/${SEAL.id}/usage/new`)
    await page.getByTestId('seal-usage-form').waitFor()
    await page.getByTestId('usage-title').locator('input').fill('年度采购框架合同')
    await page.getByTestId('usage-type').selectOption('contract')
    await page.getByTestId('usage-purpose').locator('textarea').fill('与供应商签约')
    await page.getByTestId('usage-requester').click()
    await page.locator(`[data-testid="requester-option"][data-user-id="${KEEPER.id}"]`).click()
    await page.getByTestId('usage-approver').locator('input').fill('王晓燕')
    await page.getByTestId('usage-emergency-reason').locator('textarea').fill('客户当场签约')
    await page.getByTestId('photo-gallery-input').setInputFiles(await writeStampedPagePng())
    await page.getByTestId('captured-photo').waitFor({ timeout: 45_000 })
    await page.getByTestId('seal-usage-save').click()

    const row = page.getByTestId('register-row').filter({ hasText: '年度采购框架合同' })
    await row.waitFor()
    expect(await row.getByTestId('photo-thumb').count()).toBe(1)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-export').click()])
    expect(download.suggestedFilename()).toMatch(/^用印登记-\d{4}-\d{2}\.csv$/)
    const text = readFileSync(await download.path(), 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('用印时间')
    expect(text).toContain('年度采购框架合同')
    expect(errors).toEqual([])
    await context.close()
  })
})
