/**
 * 用车申请 end to end in real Chromium against the built PWA (local mode: the role switcher plays each
 * person). An employee (at a site with no vehicle of its own) applies for a vehicle: time, destination,
 * passengers, purpose; the fleet manager approves from Home, assigning a vehicle and a driver; the driver
 * finds the assignment on Home, starts the trip from it (the pre-trip check first, the dispatch kept
 * through it), OFFLINE; the trip names the dispatch; back online it syncs and the application is carried out.
 */
import { describe, expect, it } from 'vitest'
import demo from '@/platform/demo/demo-company.json'
import { pendingCount, useBuiltApp } from './support/browser'
import { switchRole } from './support/roles'

const VEHICLE = demo.assets.find((a) => a.kind === 'vehicle' && a.details.fuel_type === 'gasoline')!
const DRIVER = demo.users.find((u) => u.roles.includes('driver'))!
const DESTINATION = '浦东国际机场'
const PURPOSE = '接送来访客户'

const app = useBuiltApp()

/** A datetime-local value in Shanghai time, `days` from now. */
function shanghaiInput(days: number, hour: number): string {
  const day = new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
  return `${day}T${String(hour).padStart(2, '0')}:00`
}

describe('vehicle dispatch in a real browser', () => {
  it("apply → the fleet manager assigns a vehicle and driver → the driver's trip starts from it offline → it names the dispatch → synced, carried out", async () => {
    const { context, page, errors } = await app.open({ logRejections: true })

    // The employee applies for a vehicle from Home.
    await switchRole(page, 'employee')
    await page.getByTestId('request-todo-new').click()
    await page.getByTestId('request-type-vehicle_dispatch').click()
    await page.getByTestId('request-field-destination').locator('input').fill(DESTINATION)
    await page.getByTestId('request-field-start_at').fill(shanghaiInput(1, 9))
    await page.getByTestId('request-field-end_at').fill(shanghaiInput(1, 12))
    await page.getByTestId('request-field-passengers').locator('input').fill('3')
    await page.getByTestId('request-field-purpose').locator('textarea').fill(PURPOSE)
    await page.getByTestId('request-submit').click()
    const detail = page.getByTestId('request-page')
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 30_000 }).toBe('pending')
    const requestId = page.url().split('/requests/')[1]!.split(/[?#]/)[0]!
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    await expect.poll(() => pendingCount(page), { timeout: 60_000 }).toBe('0')

    // The fleet manager approves from Home: approving asks for the vehicle and the driver first.
    await switchRole(page, 'fleet_manager')
    const item = page.getByTestId('request-todo-approvals').getByTestId(`request-item-${requestId}`)
    await item.waitFor({ timeout: 30_000 })
    await item.click()
    await page.getByTestId('request-decision').waitFor()
    await page.getByTestId('request-note').locator('textarea').fill('同意')
    await page.getByTestId('request-approve').click()
    await expect.poll(() => detail.getAttribute('data-status')).toBe('pending')
    await page.getByTestId('dispatch-vehicle').selectOption(VEHICLE.id)
    await page.getByTestId('dispatch-driver').selectOption(DRIVER.id)
    await page.getByTestId('request-approve').click()
    await page.getByTestId('request-decision').waitFor({ state: 'detached' })
    await expect.poll(() => detail.getAttribute('data-status')).toBe('approved')
    expect(await page.getByTestId('request-assignment').textContent()).toContain(VEHICLE.number)
    expect(await page.getByTestId('request-assignment').textContent()).toContain(DRIVER.display_name)
    await expect.poll(() => pendingCount(page), { timeout: 60_000 }).toBe('0')

    // The driver sees the assignment on Home and starts the trip from it: the pre-trip check comes first.
    await switchRole(page, 'driver')
    const assigned = page.getByTestId('request-todo-dispatch').getByTestId(`request-item-${requestId}`)
    await assigned.waitFor({ timeout: 30_000 })
    await assigned.click()
    await page.getByTestId('request-start-trip').click()
    const check = page.getByTestId('precheck-page')
    await expect.poll(() => check.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    const items = page.getByTestId('checklist-item')
    const n = await items.count()
    expect(n).toBeGreaterThan(0)
    for (let i = 0; i < n; i++) await items.nth(i).getByTestId('answer-pass').click()
    await page.getByTestId('precheck-submit').click()

    // Back on the trip form, the dispatch kept through the check: filled from the application. Offline from here.
    await expect.poll(() => page.getByTestId('trip-start-page').getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    expect(new URL(page.url()).searchParams.get('dispatch')).toBe(requestId)
    await context.setOffline(true)
    expect(await page.getByTestId('trip-dispatch').textContent()).toContain(DESTINATION)
    expect(await page.getByTestId('trip-no-dispatch-reason').count()).toBe(0)
    expect(await page.getByTestId('trip-purpose').locator('input').inputValue()).toBe(PURPOSE)
    expect(await page.getByTestId('trip-destination').locator('input').inputValue()).toBe(DESTINATION)
    expect(await page.getByTestId('trip-passengers').locator('input').inputValue()).toBe('3')
    await page.getByTestId('trip-odometer').locator('input').fill('12345')
    await page.getByTestId('trip-save').click()
    await page.locator(`[data-testid="asset-page"][data-id="${VEHICLE.id}"]`).waitFor({ timeout: 45_000 })

    // The trip in progress names the dispatch; the application is carried out (on this device, still offline).
    await page.getByTestId('trip-end').click()
    const tripDispatch = page.getByTestId('trip-dispatch')
    await tripDispatch.waitFor({ timeout: 45_000 })
    expect(await tripDispatch.getAttribute('data-request-id')).toBe(requestId)
    expect(await tripDispatch.textContent()).toContain(DESTINATION)
    await tripDispatch.click()
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 30_000 }).toBe('approved')
    expect(await page.getByTestId('request-summary').textContent()).toContain('已办理')
    expect(await page.getByTestId('request-start-trip').count()).toBe(0)
    expect(await pendingCount(page)).not.toBe('0')

    // Online: it syncs; Home no longer lists the assignment.
    await context.setOffline(false)
    await expect.poll(() => pendingCount(page), { timeout: 60_000 }).toBe('0')
    await page.getByTestId('tab-home').click()
    await page.getByTestId('home-greeting').waitFor()
    await expect.poll(() => page.getByTestId(`request-item-${requestId}`).count(), { timeout: 30_000 }).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
