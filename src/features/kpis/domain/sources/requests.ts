/**
 * 2.2 – 2.6 from the requests engine: first-pass rates (一次性通过率) of the decided applications
 * by type, and every approval step decided by the end of the next working day on the company
 * calendar (the site's). A withdrawn application has no decision: it counts in neither.
 * Mirrors private.kpi_items_requests.
 */
import { addWorkingDays } from '@/shared/lib/calendar'
import { APPROVAL_WORKING_DAYS, type KpiCode } from '../catalogue'
import { byDay, byTime, type KpiContext, type KpiItem } from '../items'

export interface RequestFacts {
  id: string
  type: string
  site_id: string | null
  department_id: string | null
  applicant_id: string
  status: string
  decided_at: string | null
  first_pass: boolean | null
  deleted_at: string | null
}

export interface RequestEventFacts {
  id: string
  request_id: string
  action: string
  actor_id: string
  on_behalf_of: string | null
  at: string
  /** The stale flag: kept, never applied, so it decides nothing. */
  flag?: string | null
  deleted_at?: string | null
}

export const FIRST_PASS_KPI: Readonly<Record<string, KpiCode>> = {
  seal_lifecycle: 'seal_request_first_pass',
  licence_affair: 'licence_request_first_pass',
  seal_use: 'seal_use_first_pass',
}

const DECISIONS = new Set(['approve', 'reject', 'return'])
/** The acts that open an approval step (the next decision closes it). */
export const OPENS_STEP: ReadonlySet<string> = new Set(['submit', 'resubmit', 'approve'])

export function requestItems(ctx: KpiContext, requests: readonly RequestFacts[], events: ReadonlyMap<string, readonly RequestEventFacts[]>): KpiItem[] {
  const out: KpiItem[] = []
  for (const r of requests) {
    if (r.deleted_at !== null) continue
    const kpi = FIRST_PASS_KPI[r.type]
    if (kpi && r.decided_at !== null && r.first_pass !== null) {
      out.push({
        kpi,
        key: r.id,
        record_id: r.id,
        day: ctx.dateOf(r.decided_at),
        site_id: r.site_id,
        department_id: r.department_id ?? ctx.departmentOf(r.applicant_id),
        person_id: r.applicant_id,
        value: r.first_pass ? 1 : 0,
        due: null,
        done_at: r.decided_at,
      })
    }
    out.push(...approvalItems(ctx, r, events.get(r.id) ?? []))
  }
  return out
}

/** One item per decided step (due the working day after the step opened), and one for the step still waiting. */
function approvalItems(ctx: KpiContext, r: RequestFacts, events: readonly RequestEventFacts[]): KpiItem[] {
  const out: KpiItem[] = []
  const item = (key: string, since: string, person: string | null, doneAt: string | null): KpiItem => {
    const due = addWorkingDays(ctx.calendar, ctx.dateOf(since), APPROVAL_WORKING_DAYS, r.site_id)
    return { kpi: 'approval_on_time', key, record_id: r.id, day: due, site_id: r.site_id, department_id: ctx.departmentOf(person), person_id: person, value: byDay(ctx, due, doneAt), due, done_at: doneAt }
  }
  // A step opens with a (re)submission or the approval of the step before; a decision closes it.
  let since: string | null = null
  for (const e of byTime(events, (x) => x.at)) {
    if (e.flag || e.deleted_at) continue
    if (DECISIONS.has(e.action) && since !== null) out.push(item(e.id, since, e.on_behalf_of ?? e.actor_id, e.at))
    since = OPENS_STEP.has(e.action) ? e.at : null
  }
  if (r.status === 'pending' && since !== null) out.push(item(`${r.id}:waiting`, since, null, null))
  return out
}
