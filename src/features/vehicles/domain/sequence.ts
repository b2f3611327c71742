/**
 * Fuel entries in order, with the readings that do not fit the sequence found once, for
 * economy.ts and anomalies.ts alike.
 *
 * Order is device time (the fill's own clock; odometer digits are typed by hand, times
 * are not), then odometer, then id. Over that order the in-sequence readings are the
 * longest run whose odometer never goes down (found in O(n log n)): one typo, too high or
 * too low, drops out and the readings around it stay, where a "lower than the previous"
 * rule would blame every honest reading after a too-high typo. When two runs are equally
 * long the earlier reading is kept and the later one is flagged. A reading equal to the
 * previous one after a full fill with more fuel is also out of sequence: fuel cannot go
 * into a full tank without driving (the usual cause is a pre-filled odometer left as is).
 */
import { toFen, toMl } from './amounts'
import type { FuelEntryStatus } from './fuelEntry'

/** The fields economy and anomalies read (a FuelEntry fits). */
export interface EconomyEntry {
  id: string
  vehicle_id: string
  filled_at: string
  odometer_km: number | null
  litres: number | null
  amount: number | null
  full_tank: boolean
  missed_previous: boolean
  status?: FuelEntryStatus
}

export type SequenceProblem = 'lower' | 'equal' | null

export interface PreparedEntry<T extends EconomyEntry = EconomyEntry> {
  entry: T
  ms: number
  /** Null for a draft or an entry without figures. */
  ml: number | null
  fen: number | null
  /** Why the odometer reading is not trusted; null when it is (or is absent). */
  sequence: SequenceProblem
}

function compare(a: PreparedEntry, b: PreparedEntry): number {
  if (a.ms !== b.ms) return a.ms - b.ms
  const ao = a.entry.odometer_km ?? Number.POSITIVE_INFINITY
  const bo = b.entry.odometer_km ?? Number.POSITIVE_INFINITY
  if (ao !== bo) return ao - bo
  return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0
}

/** Converts, sorts and checks one vehicle's entries (callers group by vehicle first). */
export function prepareEntries<T extends EconomyEntry>(entries: readonly T[]): PreparedEntry<T>[] {
  const rows: PreparedEntry<T>[] = entries.map((entry) => {
    const draft = entry.status === 'draft'
    const ml = draft ? null : toMl(entry.litres)
    const fen = draft ? null : toFen(entry.amount)
    return { entry, ms: Date.parse(entry.filled_at), ml: ml && ml > 0 ? ml : null, fen, sequence: null }
  })
  rows.sort(compare)
  markSequence(rows)
  return rows
}

/** Marks readings outside the longest non-decreasing run, then equal readings after a full fill. */
function markSequence(rows: PreparedEntry[]): void {
  const idx: number[] = []
  for (let i = 0; i < rows.length; i++) if (rows[i]?.entry.odometer_km != null) idx.push(i)
  const odo = (i: number) => rows[i]?.entry.odometer_km ?? 0
  // Walk backwards: tails[k] = the row starting a run of k+1 with the highest reading;
  // readings in tails go down as k grows. Replacing on ties keeps the earlier row.
  const tails: number[] = []
  const next = new Map<number, number>()
  for (let j = idx.length - 1; j >= 0; j--) {
    const i = idx[j] as number
    const v = odo(i)
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (odo(tails[mid] as number) >= v) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) next.set(i, tails[lo - 1] as number)
    tails[lo] = i
  }
  const kept = new Set<number>()
  for (let i: number | undefined = tails[tails.length - 1]; i !== undefined; i = next.get(i)) kept.add(i)
  let prev: PreparedEntry | null = null
  for (const i of idx) {
    const row = rows[i] as PreparedEntry
    if (!kept.has(i)) {
      row.sequence = 'lower'
      continue
    }
    if (prev && prev.entry.full_tank && prev.entry.odometer_km === row.entry.odometer_km && (row.ml ?? 0) > 0) {
      row.sequence = 'equal'
      continue
    }
    prev = row
  }
}
