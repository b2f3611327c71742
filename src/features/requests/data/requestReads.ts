/** Reading applications: the approver's inbox, the applicant's list, one application with its timeline. */
import type { AdminFieldDb } from '@/platform/db'
import type { RequestEventRow, RequestRow } from '@/platform/db/rows'
import { authorityFor, type Authority } from '../domain/chain'
import type { RequestContext } from './context'

/** ISO instants sort as plain strings; localeCompare (ICU) costs ~100x more on thousands of rows. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export type InboxEntry = { request: RequestRow; authority: Authority & { ok: true } }
export interface Inbox {
  /** The oldest first, at most `limit` (the list a phone shows). */
  items: InboxEntry[]
  /** How many wait for me in all (Home's count). */
  total: number
}
export const INBOX_PAGE = 100

/** May this user decide the application's current step now (own role at its site, or a delegator's today)? */
export function authorityOn(request: RequestRow, userId: string, ctx: RequestContext, at: string): Authority {
  if (request.status !== 'pending' || !request.waiting_role || request.deleted_at !== null) return { ok: false }
  const authority = authorityFor({ id: userId, roles: ctx.rolesAt(userId, request.site_id) }, request.waiting_role, request.applicant_id, at, {
    delegations: ctx.delegations,
    rolesOf: (u) => ctx.rolesAt(u, request.site_id),
    timeZone: ctx.timeZone,
  })
  // A delegator's own application is never decided on their behalf.
  return authority.ok && authority.onBehalfOf === request.applicant_id ? { ok: false } : authority
}

/**
 * 待我审批, read by role over the index [status+waiting_role+status_at] so that 10,000 applications on
 * the device cost only the page shown: rows are read oldest first until the page is full. The total is
 * the index count where the user holds the role company-wide (their own applications never wait for
 * their own role: that step is skipped), else counted through the same filter.
 */
export async function inbox(database: AdminFieldDb, userId: string, ctx: RequestContext, now = new Date(), limit = INBOX_PAGE): Promise<Inbox> {
  const at = now.toISOString()
  const delegators = ctx.delegations.filter((d) => d.to_user === userId).map((d) => d.from_user)
  const roles = [...new Set([userId, ...delegators].flatMap((u) => ctx.rolesAnywhere(u)))]
  // Authority depends on the role, the site and the applicant: memo the role-and-site part.
  const bySlot = new Map<string, Authority>()
  const accept = (request: RequestRow): boolean => {
    if (request.applicant_id === userId || request.deleted_at !== null) return false
    const slot = `${request.waiting_role}|${request.site_id ?? ''}`
    let a = bySlot.get(slot)
    if (!a) bySlot.set(slot, (a = authorityOn({ ...request, applicant_id: '' }, userId, ctx, at)))
    return a.ok && a.onBehalfOf !== request.applicant_id
  }
  const companyWide = new Set(ctx.rolesAt(userId, null))
  let total = 0
  const items: InboxEntry[] = []
  for (const role of roles) {
    const range = () => database.requests.where('[status+waiting_role+status_at]').between(['pending', role, ''], ['pending', role, '\uffff'])
    const [page, count] = await Promise.all([
      range().filter(accept).limit(limit).toArray(),
      companyWide.has(role) ? range().count() : range().filter(accept).count(),
    ])
    total += count
    for (const request of page) items.push({ request, authority: authorityOn(request, userId, ctx, at) as Authority & { ok: true } })
  }
  items.sort((a, b) => byText(a.request.status_at, b.request.status_at))
  return { items: items.slice(0, limit), total }
}

/** 我的申请: newest first. */
export async function myRequests(database: AdminFieldDb, userId: string): Promise<RequestRow[]> {
  const rows = await database.requests.where('applicant_id').equals(userId).toArray()
  return rows.filter((r) => r.deleted_at === null).sort((a, b) => byText(b.submitted_at, a.submitted_at))
}

/** Approved applications of a type not yet carried out (the keeper's list). */
export async function approvedWaiting(database: AdminFieldDb, type: string): Promise<RequestRow[]> {
  const rows = await database.requests.where('[type+status]').equals([type, 'approved']).toArray()
  return rows.filter((r) => r.deleted_at === null && r.fulfilled_at === null).sort((a, b) => byText(a.decided_at ?? '', b.decided_at ?? ''))
}

export interface RequestWithTimeline {
  request: RequestRow
  events: RequestEventRow[]
}

export async function getRequest(database: AdminFieldDb, id: string): Promise<RequestWithTimeline | null> {
  const request = await database.requests.get(id)
  if (!request || request.deleted_at !== null) return null
  const events = await database.request_events.where('request_id').equals(id).toArray()
  return { request, events: events.filter((e) => e.deleted_at === null).sort((a, b) => byText(a.at, b.at) || byText(a.id, b.id)) }
}
