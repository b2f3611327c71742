/** The plan acts' device drafts (issue #12 point 9): one per plan and act (notice, report, review, cancel). */
import { formDraftKeys, type AdminFieldDb } from '@/platform/db'
import type { PlanAct } from '../domain'

export const planActDraftKey = (planId: string, act: PlanAct): string => `supervision.act:${planId}:${act}`

/** The acts of this plan whose form holds a draft (the page opens that form again). */
export async function draftedPlanActs(database: AdminFieldDb, planId: string): Promise<PlanAct[]> {
  const prefix = planActDraftKey(planId, '' as PlanAct)
  return (await formDraftKeys(database, prefix)).map((k) => k.slice(prefix.length) as PlanAct)
}
