/**
 * 维修审批 on the device: what a repair's approval gate is now (the company's threshold, its linked
 * application), and sending a repair up the chain — ONE transaction: the 'vehicle_repair' application
 * (requests engine, pushed first) and the repair request naming it, with the garage and the estimate.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { MaintenanceRequestRow, RequestRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import { DEFAULT_AMOUNT_THRESHOLD } from '@/features/requests/domain'
import { REQUEST_TABLES, submitRequest, type Applicant } from '@/features/requests/data/requestWrites'
import type { RequestContext } from '@/features/requests/data/context'
import { repairForm, repairGate, type RepairGate } from '../domain/repairApproval'

export interface RepairApprovalState {
  threshold: number
  application: RequestRow | null
}

export async function repairApprovalState(database: AdminFieldDb, row: Pick<MaintenanceRequestRow, 'approval_id'>): Promise<RepairApprovalState> {
  const [company, application] = await Promise.all([database.company.toArray(), row.approval_id ? database.requests.get(row.approval_id) : undefined])
  const threshold = company.find((c) => c.deleted_at === null)?.approval_amount_threshold ?? DEFAULT_AMOUNT_THRESHOLD
  return { threshold, application: application ?? null }
}

export async function repairGateOf(database: AdminFieldDb, row: MaintenanceRequestRow, cost: number | null): Promise<{ gate: RepairGate; application: RequestRow | null }> {
  const s = await repairApprovalState(database, row)
  return { gate: repairGate(cost, s.threshold, s.application), application: s.application }
}

export type EscalateError = 'notFound' | 'transition' | 'cost' | 'notAbove'

/** Sends the repair up: the application (its own step the fleet manager's), and the repair naming it. */
export async function escalateRepair(
  database: AdminFieldDb,
  args: { id: string; garage: string | null; cost: number | null; vehicleName: string; applicant: Applicant; ctx: RequestContext },
  now = new Date(),
): Promise<{ ok: true; requestId: string } | { ok: false; error: EscalateError }> {
  const row = await database.maintenance_requests.get(args.id)
  if (!row || row.deleted_at) return { ok: false, error: 'notFound' }
  if (row.status !== 'requested') return { ok: false, error: 'transition' }
  const cost = args.cost
  if (cost === null || !Number.isFinite(cost) || cost < 0 || Math.round(cost * 100) !== cost * 100) return { ok: false, error: 'cost' }
  const { gate } = await repairGateOf(database, row, cost)
  if (gate !== 'escalate') return { ok: false, error: 'notAbove' }
  const garage = args.garage?.trim() || row.garage
  const requestId = crypto.randomUUID()
  const form = repairForm({ vehicle: args.vehicleName, description: row.description, garage, cost })
  const payload: Record<string, unknown> = { request_id: row.id, status: 'requested', cost, approval_id: requestId }
  if (garage) payload.garage = garage
  const op = buildOp('maintenance.update', 'maintenance_requests', row.id, payload, now)
  const next: MaintenanceRequestRow = { ...row, garage: garage ?? null, cost, approval_id: requestId, updated_at: now.toISOString() }
  await commitWithOutbox(database, [...REQUEST_TABLES, 'maintenance_requests'], op, async () => {
    await submitRequest(database, { id: requestId, type: 'vehicle_repair', form, applicant: args.applicant, fulfillerRole: 'fleet_manager', ctx: args.ctx }, now)
    await database.maintenance_requests.put(next)
  })
  return { ok: true, requestId }
}

/** The repair went ahead on its approved application: the application is carried out (the server does the same). */
export async function markRepairCarriedOut(database: AdminFieldDb, application: RequestRow | null, actorId: string, now: Date): Promise<void> {
  if (!application || application.status !== 'approved' || application.fulfilled_at) return
  await database.requests.put({ ...application, fulfilled_at: now.toISOString(), fulfilled_by: actorId, updated_at: now.toISOString() })
}
