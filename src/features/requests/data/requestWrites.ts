/**
 * Writing applications and decisions. Each is ONE transaction: the event row, the application as the
 * domain's fold leaves it (so both sides see it offline), photos, and the op. The server re-applies the
 * event with the same rules; when it answers "flagged" (the application changed meanwhile) the pulled
 * rows show the stale event kept beside the real state. Attachments (photos) go with the submission and
 * with a resubmission: their rows and bytes in the same transaction, one 'photo.register' op each after
 * the submit (or resubmit) op.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { RequestEventRow, RequestRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { applyEvent, submitted, type RequestEvent, type RequestState } from '../domain/lifecycle'
import type { RequestForm } from '../domain/form'
import type { RequestContext } from './context'
import { draftKey } from './drafts'

export const REQUEST_TABLES = ['requests', 'request_events', 'meta', ...PHOTO_TABLES]

export interface Applicant {
  id: string
  site_id: string | null
  department_id: string | null
}

function eventRow(e: RequestEvent, flag: string | null, stamp: string): RequestEventRow {
  return { ...e, flag, updated_at: stamp, deleted_at: null }
}

function requestRow(s: RequestState, previous: RequestRow | undefined, stamp: string): RequestRow {
  const deciders = previous?.deciders ?? []
  return { ...s, waiting_role: s.waiting_role, fulfiller_role: previous?.fulfiller_role ?? '', deciders, updated_at: stamp, deleted_at: null }
}

/** A new application: validated form in, the application (pending at its first open step) out. */
export async function submitRequest(
  database: AdminFieldDb,
  args: { id?: string; type: string; form: RequestForm; applicant: Applicant; fulfillerRole: string; ctx: RequestContext; draftScope?: string; photos?: ProcessedPhoto[] },
  now = new Date(),
): Promise<RequestRow> {
  const at = now.toISOString()
  const id = args.id ?? crypto.randomUUID()
  const photos = args.photos ?? []
  const event: RequestEvent = { id: crypto.randomUUID(), request_id: id, action: 'submit', actor_id: args.applicant.id, on_behalf_of: null, step: null, revision: 1, note: null, form: args.form, assignment: null, at }
  const state = submitted(
    { id, type: args.type, site_id: args.applicant.site_id, department_id: args.applicant.department_id, applicant_id: args.applicant.id, photo_ids: photos.map((p) => p.id) },
    event,
    { applicantRoles: args.ctx.rolesAt(args.applicant.id, args.applicant.site_id), amountThreshold: args.ctx.amountThreshold },
  )
  const row = { ...requestRow(state, undefined, at), fulfiller_role: args.fulfillerRole }
  const op = buildOp('request.submit', 'requests', id, { event_id: event.id, type: args.type, form: args.form, photo_ids: state.photo_ids }, now)
  op.related = [entityKey('request_events', event.id)]
  const owner = { table: 'requests', id, takenBy: args.applicant.id }
  await commitWithOutbox(database, REQUEST_TABLES, [op, ...photoRegisterOps(photos, owner, now)], async () => {
    await database.requests.add(row)
    await database.request_events.add(eventRow(event, null, at))
    await savePhotos(database, photos, owner)
    if (args.draftScope) await database.meta.delete(draftKey(args.draftScope))
  })
  return row
}

export interface Act {
  action: 'resubmit' | 'withdraw' | 'approve' | 'reject' | 'return'
  note?: string | null
  form?: RequestForm
  onBehalfOf?: string | null
  assignment?: { vehicle_id: string; driver_id: string }
  /** resubmit: the edited version's photos, the earlier ones kept (ids) then the new ones; left out, unchanged. */
  photos?: { kept: string[]; added: ProcessedPhoto[] }
}

/** A decision or the applicant's change, against the application as this device sees it. */
export async function actOnRequest(database: AdminFieldDb, args: { request: RequestRow; actorId: string; act: Act; ctx: RequestContext; draftScope?: string }, now = new Date()): Promise<RequestRow> {
  const { request, act } = args
  const at = now.toISOString()
  const decision = act.action === 'approve' || act.action === 'reject' || act.action === 'return'
  const event: RequestEvent = {
    id: crypto.randomUUID(),
    request_id: request.id,
    action: act.action,
    actor_id: args.actorId,
    on_behalf_of: decision ? (act.onBehalfOf ?? null) : null,
    step: decision ? request.step : null,
    revision: request.revision,
    note: act.note?.trim() || null,
    form: act.action === 'resubmit' ? (act.form ?? request.form) : null,
    assignment: act.action === 'approve' ? (act.assignment ?? null) : null,
    at,
  }
  const applied = applyEvent(request, event, { applicantRoles: args.ctx.rolesAt(request.applicant_id, request.site_id), amountThreshold: args.ctx.amountThreshold })
  const photos = act.action === 'resubmit' ? act.photos : undefined
  const photoIds = photos ? [...photos.kept, ...photos.added.map((p) => p.id)] : null
  const next = applied.flag === null ? requestRow(photoIds ? { ...applied.state, photo_ids: photoIds } : applied.state, request, at) : request
  if (applied.flag === null && decision && !next.deciders.includes(args.actorId)) next.deciders = [...next.deciders, args.actorId]
  const payload: Record<string, unknown> = { request_id: request.id, action: act.action, revision: event.revision }
  if (decision) payload.step = event.step
  if (event.note) payload.note = event.note
  if (event.form) payload.form = event.form
  if (event.assignment) payload.assignment = event.assignment
  if (photoIds) payload.photo_ids = photoIds
  const op = buildOp('request.act', 'request_events', event.id, payload, now)
  op.related = [entityKey('requests', request.id)]
  // New photos belong to the application, as on submission: registered after the resubmit.
  const owner = { table: 'requests', id: request.id, takenBy: args.actorId }
  const added = photos?.added ?? []
  await commitWithOutbox(database, REQUEST_TABLES, [op, ...photoRegisterOps(added, owner, now)], async () => {
    await database.request_events.add(eventRow(event, applied.flag, at))
    await savePhotos(database, added, owner)
    if (next !== request) await database.requests.put(next)
    if (args.draftScope) await database.meta.delete(draftKey(args.draftScope))
  })
  return next
}
