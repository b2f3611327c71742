/** Reward/penalty rules on the device: read, and save as 'reward_rule.upsert' with the row in one transaction. */
import type { AdminFieldDb } from '@/platform/db'
import type { RewardRuleRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import type { RuleInput } from '../domain/ruleSchema'
import { byName } from '@/shared/lib/byName'

export async function listRules(database: AdminFieldDb): Promise<RewardRuleRow[]> {
  const rows = await database.reward_rules.toArray()
  return rows.filter((r) => r.deleted_at === null).sort((a, b) => Number(b.active) - Number(a.active) || byName(a, b))
}

export async function getRule(database: AdminFieldDb, id: string): Promise<RewardRuleRow | undefined> {
  const row = await database.reward_rules.get(id)
  return row && row.deleted_at === null ? row : undefined
}

/** `rule` is validated (ruleSchema). */
export async function saveRule(database: AdminFieldDb, rule: RuleInput, now: Date = new Date(), draftKey: string | null = null): Promise<RewardRuleRow> {
  const stamp = now.toISOString()
  const row: RewardRuleRow = { ...rule, updated_at: stamp, deleted_at: null }
  const { id, name, scope, period, kind, threshold, rank_n, points, active } = rule
  const op = buildOp('reward_rule.upsert', 'reward_rules', id, { id, name, scope, period, kind, threshold, rank_n, points, active }, now)
  await commitWithOutbox(database, ['reward_rules'], op, async () => {
    await database.reward_rules.put(row)
  }, { draftKey })
  return row
}
