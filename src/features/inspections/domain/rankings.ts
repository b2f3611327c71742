/**
 * Scores by area, department and person per ISO week and calendar month (卫生奖惩), in
 * the company time zone. Built for a month of 300 areas (9,000 inspections) on a phone:
 * one pass into Maps, one sort per ranking at the end, company days memoised.
 *
 * - The figure is the inspection's server score when the server has recomputed it, else
 *   the device's; inspections without a score (all N/A) and deleted ones are left out.
 * - Department comes from the area as it is now. Person is who was responsible for the area
 *   when it was inspected (the inspection's responsible_id, issue #12), else, for rows from
 *   before it was recorded, the area's responsible person now.
 * - Averages are kept in tenths and rounded half-up to one decimal in integers, and rules
 *   and ranks compare that rounded figure, so what the page shows is what was judged.
 * - A critical failure weighs (issue #12): a subject with any inspection in the period whose
 *   critical item failed ranks after every subject without one, whatever its average (and
 *   rewards.ts gives it no reward). The server ranks the same way (ledger.publish).
 * - A minimum number of inspections to rank, per period kind, set by the admin head (issue
 *   #12; company.rank_min_week / rank_min_month, default 1): a subject with fewer is "not
 *   ranked" (rank null), listed after the ranked ones, and no rule applies to it.
 */
import { calendarDater, isoWeekKey } from '@/shared/lib/zonedTime'
import { halfUpDiv } from './scoring'

export type PeriodKind = 'week' | 'month'
export type SubjectType = 'area' | 'department' | 'person'
export const SUBJECT_TYPES = ['area', 'department', 'person'] as const satisfies readonly SubjectType[]

export interface InspectionForRanking {
  id: string
  area_id: string
  submitted_at: string
  score: number | null
  server_score: number | null
  /** A critical item failed (the server's figure once pulled). */
  critical_failed?: boolean | null
  /** Who was responsible for the area at the time; absent/null: not recorded (the area's current person counts). */
  responsible_id?: string | null
  deleted_at?: string | null
}

export interface AreaForRanking {
  id: string
  department_id: string | null
  responsible_id: string | null
}

export interface RankRow {
  subject_type: SubjectType
  subject_id: string
  count: number
  /** Inspections in the period with a failed critical item: any ranks the subject after the clean ones. */
  critical_failures: number
  /** Average score, one decimal (half-up). */
  average: number
  /** The same in integer tenths (average × 10), for exact comparisons. */
  average_tenths: number
  /** Competition ranking, highest average first: 1, 2, 2, 4; null: too few inspections to rank. */
  rank: number | null
  /** Of how many ranked subjects in this ranking (for "bottom n"). */
  of: number
  /** The inspections behind the figure, oldest first. */
  inspection_ids: string[]
}

export interface PeriodRanking {
  period: PeriodKind
  /** 'YYYY-Www' or 'YYYY-MM' in the company time zone. */
  period_key: string
  area: RankRow[]
  department: RankRow[]
  person: RankRow[]
}

/** Period key → its ranking; week and month keys never collide ('2026-W48' vs '2026-11'). */
export type Rankings = Map<string, PeriodRanking>

export interface RankingOptions {
  /** Fewest inspections in the period to be ranked, per period kind (default 1). */
  minInspections?: Partial<Record<PeriodKind, number>>
}

// Accumulators hold indices into the input, not objects: 54,000 group memberships a month
// would otherwise be 54,000 small allocations and a GC pause on a phone.
interface Acc {
  sum: number
  critical: number
  items: number[]
}

type Bucket = Record<SubjectType, Map<string, Acc>>

function add(map: Map<string, Acc>, subjectId: string, tenths: number, critical: number, index: number): void {
  const acc = map.get(subjectId)
  if (acc) {
    acc.sum += tenths
    acc.critical += critical
    acc.items.push(index)
  } else {
    map.set(subjectId, { sum: tenths, critical, items: [index] })
  }
}

