// The target's zod schema loads with the save (issue 13: not with the dashboard); a save still
// validates before anything is written, and writes its row with the outbox entry.
import { beforeEach, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { setKpiTarget } from '@/features/kpis/data/kpiWrites'
import { freshDb } from '../features/testDb'

const HEAD = '00000000-0000-4000-8000-0000000000c1'
const NOW = new Date('2026-03-10T02:00:00.000Z')
let db: AdminFieldDb
beforeEach(() => {
  db = freshDb()
})

describe('setting a KPI target on the device', () => {
  it('refuses a target out of range or with three decimals, writing nothing', async () => {
    expect(await setKpiTarget(db, { kpi: 'affairs_on_time', target: 101, note: null }, HEAD, NOW)).toEqual({ ok: false, error: 'kpis.errors.range' })
    expect(await setKpiTarget(db, { kpi: 'affairs_on_time', target: 90.125, note: null }, HEAD, NOW)).toEqual({ ok: false, error: 'kpis.errors.range' })
    expect(await db.kpi_targets.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('writes the new row with its op', async () => {
    const r = await setKpiTarget(db, { kpi: 'affairs_on_time', target: 92.5, note: '年度目标' }, HEAD, NOW)
    if (!r.ok) throw new Error(r.error)
    expect(await db.kpi_targets.get(r.row.id)).toMatchObject({ kpi: 'affairs_on_time', target: 92.5, note: '年度目标', set_by: HEAD, set_at: NOW.toISOString() })
    const ops = await db.outbox.toArray()
    expect(ops.map((o) => [o.kind, o.payload])).toEqual([['kpi_target.set', { kpi: 'affairs_on_time', target: 92.5, note: '年度目标' }]])
  })
})
