/**
 * "Under repair" for a whole room or from a 报修 task (the server's twin: dorm_room.repair and the
 * guard in supabase/migrations/20261203040200_dorm_room_repair.sql).
 * - A bed someone lives on (occupied) or is about to move onto (reserved) is never put under repair:
 *   the reason names the bed.
 * - Marking a room takes its vacant beds (a bed already under repair stays so); the rest are listed with
 *   why they were left alone. Ending takes the beds under repair.
 * - A repair started from a task is ended by the server when the task is done (or cancelled).
 */
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
