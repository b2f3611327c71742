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
  it('reads the scored, live inspections of [from, to) and follows every write', async () => {
    const a = area()
    await db.areas.add(a)
    const early = inspection(a.id, { submitted_at: '2026-03-02T01:00:00.000Z', score: 80 })
    const recomputed = inspection(a.id, { submitted_at: '2026-03-03T01:00:00.000Z', score: 90, server_score: 70 })
    await db.inspections.bulkAdd([
      early,
      recomputed,
      inspection(a.id, { submitted_at: '2026-03-03T02:00:00.000Z', score: null }),
      inspection(a.id, { submitted_at: FROM, score: 50 }),
      inspection(a.id, { submitted_at: TO, score: 10 }),
    ])
    const first = await periodRows(db, FROM, TO)
    // from is inclusive, to exclusive; unscored rows are left out.
    expect(first.map((r) => [r.submitted_at, r.server_score ?? r.score]).sort()).toEqual([
      [FROM, 50],
      ['2026-03-02T01:00:00.000Z', 80],
      ['2026-03-03T01:00:00.000Z', 70],
    ])

    await db.inspections.add(inspection(a.id, { submitted_at: '2026-03-04T01:00:00.000Z', score: 60 }))
    expect(await periodRows(db, FROM, TO)).toHaveLength(4)

    // A pull recomputes a score and tombstones another: both show at once.
    await db.transaction('rw', ['inspections', 'meta'], async () => {
      await db.inspections.bulkPut([{ ...early, server_score: 50 }, { ...recomputed, deleted_at: '2026-03-05T00:00:00.000Z' }])
      await setMeta(db, CURSOR_KEY, 'c2')
    })
    const after = await periodRows(db, FROM, TO)
    expect(after.find((r) => r.id === early.id)?.server_score).toBe(50)
    expect(after.map((r) => r.id)).not.toContain(recomputed.id)
    await db.inspections.delete(early.id)
    expect((await periodRows(db, FROM, TO)).map((r) => r.id)).not.toContain(early.id)
  })

  it('issue #12: carries critical_failed, and heals index rows written before it was kept', async () => {
    const a = area()
    await db.areas.add(a)
    const bad = inspection(a.id, { submitted_at: '2026-03-02T01:00:00.000Z', score: 95, critical_failed: true })
    const ok = inspection(a.id, { submitted_at: '2026-03-03T01:00:00.000Z', score: 90, critical_failed: false })
    await db.inspections.bulkAdd([bad, ok])
    expect((await periodRows(db, FROM, TO)).map((r) => [r.id, r.critical_failed]).sort()).toEqual([[bad.id, true], [ok.id, false]].sort())
    // An index row from before (no critical_failed): read from the inspection, and kept.
    const { critical_failed: _c, ...old } = (await db.inspection_scores.get(bad.id))!
    await db.inspection_scores.put(old)
    expect((await periodRows(db, FROM, TO)).find((r) => r.id === bad.id)?.critical_failed).toBe(true)
    expect((await db.inspection_scores.get(bad.id))?.critical_failed).toBe(true)
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
