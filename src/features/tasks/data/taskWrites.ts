/**
 * Writing tasks. Each act is ONE transaction: the task row as the domain moved it, the fact,
 * any 督办 sheet it changed, its photos, and the ops ('task.assign' / 'task.act' /
 * 'follow_up.*', then one 'photo.register' per photo), so a crash never leaves one without the
 * other (DESIGN.md invariant 1). The op's device time is the act's, as the server orders by it.
 */
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { isOpen, type Acted, type Task } from '../domain'
import { eventRowOf, taskRowOf } from './rows'
import { taskDoneEffect } from './taskDoneEffects'

export const TASK_TABLES = ['tasks', 'task_events', 'follow_ups'] as const

/** A new task (domain assignTask's result) with its attachment photos. */
export async function saveAssignedTask(database: AdminFieldDb, task: Task, photos: ProcessedPhoto[], now: Date, draftKey: string | null = null): Promise<void> {
  const payload: Record<string, unknown> = {
    site_id: task.site_id,
    title: task.title,
    source: task.source,
    assignee_id: task.assigned_to,
    department_id: task.department_id,
    co_assignee_ids: task.co_assignee_ids,
    due_on: task.assigned_due_on,
    priority: task.priority,
    photo_ids: task.photo_ids,
  }
  if (task.source_ref) payload.source_ref = task.source_ref
  if (task.method) payload.method = task.method
  const owner = { table: 'tasks', id: task.id, takenBy: task.assigner_id }
  const ops = [buildOp('task.assign', 'tasks', task.id, payload, now), ...photoRegisterOps(photos, owner, now)]
  await commitWithOutbox(database, ['tasks', ...PHOTO_TABLES], ops, async () => {
    await database.tasks.put({ ...(task as unknown as Parameters<typeof database.tasks.put>[0]), officer_id: null })
    await savePhotos(database, photos, owner)
  }, { draftKey })
}

export type ActKind = 'task.act' | 'follow_up.open' | 'follow_up.remind' | 'follow_up.review'

/** One fact (domain actOnTask / openFollowUp / remindFollowUp / reviewFollowUp's result), with its photos. */
export async function saveAct(database: AdminFieldDb, kind: ActKind, acted: Acted, photos: ProcessedPhoto[], now: Date, draftKey: string | null = null): Promise<void> {
  const { event, state } = acted
  const op = buildOp(kind, 'task_events', event.id, acted.payload, now)
  const sheetId = typeof event.data.follow_up_id === 'string' ? event.data.follow_up_id : null
  op.related = [entityKey('tasks', state.task.id), ...(sheetId ? [entityKey('follow_ups', sheetId)] : [])]
  const owner = { table: 'task_events', id: event.id, takenBy: event.actor_id }
  const ops = [op, ...photoRegisterOps(photos, owner, now)]
  // The task done by this act: its source's effect (loaded before the transaction), as the server's trigger.
  const effect = isOpen(state.task.status) ? null : await taskDoneEffect(state.task.source)
  await commitWithOutbox(database, [...TASK_TABLES, ...PHOTO_TABLES, ...(effect?.tables ?? [])], ops, async () => {
    const before = effect ? await database.tasks.get(state.task.id) : undefined
    await database.tasks.put(taskRowOf(state))
    await database.task_events.put(eventRowOf(event))
    const sheet = sheetId ? state.followUps.get(sheetId) : undefined
    if (sheet) await database.follow_ups.put(sheet)
    await savePhotos(database, photos, owner)
    // Written before the ops are queued (commitWithOutbox adds them after this), so the op names what it wrote.
    if (effect && before && isOpen(before.status)) op.related = [...(op.related ?? []), ...(await effect.apply(database, state.task, event.device_time, event.actor_id))]
  }, { draftKey })
}
