// Issue 13: Home's tasks sections do not pay for the task list's tab badges (open tasks given and in
// scope, index counts per site): the store reads them only once a page asks, and from then on live.
import { describe, expect, it } from 'vitest'
import { getDb } from '@/platform/db'
import type { TaskRow } from '@/platform/db/rows'
import { useSessionStore } from '@/features/auth'
import { useTasksStore } from '@/features/tasks/stores/tasks'
import { adminHead, makeTask } from '../../unit/tasks-domain/fixtures'
import { appPlugins } from '../support/mountApp'
import { until } from '../support/until'

describe('tasks store: the paged lists open counts', () => {
  it('are read only for a page that asks (not for Home), then follow the device db', async () => {
    appPlugins()
    const session = useSessionStore()
    session.$patch({ userId: adminHead.id, grants: adminHead.grants.map((g) => ({ role: g.role as never, siteId: g.siteId })), identityLoaded: true })
    const db = getDb()
    await db.sites.put({ id: adminHead.grants[0]!.siteId!, code: 'S1', name: '厂区', updated_at: '2026-03-01T00:00:00Z', deleted_at: null })
    const task = (n: number) => ({ ...(makeTask(adminHead, { id: `f1000000-0000-4000-8000-00000000000${n}` }) as unknown as TaskRow), officer_id: null })
    await db.tasks.put(task(1))

    const store = useTasksStore()
    store.load()
    await until(() => expect(store.status).toBe('ready'))
    expect([store.lists.openGiven, store.lists.openScope]).toEqual([0, 0])

    store.load(false, { counts: true })
    // The lists stay on screen while the counts are read.
    expect(store.status).toBe('ready')
    await until(() => expect([store.lists.openGiven, store.lists.openScope]).toEqual([1, 1]))
    await db.tasks.put(task(2))
    await until(() => expect([store.lists.openGiven, store.lists.openScope]).toEqual([2, 2]))
    // Home asking again later does not drop them.
    store.load()
    expect(store.lists.openGiven).toBe(2)
  })
})
