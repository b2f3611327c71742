/**
 * Runs in Chromium (served by the Vite dev server): 10,000 applications with their events in real
 * IndexedDB, then times, with the app's own code, what the approver's inbox, the applicant's list
 * and a decision cost.
 */
import { openDb, type AdminFieldDb } from '@/platform/db'
import type { RequestEventRow, RequestRow, UserRoleRow } from '@/platform/db/rows'
import { loadRequestContext, type RequestContext } from '@/features/requests/data/context'
import { inbox, myRequests } from '@/features/requests/data/requestReads'
import { actOnRequest } from '@/features/requests/data/requestWrites'

export interface Measured {
  samples: number[]
  rows: number
}

declare global {
  interface Window {
    seedRequests(count: number): Promise<{ requests: number; events: number; seedMs: number }>
    measureInbox(runs: number): Promise<Measured>
    measureInboxOnly(runs: number): Promise<Measured>
    measureMine(runs: number): Promise<Measured>
    measureFilter(runs: number): Promise<Measured>
    measureDecide(runs: number): Promise<Measured>
  }
}

let db: AdminFieldDb
let ctx: RequestContext
const HEAD = crypto.randomUUID()
const APPLICANTS = Array.from({ length: 200 }, () => crypto.randomUUID())
const SITE = crypto.randomUUID()
const STATUSES = ['pending', 'pending', 'approved', 'rejected', 'returned', 'withdrawn'] as const

window.seedRequests = async (count) => {
  db = openDb(`bench-requests-${crypto.randomUUID()}`)
  const t0 = performance.now()
  const stamp = new Date().toISOString()
  const roles: UserRoleRow[] = [{ id: crypto.randomUUID(), user_id: HEAD, role: 'admin_head', site_id: null, updated_at: stamp, deleted_at: null } as UserRoleRow]
  const requests: RequestRow[] = []
  const events: RequestEventRow[] = []
  for (let i = 0; i < count; i++) {
    const status = STATUSES[i % STATUSES.length]!
    const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString()
    const id = crypto.randomUUID()
    const waiting = status === 'pending' ? (i % 4 === 0 ? 'executive' : 'admin_head') : null
    requests.push({
      id, type: i % 3 === 0 ? 'vehicle_dispatch' : 'seal_use', site_id: SITE, department_id: null, applicant_id: APPLICANTS[i % APPLICANTS.length]!,
      title: `申请 ${i}`, form: { document_title: `申请 ${i}`, copies: 1 }, photo_ids: [], status, revision: 1, step: waiting === 'executive' ? 1 : 0,
      chain: [{ role: 'admin_head', skipped: false }, { role: 'executive', skipped: false }], waiting_role: waiting, fulfiller_role: 'seal_keeper',
      deciders: [], submitted_at: at, status_at: at, decided_at: null, first_pass: null, due_back_at: null, fulfilled_at: null, fulfilled_by: null, assignment: null,
      updated_at: at, deleted_at: null,
    })
    events.push({ id: crypto.randomUUID(), request_id: id, action: 'submit', actor_id: APPLICANTS[i % APPLICANTS.length]!, on_behalf_of: null, step: null, revision: 1, note: null, form: null, assignment: null, at, flag: null, updated_at: at, deleted_at: null })
  }
  await db.transaction('rw', [db.requests, db.request_events, db.user_roles], async () => {
    await db.user_roles.bulkAdd(roles)
    await db.requests.bulkAdd(requests)
    await db.request_events.bulkAdd(events)
  })
  ctx = await loadRequestContext(db)
  return { requests: await db.requests.count(), events: await db.request_events.count(), seedMs: performance.now() - t0 }
}

async function time(runs: number, fn: () => Promise<number>): Promise<Measured> {
  const samples: number[] = []
  let rows = 0
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    rows = await fn()
    samples.push(performance.now() - t0)
  }
  return { samples, rows }
}

/** 待我审批: the context (roles, delegations, names) and the inbox query, as the store does on open. */
window.measureInbox = (runs) =>
  time(runs, async () => {
    ctx = await loadRequestContext(db)
    return (await inbox(db, HEAD, ctx)).total
  })

/** The inbox query alone, the context already loaded (what a change re-runs while the page is open). */
window.measureInboxOnly = (runs) => time(runs, async () => (await inbox(db, HEAD, ctx)).total)

window.measureMine = (runs) => time(runs, async () => (await myRequests(db, APPLICANTS[7]!)).length)

/** Filtering the inbox in memory (a type and a text), as a list filter would. */
window.measureFilter = async (runs) => {
  const box = (await inbox(db, HEAD, ctx)).items
  return time(runs, async () => box.filter((x) => x.request.type === 'seal_use' && x.request.title.includes('1')).length)
}

/** From the approver's tap to the local commit: the decision, its event, the folded application and the op. */
window.measureDecide = async (runs) => {
  const box = (await inbox(db, HEAD, ctx)).items
  let i = 0
  return time(runs, async () => {
    const row = box[i++]!.request
    await actOnRequest(db, { request: row, actorId: HEAD, act: { action: 'approve', note: '同意' }, ctx })
    return 1
  })
}
