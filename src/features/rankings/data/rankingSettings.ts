/**
 * The admin head's minimum inspections to rank (issue #12), on the company row: saved with its
 * 'ranking_settings.update' op in one transaction, like every other write.
 */
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'

export interface RankingMinimums {
  week: number
  month: number
}

export const MIN_RANGE = { min: 1, max: 100 } as const

export const validMinimum = (n: number): boolean => Number.isInteger(n) && n >= MIN_RANGE.min && n <= MIN_RANGE.max

/** false when the company row is not on the device yet or a number is out of range (nothing written). */
export async function saveRankingMinimums(
  database: AdminFieldDb,
  companyId: string,
  m: RankingMinimums,
  now: Date = new Date(),
  draftKey: string | null = null,
): Promise<boolean> {
  if (!validMinimum(m.week) || !validMinimum(m.month)) return false
  const row = await database.company.get(companyId)
  if (!row || row.deleted_at !== null) return false
  const op = buildOp('ranking_settings.update', 'company', companyId, { rank_min_week: m.week, rank_min_month: m.month }, now)
  await commitWithOutbox(database, ['company'], op, async () => {
    await database.company.put({ ...row, rank_min_week: m.week, rank_min_month: m.month, updated_at: now.toISOString() })
  }, { draftKey })
  return true
}
