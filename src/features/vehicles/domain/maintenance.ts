/**
 * Maintenance requests (车辆维修): raised by a driver from a failed pre-trip item or on their
 * own, approved or rejected by the fleet manager, then worked on at a garage and completed
 * with a cost. A completed repair dated after a critical failure puts the vehicle back in
 * service (preTrip.ts serviceState reads `completed_at`).
 */
import { z } from 'zod'
import type { FailedItem } from '@/features/inspections/domain'
import { E } from './fields'
import { choice, dateTime, decimal, nullableUuid, optionalText, photoIds, text, uuid } from './fieldSchemas'
import { actionsFrom, checkMove, type Actor, type Transition, type TransitionTable } from './lifecycle'

export const MAINTENANCE_STATUSES = ['requested', 'approved', 'in_progress', 'completed', 'rejected'] as const
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number]

export const URGENCIES = ['low', 'normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]

export const MAINTENANCE_SOURCES = ['pretrip_failure', 'manual'] as const

export const maintenanceRequestSchema = z
  .object({
    id: uuid(),
    vehicle_id: uuid(),
    requested_by: uuid(),
    requested_at: dateTime(),
    source: choice(MAINTENANCE_SOURCES),
    /** The pre-trip check and item it comes from (source 'pretrip_failure'). */
    inspection_id: nullableUuid(),
    item_key: optionalText(64),
    description: text(1000),
    photo_ids: photoIds(),
    urgency: choice(URGENCIES).default('normal'),
  })
  .refine((r) => r.source === 'manual' || r.inspection_id !== null, { error: E.required, path: ['inspection_id'] })
export type MaintenanceRequestInput = z.input<typeof maintenanceRequestSchema>
export type MaintenanceRequestNew = z.output<typeof maintenanceRequestSchema>

export interface MaintenanceRequest extends MaintenanceRequestNew {
  status: MaintenanceStatus
  decided_by: string | null
  decided_at: string | null
  reject_reason: string | null
  garage: string | null
  /** Yuan, 0.01. */
  cost: number | null
  started_at: string | null
  completed_at: string | null
  completion_note: string | null
}

export type MaintenanceAction = 'approve' | 'reject' | 'start' | 'complete'

// approved → completed directly: a small job done the same day needs no 'in progress'.
const TABLE: TransitionTable<MaintenanceStatus, MaintenanceAction> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested'], to: 'rejected' },
  start: { from: ['approved'], to: 'in_progress' },
  complete: { from: ['approved', 'in_progress'], to: 'completed' },
}

export const maintenanceActionSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('approve'), at: dateTime(), urgency: choice(URGENCIES).optional() }),
    z.object({ action: z.literal('reject'), at: dateTime(), reason: text(500) }),
    z.object({ action: z.literal('start'), at: dateTime(), garage: text(100) }),
    z.object({
      action: z.literal('complete'),
      at: dateTime(),
      garage: optionalText(100),
      cost: decimal(1_000_000),
      completed_at: dateTime(),
      note: optionalText(1000),
    }),
  ],
  { error: E.choice },
)
export type MaintenanceActionInput = z.output<typeof maintenanceActionSchema>

/** A new request as stored: status 'requested', nothing decided yet. */
export function newMaintenanceRequest(input: MaintenanceRequestNew): MaintenanceRequest {
  return {
    ...input,
    status: 'requested',
    decided_by: null,
    decided_at: null,
    reject_reason: null,
    garage: null,
    cost: null,
    started_at: null,
    completed_at: null,
    completion_note: null,
  }
}

/** A request drafted from a failed pre-trip item: critical items are urgent. */
export function requestFromFailure(
  failure: { inspection_id: string; vehicle_id: string; requested_by: string; at: string; item: FailedItem; note?: string | null; photo_ids?: string[] },
  newId: () => string,
): MaintenanceRequestInput {
  return {
    id: newId(),
    vehicle_id: failure.vehicle_id,
    requested_by: failure.requested_by,
    requested_at: failure.at,
    source: 'pretrip_failure',
    inspection_id: failure.inspection_id,
    item_key: failure.item.key,
    description: failure.note ? `${failure.item.text_zh}：${failure.note}` : failure.item.text_zh,
    photo_ids: failure.photo_ids ?? [],
    urgency: failure.item.critical ? 'urgent' : 'normal',
  }
}

/** Applies a fleet manager's action; a garage is needed by completion at the latest. */
export function transitionMaintenance(request: MaintenanceRequest, input: MaintenanceActionInput, actor: Actor): Transition<MaintenanceRequest> {
  const move = checkMove(TABLE, request.status, input.action, actor)
  if (!move.ok) return move
  const next: MaintenanceRequest = { ...request, status: move.to }
  switch (input.action) {
    case 'approve':
      return { ok: true, value: { ...next, decided_by: actor.id, decided_at: input.at, urgency: input.urgency ?? request.urgency } }
    case 'reject':
      return { ok: true, value: { ...next, decided_by: actor.id, decided_at: input.at, reject_reason: input.reason } }
    case 'start':
      return { ok: true, value: { ...next, garage: input.garage, started_at: input.at } }
    case 'complete': {
      const garage = input.garage ?? request.garage
      if (!garage) return { ok: false, reason: E.completionRequired }
      return { ok: true, value: { ...next, garage, cost: input.cost, completed_at: input.completed_at, completion_note: input.note } }
    }
  }
}

export const maintenanceActions = (status: MaintenanceStatus) => actionsFrom(TABLE, status)
