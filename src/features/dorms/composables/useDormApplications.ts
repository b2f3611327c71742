/**
 * Approved 入住申请 (request type 'dorm_stay') and 调宿申请 ('dorm_move') that no allocation carries out
 * yet: the dorm manager's to-do. Each links to the allocation page prefilled from the application's form
 * (a move: from the resident's present stay, their gender, department and shift).
 */
import { onScopeDispose, reactive } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { getDb, observe } from '@/platform/db'
import type { DormStayRow, RequestRow } from '@/platform/db/rows'
import { calendarDate } from '@/shared/lib/zonedTime'

export const DORM_REQUEST_TYPE = 'dorm_stay'
export const DORM_MOVE_TYPE = 'dorm_move'
/** 提前退宿申请: carried out by the check-out of the applicant's stay (the server marks it fulfilled). */
export const DORM_LEAVE_TYPE = 'dorm_leave'

/** Approved early leaves whose applicant still lives on a bed: the dorm manager checks them out. */
export function leavesToCheckOut(leaves: readonly RequestRow[], stays: Iterable<DormStayRow>): { request: RequestRow; stay: DormStayRow }[] {
  const active = [...stays].filter((s) => s.status === 'active' && s.deleted_at === null)
  return leaves.flatMap((request) => {
    if (request.deleted_at !== null || request.fulfilled_at || request.status !== 'approved') return []
    const stay = active.find((s) => s.occupant_id === request.applicant_id)
    return stay ? [{ request, stay }] : []
  })
}

export async function dormApplicationsWaiting(): Promise<RequestRow[]> {
  const database = getDb()
  const [approved, stays] = await Promise.all([
    database.requests.where('[type+status]').anyOf([DORM_REQUEST_TYPE, 'approved'], [DORM_MOVE_TYPE, 'approved']).toArray(),
    database.dorm_stays.where('request_id').above('').toArray(),
  ])
  const carried = new Set(stays.filter((s) => s.deleted_at === null && s.status !== 'cancelled').map((s) => s.request_id))
  return approved.filter((r) => r.deleted_at === null && !r.fulfilled_at && !carried.has(r.id)).sort((a, b) => a.submitted_at.localeCompare(b.submitted_at))
}

/** The allocation page, prefilled: who, gender, shift, dates, and the application it carries out. */
export function allocateLinkFor(r: RequestRow, present: DormStayRow | null = null): RouteLocationRaw {
  const f = r.form
  const day = (v: unknown) => (typeof v === 'string' && v ? calendarDate(v) : undefined)
  return {
    name: 'dormAllocate',
    query: {
      request: r.id,
      person: r.applicant_id,
      gender: typeof f.gender === 'string' ? f.gender : (present?.gender ?? undefined),
      shift: typeof f.shift === 'string' ? f.shift : (present?.shift ?? undefined),
      from: day(f.move_in_at ?? f.move_at),
      until: day(f.move_out_at) ?? present?.ends_on ?? undefined,
    },
  }
}

/**
 * Moves under way: a resident allocated a new bed from a 调宿申请 while still living on the old one. The
 * manager checks them out of the old bed, then in on the new (the check-out page goes on to the check-in).
 */
export function movesUnderWay(stays: Iterable<DormStayRow>, moveRequests: ReadonlySet<string>): { from: DormStayRow; to: DormStayRow }[] {
  const all = [...stays]
  return all.flatMap((to) => {
    if (to.status !== 'reserved' || !to.request_id || !moveRequests.has(to.request_id)) return []
    const from = all.find((s) => s.occupant_id === to.occupant_id && s.status === 'active' && s.bed_id !== to.bed_id)
    return from ? [{ from, to }] : []
  })
}

/** The waiting applications, the ids of every approved 调宿申请, and each mover's present stay. */
async function dormWork() {
  const database = getDb()
  const [rows, moves, leaves] = await Promise.all([
    dormApplicationsWaiting(),
    database.requests.where('[type+status]').equals([DORM_MOVE_TYPE, 'approved']).toArray(),
    database.requests.where('[type+status]').equals([DORM_LEAVE_TYPE, 'approved']).toArray(),
  ])
  const movers = new Set(rows.filter((r) => r.type === DORM_MOVE_TYPE).map((r) => r.applicant_id))
  const present = new Map<string, DormStayRow>()
  for (const id of movers) {
    const live = (await database.dorm_stays.where('occupant_id').equals(id).toArray()).find((s) => s.status === 'active' && s.deleted_at === null)
    if (live) present.set(id, live)
  }
  return { rows, moveIds: new Set(moves.map((m) => m.id)), present, leaves: leaves.filter((l) => l.deleted_at === null && !l.fulfilled_at) }
}

export function useDormApplications() {
  const state = reactive({
    rows: [] as RequestRow[],
    moveIds: new Set<string>() as ReadonlySet<string>,
    present: new Map<string, DormStayRow>(),
    leaves: [] as RequestRow[],
    ready: false,
    allocateLink: (r: RequestRow) => allocateLinkFor(r, state.present.get(r.applicant_id) ?? null),
  })
  const stop = observe(dormWork, (w) => {
    state.rows = w.rows
    state.moveIds = w.moveIds
    state.present = w.present
    state.leaves = w.leaves
    state.ready = true
  })
  onScopeDispose(stop)
  return state
}
