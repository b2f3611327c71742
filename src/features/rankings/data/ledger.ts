/**
 * The 卫生奖惩 ledger: preview a period's entries from the rules (the domain's evaluateRules
 * over the same rankings the page shows), publish them as a publication (only once the period
 * has ended; a correction is a new publication linked to the one it corrects, whose entries
 * it replaces), export CSV. The server recomputes every entry and refuses a mismatch.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { InspectionRow, LedgerEntryRow, RewardRuleRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { computeRankings } from '@/features/inspections/domain/rankings'
import { evaluateRules, type LedgerDraft } from '@/features/inspections/domain/rewards'
import { liveEntries, publicationPlan, type PublicationPlan } from '@/features/inspections/domain/ledgerPublication'
import { kindOf, periodClosed, periodRange } from '../domain/periods'
import { periodRows } from './periodRows'
import type { Directory } from './rankingData'

const PUBLISH_BATCH = 1000

/** Every ledger row of a period on the device (corrected ones too). */
export async function periodEntries(database: AdminFieldDb, periodKey: string): Promise<LedgerEntryRow[]> {
  return database.ledger_entries.where('period_key').equals(periodKey).toArray()
}

/** The period's ledger as it stands: neither deleted nor corrected. */
export async function ledgerOf(database: AdminFieldDb, periodKey: string): Promise<LedgerEntryRow[]> {
  return liveEntries(await periodEntries(database, periodKey)).sort((a, b) => a.points - b.points || a.subject_id.localeCompare(b.subject_id))
}

export interface Preview {
  /** Everything the rules produce for the period now. */
  drafts: LedgerDraft[]
  /** What publishing means now (open period, first, correction, already current). */
  plan: PublicationPlan
}

export async function previewLedger(
  database: AdminFieldDb,
  directory: Directory,
  rules: RewardRuleRow[],
  periodKey: string,
  now: Date = new Date(),
): Promise<Preview> {
  const { from, to } = periodRange(periodKey, directory.timeZone)
  const rows = await periodRows(database, from, to)
  const rankings = computeRankings(rows, directory.areas, directory.timeZone, [kindOf(periodKey)], directory.options)
  const drafts = evaluateRules(rules, rankings, periodKey)
  const closed = periodClosed(periodKey, now, directory.timeZone)
  return { drafts, plan: publicationPlan(drafts, await periodEntries(database, periodKey), closed) }
}

/** The inspections behind an entry, newest first (its traceability). */
export async function inspectionsOf(database: AdminFieldDb, ids: readonly string[]): Promise<InspectionRow[]> {
  const rows = await database.inspections.bulkGet([...ids])
  return rows.filter((r): r is InspectionRow => !!r && r.deleted_at === null).sort((a, b) => b.submitted_at.localeCompare(a.submitted_at))
}

/**
 * Publishes the plan (a first publication or a correction) for the period: the new rows, the
 * corrected rows marked as replaced, and the op(s) carrying them, in one transaction. Nothing
 * for any other plan.
 */
export async function publishLedger(
  database: AdminFieldDb,
  periodKey: string,
  plan: PublicationPlan,
  actorId: string,
  now: Date = new Date(),
): Promise<LedgerEntryRow[]> {
  if (plan.kind !== 'first' && plan.kind !== 'correction') return []
  const stamp = now.toISOString()
  const publication = crypto.randomUUID()
  const rows: LedgerEntryRow[] = plan.drafts.map((d) => ({
    ...d, id: crypto.randomUUID(), published_by: actorId, published_at: stamp, publication_id: publication,
    corrects_publication_id: plan.corrects, superseded_by: null, updated_at: stamp, deleted_at: null,
  }))
  const replaced = plan.corrects
    ? liveEntries(await periodEntries(database, periodKey))
        .filter((e) => e.publication_id === plan.corrects)
        .map((e) => ({ ...e, superseded_by: publication, updated_at: stamp }))
    : []
  const entries = rows.map(({ id, rule_id, period_key, subject_type, subject_id, points, value, inspection_ids }) => ({
    id, rule_id, period_key, subject_type, subject_id, points, value, inspection_ids,
  }))
  const ops = []
  // The server takes up to 1,000 entries per op; a correction that withdraws everything is one op with none.
  for (let i = 0; i === 0 || i < entries.length; i += PUBLISH_BATCH) {
    const batch = entries.slice(i, i + PUBLISH_BATCH)
    const payload = { publication_id: publication, period_key: periodKey, corrects: plan.corrects, entries: batch }
    const op = buildOp('ledger.publish', 'ledger_publications', crypto.randomUUID(), payload, now)
    // The entries (and, with the first op, the ones it replaces) are this op's rows: "not synced" until it settles.
    op.related = [...batch.map((e) => entityKey('ledger_entries', e.id)), ...(i === 0 ? replaced.map((e) => entityKey('ledger_entries', e.id)) : [])]
    ops.push(op)
  }
  await commitWithOutbox(database, ['ledger_entries'], ops, async () => {
    await database.ledger_entries.bulkPut([...replaced, ...rows])
  })
  return rows
}
