/**
 * "Under repair" for several beds of a room in one act (dorm_room.repair): one transaction writes a
 * repair event per bed, re-folds each bed (writeBedEvent) and queues the one op.
 */
import type { AdminFieldDb } from '@/platform/db'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { BED_TABLES, writeBedEvent } from './bedWrite'
import { roomRepairPayload, type RoomRepairPlan } from '../domain/roomRepair'

export interface RoomRepairAct {
  roomId: string
  siteId: string
  actorId: string
  action: 'start' | 'end'
  plan: RoomRepairPlan
  taskId?: string | null
  note?: string | null
}

export async function recordRoomRepair(database: AdminFieldDb, act: RoomRepairAct, now = new Date()): Promise<void> {
  if (!act.plan.beds.length) return
  const ids = act.plan.beds.map(() => crypto.randomUUID())
  const payload = roomRepairPayload(act.plan, act.action, ids, act.taskId ?? null, act.note ?? null)
  const op = buildOp('dorm_room.repair', 'dorm_rooms', act.roomId, payload, now)
  op.related = act.plan.beds.map((b) => entityKey('dorm_beds', b.id))
  const at = now.toISOString()
  const eventPayload: Record<string, unknown> = {}
  if (payload.note) eventPayload.note = payload.note
  if (payload.task_id) eventPayload.task_id = payload.task_id
  await commitWithOutbox(database, [...BED_TABLES], op, async () => {
    for (const [i, b] of act.plan.beds.entries()) {
      await writeBedEvent(database, {
        id: ids[i] as string,
        bed_id: b.id,
        site_id: act.siteId,
        stay_id: null,
        type: act.action === 'start' ? 'repair_start' : 'repair_end',
        actor_id: act.actorId,
        device_time: at,
        server_time: null,
        payload: { ...eventPayload },
        photo_ids: [],
        flagged: false,
        updated_at: at,
        deleted_at: null,
      })
    }
  })
}
