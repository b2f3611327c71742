/** Every KPI's items from one set of facts (the device's tables, or a test's hand-made ones). */
import type { KpiContext, KpiItem } from './items'
import { taskItems, followUpItems, type FollowUpFacts, type RemindFacts, type TaskFacts } from './sources/tasks'
import { requestItems, type RequestEventFacts, type RequestFacts } from './sources/requests'
import { custodyItems, type AssetFacts, type CustodyFacts } from './sources/custody'
import { checklistItems, type AreaFacts, type InspectionFacts, type RectificationFacts } from './sources/checklists'

export interface KpiFacts {
  tasks?: readonly TaskFacts[]
  followUps?: readonly FollowUpFacts[]
  taskEvents?: readonly (RemindFacts & { follow_up_id?: string | null })[]
  requests?: readonly RequestFacts[]
  requestEvents?: readonly RequestEventFacts[]
  assets?: readonly AssetFacts[]
  custodyEvents?: readonly CustodyFacts[]
  areas?: readonly AreaFacts[]
  rectifications?: readonly RectificationFacts[]
  inspections?: readonly InspectionFacts[]
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    if (k == null) continue
    let list = out.get(k)
    if (!list) out.set(k, (list = []))
    list.push(row)
  }
  return out
}

export function allItems(ctx: KpiContext, facts: KpiFacts): KpiItem[] {
  const tasks = facts.tasks ?? []
  return [
    ...taskItems(ctx, tasks),
    ...followUpItems(
      ctx,
      facts.followUps ?? [],
      new Map(tasks.map((t) => [t.id, t])),
      groupBy(facts.taskEvents ?? [], (e) => (e.type === 'remind' ? e.follow_up_id : null)),
    ),
    ...requestItems(ctx, facts.requests ?? [], groupBy(facts.requestEvents ?? [], (e) => e.request_id)),
    ...custodyItems(ctx, facts.assets ?? [], groupBy(facts.custodyEvents ?? [], (e) => e.asset_id)),
    ...checklistItems(ctx, new Map((facts.areas ?? []).map((a) => [a.id, a])), facts.rectifications ?? [], facts.inspections ?? []),
  ]
}
