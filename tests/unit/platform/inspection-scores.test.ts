import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import type { AdminFieldDb, InspectionRow } from '@/platform/db'
import { freshDb } from './helpers'

const opened: AdminFieldDb[] = []
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close()
    await Dexie.delete(d.name)
  }
})

function db(): AdminFieldDb {
  const d = freshDb()
  opened.push(d)
  return d
}

const inspection = (id: string, over: Partial<InspectionRow> = {}): InspectionRow => ({
  id, area_id: 'a1', template_id: 't1', inspector_id: 'u1', started_at: '2026-03-02T01:00:00.000Z', submitted_at: '2026-03-02T01:00:00.000Z',
  via: 'scan', answers: [{ item_key: 'floor', result: 'pass' }], score: 80, grade: 'good', critical_failed: false,
  server_score: null, server_grade: null, updated_at: '2026-03-02T01:00:00.000Z', deleted_at: null, ...over,
})

const scores = async (d: AdminFieldDb) =>
  (await d.inspection_scores.toArray()).map((r) => [r.id, r.score, r.server_score, r.deleted]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))

describe('inspection_scores (kept by the middleware)', () => {
  it('follows a sync-pull-style bulkPut and bulkDelete in one transaction, and local writes', async () => {
    const d = db()
    await d.inspections.bulkAdd([inspection('i1'), inspection('i2', { score: 60 }), inspection('i3', { score: null })])
    expect(await scores(d)).toEqual([
      ['i1', 80, null, false],
      ['i2', 60, null, false],
      ['i3', null, null, false],
    ])

    // As the pull applies a page: puts and deletes with the cursor, in ONE transaction.
    await d.transaction('rw', ['inspections', 'outbox', 'meta'], async () => {
      await d.inspections.bulkPut([inspection('i1', { server_score: 75 }), inspection('i2', { score: 60, deleted_at: '2026-03-03T00:00:00.000Z' }), inspection('i4')])
      await d.inspections.bulkDelete(['i3'])
      await d.meta.put({ key: 'sync.cursor', value: 'c2' })
    })
    expect(await scores(d)).toEqual([
      ['i1', 80, 75, false],
      ['i2', 60, null, true],
      ['i4', 80, null, false],
    ])

    await d.inspections.update('i4', { score: 50 })
    await d.inspections.delete('i1')
    expect(await scores(d)).toEqual([
      ['i2', 60, null, true],
      ['i4', 50, null, false],
    ])
    await d.inspections.where('submitted_at').above('').modify({ server_score: 40 })
    expect((await scores(d)).map((r) => r[2])).toEqual([40, 40])
    await d.inspections.clear()
    expect(await d.inspection_scores.count()).toBe(0)
  })

  it('a rolled-back write leaves no score, and a failed bulkAdd item keeps the stored one', async () => {
    const d = db()
    await d.inspections.add(inspection('i1'))
    await expect(
      d.transaction('rw', ['inspections'], async () => {
        await d.inspections.put(inspection('i2'))
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    await expect(d.inspections.bulkAdd([inspection('i1', { score: 10 }), inspection('i3', { score: 30 })])).rejects.toThrow()
    expect(await scores(d)).toEqual([
      ['i1', 80, null, false],
      ['i3', 30, null, false],
    ])
  })
})
