/**
 * Dormitory check-in end to end in real Chromium against the built PWA. Offline, the demo employee
 * (allocated bed 101-1, not yet moved in) opens the bed's label as a phone's own camera does
 * (`/a/<token>`) and is walked through the check-in: the inventory with a damage photo, both meters
 * with their photos, the keys (the room key ticked by scanning its label with the in-app scanner, the
 * access card by hand); a reload offline comes back to the same step with nothing lost; the
 * rules are signed on the screen and the check-in saved: the stay is active at once. Back online
 * everything syncs, photos included, and the dorm manager sees the bed occupied and the keys with the
 * resident.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { isOfflineNoise, launchChromium, newPhoneContext, serveBuiltApp, waitForServiceWorkerControl, type ServedApp } from './support/browser'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { writeQrY4m, writeStampedPagePng } from './support/fakeCamera'
import { switchRole } from './support/roles'

const STAY = demo.dorms.stays.find((s) => !s.checked_in)!
const ROOM = demo.dorms.rooms.find((r) => r.beds.some((b) => b.id === STAY.bed_id))!
const BED = ROOM.beds.find((b) => b.id === STAY.bed_id)!
// The room's labelled keys (demo assets of kind dorm_key): the first is scanned, the others ticked by hand.
const KEYS = demo.assets.filter((a) => a.kind === 'dorm_key' && (a.details as { room_id?: string }).room_id === ROOM.id)
const SCANNED = KEYS[0]!

let app: ServedApp
let browser: Browser

beforeAll(async () => {
  app = await serveBuiltApp()
  // The camera shows the room key's label (its URL carries the preview server's origin).
  browser = await launchChromium({ fakeVideo: writeQrY4m(labelUrl(app.url, SCANNED.label_token)) })
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

async function attachPhoto(scope: Locator, text: string): Promise<void> {
  await scope.getByTestId('photo-camera-input').first().setInputFiles(await writeStampedPagePng(text))
  await scope.getByTestId('captured-photo').first().waitFor({ timeout: 45_000 })
}

describe('dormitory check-in in a real browser', () => {
  it('offline: open the bed label → inventory, meters, keys → reload → sign → saved, occupied; online: synced, the manager sees it', async () => {
    const context = await newPhoneContext(browser, app.url)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error' && !isOfflineNoise(m.text())) errors.push(m.text())
    })
    await page.goto('/')
    await page.getByTestId('home-greeting').waitFor()
    await waitForServiceWorkerControl(page)
    await switchRole(page, 'employee')

    // Offline in the dormitory: the phone's camera opens the bed's label link.
    await context.setOffline(true)
    const opened = await page.goto(`/a/${BED.label_token}`)
    expect(opened?.fromServiceWorker()).toBe(true)
    const checkIn = page.getByTestId('checkin-page')
    await expect.poll(() => checkIn.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')

    // 1 Inventory: everything there, the wardrobe damaged (with a photo).
    const items = page.getByTestId('checklist-item')
    const n = await items.count()
    expect(n).toBeGreaterThan(5)
    for (let i = 0; i < n; i++) await items.nth(i).getByTestId('answer-pass').click()
    const wardrobe = page.locator('[data-testid="checklist-item"][data-item-key="wardrobe"]')
    await wardrobe.getByTestId('answer-fail').click()
    await attachPhoto(wardrobe, 'wardrobe door')
    await page.getByTestId('checkin-next').click()
    await expect.poll(() => checkIn.getAttribute('data-step')).toBe('1')

    // 2 Meters, each with a photo of its dial.
    await page.getByTestId('meter-water-reading').locator('input').fill('123.4')
    await attachPhoto(page.getByTestId('meter-water'), 'water 123.4')
    await page.getByTestId('meter-electricity-reading').locator('input').fill('5678')
    await attachPhoto(page.getByTestId('meter-electricity'), 'kWh 5678')
    await page.getByTestId('checkin-next').click()
    await expect.poll(() => checkIn.getAttribute('data-step')).toBe('2')

    // 3 Keys handed over: the room key by scanning its label, the rest ticked by hand.
    expect(KEYS.length).toBeGreaterThan(1)
    const tick = (k: (typeof KEYS)[number]) => page.getByTestId(`key-tick-${k.number}`)
    await page.getByTestId('key-scan').click()
    await expect.poll(() => tick(SCANNED).getAttribute('data-ticked'), { timeout: 45_000 }).toBe('true')
    await page.getByTestId('key-scan').click()
    for (const k of KEYS.slice(1)) await tick(k).click()
    for (const k of KEYS) await expect.poll(() => tick(k).getAttribute('data-ticked')).toBe('true')

    // Reload offline: back at the same step, nothing lost.
    const reloaded = await page.reload()
    expect(reloaded?.fromServiceWorker()).toBe(true)
    await expect.poll(() => checkIn.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    await expect.poll(() => checkIn.getAttribute('data-step')).toBe('2')
    for (const k of KEYS) await expect.poll(() => tick(k).getAttribute('data-ticked')).toBe('true')
    await page.getByTestId('checkin-next').click()

    // 4 The rules, acknowledged and signed on the screen.
    await page.getByTestId('checkin-rules').waitFor()
    await page.getByTestId('checkin-ack').click()
    const pad = page.getByTestId('signature-canvas')
    await pad.scrollIntoViewIfNeeded()
    await page.evaluate(() => window.scrollBy(0, 120))
    const box = (await pad.boundingBox())!
    await page.mouse.move(box.x + 30, box.y + 60)
    await page.mouse.down()
    for (const [x, y] of [[80, 20], [130, 90], [180, 30], [230, 80]] as const) await page.mouse.move(box.x + x, box.y + y, { steps: 5 })
    await page.mouse.up()
    await page.getByTestId('signature-done').click()
    await expect.poll(() => page.getByTestId('signature').getAttribute('data-signed')).toBe('yes')
    await page.getByTestId('checkin-save').click()

    // Saved on the device: the stay is active at once.
    await expect.poll(() => page.getByTestId('my-dorm-stay').getAttribute('data-status'), { timeout: 45_000 }).toBe('active')

    // Back online: nothing pending, every photo uploaded.
    await context.setOffline(false)
    await page.getByTestId('tab-me').click()
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), { timeout: 60_000 }).toBe('0')
    await expect.poll(() => page.getByTestId('photo-upload-status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('done')

    // The dorm manager (same device, local mode) sees the bed occupied.
    await switchRole(page, 'dorm_manager')
    await page.goto(`/dorms/rooms/${ROOM.id}`)
    await expect.poll(() => page.locator(`[data-testid="bed-card"][data-bed="${BED.id}"]`).getAttribute('data-status'), { timeout: 45_000 }).toBe('occupied')
    // The keys are with the resident (custody check-outs made by the check-in).
    for (const k of KEYS) {
      await page.goto(`/assets/${k.id}`)
      await expect.poll(() => page.locator(`[data-testid="asset-page"][data-id="${k.id}"]`).getAttribute('data-holder'), { timeout: 45_000 }).toBe(STAY.occupant_id)
    }
    expect(errors).toEqual([])
    await context.close()
  })
})
