/**
 * Approved 入住申请 (request type 'dorm_stay') that no allocation carries out yet: the dorm manager's
 * to-do. Each links to the allocation page prefilled from the application's form.
 */
import { onScopeDispose, reactive } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { getDb, observe } from '@/platform/db'
import type { RequestRow } from '@/platform/db/rows'
import { calendarDate } from '@/shared/lib/zonedTime'

export const DORM_REQUEST_TYPE = 'dorm_stay'

export async function dormApplicationsWaiting(): Promise<RequestRow[]> {
  const database = getDb()
  const [approved, stays] = await Promise.all([
    database.requests.where('[type+status]').equals([DORM_REQUEST_TYPE, 'approved']).toArray(),
    database.dorm_stays.where('request_id').above('').toArray(),
  ])
  const carried = new Set(stays.filter((s) => s.deleted_at === null && s.status !== 'cancelled').map((s) => s.request_id))
  return approved.filter((r) => r.deleted_at === null && !r.fulfilled_at && !carried.has(r.id)).sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
}

/** The allocation page, prefilled: who, gender, shift, dates, and the application it carries out. */
export function allocateLinkFor(r: RequestRow): RouteLocationRaw {
  const f = r.form
  const day = (v: unknown) => (typeof v === 'string' && v ? calendarDate(v) : undefined)
  return {
    name: 'dormAllocate',
    query: {
      request: r.id,
      person: r.applicant_id,
      gender: typeof f.gender === 'string' ? f.gender : undefined,
      shift: typeof f.shift === 'string' ? f.shift : undefined,
      from: day(f.move_in_at),
      until: day(f.move_out_at),
    },
  }
}

export function useDormApplications() {
  const state = reactive({ rows: [] as RequestRow[], ready: false, allocateLink: allocateLinkFor })
  const stop = observe(dormApplicationsWaiting, (rows) => {
    state.rows = rows
    state.ready = true
  })
  onScopeDispose(stop)
  return state
}
