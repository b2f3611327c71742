/**
 * One period's rankings and the previous period's (for the trend), from ONE range read:
 * [start of previous, end of this). The page calls it once per period change; the bench times it.
 */
import type { AdminFieldDb } from '@/platform/db'
import { computeRankings, type PeriodRanking } from '@/features/inspections/domain/rankings'
import { kindOf, periodRange, shiftPeriod } from '../domain/periods'
import type { Directory } from './rankingData'
import { periodRows } from './periodRows'

export interface PeriodResult {
  key: string
  previousKey: string
  current: PeriodRanking | null
  previous: PeriodRanking | null
  /** Scored inspections read (both periods). */
  read: number
}

export async function rankPeriod(database: AdminFieldDb, directory: Directory, key: string): Promise<PeriodResult> {
  const previousKey = shiftPeriod(key, -1)
  const from = periodRange(previousKey, directory.timeZone).from
  const to = periodRange(key, directory.timeZone).to
  const inspections = await periodRows(database, from, to)
  const rankings = computeRankings(inspections, directory.areas, directory.timeZone, [kindOf(key)], directory.options)
  return { key, previousKey, current: rankings.get(key) ?? null, previous: rankings.get(previousKey) ?? null, read: inspections.length }
}
