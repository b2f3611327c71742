/**
 * 1.4 / 14.x on the checklists engine: rectifications (整改) fixed by their deadline, and the
 * inspection scores of the areas a person or department is responsible for. A reopened
 * rectification's earlier fix does not count: it is measured by its new deadline (the
 * verifier's), fixed again or not. Mirrors private.kpi_items_checklists.
 */
import { byInstant, type KpiContext, type KpiItem } from '../items'

export interface AreaFacts {
  id: string
  site_id: string
  department_id: string | null
  responsible_id: string | null
}

export interface RectificationFacts {
  id: string
  area_id: string
  assignee_id: string | null
  due_at: string
  status: string
  fixed_at: string | null
  deleted_at: string | null
}

export interface InspectionFacts {
  id: string
  area_id: string
  submitted_at: string
  score: number | null
  server_score: number | null
  responsible_id?: string | null
  deleted_at: string | null
}

export function checklistItems(ctx: KpiContext, areas: ReadonlyMap<string, AreaFacts>, rectifications: readonly RectificationFacts[], inspections: readonly InspectionFacts[]): KpiItem[] {
  const out: KpiItem[] = []
  const scope = (areaId: string, person: string | null) => {
    const area = areas.get(areaId)
    return { site_id: area?.site_id ?? null, person_id: person, department_id: area?.department_id ?? ctx.departmentOf(person) }
  }
  for (const r of rectifications) {
    if (r.deleted_at !== null) continue
    const done = r.status === 'fixed' || r.status === 'closed' ? r.fixed_at : null
    const person = r.assignee_id ?? areas.get(r.area_id)?.responsible_id ?? null
    out.push({ kpi: 'rectification_on_time', key: r.id, record_id: r.id, day: ctx.dateOf(r.due_at), ...scope(r.area_id, person), value: byInstant(ctx, r.due_at, done), due: r.due_at, done_at: done })
  }
  for (const i of inspections) {
    const value = i.server_score ?? i.score
    if (i.deleted_at !== null || value === null) continue
    const person = i.responsible_id ?? areas.get(i.area_id)?.responsible_id ?? null
    out.push({ kpi: 'inspection_score', key: i.id, record_id: i.id, day: ctx.dateOf(i.submitted_at), ...scope(i.area_id, person), value: Number(value), due: null, done_at: i.submitted_at })
  }
  return out
}
