import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox, pendingEntityIds } from '@/platform/sync'
import { dept, freshDb } from './helpers'

const opened: AdminFieldDb[] = []
function newDb(): AdminFieldDb {
  const d = freshDb()
  opened.push(d)
  return d
}
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close()
    await Dexie.delete(d.name)
  }
})

describe('buildOp', () => {
  it('makes a pending op with a fresh UUID and the device time', () => {
    const now = new Date('2025-03-04T05:06:07.000Z')
    const a = buildOp('department.upsert', 'departments', 'd1', { name: 'HR' }, now)
    const b = buildOp('department.upsert', 'departments', 'd1', { name: 'HR' }, now)
    expect(a.op_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.op_id).not.toBe(b.op_id)
    expect(a).toMatchObject({ status: 'pending', attempts: 0, device_time: now.toISOString(), entity_table: 'departments' })
  })
})

describe('commitWithOutbox', () => {
  it('writes the row and its op together, in push order', async () => {
    const d = newDb()
    for (const id of ['d1', 'd2', 'd3']) {
      const op = buildOp('department.upsert', 'departments', id, { id })
      await commitWithOutbox(d, ['departments'], op, async () => {
        await d.departments.put(dept(id))
      })
    }
    expect(await d.departments.count()).toBe(3)
    const outbox = await d.outbox.orderBy('seq').toArray()
    expect(outbox.map((e) => e.entity_id)).toEqual(['d1', 'd2', 'd3'])
    expect(await pendingEntityIds(d)).toEqual(new Set(['d1', 'd2', 'd3']))
  })

  it('queues several ops of one change in order, or none of them', async () => {
    const d = newDb()
    const first = buildOp('department.upsert', 'departments', 'd1', {})
    const second = buildOp('department.delete', 'departments', 'd1', {})
    await commitWithOutbox(d, ['departments'], [first, second], async () => {
      await d.departments.put(dept('d1'))
    })
    expect((await d.outbox.orderBy('seq').toArray()).map((e) => e.op_id)).toEqual([first.op_id, second.op_id])
    // Same op_id again violates the unique index: the whole change rolls back, row included.
    const again = buildOp('department.upsert', 'departments', 'd2', {})
    await expect(
      commitWithOutbox(d, ['departments'], [again, { ...first }], async () => {
        await d.departments.put(dept('d2'))
      }),
    ).rejects.toThrow()
    expect(await d.departments.get('d2')).toBeUndefined()
    expect(await d.outbox.count()).toBe(2)
  })

  it('leaves no outbox entry when the write fails', async () => {
    const d = newDb()
    const op = buildOp('department.upsert', 'departments', 'd1', {})
    await expect(
      commitWithOutbox(d, ['departments'], op, async () => {
        throw new Error('validation failed')
      }),
    ).rejects.toThrow('validation failed')
    expect(await d.outbox.count()).toBe(0)
  })

  it('leaves no row when it throws after the put', async () => {
    const d = newDb()
    const op = buildOp('department.upsert', 'departments', 'd1', {})
    await expect(
      commitWithOutbox(d, ['departments'], op, async () => {
        await d.departments.put(dept('d1'))
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await d.departments.get('d1')).toBeUndefined()
    expect(await d.outbox.count()).toBe(0)
  })

  it('rolls the row back when the outbox add fails', async () => {
    const d = newDb()
    const op = buildOp('department.upsert', 'departments', 'd1', {})
    await commitWithOutbox(d, ['departments'], op, async () => {
      await d.departments.put(dept('d1', 'first'))
    })
    // Same op_id again: the unique index refuses the outbox add, so the row change must not stick.
    await expect(
      commitWithOutbox(d, ['departments'], { ...op }, async () => {
        await d.departments.put(dept('d1', 'second'))
      }),
    ).rejects.toThrow()
    expect((await d.departments.get('d1'))?.name).toBe('first')
    expect(await d.outbox.count()).toBe(1)
  })

  it('counts refused entities as not synced, settled ones as synced', async () => {
    const d = newDb()
    await d.outbox.bulkAdd([
      { ...buildOp('department.upsert', 'departments', 'a', {}), status: 'refused' },
      { ...buildOp('department.upsert', 'departments', 'b', {}), status: 'applied' },
      buildOp('department.upsert', 'departments', 'c', {}),
    ])
    expect(await pendingEntityIds(d)).toEqual(new Set(['a', 'c']))
  })
})
