/**
 * Publishing a period's 卫生奖惩 ledger (issue #12): only a period that has ended; the first
 * publication, then corrections, each a new publication linked to the one it corrects
 * (`corrects_publication_id`), whose entries replace the corrected ones (`superseded_by`); a
 * correction may withdraw every entry. The server (ledger.publish) recomputes each entry from
 * the rules and the inspections and refuses one that does not match; the device publishes
 * exactly what evaluateRules gives, so a device that has pulled everything is never refused.
 */
import { ledgerKey, type LedgerDraft } from './rewards'

/** A ledger row as the device holds it (LedgerEntryRow fits). */
export interface PublishedEntry extends LedgerDraft {
  id: string
  /** Absent on rows pulled before publications existed. */
  publication_id?: string | null
  corrects_publication_id?: string | null
  superseded_by?: string | null
  deleted_at?: string | null
}

/** The period's ledger as it stands: entries neither deleted nor corrected. */
export function liveEntries<E extends PublishedEntry>(entries: readonly E[]): E[] {
  return entries.filter((e) => !e.deleted_at && !e.superseded_by)
}

/**
 * The latest publication of a period's entries (null: never published): the live entries'
 * publication, else the end of the corrections chain (a correction that withdrew everything
 * has no entries of its own, only the ones it superseded).
 */
export function latestPublication(entries: readonly PublishedEntry[]): string | null {
  const live = liveEntries(entries).find((e) => e.publication_id)
  if (live?.publication_id) return live.publication_id
  const withdrawn = entries.filter((e) => !e.deleted_at && e.superseded_by)
  const corrected = new Set(withdrawn.map((e) => e.publication_id))
  return withdrawn.map((e) => e.superseded_by as string).find((p) => !corrected.has(p)) ?? null
}

/** Same entry: same rule, period, subject, points, figure, and the same inspections behind it. */
export function sameEntry(a: LedgerDraft, b: LedgerDraft): boolean {
  if (ledgerKey(a) !== ledgerKey(b) || a.points !== b.points || a.value !== b.value) return false
  if (a.inspection_ids.length !== b.inspection_ids.length) return false
  const ids = new Set(a.inspection_ids)
  return b.inspection_ids.every((id) => ids.has(id))
}

export type PlanKind = 'open' | 'nothing' | 'first' | 'current' | 'correction'

export interface PublicationPlan {
  /**
   * open: the period has not ended (nothing may be published); nothing: no entries and never
   * published; first: publish the drafts; current: the ledger already says what the rules
   * say; correction: publish the drafts as a correction of `corrects`.
   */
  kind: PlanKind
  corrects: string | null
  drafts: LedgerDraft[]
  /** For a correction: entries added, withdrawn, and changed (points, figure or inspections). */
  added: number
  removed: number
  changed: number
}

export function publicationPlan(drafts: readonly LedgerDraft[], entries: readonly PublishedEntry[], closed: boolean): PublicationPlan {
  const plan = (kind: PlanKind, corrects: string | null = null, added = 0, removed = 0, changed = 0): PublicationPlan => ({
    kind, corrects, drafts: kind === 'first' || kind === 'correction' ? [...drafts] : [], added, removed, changed,
  })
  if (!closed) return plan('open')
  const latest = latestPublication(entries)
  if (latest === null && entries.every((e) => e.deleted_at)) return plan(drafts.length ? 'first' : 'nothing')
  const live = new Map(liveEntries(entries).map((e) => [ledgerKey(e), e]))
  let added = 0
  let changed = 0
  for (const d of drafts) {
    const e = live.get(ledgerKey(d))
    if (!e) added++
    else if (!sameEntry(d, e)) changed++
  }
  const keys = new Set(drafts.map(ledgerKey))
  const removed = [...live.keys()].filter((k) => !keys.has(k)).length
  if (added + changed + removed === 0) return plan('current', latest)
  return plan('correction', latest, added, removed, changed)
}
