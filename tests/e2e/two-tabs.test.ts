/**
 * One sync engine per origin (issue 8, point 10) in real Chromium against the built PWA: two
 * tabs of the app on one origin share one IndexedDB. Both record changes online and offline;
 * the tab holding the Web Lock pushes every op exactly once (each push is a User Timing mark
 * with its op ids, collected per tab by a PerformanceObserver), both tabs show the results and
 * the same sync state, and when the leader's tab closes the other takes over.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { PUSH_MARK } from '@/platform/sync/followers'
import { openTabOnHome, useBuiltApp } from './support/browser'
import { switchRole } from './support/roles'
import { addDepartment, departmentRow as row } from './support/departments'

const app = useBuiltApp()

declare global {
  interface Window {
    __pushedOps?: string[]
  }
}

/** Every page records the op ids of the pushes its engine makes. */
function recordPushes(markName: string): void {
  window.__pushedOps = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === markName) window.__pushedOps?.push(...((entry as PerformanceMark).detail as string[]))
    }
  }).observe({ type: 'mark' })
}

const pushedBy = (page: Page) => page.evaluate(() => window.__pushedOps ?? [])

/** The department ops in the shared outbox (raw IndexedDB: the test reads what the app wrote). */
function departmentOps(page: Page): Promise<{ op_id: string; entity_id: string; status: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('adminfield')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const all = db.transaction('outbox').objectStore('outbox').getAll()
          all.onerror = () => reject(all.error)
          all.onsuccess = () => {
            db.close()
            const rows = all.result as { op_id: string; entity_id: string; kind: string; status: string }[]
            resolve(rows.filter((r) => r.kind === 'department.upsert').map(({ op_id, entity_id, status }) => ({ op_id, entity_id, status })))
          }
        }
      }),
  )
}

const badge = (page: Page) => page.getByTestId('sync-badge').first().getAttribute('data-kind')

/** The row is there, and synced (no "not synced" tag) or not, in this tab. */
async function expectRow(page: Page, code: string, synced: boolean): Promise<void> {
  await row(page, code).waitFor({ timeout: 30_000 })
  await expect.poll(() => row(page, code).getByTestId('pending-tag').count(), { timeout: 30_000 }).toBe(synced ? 0 : 1)
}

async function openDepartments(page: Page): Promise<void> {
  await switchRole(page, 'admin_head')
  await page.getByTestId('tab-me').click()
  await page.getByTestId('me-admin-departments').click()
  await page.getByTestId('dept-add').waitFor()
}

describe('two tabs of the app on one origin', () => {
  it('both record ops online and offline: exactly one push per op, by the leader; both see the results; the other tab takes over', async () => {
    // Tab A opens first and leads; tab B follows.
    const { context, page: a, errors } = await app.open({ prepare: (c) => c.addInitScript(recordPushes, PUSH_MARK) })
    await openDepartments(a)
    const b = await openTabOnHome(context, errors)
    await openDepartments(b)

    // Online: each tab records a change; both see both, synced.
    await addDepartment(a, 'TA1', '甲一部')
    await addDepartment(b, 'TB1', '乙一部')
    for (const page of [a, b]) for (const code of ['TA1', 'TB1']) await expectRow(page, code, true)

    // Offline: each tab records another; both see both, not synced, and both say offline.
    await context.setOffline(true)
    await expect.poll(() => badge(a)).toBe('offline')
    await expect.poll(() => badge(b)).toBe('offline')
    await addDepartment(a, 'TA2', '甲二部')
    await addDepartment(b, 'TB2', '乙二部')
    for (const page of [a, b]) for (const code of ['TA2', 'TB2']) await expectRow(page, code, false)

    // Back online: the leader pushes; both tabs see everything synced, and neither stays "offline".
    await context.setOffline(false)
    for (const page of [a, b]) for (const code of ['TA2', 'TB2']) await expectRow(page, code, true)
    await expect.poll(() => badge(a), { timeout: 30_000 }).toBe('synced')
    await expect.poll(() => badge(b), { timeout: 30_000 }).toBe('synced')

    const ops = await departmentOps(b)
    expect(ops).toHaveLength(4)
    expect(ops.every((o) => o.status === 'applied')).toBe(true)
    const byA = await pushedBy(a)
    const byB = await pushedBy(b)
    // Exactly one push per op, all by the leader (tab A); the follower pushed nothing.
    expect([...byA].sort()).toEqual(ops.map((o) => o.op_id).sort())
    expect(byB).toEqual([])

    // The follower's sync panel shows the leader's last sync, not "never".
    await b.getByTestId('tab-me').click()
    await expect.poll(() => b.getByTestId('sync-pending').getAttribute('data-count'), { timeout: 15_000 }).toBe('0')
    expect(await b.getByTestId('sync-last').textContent()).not.toContain('尚未同步')
    // Its "sync now" is answered by the leader's drain.
    await b.getByTestId('sync-now').click()
    await expect.poll(() => badge(b), { timeout: 30_000 }).toBe('synced')

    // The leader's tab closes: tab B takes the lock and pushes what comes next, once.
    await a.close()
    await b.getByTestId('me-admin-departments').click()
    await addDepartment(b, 'TB3', '乙三部')
    await expectRow(b, 'TB3', true)
    const after = await departmentOps(b)
    const tb3 = after.filter((o) => !ops.some((x) => x.op_id === o.op_id))
    expect(tb3).toHaveLength(1)
    expect(await pushedBy(b)).toEqual([tb3[0]!.op_id])

    expect(errors).toEqual([])
    await context.close()
  })
})
