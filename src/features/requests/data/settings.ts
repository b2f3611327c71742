/** Delegations (代理审批) and the company's approval threshold: each change one transaction with its op. */
import type { AdminFieldDb } from '@/platform/db'
import type { ApprovalDelegationRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import type { DelegationInput } from '../domain/delegation'

export async function saveDelegation(database: AdminFieldDb, args: { id?: string; input: DelegationInput; by: string; cancel?: boolean; draftKey?: string | null }, now = new Date()): Promise<ApprovalDelegationRow> {
  const stamp = now.toISOString()
  const id = args.id ?? crypto.randomUUID()
  const existing = await database.approval_delegations.get(id)
  const row: ApprovalDelegationRow = {
    id,
    ...args.input,
    created_by: existing?.created_by ?? args.by,
    updated_at: stamp,
    deleted_at: args.cancel ? stamp : null,
  }
  const op = buildOp('delegation.upsert', 'approval_delegations', id, { ...args.input, ...(args.cancel ? { deleted: true } : {}) }, now)
  await commitWithOutbox(database, ['approval_delegations'], op, async () => {
    await database.approval_delegations.put(row)
  }, { draftKey: args.draftKey })
  return row
}

/** Delegations that concern a person (from or to them), newest first, cancelled ones left out. */
export async function delegationsOf(database: AdminFieldDb, userId: string): Promise<ApprovalDelegationRow[]> {
  const [from, to] = await Promise.all([database.approval_delegations.where('from_user').equals(userId).toArray(), database.approval_delegations.where('to_user').equals(userId).toArray()])
  return [...from, ...to].filter((d) => d.deleted_at === null).sort((a, b) => b.starts_on.localeCompare(a.starts_on))
}

export async function saveThreshold(database: AdminFieldDb, companyId: string, threshold: number, draftKey: string | null = null, now = new Date()): Promise<void> {
  const op = buildOp('request_settings.update', 'company', companyId, { approval_amount_threshold: threshold }, now)
  await commitWithOutbox(database, ['company'], op, async () => {
    await database.company.update(companyId, { approval_amount_threshold: threshold, updated_at: now.toISOString() })
  }, { draftKey })
}
