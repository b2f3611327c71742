/**
 * The foundation end to end in real Chromium against the built PWA: open, switch role,
 * make a change offline, reload from the service worker, and watch it sync when back online.
 */
import { describe, expect, it } from 'vitest'
import { pendingCount, useBuiltApp } from './support/browser'
import { switchRole } from './support/roles'
import { addDepartment, departmentRow } from './support/departments'

const app = useBuiltApp()

describe('foundation in a real browser', () => {
  it('keeps an offline change across a reload from the service worker and syncs it when back online', async () => {
    const { context, page, errors } = await app.open()
    await expect.poll(() => page.getByTestId('local-mode-banner').textContent()).toContain('本地模式')

    // A role's tabs follow the role: the employee has no Scan tab, the admin head does.
    await switchRole(page, 'employee')
    expect(await page.getByTestId('tab-scan').count()).toBe(0)
    await switchRole(page, 'admin_head')
    expect(await page.getByTestId('tab-scan').count()).toBe(1)
    // Messages ship precompiled: placeholders must still be filled in.
    expect(await page.getByTestId('home-greeting').textContent()).toContain('你好，王晓燕')

    await context.setOffline(true)
    await page.getByTestId('tab-me').click()
    await page.getByTestId('me-admin-departments').click()
    await addDepartment(page, 'QA', '质量部')
    const row = departmentRow(page, 'QA')
    await expect.poll(() => row.getByTestId('pending-tag').isVisible()).toBe(true)

    // Offline reload: the shell comes from the service worker, the change from IndexedDB.
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await expect.poll(() => row.getByTestId('dept-row-name').textContent()).toBe('质量部')
    expect(await row.getByTestId('pending-tag').isVisible()).toBe(true)
    await page.getByTestId('tab-me').click()
    // Shown once the sync engine has started and read the outbox (after the reload, on a slow machine).
    await expect.poll(() => pendingCount(page), { timeout: 15_000 }).toBe('1')
    expect(await page.getByTestId('sync-badge').getAttribute('data-kind')).not.toBe('synced')

    // Back online: the engine drains on the `online` event; pending → synced is real.
    await context.setOffline(false)
    await expect.poll(() => pendingCount(page), { timeout: 30_000 }).toBe('0')
    await page.goto('/admin/departments')
    await expect.poll(() => row.isVisible()).toBe(true)
    expect(await row.getByTestId('pending-tag').count()).toBe(0)

    expect(errors).toEqual([])
    await context.close()
  })

  it('never says synced over a change not yet sent while the sync engine starts', async () => {
    const { context, page } = await app.open()
    await context.setOffline(true)
    await page.goto('/admin/departments')
    await addDepartment(page, 'QB', '品保部')
    await expect.poll(() => departmentRow(page, 'QB').getByTestId('pending-tag').isVisible()).toBe(true)
    await page.close()

    // Back online in a new tab: every state its header badge shows, from its first frame.
    await context.setOffline(false)
    const next = await context.newPage()
    await next.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { badgeKinds: seen })
      const note = () => {
        const kind = document.querySelector('[data-testid="sync-badge"]')?.getAttribute('data-kind')
        if (kind && seen[seen.length - 1] !== kind) seen.push(kind)
      }
      new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-kind'] })
    })
    await next.goto('/')
    const kinds = () => next.evaluate(() => (window as unknown as { badgeKinds: string[] }).badgeKinds)
    await expect.poll(kinds, { timeout: 30_000 }).toContain('synced')
    // Its first frame does not know the outbox yet (the engine loads after the page): not "synced".
    expect((await kinds())[0]).toBe('checking')
    await next.goto('/admin/departments')
    await departmentRow(next, 'QB').waitFor()
    expect(await departmentRow(next, 'QB').getByTestId('pending-tag').count()).toBe(0)
    await context.close()
  })

  it('opens a deep route offline from the service worker', async () => {
    const { context, page } = await app.open()
    await context.setOffline(true)
    const response = await page.goto('/me')
    expect(response?.fromServiceWorker()).toBe(true)
    await expect.poll(() => page.getByTestId('sync-pending').isVisible()).toBe(true)

    // English is a lazy chunk: chosen offline, it comes from the precache and survives a reload.
    await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => page.getByTestId('local-mode-banner').textContent()).toContain('Local mode')
    await page.reload()
    await expect.poll(() => page.getByTestId('local-mode-banner').textContent()).toContain('Local mode')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await context.close()
  })
})
