/**
 * A reward/penalty rule as the admin head enters it (zod; messages are i18n keys
 * `rankings.errors.*`). Mirrors the server's reward_rule.upsert checks: a threshold only for
 * average kinds, a rank only for rank kinds, whole points, never 0.
 */
import { z } from 'zod'

export const RULE_KINDS = ['average_below', 'average_at_least', 'top_rank', 'bottom_rank'] as const
export const RULE_SCOPES = ['area', 'department', 'person'] as const
export const RULE_PERIODS = ['month', 'week'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export const isRankKind = (k: RuleKind): boolean => k === 'top_rank' || k === 'bottom_rank'

const E = {
  required: 'rankings.errors.required',
  tooLong: 'rankings.errors.tooLong',
  choice: 'rankings.errors.choice',
  threshold: 'rankings.errors.threshold',
  rank: 'rankings.errors.rank',
  points: 'rankings.errors.points',
} as const

export const ruleSchema = z
  .object({
    id: z.uuid({ error: E.required }),
    name: z.string({ error: E.required }).trim().min(1, { error: E.required }).max(100, { error: E.tooLong }),
    scope: z.enum(RULE_SCOPES, { error: E.choice }),
    period: z.enum(RULE_PERIODS, { error: E.choice }),
    kind: z.enum(RULE_KINDS, { error: E.choice }),
    threshold: z.number({ error: E.threshold }).min(0, { error: E.threshold }).max(100, { error: E.threshold }).nullable(),
    rank_n: z.number({ error: E.rank }).int({ error: E.rank }).min(1, { error: E.rank }).max(100, { error: E.rank }).nullable(),
    points: z
      .number({ error: E.points })
      .int({ error: E.points })
      .min(-1000, { error: E.points })
      .max(1000, { error: E.points })
      .refine((n) => n !== 0, { error: E.points }),
    active: z.boolean(),
  })
  .superRefine((r, ctx) => {
    if (isRankKind(r.kind) && r.rank_n === null) ctx.addIssue({ code: 'custom', message: E.rank, path: ['rank_n'] })
    if (!isRankKind(r.kind) && r.threshold === null) ctx.addIssue({ code: 'custom', message: E.threshold, path: ['threshold'] })
  })
  // The other kind's field is dropped, as the server expects.
  .transform((r) => ({ ...r, threshold: isRankKind(r.kind) ? null : r.threshold, rank_n: isRankKind(r.kind) ? r.rank_n : null }))

export type RuleInput = z.infer<typeof ruleSchema>

/** First message per field, for the form. */
export function ruleErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of issues) out[String(i.path[0] ?? '_')] ??= i.message.startsWith('rankings.errors.') ? i.message : E.required
  return out
}
