import { beforeEach, describe, expect, it } from 'vitest'
import { setMeta, type AdminFieldDb } from '@/platform/db'
import { CURSOR_KEY } from '@/platform/sync/pull'
import { periodRows } from '@/features/rankings/data/periodRows'
import { rankPeriod } from '@/features/rankings/data/rankPeriod'
import { loadDirectory } from '@/features/rankings/data/rankingData'
import { freshDb } from '../features/testDb'
import { area, inspection } from '../rectification/fixtures'

const FROM = '2026-02-28T16:00:00.000Z'
const TO = '2026-03-31T16:00:00.000Z'
let db: AdminFieldDb

beforeEach(() => {
  db = freshDb()
})

describe('period rows for the rankings', () => {
  it('the compact copy gives the same rows, and is dropped when a row is added or a pull ran', async () => {
    const a = area()
    await db.areas.add(a)
    await db.inspections.bulkAdd([
      inspection(a.id, { submitted_at: '2026-03-02T01:00:00.000Z', score: 80 }),
      inspection(a.id, { submitted_at: '2026-03-03T01:00:00.000Z', score: 90, server_score: 70 }),
      inspection(a.id, { submitted_at: '2026-04-03T01:00:00.000Z', score: 10 }),
    ])
    const first = await periodRows(db, FROM, TO)
    expect(first).toHaveLength(2)
    const again = await periodRows(db, FROM, TO)
    expect(again.map((r) => [r.id, r.server_score ?? r.score]).sort()).toEqual(first.map((r) => [r.id, r.server_score ?? r.score]).sort())

    await db.inspections.add(inspection(a.id, { submitted_at: '2026-03-04T01:00:00.000Z', score: 60 }))
    expect(await periodRows(db, FROM, TO)).toHaveLength(3)

    // A pull changed a server score: the cursor moved, so the full rows are read again.
    const id = first[0]!.id
    await db.inspections.update(id, { server_score: 50 })
    await setMeta(db, CURSOR_KEY, 'c2')
    const after = await periodRows(db, FROM, TO)
    expect(after.find((r) => r.id === id)?.server_score).toBe(50)
  })

  it("rankPeriod ranks this month with last month's figures for the trend", async () => {
    const a = area()
    const b = area({ department_id: null })
    await db.areas.bulkAdd([a, b])
    await db.inspections.bulkAdd([
      inspection(a.id, { submitted_at: '2026-03-02T01:00:00.000Z', score: 80 }),
      inspection(b.id, { submitted_at: '2026-03-02T02:00:00.000Z', score: 80 }),
      inspection(a.id, { submitted_at: '2026-02-10T01:00:00.000Z', score: 90 }),
    ])
    const r = await rankPeriod(db, await loadDirectory(db), '2026-03')
    expect(r.previousKey).toBe('2026-02')
    expect(r.current?.area.map((x) => x.rank)).toEqual([1, 1])
    expect(r.previous?.area.map((x) => [x.subject_id, x.average])).toEqual([[a.id, 90]])
  })
})
