// The dashboard reads one source's rows for one period through indexes (data/kpiReads.ts) and
// caches items per month (stores/kpiMonths.ts). On generated rows spread over a year — long
// loans, transfers, summaries and approval steps that fall due in the next month, reopened and
// pending records — every month's items must be exactly those of the whole tables.
import { beforeAll, describe, expect, it } from 'vitest'
import type { AdminFieldDb } from '@/platform/db'
import { readScope, readSource } from '@/features/kpis/data/kpiReads'
import { computeMonths, type MonthCache } from '@/features/kpis/stores/kpiMonths'
import { KPI_SOURCES, sourceItems, type KpiContext, type KpiItem } from '@/features/kpis/domain'
import { freshDb } from '../features/testDb'
import { MONTHS, seedYear, wholeTables as whole } from './yearFixture'

let db: AdminFieldDb
let ctx: KpiContext

beforeAll(async () => {
  db = freshDb()
  ctx = await seedYear(db)
})

const line = (i: KpiItem) => JSON.stringify(i)
const sorted = (items: readonly KpiItem[]) => items.map(line).sort()

// As the store reads: the sources asked together share their reads and count reaches on the calendar.
const fill = (cache: MonthCache, months: readonly string[], shared = readScope(ctx.calendar)) =>
  computeMonths(cache, KPI_SOURCES, months, (source, period) => readSource(db, source, period, shared), (source, facts) => sourceItems(source, ctx, facts))

describe('KPI period reads', () => {
  it('each month read on its own gives exactly the whole tables\' items of that month', async () => {
    const all = await whole(db, ctx)
    const cache: MonthCache = new Map()
    let seen = 0
    for (const m of MONTHS) {
      await fill(cache, [m])
      const got = KPI_SOURCES.flatMap((s) => cache.get(s)?.get(m) ?? [])
      const want = all.filter((i) => i.day.startsWith(m))
      expect(sorted(got), m).toEqual(sorted(want))
      seen += want.length
    }
    // Every source gave items, decided and not, and nothing fell outside the months.
    expect(seen).toBe(all.filter((i) => i.day >= '2025-12-01' && i.day <= '2026-12-31').length)
    // (trips and stays are plain index ranges with no reach: the db test covers their formulas)
    for (const s of KPI_SOURCES.filter((x) => x !== 'trips' && x !== 'stays')) expect(MONTHS.some((m) => (cache.get(s)?.get(m)?.length ?? 0) > 0), s).toBe(true)
    expect(all.some((i) => i.value === null) && all.some((i) => i.value === 0)).toBe(true)
  })

  it.each([0, Infinity])('with whole-table reads up to %s rows a key (0: a range per key), the same items', async (perKey) => {
    const all = await whole(db, ctx)
    const cache: MonthCache = new Map()
    for (const m of MONTHS) {
      await fill(cache, [m], readScope(ctx.calendar, perKey))
      expect(sorted(KPI_SOURCES.flatMap((s) => cache.get(s)?.get(m) ?? [])), m).toEqual(sorted(all.filter((i) => i.day.startsWith(m))))
    }
  })

  it('without the calendar (a fixed reach) and without shared reads, the same items', async () => {
    const all = await whole(db, ctx)
    const cache: MonthCache = new Map()
    for (const m of MONTHS.slice(0, 4)) {
      await fill(cache, [m], {})
      expect(sorted(KPI_SOURCES.flatMap((s) => cache.get(s)?.get(m) ?? [])), m).toEqual(sorted(all.filter((i) => i.day.startsWith(m))))
    }
  })

  it('a year read at once (a trend) gives the same months, and a month asked twice is read once', async () => {
    const all = await whole(db, ctx)
    const cache: MonthCache = new Map()
    expect(await fill(cache, MONTHS)).toBe(true)
    for (const m of MONTHS) expect(sorted(KPI_SOURCES.flatMap((s) => cache.get(s)?.get(m) ?? [])), m).toEqual(sorted(all.filter((i) => i.day.startsWith(m))))
    let reads = 0
    await computeMonths(cache, KPI_SOURCES, [MONTHS[3]!], async () => (reads++, {}), () => [])
    expect(reads).toBe(0)
  })
})
