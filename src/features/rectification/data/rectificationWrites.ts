/**
 * Writing rectifications. Each action is ONE transaction: the task row, its photos and the
 * ops ('rectification.fix' then one 'photo.register' per "after" photo), so a crash never
 * leaves a fixed task without its photo, or a photo without its task.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { RectificationRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { checkFix, checkVerify, type RectError, type VerifyDecision } from '../domain/rules'

export const RECT_TABLES = ['rectifications'] as const

export type WriteResult = { ok: true; row: RectificationRow } | { ok: false; error: RectError }

export interface FixInput {
  id: string
  actorId: string
  note: string
  photos: ProcessedPhoto[]
}

/** The assignee's "fixed": open/reopened → fixed, with at least one "after" photo. */
export async function fixRectification(database: AdminFieldDb, input: FixInput, now: Date = new Date()): Promise<WriteResult> {
  const current = await database.rectifications.get(input.id)
  const note = input.note.trim()
  const error = checkFix(current, { actorId: input.actorId, note, photoCount: input.photos.length })
  if (error || !current) return { ok: false, error: error ?? 'notFound' }
  const stamp = now.toISOString()
  const photoIds = input.photos.map((p) => p.id)
  const row: RectificationRow = { ...current, status: 'fixed', fix_note: note || null, fix_photo_ids: photoIds, fixed_at: stamp, updated_at: stamp }
  const owner = { table: 'rectifications', id: current.id, takenBy: input.actorId }
  const ops = [
    buildOp('rectification.fix', 'rectifications', current.id, { rectification_id: current.id, note, photo_ids: photoIds }, now),
    ...photoRegisterOps(input.photos, owner, now),
  ]
  await commitWithOutbox(database, [...RECT_TABLES, ...PHOTO_TABLES], ops, async () => {
    await database.rectifications.put(row)
    await savePhotos(database, input.photos, owner)
  })
  return { ok: true, row }
}

export interface VerifyInput {
  id: string
  actorId: string
  roles: readonly string[]
  decision: VerifyDecision
  note: string
}

/** The inspector's on-the-spot verification: fixed → closed, or back to the assignee (reopened). */
export async function verifyRectification(database: AdminFieldDb, input: VerifyInput, now: Date = new Date()): Promise<WriteResult> {
  const current = await database.rectifications.get(input.id)
  const note = input.note.trim()
  const error = checkVerify(current, { roles: input.roles, decision: input.decision, note })
  if (error || !current) return { ok: false, error: error ?? 'notFound' }
  const stamp = now.toISOString()
  const row: RectificationRow = { ...current, status: input.decision, verified_by: input.actorId, verified_at: stamp, updated_at: stamp }
  const op = buildOp('rectification.verify', 'rectifications', current.id, { rectification_id: current.id, decision: input.decision, note }, now)
  await commitWithOutbox(database, [...RECT_TABLES], op, async () => {
    await database.rectifications.put(row)
  })
  return { ok: true, row }
}
