/**
 * The driver's side end to end in real Chromium against the built PWA. The fake camera shows a
 * demo VEHICLE's label (the app's own labelUrl): scan → start trip → the pre-trip check comes
 * first; a failed critical item puts the vehicle out of service and the trip cannot start. Then
 * offline: a quick fuel entry from a receipt photo, a reload offline keeps the draft, it is
 * completed (litres + amount), and back online everything syncs, photo included.
 */
import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { useBuiltApp } from './support/browser'
import { writeQrY4m, writeStampedPagePng } from './support/fakeCamera'
import { switchRole } from './support/roles'

const VEHICLE = demo.assets.find((a) => a.kind === 'vehicle' && a.details.fuel_type === 'gasoline')!
const CRITICAL_KEY = 'brakes'

const app = useBuiltApp({ fakeVideo: (url) => writeQrY4m(labelUrl(url, VEHICLE.label_token!)) })

async function attachPhoto(scope: Locator, text: string): Promise<void> {
  await scope.getByTestId('photo-camera-input').setInputFiles(await writeStampedPagePng(text))
}

describe('vehicles in a real browser', () => {
  it('scan → pre-trip check fails a critical item → out of service, no trip; offline quick fuel entry → reload → complete → online: synced', async () => {
    const { context, page, errors } = await app.open()
    await switchRole(page, 'driver')

    // Scan the vehicle's label: its asset page with the vehicle panel.
    await page.getByTestId('tab-scan').click()
    await page.locator(`[data-testid="asset-page"][data-id="${VEHICLE.id}"]`).waitFor({ timeout: 45_000 })
    await page.getByTestId('trip-start').click()

    // No check today: the pre-trip check comes first. Pass all, fail a critical item with a photo.
    const check = page.getByTestId('precheck-page')
    await expect.poll(() => check.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    const items = page.getByTestId('checklist-item')
    const n = await items.count()
    for (let i = 0; i < n; i++) await items.nth(i).getByTestId('answer-pass').click()
    const critical = page.locator(`[data-testid="checklist-item"][data-item-key="${CRITICAL_KEY}"]`)
    await critical.getByTestId('answer-fail').click()
    await page.getByTestId('critical-banner').waitFor()
    await attachPhoto(critical, 'soft brakes')
    await critical.getByTestId('captured-photo').first().waitFor({ timeout: 45_000 })
    await page.getByTestId('precheck-submit').click()

    // Back on the vehicle: out of service because of that check, and the trip cannot start.
    const oos = page.getByTestId('vehicle-out-of-service')
    await oos.waitFor({ timeout: 45_000 })
    expect(await oos.getAttribute('data-reason')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await page.getByTestId('trip-start').isDisabled()).toBe(true)
    await page.getByTestId('trip-blocked').waitFor()

    // Offline at the pump: quick entry = the receipt photo, saved as a draft at once.
    await context.setOffline(true)
    await page.getByTestId('fuel-quick').click()
    await expect.poll(() => page.getByTestId('fuel-page').getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    await attachPhoto(page.getByTestId('fuel-photo'), 'receipt 300.00')
    await page.locator(`[data-testid="asset-page"][data-id="${VEHICLE.id}"]`).waitFor({ timeout: 45_000 })

    // Reload offline (from the service worker): the draft is on the driver's list.
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await page.getByTestId('tab-work').click()
    const draftRow = page.getByTestId('fuel-draft-row')
    await draftRow.first().waitFor({ timeout: 45_000 })
    expect(await draftRow.count()).toBe(1)
    const draftId = await draftRow.getAttribute('data-id')

    // Complete it: litres + amount (the unit price follows).
    await draftRow.click()
    const fuel = page.locator(`[data-testid="fuel-page"][data-id="${draftId}"]`)
    await expect.poll(() => fuel.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    await page.getByTestId('fuel-litres').locator('input').fill('40')
    await page.getByTestId('fuel-amount').locator('input').fill('300')
    await expect.poll(() => page.getByTestId('fuel-price').locator('input').inputValue()).toBe('7.5')
    await page.getByTestId('fuel-save').click()
    await page.locator(`[data-testid="asset-page"][data-id="${VEHICLE.id}"]`).waitFor({ timeout: 45_000 })
    await page.getByTestId('tab-work').click()
    await page.getByTestId('driver-items').waitFor()
    await expect.poll(() => page.getByTestId('fuel-draft-row').count()).toBe(0)

    // Back online: nothing pending, photos uploaded.
    await context.setOffline(false)
    await page.getByTestId('tab-me').click()
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), { timeout: 60_000 }).toBe('0')
    await expect.poll(() => page.getByTestId('photo-upload-status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('done')
    expect(errors).toEqual([])
    await context.close()
  })
})
