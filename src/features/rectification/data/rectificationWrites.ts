/**
 * Writing rectifications. Each action is ONE transaction: the task row, its photos and the
 * ops ('rectification.fix' then one 'photo.register' per "after" photo), so a crash never
 * leaves a fixed task without its photo, or a photo without its task.
 * On the server each act is a rectification_events row: the op's entity_id is the act's own
 * (device-made) id, so a re-push is one act; `related` marks the task "not synced" meanwhile.
 */
import { loadDeadlineCalendar, type AdminFieldDb } from '@/platform/db'
import type { RectificationRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { fixed, verified, type RectError, type VerifyDecision } from '../domain/rules'

export const RECT_TABLES = ['rectifications'] as const

function actOp(kind: 'rectification.fix' | 'rectification.verify', rectId: string, payload: Record<string, unknown>, now: Date) {
  const op = buildOp(kind, 'rectification_events', crypto.randomUUID(), payload, now)
  op.related = [entityKey('rectifications', rectId)]
  return op
}

export type WriteResult = { ok: true; row: RectificationRow } | { ok: false; error: RectError }

export interface FixInput {
  id: string
  actorId: string
  roles: readonly string[]
  note: string
  photos: ProcessedPhoto[]
  /** The form's device draft, deleted in the same transaction. */
  draftKey?: string | null
}

/** The assignee's "fixed": open/reopened → fixed, with at least one "after" photo. */
export async function fixRectification(database: AdminFieldDb, input: FixInput, now: Date = new Date()): Promise<WriteResult> {
  const current = await database.rectifications.get(input.id)
  const note = input.note.trim()
  const photoIds = input.photos.map((p) => p.id)
  const result = fixed(current, { actorId: input.actorId, roles: input.roles, note, photoIds, at: now.toISOString() })
  if (!result.ok || !current) return result
  const row = result.row
  const owner = { table: 'rectifications', id: current.id, takenBy: input.actorId }
  const op = actOp('rectification.fix', current.id, { rectification_id: current.id, note, photo_ids: photoIds }, now)
  const ops = [op, ...photoRegisterOps(input.photos, owner, now)]
  await commitWithOutbox(database, [...RECT_TABLES, ...PHOTO_TABLES], ops, async () => {
    await database.rectifications.put(row)
    await savePhotos(database, input.photos, owner)
  }, { draftKey: input.draftKey })
  return { ok: true, row }
}

export interface VerifyInput {
  id: string
  actorId: string
  roles: readonly string[]
  decision: VerifyDecision
  note: string
  /** The form's device draft, deleted in the same transaction. */
  draftKey?: string | null
}

/** The inspector's on-the-spot verification: fixed → closed, or back to the assignee (reopened). */
export async function verifyRectification(database: AdminFieldDb, input: VerifyInput, now: Date = new Date()): Promise<WriteResult> {
  const current = await database.rectifications.get(input.id)
  const note = input.note.trim()
  // A reopened task is due on the company calendar at the area's site (issue #12 point 8).
  const [cal, area] = await Promise.all([loadDeadlineCalendar(database), current ? database.areas.get(current.area_id) : undefined])
  const calendar = { ...cal, siteId: area?.site_id ?? null }
  const result = verified(current, { actorId: input.actorId, roles: input.roles, decision: input.decision, note, at: now.toISOString(), calendar })
  if (!result.ok || !current) return result
  const row = result.row
  // A reopened task's new due time travels with the act, so the server keeps the one shown here.
  const payload = input.decision === 'reopened' ? { rectification_id: current.id, decision: input.decision, note, due_at: row.due_at } : { rectification_id: current.id, decision: input.decision, note }
  const op = actOp('rectification.verify', current.id, payload, now)
  await commitWithOutbox(database, [...RECT_TABLES], op, async () => {
    await database.rectifications.put(row)
  }, { draftKey: input.draftKey })
  return { ok: true, row }
}
