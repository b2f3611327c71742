/**
 * Reading plans on the device: the plans a person sees (mirroring the server's RLS), one plan with
 * its application's status, its facts, the checklist runs of the inspected department's areas in
 * its dates, and the tasks its findings became; the names the screens show.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow, InspectionRow, RequestRow, SupervisionEventRow, SupervisionPlanRow, TaskRow } from '@/platform/db/rows'
import { calendarDate, DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import type { Plan, PlanActor } from '../domain'

const live = <T extends { deleted_at?: string | null }>(rows: T[]): T[] => rows.filter((r) => !r.deleted_at)
export const planOf = (row: SupervisionPlanRow): Plan => row as Plan

/** Whether the person sees the plan (the server's supervision_plans_select). */
export function seesPlan(p: SupervisionPlanRow, a: PlanActor & { departmentId: string | null }): boolean {
  const heads = a.grants.some((g) => (g.role === 'admin_head' || g.role === 'executive') && (g.siteId === null || g.siteId === p.site_id))
  return heads || p.created_by === a.id || p.inspector_ids.includes(a.id) || (p.stage !== 'planned' && p.department_id === a.departmentId)
}

/** Newest inspection dates first. */
export async function plansFor(database: AdminFieldDb, a: PlanActor & { departmentId: string | null }): Promise<SupervisionPlanRow[]> {
  const rows = live(await database.supervision_plans.toArray()).filter((p) => seesPlan(p, a))
  return rows.sort((x, y) => y.starts_on.localeCompare(x.starts_on) || y.created_at.localeCompare(x.created_at))
}

export interface PlanDetail {
  plan: SupervisionPlanRow
  request: RequestRow | null
  events: SupervisionEventRow[]
  /** The department's areas, to inspect from the plan. */
  areas: AreaRow[]
  /** Checklist runs of those areas within the plan's dates (company days), newest first. */
  runs: InspectionRow[]
  /** The tasks its findings became (source 'inspection', source_ref = the plan). */
  tasks: TaskRow[]
  timeZone: string
}

export async function loadPlanDetail(database: AdminFieldDb, id: string): Promise<PlanDetail | null> {
  const plan = await database.supervision_plans.get(id)
  if (!plan || plan.deleted_at) return null
  const [request, events, areas, tasks, company] = await Promise.all([
    database.requests.get(plan.request_id),
    database.supervision_events.where('[plan_id+device_time]').between([id, ''], [id, '\uffff']).toArray(),
    database.areas.where('department_id').equals(plan.department_id).toArray(),
    database.tasks.where('department_id').equals(plan.department_id).filter((t) => t.source === 'inspection' && t.source_ref === id).toArray(),
    database.company.toArray(),
  ])
  const timeZone = company.find((c) => !c.deleted_at)?.timezone ?? DEFAULT_TIME_ZONE
  const liveAreas = live(areas).filter((a) => a.site_id === plan.site_id)
  const runs = live(await database.inspections.where('area_id').anyOf(liveAreas.map((a) => a.id)).toArray())
    .filter((r) => {
      const day = calendarDate(r.submitted_at, timeZone)
      return (day >= plan.starts_on && day <= plan.ends_on) || plan.inspection_ids.includes(r.id)
    })
    .sort((x, y) => y.submitted_at.localeCompare(x.submitted_at))
  return { plan, request: request && !request.deleted_at ? request : null, events: live(events), areas: liveAreas, runs, tasks: live(tasks), timeZone }
}

export interface PlanNames {
  people: Map<string, string>
  departments: Map<string, { name: string; siteId: string }>
  sites: Map<string, string>
  /** Template code → its latest version's names. */
  checklists: Map<string, { zh: string; en: string }>
  /** People of a site (the inspector picker). */
  profiles: { id: string; name: string; siteId: string | null }[]
  timeZone: string
}

export async function loadPlanNames(database: AdminFieldDb): Promise<PlanNames> {
  const [profiles, departments, sites, templates, company] = await Promise.all([
    database.profiles.toArray(),
    database.departments.toArray(),
    database.sites.toArray(),
    database.checklist_templates.toArray(),
    database.company.toArray(),
  ])
  const checklists = new Map<string, { zh: string; en: string; version: number }>()
  for (const t of live(templates)) {
    const have = checklists.get(t.code)
    if (t.active && (!have || have.version < t.version)) checklists.set(t.code, { zh: t.name_zh, en: t.name_en, version: t.version })
  }
  return {
    people: new Map(live(profiles).map((p) => [p.id, p.display_name])),
    departments: new Map(live(departments).map((d) => [d.id, { name: d.name, siteId: d.site_id }])),
    sites: new Map(live(sites).map((x) => [x.id, x.name])),
    checklists,
    profiles: live(profiles).map((p) => ({ id: p.id, name: p.display_name, siteId: p.site_id })),
    timeZone: company.find((c) => !c.deleted_at)?.timezone ?? DEFAULT_TIME_ZONE,
  }
}
