/**
 * Dormitory check-in end to end in real Chromium against the built PWA. Offline, the demo employee
 * (allocated bed 101-1, not yet moved in) opens the bed's label as a phone's own camera does
 * (`/a/<token>`) and is walked through the check-in: the inventory with a damage photo, both meters
 * with their photos, the keys (the room key ticked by scanning its label with the in-app scanner, the
 * access card by hand); a reload offline comes back to the same step with nothing lost; the
 * rules are signed on the screen and the check-in saved: the stay is active at once. Back online
 * everything syncs, photos included, and the dorm manager sees the bed occupied and the keys with the
 * resident. Then the check-out with the comparison: the dorm manager prices the desk on the damage price
 * list, opens the bed's check-out, and finds each inventory item beside what the check-in found (the
 * wardrobe's damage photo from the check-in at hand); the desk damaged now is new damage, the wardrobe's is
 * not; the final meters with their photos; the keys handed back (the room key by scanning its label);
 * the summary charges the desk from the list; saved, the bed is vacant at once and the keys are back in
 * stock; everything syncs.
 */
import { describe, expect, it } from 'vitest'
import demo from '@/platform/demo/demo-company.json'
import { useBuiltApp } from './support/browser'
import { labelUrl } from '@/features/assets/domain/labelToken'
import { writeQrY4m } from './support/fakeCamera'
import { attachPhoto, drawSignature } from './support/forms'
import { switchRole } from './support/roles'

const STAY = demo.dorms.stays.find((s) => !s.checked_in)!
const ROOM = demo.dorms.rooms.find((r) => r.beds.some((b) => b.id === STAY.bed_id))!
const BED = ROOM.beds.find((b) => b.id === STAY.bed_id)!
// The room's labelled keys (demo assets of kind dorm_key): the first is scanned, the others ticked by hand.
const KEYS = demo.assets.filter((a) => a.kind === 'dorm_key' && (a.details as { room_id?: string }).room_id === ROOM.id)
const SCANNED = KEYS[0]!

// The camera shows the room key's label (its URL carries the preview server's origin).
const app = useBuiltApp({ fakeVideo: (url) => writeQrY4m(labelUrl(url, SCANNED.label_token)) })

describe('dormitory check-in and check-out in a real browser', () => {
  it('offline: open the bed label → inventory, meters, keys → reload → sign → saved, occupied; online: synced, the manager sees it; then the check-out with the comparison, a damage priced from the list, keys scanned back, the bed freed', async () => {
    const { context, page, errors } = await app.open()
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
    await drawSignature(page)
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

    // The damage price list: the desk and chair priced company-wide at ¥120.
    await page.goto('/dorms/prices')
    await expect.poll(() => page.getByTestId('dorm-prices').getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    await page.getByTestId('price-add').click()
    await page.getByTestId('price-item-desk_chair').click()
    await page.getByTestId('price-yuan').locator('input').fill('120')
    await page.getByTestId('price-save').click()
    await expect.poll(() => page.getByTestId('price-desk_chair').getAttribute('data-fen'), { timeout: 45_000 }).toBe('12000')

    // Check-out from the room page: the inventory side by side with the check-in.
    await page.goto(`/dorms/rooms/${ROOM.id}`)
    await page.locator(`[data-testid="bed-card"][data-bed="${BED.id}"]`).getByTestId('bed-checkout').click()
    const checkOut = page.getByTestId('checkout-page')
    await expect.poll(() => checkOut.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    const line = (key: string) => page.locator(`[data-testid="compare-line"][data-item-key="${key}"]`)
    expect(await page.getByTestId('compare-line').count()).toBe(n)
    // The wardrobe's damage at check-in, with the photo taken then.
    await expect.poll(() => line('wardrobe').getByTestId('photo-thumb').first().getAttribute('data-state'), { timeout: 45_000 }).toBe('ready')
    const outItems = page.getByTestId('checklist-item')
    for (let i = 0; i < n; i++) await outItems.nth(i).getByTestId('answer-pass').click()
    const outItem = (key: string) => page.locator(`[data-testid="checklist-item"][data-item-key="${key}"]`)
    await outItem('wardrobe').getByTestId('answer-fail').click()
    await attachPhoto(outItem('wardrobe'), 'wardrobe door again')
    await outItem('desk_chair').getByTestId('answer-fail').click()
    await attachPhoto(outItem('desk_chair'), 'desk leg broken')
    await expect.poll(() => line('desk_chair').getAttribute('data-new-damage')).toBe('true')
    expect(await line('wardrobe').getAttribute('data-new-damage')).toBe('false')
    await page.getByTestId('checkout-next').click()
    await expect.poll(() => checkOut.getAttribute('data-step')).toBe('1')

    // Final meters, each with a photo.
    await page.getByTestId('meter-water-reading').locator('input').fill('131.5')
    await attachPhoto(page.getByTestId('meter-water'), 'water 131.5')
    await page.getByTestId('meter-electricity-reading').locator('input').fill('5702')
    await attachPhoto(page.getByTestId('meter-electricity'), 'kWh 5702')
    await page.getByTestId('checkout-next').click()
    await expect.poll(() => checkOut.getAttribute('data-step')).toBe('2')

    // Keys back: the room key by the dorm manager's scan of its label, the rest ticked.
    await page.getByTestId('key-scan').click()
    await expect.poll(() => tick(SCANNED).getAttribute('data-ticked'), { timeout: 45_000 }).toBe('true')
    await page.getByTestId('key-scan').click()
    for (const k of KEYS.slice(1)) await tick(k).click()
    for (const k of KEYS) await expect.poll(() => tick(k).getAttribute('data-ticked')).toBe('true')
    await page.getByTestId('checkout-next').click()
    await expect.poll(() => checkOut.getAttribute('data-step')).toBe('3')

    // The summary: the desk charged from the price list; the wardrobe (damaged at check-in) is not.
    await expect.poll(() => page.getByTestId('checkout-damage-desk_chair').textContent()).toContain('¥120.00')
    expect(await page.getByTestId('checkout-damage-wardrobe').count()).toBe(0)
    expect(await page.getByTestId('checkout-damage-total').getAttribute('data-fen')).toBe('12000')
    await page.getByTestId('checkout-save').click()

    // Saved: back on the room, the bed is free at once; the keys are back in stock.
    await expect.poll(() => page.locator(`[data-testid="bed-card"][data-bed="${BED.id}"]`).getAttribute('data-status'), { timeout: 45_000 }).toBe('vacant')
    for (const k of KEYS) {
      await page.goto(`/assets/${k.id}`)
      await expect.poll(() => page.locator(`[data-testid="asset-page"][data-id="${k.id}"]`).getAttribute('data-holder'), { timeout: 45_000 }).toBe('')
    }
    await page.getByTestId('tab-me').click()
    await expect.poll(() => page.getByTestId('sync-pending').getAttribute('data-count'), { timeout: 60_000 }).toBe('0')
    await expect.poll(() => page.getByTestId('photo-upload-status').getAttribute('data-kind'), { timeout: 60_000 }).toBe('done')
    expect(errors).toEqual([])
    await context.close()
  }, 600_000)
})
