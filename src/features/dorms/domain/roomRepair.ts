/**
 * "Under repair" for a whole room or from a 报修 task (the server's twin: dorm_room.repair and the
 * guard in supabase/migrations/20261203040200_dorm_room_repair.sql).
 * - A bed someone lives on (occupied) or is about to move onto (reserved) is never put under repair:
 *   the reason names the bed.
 * - Marking a room takes its vacant beds (a bed already under repair stays so); the rest are listed with
 *   why they were left alone. Ending takes the beds under repair.
 * - A repair started from a task ends when the task is done (completed, scored) or cancelled: on the device
 *   in the act's own transaction (repairEndsOfDoneTask, data/repairDone.ts), on the server by the trigger
 *   private.tg_dorm_repair_task_done, with the same event ids and times.
 */
import { orderEvents } from '@/features/assets/domain/custody'
import { md5 } from '@/shared/lib/md5'
import type { BedStatus } from './rooms'

export type RepairRefusal = 'occupied' | 'reserved'

export interface RepairBed {
  id: string
  code: string
  status: BedStatus
  in_repair: boolean
}

/** Why this bed cannot be put under repair, or null when it can. */
export function repairRefusal(bed: Pick<RepairBed, 'status'>): RepairRefusal | null {
  return bed.status === 'occupied' || bed.status === 'reserved' ? bed.status : null
}

export interface RoomRepairPlan {
  /** Beds the act changes. */
  beds: RepairBed[]
  /** Beds left alone and why (start only). */
  skipped: { bed: RepairBed; reason: RepairRefusal }[]
}

/** Which beds of a room a 'start' (or 'end') takes; `only` narrows it to one bed (a task naming a bed). */
export function roomRepairPlan(beds: readonly RepairBed[], action: 'start' | 'end', only: string | null = null): RoomRepairPlan {
  const scope = only ? beds.filter((b) => b.id === only) : [...beds]
  if (action === 'end') return { beds: scope.filter((b) => b.in_repair), skipped: [] }
  const out: RoomRepairPlan = { beds: [], skipped: [] }
  for (const b of scope) {
    const reason = repairRefusal(b)
    if (reason) out.skipped.push({ bed: b, reason })
    else if (!b.in_repair) out.beds.push(b)
  }
  return out
}

/** The op's payload: the beds with the device-made ids of their events. */
export function roomRepairPayload(plan: RoomRepairPlan, action: 'start' | 'end', eventIds: readonly string[], taskId: string | null = null, note: string | null = null): Record<string, unknown> {
  const payload: Record<string, unknown> = { action, beds: plan.beds.map((b, i) => ({ bed_id: b.id, event_id: eventIds[i] })) }
  if (taskId) payload.task_id = taskId
  if (note?.trim()) payload.note = note.trim()
  return payload
}

/**
 * The id of the repair_end that a done task writes for the repair start it ends: made from the start's id
 * (each start is ended by its task once), so the device and the server (private.dorm_repair_end_id) make
 * the same event. md5 of 'dorm_repair_end:<start id>', marked as a version 8 UUID.
 */
export function repairEndId(startEventId: string): string {
  const h = md5(`dorm_repair_end:${startEventId}`)
  const variant = '89ab'[parseInt(h.charAt(16), 16) % 4] as string
  const hex = `${h.slice(0, 12)}8${h.slice(13, 16)}${variant}${h.slice(17)}`
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

interface RepairEventLike {
  id: string
  type: string
  device_time: string
  server_time: string | null
  deleted_at: string | null
  payload: unknown
}

export interface TaskRepairEnd {
  id: string
  bed_id: string
  device_time: string
  payload: { task_id: string }
}

/**
 * The repair_end events a 报修 task done at `doneAt` (its completion, or the cancel's time) writes: one for
 * each bed still under repair whose latest repair start carries the task, 1 ms after that start at the
 * earliest. The twin of private.tg_dorm_repair_task_done.
 */
export function repairEndsOfDoneTask(taskId: string, beds: readonly { id: string; in_repair: boolean; events: readonly RepairEventLike[] }[], doneAt: string): TaskRepairEnd[] {
  const out: TaskRepairEnd[] = []
  for (const bed of beds) {
    if (!bed.in_repair) continue
    const start = orderEvents(bed.events.filter((e) => e.type === 'repair_start' && e.deleted_at === null)).at(-1)
    if (!start || (start.payload as { task_id?: unknown } | null)?.task_id !== taskId) continue
    const at = Math.max(Date.parse(doneAt), Date.parse(start.device_time) + 1)
    out.push({ id: repairEndId(start.id), bed_id: bed.id, device_time: new Date(at).toISOString(), payload: { task_id: taskId } })
  }
  return out
}
