/**
 * A 报修 task done (completed, scored) or cancelled on the device frees the beds it put under repair, in
 * the act's transaction (the tasks engine's TaskDoneEffect): a repair_end per bed, with the id and time the
 * server's trigger (private.tg_dorm_repair_task_done) gives the same event when it applies the act, so the
 * pulled rows are these rows. No op of its own: the server makes the events from the task's.
 */
import type { AdminFieldDb } from '@/platform/db'
import { entityKey } from '@/platform/sync/outbox'
import type { TaskDoneEffect } from '@/features/tasks/data/taskDoneEffects'
import { repairEndsOfDoneTask } from '../domain/roomRepair'
import { BED_TABLES, eventsOfBed, writeBedEvent } from './bedWrite'

export const repairTaskDone: TaskDoneEffect = {
  tables: BED_TABLES,
  async apply(database: AdminFieldDb, task, at, actorId) {
    if (!task.source_ref) return []
    const beds = (await database.dorm_beds.where('room_id').equals(task.source_ref).toArray()).filter((b) => b.in_repair && b.deleted_at === null)
    const withEvents = await Promise.all(beds.map(async (b) => ({ id: b.id, in_repair: b.in_repair, events: await eventsOfBed(database, b.id) })))
    const ends = repairEndsOfDoneTask(task.id, withEvents, task.completed_at ?? at)
    for (const end of ends) {
      const bed = beds.find((b) => b.id === end.bed_id)
      await writeBedEvent(database, {
        ...end,
        site_id: bed?.site_id ?? task.site_id,
        stay_id: null,
        type: 'repair_end',
        actor_id: actorId,
        server_time: null,
        photo_ids: [],
        flagged: false,
        updated_at: at,
        deleted_at: null,
      })
    }
    return ends.flatMap((end) => [entityKey('dorm_beds', end.bed_id), entityKey('dorm_bed_events', end.id)])
  },
}
