// Issue #12 point 4 on the device: the admin head's minimum is saved with its op, and the
// rankings the page shows (rankPeriod) and the ledger preview apply it.
import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { rankPeriod } from '@/features/rankings/data/rankPeriod'
import { loadDirectory } from '@/features/rankings/data/rankingData'
import { saveRankingMinimums } from '@/features/rankings/data/rankingSettings'
import { freshDb } from '../features/testDb'
import { area, inspection } from '../rectification/fixtures'

let db: AdminFieldDb
const COMPANY = '0c000000-0000-4000-8000-000000000001'

beforeEach(async () => {
  db = freshDb()
  await db.company.add({ id: COMPANY, name: '示例公司', timezone: 'Asia/Shanghai', updated_at: '2026-03-01T00:00:00.000Z', deleted_at: null })
})

describe('minimum inspections to rank', () => {
  it('saves the row and its op together; the rankings then leave the rarely inspected area unranked', async () => {
    const once = area({ name: '一次' })
    const often = area({ name: '多次' })
    await db.areas.bulkAdd([once, often])
    await db.inspections.bulkAdd([
      inspection(once.id, { submitted_at: '2026-03-02T01:00:00.000Z', score: 100 }),
      ...[2, 3, 4].map((d) => inspection(often.id, { submitted_at: `2026-03-0${d}T02:00:00.000Z`, score: 99 })),
    ])
    const before = await rankPeriod(db, await loadDirectory(db), '2026-03')
    expect(before.current?.area.map((r) => [r.subject_id, r.rank])).toEqual([[once.id, 1], [often.id, 2]])

    expect(await saveRankingMinimums(db, COMPANY, { week: 2, month: 3 })).toBe(true)
    expect(await db.company.get(COMPANY)).toMatchObject({ rank_min_week: 2, rank_min_month: 3 })
    expect((await db.outbox.toArray()).map((o) => [o.kind, o.entity_id, o.payload])).toEqual([
      ['ranking_settings.update', COMPANY, { rank_min_week: 2, rank_min_month: 3 }],
    ])
    const after = await rankPeriod(db, await loadDirectory(db), '2026-03')
    expect(after.current?.area.map((r) => [r.subject_id, r.rank])).toEqual([[often.id, 1], [once.id, null]])
  })

  it('refuses a number out of 1..100, writing nothing', async () => {
    expect(await saveRankingMinimums(db, COMPANY, { week: 0, month: 3 })).toBe(false)
    expect(await saveRankingMinimums(db, COMPANY, { week: 2, month: 101 })).toBe(false)
    expect(await db.outbox.count()).toBe(0)
  })
})
