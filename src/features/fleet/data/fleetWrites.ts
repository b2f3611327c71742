/**
 * The fleet manager's writes. Each is ONE transaction: the row (and the vehicle state it
 * changes) with its op, so "saved" on screen always means "queued for the server".
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AccidentRow, MaintenanceRequestRow, RenewalRuleRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import { DEFAULT_TIME_ZONE, calendarDate } from '@/shared/lib/zonedTime'
import { renewalDone, type RecordKind } from '@/features/vehicles/domain/renewalRecords'
import { applyMaintenanceUpdate, type MaintenanceError, type MaintenanceUpdate } from '../domain/maintenance'
import { applyAccidentUpdate, type AccidentError, type AccidentUpdate } from '../domain/accident'
import type { RenewalRuleValues } from '../domain/renewalRuleSchema'
import { goesAhead } from '../domain/repairApproval'
import { markRepairCarriedOut, repairGateOf } from './repairApproval'

export type Written<T, E> = { ok: true; row: T } | { ok: false; error: E }

/**
 * The vehicle's own rule row after completing a renewal job (the domain's renewalDone, as the
 * server does): the completion's company day and the last known reading. Also what the op
 * carries: the row's id (a new row's is made here) and the reading, when there is one.
 */
async function renewalRow(
  database: AdminFieldDb,
  vehicleId: string,
  kind: RecordKind,
  completedAt: string,
  now: Date,
): Promise<{ row: RenewalRuleRow | null; payload: Record<string, unknown> }> {
  const [company, state, rows, asset] = await Promise.all([
    database.company.toArray(),
    database.vehicle_states.get(vehicleId),
    database.renewal_rules.toArray(),
    database.assets.get(vehicleId),
  ])
  const timeZone = company.find((c) => c.deleted_at === null)?.timezone ?? DEFAULT_TIME_ZONE
  const detailKm = asset?.details.odometer_km
  const km = state?.last_odometer_km ?? (typeof detailKm === 'number' ? detailKm : null)
  const live = rows.filter((r) => r.deleted_at === null && r.vehicle_id === vehicleId && r.kind === kind)
  const ruleId = live[0]?.id ?? crypto.randomUUID()
  const next = renewalDone(live, { vehicle_id: vehicleId, kind, done_on: calendarDate(completedAt, timeZone), done_km: km, rule_id: ruleId })
  const payload: Record<string, unknown> = { renewal_rule_id: ruleId }
  if (km !== null) payload.odometer_km = km
  return { row: next && { ...next, updated_at: now.toISOString(), deleted_at: null }, payload }
}

/**
 * 'maintenance.update'. Completing the repair that put the vehicle out of service clears it
 * here too (the server derives the same), so the driver can start a trip while offline.
 * Completing a job marked as a renewal moves the vehicle's last done of that kind. A repair above
 * the approval threshold goes ahead only on its approved application, which it marks carried out.
 */
export async function updateMaintenance(
  database: AdminFieldDb,
  id: string,
  input: MaintenanceUpdate,
  actorId: string,
  now: Date = new Date(),
  draftKey: string | null = null,
): Promise<Written<MaintenanceRequestRow, MaintenanceError>> {
  const current = await database.maintenance_requests.get(id)
  const approval = current ? await repairGateOf(database, current, input.cost ?? current.cost) : null
  const result = applyMaintenanceUpdate(current, input, actorId, now, approval?.gate)
  if (!result.ok) return result
  const { row } = result
  let payload = result.payload
  const renewal = input.renewal_kind && row.completed_at ? await renewalRow(database, row.vehicle_id, input.renewal_kind, row.completed_at, now) : null
  if (renewal) payload = { ...payload, ...renewal.payload }
  const op = buildOp('maintenance.update', 'maintenance_requests', row.id, payload, now)
  const carriesOut = current && goesAhead(current.status, row.status) && approval?.gate === 'covered' ? approval.application : null
  await commitWithOutbox(database, ['maintenance_requests', 'vehicle_states', 'renewal_rules', 'requests'], op, async () => {
    await database.maintenance_requests.put(row)
    await markRepairCarriedOut(database, carriesOut, actorId, now)
    if (renewal?.row) await database.renewal_rules.put(renewal.row)
    if (row.status !== 'completed') return
    const state = await database.vehicle_states.get(row.vehicle_id)
    const cause = state?.reason_check_id
    if (state?.out_of_service && (cause === row.vehicle_check_id || cause === row.id)) {
      await database.vehicle_states.put({ ...state, out_of_service: false, reason_check_id: null, since: null, updated_at: now.toISOString() })
    }
  }, { draftKey })
  return { ok: true, row }
}

/** 'accident.update': one status step, with the claim number and cost. */
export async function updateAccident(
  database: AdminFieldDb,
  id: string,
  input: AccidentUpdate,
  now: Date = new Date(),
  draftKey: string | null = null,
): Promise<Written<AccidentRow, AccidentError>> {
  const result = applyAccidentUpdate(await database.accidents.get(id), input, now)
  if (!result.ok) return result
  const op = buildOp('accident.update', 'accidents', result.row.id, result.payload, now)
  await commitWithOutbox(database, ['accidents'], op, async () => {
    await database.accidents.put(result.row)
  }, { draftKey })
  return { ok: true, row: result.row }
}

/** 'renewal_rule.upsert': a new rule gets a device-made id; editing keeps it. */
export async function upsertRenewalRule(
  database: AdminFieldDb,
  id: string | null,
  values: RenewalRuleValues,
  now: Date = new Date(),
  draftKey: string | null = null,
): Promise<RenewalRuleRow> {
  // One live rule per kind and vehicle (the server's unique key): a "new" one replaces it.
  const same = id
    ? undefined
    : (await database.renewal_rules.toArray()).find((r) => r.kind === values.kind && r.vehicle_id === values.vehicle_id && r.deleted_at === null)
  const row: RenewalRuleRow = { id: id ?? same?.id ?? crypto.randomUUID(), ...values, updated_at: now.toISOString(), deleted_at: null }
  const { updated_at: _u, deleted_at: _d, ...payload } = row
  const op = buildOp('renewal_rule.upsert', 'renewal_rules', row.id, payload, now)
  await commitWithOutbox(database, ['renewal_rules'], op, async () => {
    await database.renewal_rules.put(row)
  }, { draftKey })
  return row
}
