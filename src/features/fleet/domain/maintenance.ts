/**
 * The fleet manager's steps on a maintenance request row (车辆维修), moved by the vehicles
 * domain's transition table; here only what the row and the 'maintenance.update' payload
 * need on top (reject reason, garage by completion, cost in yuan with two decimals).
 */
import type { MaintenanceRequestRow } from '@/platform/db/rows'
import { maintenanceActions, type MaintenanceAction } from '@/features/vehicles/domain/maintenance'
import type { RecordKind } from '@/features/vehicles/domain/renewalRecords'
import { goesAhead, type RepairGate } from './repairApproval'

export type MaintenanceStatus = MaintenanceRequestRow['status']

/** The domain's actions (its transition table) as the statuses the row and the op carry. */
const STATUS_OF: Record<MaintenanceAction, MaintenanceStatus> = { approve: 'approved', reject: 'rejected', start: 'in_progress', complete: 'completed' }

export const nextMaintenanceStatuses = (s: MaintenanceStatus): readonly MaintenanceStatus[] => maintenanceActions(s).map((a) => STATUS_OF[a])

export interface MaintenanceUpdate {
  status: MaintenanceStatus
  garage?: string | null
  cost?: number | null
  completed_at?: string | null
  note?: string | null
  /** Completing a job that was the vehicle's service, annual inspection or insurance renewal: its last done moves. */
  renewal_kind?: RecordKind | null
}

export type MaintenanceError = 'notFound' | 'transition' | 'cost' | 'noteRequired' | 'garageRequired' | 'approvalRequired'

export type MaintenanceResult = { ok: true; row: MaintenanceRequestRow; payload: Record<string, unknown> } | { ok: false; error: MaintenanceError }

const URGENCY_ORDER: Record<MaintenanceRequestRow['urgency'], number> = { urgent: 0, normal: 1, low: 2 }
const OPEN: readonly MaintenanceStatus[] = ['requested', 'approved', 'in_progress']

export const isOpenRequest = (r: MaintenanceRequestRow): boolean => OPEN.includes(r.status)

/** Open before closed, urgent first, then oldest first (the one waiting longest). */
export function sortRequests(rows: readonly MaintenanceRequestRow[]): MaintenanceRequestRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(!isOpenRequest(a)) - Number(!isOpenRequest(b)) ||
      URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
      (isOpenRequest(a) ? a.requested_at.localeCompare(b.requested_at) : b.requested_at.localeCompare(a.requested_at)),
  )
}

/**
 * Applies one step. Rejecting needs a note (the driver is told why); completing needs the
 * garage (kept from approval if given then) and stamps completed_at. A repair above the approval
 * threshold goes ahead only when its application covers it (`gate`, repairApproval.ts).
 */
export function applyMaintenanceUpdate(
  current: MaintenanceRequestRow | undefined,
  input: MaintenanceUpdate,
  actorId: string,
  now: Date,
  gate: RepairGate = 'direct',
): MaintenanceResult {
  if (!current || current.deleted_at) return { ok: false, error: 'notFound' }
  if (!nextMaintenanceStatuses(current.status).includes(input.status)) return { ok: false, error: 'transition' }
  if (input.renewal_kind && input.status !== 'completed') return { ok: false, error: 'transition' }
  const cost = input.cost ?? null
  if (cost !== null && (!Number.isFinite(cost) || cost < 0 || Math.round(cost * 100) !== cost * 100)) return { ok: false, error: 'cost' }
  const note = input.note?.trim() || null
  const garage = input.garage?.trim() || current.garage
  if (input.status === 'rejected' && !note) return { ok: false, error: 'noteRequired' }
  if (input.status === 'completed' && !garage) return { ok: false, error: 'garageRequired' }
  if (goesAhead(current.status, input.status) && gate !== 'direct' && gate !== 'covered') return { ok: false, error: 'approvalRequired' }
  const completedAt = input.status === 'completed' ? (input.completed_at ?? now.toISOString()) : null
  const row: MaintenanceRequestRow = {
    ...current,
    status: input.status,
    decided_by: current.status === 'requested' ? actorId : current.decided_by,
    garage: garage ?? null,
    cost: cost ?? current.cost,
    completed_at: completedAt ?? current.completed_at,
    note: note ?? current.note,
    updated_at: now.toISOString(),
  }
  // Only what changed travels: the op payload per supabase/README ('maintenance.update').
  const payload: Record<string, unknown> = { request_id: current.id, status: input.status }
  if (garage) payload.garage = garage
  if (cost !== null) payload.cost = cost
  if (completedAt) payload.completed_at = completedAt
  if (note) payload.note = note
  if (input.renewal_kind) payload.renewal_kind = input.renewal_kind
  return { ok: true, row, payload }
}
