/** A ranking row with how it moved since the previous period (null: not ranked then). */
import type { RankRow } from '@/features/inspections/domain/rankings'

export interface TrendRow extends RankRow {
  /** Average change in tenths (+12 = +1.2 points); null when the subject has no previous figure. */
  delta_tenths: number | null
  previous_rank: number | null
}

export function withTrend(current: readonly RankRow[], previous: readonly RankRow[]): TrendRow[] {
  const before = new Map(previous.map((r) => [r.subject_id, r]))
  return current.map((r) => {
    const p = before.get(r.subject_id)
    return { ...r, delta_tenths: p ? r.average_tenths - p.average_tenths : null, previous_rank: p?.rank ?? null }
  })
}
