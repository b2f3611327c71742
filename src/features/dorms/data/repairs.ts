/**
 * 报修 on the device: the repair task (tasks engine) with its photos and the 'dorm_repair.report' op,
 * then one 'photo.register' per photo, in ONE transaction (invariant 1). The server makes the same
 * task with the same id and fills in the assignee (the site's dorm manager); the pulled row replaces
 * this one.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { TaskRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import type { Task } from '@/features/tasks/domain'
import { roomRepairs } from '../domain/repairs'

export async function saveRepairReport(database: AdminFieldDb, task: Task, payload: Record<string, unknown>, photos: ProcessedPhoto[], now: Date, draftKey: string | null = null): Promise<void> {
  const owner = { table: 'tasks', id: task.id, takenBy: task.assigner_id }
  const ops = [buildOp('dorm_repair.report', 'tasks', task.id, payload, now), ...photoRegisterOps(photos, owner, now)]
  await commitWithOutbox(database, ['tasks', ...PHOTO_TABLES], ops, async () => {
    await database.tasks.put({ ...(task as unknown as TaskRow), officer_id: null })
    await savePhotos(database, photos, owner)
  }, { draftKey })
}

/** The room's repair tasks on this device (what RLS let it pull: the reporter's own, or all for the manager). */
export async function roomRepairTasks(database: AdminFieldDb, roomId: string): Promise<TaskRow[]> {
  return roomRepairs(await database.tasks.where('[source+source_ref]').equals(['repair', roomId]).toArray(), roomId)
}
