/**
 * Closed months' KPI tallies kept on the device (`kpi_months`): a finished month's figures do not
 * change unless a row behind them does, and platform/db/kpiMonths.ts drops them when one does
 * (a late-synced row included). One row per source, month and viewer (what a viewer may see
 * decides the items); the generation read before the rows guards the write: if any write to the
 * source's tables landed meanwhile, the figures computed from the older rows are not kept.
 */
import type { AdminFieldDb } from '@/platform/db'
import { GEN, genKey, type KpiGenRow, type KpiMonthRow } from '@/platform/db/kpiMonths'
import type { KpiSource, MonthTallies } from '../domain'

/** Bump when a formula changes: figures kept by an older app are not used. */
export const KPI_FORMULA_VERSION = 1

const keyOf = (viewer: string, source: KpiSource, month: string) => `${source}|${month}|${KPI_FORMULA_VERSION}:${viewer}`

export interface KeptMonths {
  gen: number
  months: Map<string, MonthTallies>
}

/** The kept tallies of these months (those missing are not in the map), and the source's generation. */
export async function readKeptMonths(database: AdminFieldDb, viewer: string, source: KpiSource, months: readonly string[]): Promise<KeptMonths> {
  return database.transaction('r', database.kpi_months, async () => {
    const [gen, ...rows] = await database.kpi_months.bulkGet([genKey(source), ...months.map((m) => keyOf(viewer, source, m))])
    const out = new Map<string, MonthTallies>()
    rows.forEach((row, i) => {
      if (row && row.source !== GEN) out.set(months[i]!, (row as KpiMonthRow).figures as MonthTallies)
    })
    return { gen: (gen as KpiGenRow | undefined)?.gen ?? 0, months: out }
  })
}

/** Keeps these months' tallies unless the source changed since `gen` was read; true when kept. */
export async function keepMonths(database: AdminFieldDb, viewer: string, source: KpiSource, gen: number, months: ReadonlyMap<string, MonthTallies>): Promise<boolean> {
  return database.transaction('rw', database.kpi_months, async () => {
    const now = ((await database.kpi_months.get(genKey(source))) as KpiGenRow | undefined)?.gen ?? 0
    if (now !== gen) return false
    await database.kpi_months.bulkPut(
      [...months].map(([month, figures]): KpiMonthRow => ({ key: keyOf(viewer, source, month), source, month, viewer, figures: figures as KpiMonthRow['figures'] })),
    )
    return true
  })
}
