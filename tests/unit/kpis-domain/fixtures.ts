import { calendarDater } from '@/shared/lib/zonedTime'
import type { CompanyCalendar } from '@/shared/lib/calendar'
import type { KpiContext, TaskFacts, RequestFacts, RequestEventFacts } from '@/features/kpis/domain'

export const TZ = 'Asia/Shanghai'
export const SITE = '00000000-0000-4000-8000-00000000000a'
export const DEPT = '00000000-0000-4000-8000-0000000000d1'
export const DEPT2 = '00000000-0000-4000-8000-0000000000d2'
export const ALICE = '00000000-0000-4000-8000-0000000000a1'
export const BOB = '00000000-0000-4000-8000-0000000000b1'
export const HEAD = '00000000-0000-4000-8000-0000000000c1'

const DEPARTMENTS: Record<string, string> = { [ALICE]: DEPT, [BOB]: DEPT2, [HEAD]: DEPT }

export function ctx(calendar: CompanyCalendar, now: string): KpiContext {
  const dateOf = calendarDater(TZ)
  return { calendar, timeZone: TZ, today: dateOf(now), now: Date.parse(now), dateOf, departmentOf: (p) => (p ? (DEPARTMENTS[p] ?? null) : null) }
}

let n = 0
export const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`

export function task(over: Partial<TaskFacts> = {}): TaskFacts {
  return {
    id: id(),
    site_id: SITE,
    department_id: null,
    assignee_id: ALICE,
    status: 'accepted',
    due_on: '2026-11-20',
    completed_at: null,
    summary_at: null,
    score: null,
    scored_at: null,
    deleted_at: null,
    ...over,
  }
}

export function request(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    id: id(),
    type: 'seal_use',
    site_id: SITE,
    department_id: DEPT,
    applicant_id: ALICE,
    status: 'pending',
    decided_at: null,
    first_pass: null,
    deleted_at: null,
    ...over,
  }
}

export function event(requestId: string, action: string, at: string, over: Partial<RequestEventFacts> = {}): RequestEventFacts {
  return { id: id(), request_id: requestId, action, actor_id: action === 'submit' || action === 'resubmit' || action === 'withdraw' ? ALICE : HEAD, on_behalf_of: null, at, flag: null, ...over }
}
