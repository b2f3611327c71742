/**
 * The tasks engine end to end in real Chromium against the built PWA (local mode: one device,
 * the role switcher plays each person). The admin head assigns a task offline (it waits "not
 * synced"), back online it syncs; the assignee sees it on Home and in the bell, accepts, reports
 * progress with a photo, completes it; the admin head sees it to score on Home and scores it.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import demo from '@/platform/demo/demo-company.json'
import { useBuiltApp } from './support/browser'
import { writeStampedPagePng } from './support/fakeCamera'
import { switchRole } from './support/roles'

const KEEPER = demo.users.find((u) => u.roles.includes('seal_keeper'))!

const app = useBuiltApp()

/** Opens an act's form on the task page, lets `fill` complete it, saves, and waits for the form to close. */
async function act(page: Page, name: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`act-${name}`).click()
  const form = page.getByTestId(`act-form-${name}`)
  await form.waitFor()
  await fill()
  await form.getByTestId('act-save').click()
  await form.waitFor({ state: 'detached', timeout: 45_000 })
}

describe('tasks in a real browser', () => {
  it('assign offline → sync → accept → progress with a photo → complete → score', async () => {
    const { context, page, errors } = await app.open()
    await switchRole(page, 'admin_head')

    // The admin head gives the seal keeper a task, offline, due in 3 working days.
    await context.setOffline(true)
    await page.getByTestId('tab-work').click()
    await page.getByTestId('work-task-assign').click()
    await page.getByTestId('task-assign-page').waitFor()
    await page.getByTestId('task-title').locator('input').fill('核对印章使用登记')
    await page.getByTestId('task-assignee').click()
    await page.locator(`[data-testid="task-assignee-option"][data-id="${KEEPER.id}"]`).click()
    await expect.poll(() => page.getByTestId('task-due-3').isDisabled(), { timeout: 45_000 }).toBe(false)
    await page.getByTestId('task-due-3').click()
    expect(await page.getByTestId('task-due').locator('input').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await page.getByTestId('task-assign-save').click()
    const taskPage = page.getByTestId('task-page')
    await expect.poll(() => taskPage.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    expect(await page.getByTestId('task-status').textContent()).toContain('待接受')
    await page.getByTestId('pending-tag').first().waitFor()
    const url = page.url()
    const taskId = url.slice(url.lastIndexOf('/') + 1)

    // Back online: it syncs.
    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('pending-tag').count(), { timeout: 60_000 }).toBe(0)

    // The seal keeper: on Home and in the bell, to accept.
    await switchRole(page, 'seal_keeper')
    const mine = page.locator(`[data-testid="tasks-todo"][data-section="myTasks"] [data-testid="task-cell"][data-id="${taskId}"]`)
    await mine.first().waitFor({ timeout: 45_000 })
    await expect.poll(() => page.getByTestId('reminder-bell').getAttribute('data-count'), { timeout: 45_000 }).not.toBe('0')
    await mine.first().click()
    await expect.poll(() => taskPage.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    await act(page, 'accept')
    await expect.poll(() => page.getByTestId('task-summary').getAttribute('data-status')).toBe('accepted')
    await act(page, 'progress', async () => {
      await page.getByTestId('act-note').locator('textarea').fill('已核对 1–6 月')
      await page.getByTestId('act-photos').getByTestId('photo-camera-input').setInputFiles(await writeStampedPagePng('register page'))
      await page.getByTestId('act-photos').getByTestId('captured-photo').first().waitFor({ timeout: 45_000 })
    })
    await page.locator('[data-testid="timeline-item"][data-type="progress"]').waitFor()
    await act(page, 'complete', async () => {
      await page.getByTestId('act-text').locator('textarea').fill('1–12 月登记与用印申请逐条核对，无遗漏')
    })
    await expect.poll(() => page.getByTestId('task-summary').getAttribute('data-status')).toBe('completed')
    await page.getByTestId('task-summary-due').waitFor()

    // The admin head: "to score" on Home, then scores it.
    await switchRole(page, 'admin_head')
    const toScore = page.locator(`[data-testid="tasks-todo"][data-section="followUps"] [data-testid="task-cell"][data-id="${taskId}"]`)
    await toScore.first().waitFor({ timeout: 45_000 })
    await toScore.first().click()
    await expect.poll(() => taskPage.getAttribute('data-status'), { timeout: 45_000 }).toBe('ready')
    await act(page, 'score', async () => {
      await page.getByTestId('act-score').locator('input').fill('92')
      await page.getByTestId('act-note').locator('textarea').fill('及时、规范')
    })
    await expect.poll(() => page.getByTestId('task-summary').getAttribute('data-status')).toBe('scored')
    expect(await page.getByTestId('task-score').textContent()).toContain('92')
    expect(await page.locator('[data-testid="timeline-item"]').count()).toBe(4) // accept, progress, complete, score
    await expect.poll(() => page.getByTestId('pending-tag').count(), { timeout: 60_000 }).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
