/**
 * What a plan makes elsewhere: the application the admin head approves (its form, the approval
 * document in words), the publishing deadline on the company calendar, and — when the result is
 * published — one task per finding on the tasks engine (source 'inspection'), for the inspected
 * department, due the finding's working days after the publishing day (改进工作跟踪, node 9).
 */
import { addWorkingDays, type CompanyCalendar } from '@/shared/lib/calendar'
import type { CalendarDate } from '@/shared/lib/zonedTime'
import type { Plan, PlanDraft } from './plan'

/** Results published within this many working days after the inspection ends (the drafter may set another day). */
export const PUBLISH_WORKING_DAYS = 3
/** A finding's default time to fix, in working days. */
export const DEFAULT_FIX_DAYS = 5

export const defaultPublishDue = (cal: CompanyCalendar, endsOn: CalendarDate, siteId: string): CalendarDate =>
  addWorkingDays(cal, endsOn, PUBLISH_WORKING_DAYS, siteId)

/** The 'inspection_plan' application's form (requests engine): the plan in words for the approver. */
export function planRequestForm(d: PlanDraft, names: { department: string; inspectors: string[]; checklists: string[] }): Record<string, string> {
  const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)
  return {
    focus: d.focus,
    department: cut(names.department, 100),
    period: d.starts_on === d.ends_on ? d.starts_on : `${d.starts_on} ~ ${d.ends_on}`,
    scope: d.scope,
    inspectors: cut(names.inspectors.join('、'), 300),
    checklists: cut(names.checklists.join('、'), 300),
  }
}

/** The tasks engine's assign input for each finding (ids made here, on the device). */
export interface FindingTask {
  id: string
  site_id: string
  title: string
  source: 'inspection'
  source_ref: string
  assignee_id: null
  department_id: string
  co_assignee_ids: string[]
  method: string | null
  due_on: CalendarDate
  priority: 'normal'
  photo_ids: string[]
  assigned_at: string
}

export function findingTasks(plan: Plan, cal: CompanyCalendar, publishDay: CalendarDate, at: string, newId: () => string = () => crypto.randomUUID()): FindingTask[] {
  return plan.findings.map((f) => ({
    id: newId(),
    site_id: plan.site_id,
    title: f.text,
    source: 'inspection',
    source_ref: plan.id,
    assignee_id: null,
    department_id: plan.department_id,
    co_assignee_ids: [],
    method: plan.review_note,
    due_on: addWorkingDays(cal, publishDay, f.days, plan.site_id),
    priority: 'normal',
    photo_ids: [],
    assigned_at: at,
  }))
}
