/**
 * The checklists engine end to end in real Chromium against the built PWA. The fake camera shows
 * a demo AREA's label (the app's own labelUrl + the qrcode package): the inspector scans it, scores
 * the checklist with a photo on a failed critical item, submits offline, reloads offline, comes
 * back online with everything synced; then the cleaner closes the rectification with a photo.
 */
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { SANITATION_V1 } from '@/features/inspections/domain/defaultTemplates'
import { allItems } from '@/features/inspections/domain/template'
import { useBuiltApp } from './support/browser'
import { writeQrY4m, writeStampedPagePng } from './support/fakeCamera'
import { switchRole } from './support/roles'

const CLEANER = demo.users.find((u) => u.roles.includes('cleaner'))!
const AREA = demo.areas.find((a) => a.template_code === 'sanitation' && a.responsible_id === CLEANER.id)!
const CRITICAL = allItems(SANITATION_V1).find((i) => i.critical && i.photo_on_fail)!

// The camera shows the area's label (its URL carries the preview server's origin).
const app = useBuiltApp({ fakeVideo: (url) => writeQrY4m(labelUrl(url, AREA.label_token)) })

async function attachPhoto(scope: Locator, text: string): Promise<void> {
  await scope.getByTestId('photo-camera-input').setInputFiles(await writeStampedPagePng(text))
  await scope.getByTestId('captured-photo').first().waitFor({ timeout: 45_000 })
}

const item = (page: Page, key: string) => page.locator(`[data-testid="checklist-item"][data-item-key="${key}"]`)

describe('inspections in a real browser', () => {
  it('scan an area → score with a photo, fail a critical item → submit offline → reload offline → online: synced; the cleaner closes the task', async () => {
    const { context, page, errors } = await app.open()
    await switchRole(page, 'inspector')

    // Scan: the area's label opens its inspection, marked as scanned on site.
    await page.getByTestId('tab-scan').click()
    const inspect = page.locator(`[data-testid="inspect-page"][data-area-id="${AREA.id}"]`)
    await inspect.waitFor({ timeout: 45_000 })
    await expect.poll(() => inspect.getAttribute('data-status')).toBe('ready')
    expect(await page.getByTestId('inspect-via').getAttribute('data-via')).toBe('scan')

    // Pass everything (points items at full marks), then fail the critical item with a photo.
    const items = page.getByTestId('checklist-item')
    const n = await items.count()
    for (let i = 0; i < n; i++) {
      const el = items.nth(i)
      if (await el.getByTestId('answer-pass').count()) await el.getByTestId('answer-pass').click()
      else await el.getByTestId('answer-points-set').click()
    }
    await expect.poll(() => page.getByTestId('running-score').getAttribute('data-percent')).toBe('100')
    await item(page, CRITICAL.key).getByTestId('answer-fail').click()
    await page.getByTestId('critical-banner').waitFor()
    await item(page, CRITICAL.key).getByTestId('item-note').locator('textarea').fill('地面有积水')
    await attachPhoto(item(page, CRITICAL.key), 'wet floor')

    // The draft is on the device: a reload mid-inspection loses nothing (answers, note, photo).
    const draftId = await inspect.getAttribute('data-draft-id')
    await expect.poll(() => inspect.getAttribute('data-unsaved')).toBe('false')
    await page.reload()
    await expect.poll(() => inspect.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    expect(await inspect.getAttribute('data-draft-id')).toBe(draftId)
    expect(await item(page, CRITICAL.key).getAttribute('data-result')).toBe('fail')
    expect(await item(page, CRITICAL.key).getByTestId('item-note').locator('textarea').inputValue()).toBe('地面有积水')
    expect(await item(page, CRITICAL.key).getByTestId('captured-photo').count()).toBe(1)
    await expect.poll(() => page.getByTestId('running-score').getAttribute('data-critical')).toBe('true')

    // Submit offline: saved on the device, not synced yet.
    await context.setOffline(true)
    await page.getByTestId('inspect-submit').click()
    const result = page.getByTestId('inspection-result')
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    const inspectionId = await result.getAttribute('data-id')
    await page.getByTestId('result-critical').waitFor()
    expect(await page.getByTestId('result-rectification').count()).toBe(1)
    const rectId = await page.getByTestId('result-rectification').getAttribute('data-id')
    await expect.poll(() => result.getAttribute('data-pending')).toBe('true')

    // Reload offline, from the service worker: the inspection and its task are still there, still pending.
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    expect(await result.getAttribute('data-id')).toBe(inspectionId)
    expect(await page.getByTestId('result-rectification').getAttribute('data-id')).toBe(rectId)
    await expect.poll(() => result.getAttribute('data-pending')).toBe('true')

    // Back online: the inspection, its rectification and its photo all sync.
    await context.setOffline(false)
    await expect.poll(() => result.getAttribute('data-pending'), { timeout: 60_000 }).toBe('false')
    await page.getByTestId('tab-me').click()
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), { timeout: 60_000 }).toBe('0')
    await expect.poll(() => page.getByTestId('photo-upload-status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('done')

    // The cleaner (the area's responsible person) sees the task in Work and closes it with an after photo.
    await switchRole(page, 'cleaner')
    await page.getByTestId('tab-work').click()
    const row = page.locator(`[data-testid="rect-work-mine"] [data-testid="rect-row"][data-id="${rectId}"]`)
    await row.waitFor({ timeout: 45_000 })
    await row.click()
    await page.getByTestId('rect-fix-form').waitFor()
    await attachPhoto(page.getByTestId('rect-fix-photo'), 'dry floor')
    await page.getByTestId('rect-fix-note').locator('textarea').fill('已清理积水')
    await page.getByTestId('rect-fix-save').click()
    await expect.poll(() => page.getByTestId('rect-summary').getAttribute('data-status'), { timeout: 45_000 }).toBe('fixed')
    await page.getByTestId('tab-me').click()
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), { timeout: 60_000 }).toBe('0')
    await expect.poll(() => page.getByTestId('photo-upload-status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('done')
    expect(errors).toEqual([])
    await context.close()
  })
})
