/**
 * "Not synced" tags: every list on a page shares one live outbox query (Home has five lists with
 * tags; one query each made a long task after the seed, issue 13), and each still sees every change.
 */
import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { effectScope } from 'vue'
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox } from '@/platform/sync'
import { usePendingIds } from '@/features/sync/composables/usePendingIds'
import { dept, freshDb } from '../../platform/helpers'
import { until } from '../../../components/support/until'

const opened: AdminFieldDb[] = []
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close()
    await Dexie.delete(d.name)
  }
})

async function saveDept(d: AdminFieldDb, id: string): Promise<void> {
  await commitWithOutbox(d, ['departments'], buildOp('department.upsert', 'departments', id, { id }), async () => {
    await d.departments.put(dept(id))
  })
}

describe('usePendingIds', () => {
  it('one shared query per database: both users see a change, and a later user after all left sees the next', async () => {
    const d = freshDb()
    opened.push(d)
    const a = effectScope()
    const b = effectScope()
    const first = a.run(() => usePendingIds(d))!
    const second = b.run(() => usePendingIds(d))!
    expect(second).toBe(first)
    await saveDept(d, 'd1')
    await until(() => expect([...first.value]).toEqual(['d1']))
    a.stop()
    await saveDept(d, 'd2')
    await until(() => expect([...second.value].sort()).toEqual(['d1', 'd2']))
    b.stop()
    const c = effectScope()
    const third = c.run(() => usePendingIds(d))!
    expect(third).not.toBe(first)
    await saveDept(d, 'd3')
    await until(() => expect([...third.value].sort()).toEqual(['d1', 'd2', 'd3']))
    c.stop()
  })
})
