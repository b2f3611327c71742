/** Reading applications: the approver's inbox, the applicant's list, one application with its timeline. */
import type { AdminFieldDb } from '@/platform/db'
import type { RequestEventRow, RequestRow } from '@/platform/db/rows'
import { authorityFor, type Authority } from '../domain/chain'
import type { RequestContext } from './context'

/** Pending applications waiting for one of these roles (index [status+waiting_role]). */
async function pendingFor(database: AdminFieldDb, roles: readonly string[]): Promise<RequestRow[]> {
  if (roles.length === 0) return []
  return database.requests
    .where('[status+waiting_role]')
    .anyOf(roles.map((r) => ['pending', r]))
    .toArray()
}

/** 待我审批: what waits for me (my roles at its site, or a delegator's today), oldest first, with my authority. */
export async function inbox(database: AdminFieldDb, userId: string, ctx: RequestContext, now = new Date()): Promise<{ request: RequestRow; authority: Authority & { ok: true } }[]> {
  const delegators = ctx.delegations.filter((d) => d.to_user === userId).map((d) => d.from_user)
  // Roles held anywhere narrow the index read; the site is checked per application below.
  const candidateRoles = new Set([userId, ...delegators].flatMap((u) => ctx.rolesAnywhere(u)))
  const rows = await pendingFor(database, [...candidateRoles])
  const at = now.toISOString()
  const out: { request: RequestRow; authority: Authority & { ok: true } }[] = []
  for (const request of rows) {
    if (request.deleted_at !== null || !request.waiting_role) continue
    const authority = authorityFor({ id: userId, roles: ctx.rolesAt(userId, request.site_id) }, request.waiting_role, request.applicant_id, at, {
      delegations: ctx.delegations,
      rolesOf: (u) => ctx.rolesAt(u, request.site_id),
      timeZone: ctx.timeZone,
    })
    if (authority.ok) out.push({ request, authority })
  }
  return out.sort((a, b) => a.request.status_at.localeCompare(b.request.status_at))
}

/** 我的申请: newest first. */
export async function myRequests(database: AdminFieldDb, userId: string): Promise<RequestRow[]> {
  const rows = await database.requests.where('applicant_id').equals(userId).toArray()
  return rows.filter((r) => r.deleted_at === null).sort((a, b) => b.submitted_at.localeCompare(a.submitted_at))
}

/** Approved applications of a type not yet carried out (the keeper's list). */
export async function approvedWaiting(database: AdminFieldDb, type: string): Promise<RequestRow[]> {
  const rows = await database.requests.where('[type+status]').equals([type, 'approved']).toArray()
  return rows.filter((r) => r.deleted_at === null && r.fulfilled_at === null).sort((a, b) => (a.decided_at ?? '').localeCompare(b.decided_at ?? ''))
}

export interface RequestWithTimeline {
  request: RequestRow
  events: RequestEventRow[]
}

export async function getRequest(database: AdminFieldDb, id: string): Promise<RequestWithTimeline | null> {
  const request = await database.requests.get(id)
  if (!request || request.deleted_at !== null) return null
  const events = await database.request_events.where('request_id').equals(id).toArray()
  return { request, events: events.filter((e) => e.deleted_at === null).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)) }
}