/** Ranking order: clean subjects before those with a critical failure, then the higher average. */
export function compareRank(a: Pick<RankRow, 'critical_failures' | 'average_tenths'>, b: Pick<RankRow, 'critical_failures' | 'average_tenths'>): number {
  return Number(a.critical_failures > 0) - Number(b.critical_failures > 0) || b.average_tenths - a.average_tenths
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function rank(subjectType: SubjectType, map: Map<string, Acc>, times: Float64Array, inspections: readonly InspectionForRanking[], min: number): RankRow[] {
  const rows: RankRow[] = []
  for (const [subjectId, acc] of map) {
    const count = acc.items.length
    const averageTenths = halfUpDiv(acc.sum, count)
    // Input order is arbitrary (IndexedDB); oldest first, then by id, is stable.
    acc.items.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || byId(inspections[a]?.id ?? '', inspections[b]?.id ?? ''))
    rows.push({
      subject_type: subjectType,
      subject_id: subjectId,
      count,
      critical_failures: acc.critical,
      average: averageTenths / 10,
      average_tenths: averageTenths,
      rank: null,
      of: 0,
      inspection_ids: acc.items.map((i) => inspections[i]?.id ?? ''),
    })
  }
  // Ranked first; clean first, highest first; ties in id order so the list is stable.
  const ranked = (r: RankRow) => r.count >= min
  rows.sort((a, b) => Number(ranked(b)) - Number(ranked(a)) || compareRank(a, b) || byId(a.subject_id, b.subject_id))
  const of = rows.filter(ranked).length
  rows.forEach((row, i) => {
    row.of = of
    if (i >= of) return
    const prev = rows[i - 1]
    row.rank = prev && compareRank(prev, row) === 0 ? prev.rank : i + 1
  })
  return rows
}

const newBucket = (): Bucket => ({ area: new Map(), department: new Map(), person: new Map() })

/** Rankings for every week and month that has inspections (or only `periods` kinds). */
export function computeRankings(
  inspections: readonly InspectionForRanking[],
  areas: readonly AreaForRanking[],
  timeZone: string,
  periods: readonly PeriodKind[] = ['week', 'month'],
  options: RankingOptions = {},
): Rankings {
  const areaById = new Map<string, AreaForRanking>()
  for (const a of areas) areaById.set(a.id, a)
  const dater = calendarDater(timeZone)
  const weekOf = new Map<string, string>()
  const wantWeek = periods.includes('week')
  const wantMonth = periods.includes('month')
  const buckets = new Map<string, Bucket>()
  const times = new Float64Array(inspections.length)

  const bucketFor = (key: string): Bucket => {
    let b = buckets.get(key)
    if (!b) {
      b = newBucket()
      buckets.set(key, b)
    }
    return b
  }
  const addAll = (b: Bucket, insp: InspectionForRanking, area: AreaForRanking | undefined, tenths: number, index: number) => {
    const critical = insp.critical_failed ? 1 : 0
    add(b.area, insp.area_id, tenths, critical, index)
    if (area?.department_id) add(b.department, area.department_id, tenths, critical, index)
    const person = insp.responsible_id ?? area?.responsible_id
    if (person) add(b.person, person, tenths, critical, index)
  }

  inspections.forEach((insp, index) => {
    if (insp.deleted_at) return
    const score = insp.server_score ?? insp.score
    if (score === null || !Number.isFinite(score)) return
    const ms = Date.parse(insp.submitted_at)
    if (Number.isNaN(ms)) return
    times[index] = ms
    const tenths = Math.round(score * 10)
    const date = dater(ms)
    const area = areaById.get(insp.area_id)
    if (wantWeek) {
      let week = weekOf.get(date)
      if (week === undefined) {
        week = isoWeekKey(date)
        weekOf.set(date, week)
      }
      addAll(bucketFor(week), insp, area, tenths, index)
    }
    if (wantMonth) addAll(bucketFor(date.slice(0, 7)), insp, area, tenths, index)
  })

  const out: Rankings = new Map()
  // Newest period first (weeks before months of the same year: 'W' sorts after digits).
  const keys = [...buckets.keys()].sort((a, b) => byId(b, a))
  for (const key of keys) {
    const bucket = buckets.get(key) ?? newBucket()
    const period = periodKindOf(key) ?? 'month'
    const min = Math.max(1, options.minInspections?.[period] ?? 1)
    out.set(key, {
      period,
      period_key: key,
      area: rank('area', bucket.area, times, inspections, min),
      department: rank('department', bucket.department, times, inspections, min),
      person: rank('person', bucket.person, times, inspections, min),
    })
  }
  return out
}

/** The period keys of one kind, newest first: the page's period picker. */
export function periodKeys(rankings: Rankings, period: PeriodKind): string[] {
  const out: string[] = []
  for (const r of rankings.values()) if (r.period === period) out.push(r.period_key)
  return out
}

/** Week or month of a period key. */
export function periodKindOf(key: string): PeriodKind | null {
  if (/^\d{4}-W\d{2}$/.test(key)) return 'week'
  if (/^\d{4}-\d{2}$/.test(key)) return 'month'
  return null
}
