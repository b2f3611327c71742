/**
 * The 卫生奖惩 ledger: preview a period's entries from the rules (the domain's evaluateRules
 * over the same rankings the page shows), publish them as one 'ledger.publish', export CSV.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { InspectionRow, LedgerEntryRow, RewardRuleRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { computeRankings } from '@/features/inspections/domain/rankings'
import { evaluateRules, unpublished, type LedgerDraft } from '@/features/inspections/domain/rewards'
import { kindOf, periodRange } from '../domain/periods'
import { periodRows } from './periodRows'
import type { Directory } from './rankingData'

const PUBLISH_BATCH = 1000

export async function ledgerOf(database: AdminFieldDb, periodKey: string): Promise<LedgerEntryRow[]> {
  const rows = await database.ledger_entries.where('period_key').equals(periodKey).toArray()
  return rows.filter((r) => r.deleted_at === null).sort((a, b) => a.points - b.points || a.subject_id.localeCompare(b.subject_id))
}

export interface Preview {
  /** Entries the rules produce that are not in the ledger yet. */
  drafts: LedgerDraft[]
  /** Everything the rules produce (for "already published" counts). */
  all: number
}

export async function previewLedger(database: AdminFieldDb, directory: Directory, rules: RewardRuleRow[], periodKey: string): Promise<Preview> {
  const { from, to } = periodRange(periodKey, directory.timeZone)
  const rows = await periodRows(database, from, to)
  const rankings = computeRankings(rows, directory.areas, directory.timeZone, [kindOf(periodKey)], directory.options)
  const all = evaluateRules(rules, rankings, periodKey)
  return { drafts: unpublished(all, await ledgerOf(database, periodKey)), all: all.length }
}

/** The inspections behind an entry, newest first (its traceability). */
export async function inspectionsOf(database: AdminFieldDb, ids: readonly string[]): Promise<InspectionRow[]> {
  const rows = await database.inspections.bulkGet([...ids])
  return rows.filter((r): r is InspectionRow => !!r && r.deleted_at === null).sort((a, b) => b.submitted_at.localeCompare(a.submitted_at))
}

/** Publishes the drafts: the ledger rows and ONE op carrying them, in one transaction. */
export async function publishLedger(database: AdminFieldDb, drafts: readonly LedgerDraft[], actorId: string, now: Date = new Date()): Promise<LedgerEntryRow[]> {
  if (drafts.length === 0) return []
  const stamp = now.toISOString()
  const rows: LedgerEntryRow[] = drafts.map((d) => ({ ...d, id: crypto.randomUUID(), published_by: actorId, published_at: stamp, updated_at: stamp, deleted_at: null }))
  const entries = rows.map(({ id, rule_id, period_key, subject_type, subject_id, points, value, inspection_ids }) => ({
    id, rule_id, period_key, subject_type, subject_id, points, value, inspection_ids,
  }))
  const ops = []
  // The server takes up to 1,000 entries per op.
  for (let i = 0; i < entries.length; i += PUBLISH_BATCH) {
    const batch = entries.slice(i, i + PUBLISH_BATCH)
    const op = buildOp('ledger.publish', 'ledger_publications', crypto.randomUUID(), { entries: batch }, now)
    // The entries are this op's rows: each shows "not synced" until it settles.
    op.related = batch.map((e) => entityKey('ledger_entries', e.id))
    ops.push(op)
  }
  await commitWithOutbox(database, ['ledger_entries'], ops, async () => {
    await database.ledger_entries.bulkPut(rows)
  })
  return rows
}
