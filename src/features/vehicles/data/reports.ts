/** A maintenance request on its own and an accident report: each ONE transaction with its photos and ops. */
import type { AdminFieldDb } from '@/platform/db'
import type { AccidentRow, MaintenanceRequestRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'

export interface MaintenanceInput {
  vehicle_id: string
  requested_by: string
  description: string
  urgency: MaintenanceRequestRow['urgency']
}

/** `draftKey`: the form's device draft, deleted in the same transaction (so are the accident's). */
export async function requestMaintenance(database: AdminFieldDb, input: MaintenanceInput, photos: ProcessedPhoto[], now = new Date(), draftKey: string | null = null): Promise<MaintenanceRequestRow> {
  const at = now.toISOString()
  const row: MaintenanceRequestRow = {
    id: crypto.randomUUID(),
    vehicle_id: input.vehicle_id,
    requested_by: input.requested_by,
    requested_at: at,
    vehicle_check_id: null,
    item_key: null,
    description: input.description.trim(),
    urgency: input.urgency,
    photo_ids: photos.map((p) => p.id),
    status: 'requested',
    decided_by: null,
    garage: null,
    cost: null,
    completed_at: null,
    note: null,
    updated_at: at,
    deleted_at: null,
  }
  const owner = { table: 'maintenance_requests', id: row.id, takenBy: row.requested_by }
  const op = buildOp('maintenance.request', 'maintenance_requests', row.id, { id: row.id, vehicle_id: row.vehicle_id, description: row.description, urgency: row.urgency, photo_ids: row.photo_ids }, now)
  await commitWithOutbox(database, ['maintenance_requests', ...PHOTO_TABLES], [op, ...photoRegisterOps(photos, owner, now)], async () => {
    await database.maintenance_requests.add(row)
    if (photos.length) await savePhotos(database, photos, owner)
  }, { draftKey })
  return row
}

export type AccidentInput = Pick<AccidentRow, 'vehicle_id' | 'driver_id' | 'occurred_at' | 'place' | 'latitude' | 'longitude' | 'description' | 'injuries' | 'other_party' | 'police_report_no'>

export async function reportAccident(database: AdminFieldDb, input: AccidentInput, photos: ProcessedPhoto[], now = new Date(), draftKey: string | null = null): Promise<AccidentRow> {
  const at = now.toISOString()
  const row: AccidentRow = { ...input, id: crypto.randomUUID(), photo_ids: photos.map((p) => p.id), status: 'reported', claim_no: null, cost: null, updated_at: at, deleted_at: null }
  const payload: Record<string, unknown> = { id: row.id, vehicle_id: row.vehicle_id, occurred_at: row.occurred_at, place: row.place, description: row.description, photo_ids: row.photo_ids }
  for (const k of ['latitude', 'longitude', 'injuries', 'other_party', 'police_report_no'] as const) if (row[k] !== null) payload[k] = row[k]
  const owner = { table: 'accidents', id: row.id, takenBy: row.driver_id }
  const op = buildOp('accident.report', 'accidents', row.id, payload, now)
  await commitWithOutbox(database, ['accidents', ...PHOTO_TABLES], [op, ...photoRegisterOps(photos, owner, now)], async () => {
    await database.accidents.add(row)
    if (photos.length) await savePhotos(database, photos, owner)
  }, { draftKey })
  return row
}

/** Open repairs of a vehicle (requested → in progress), newest first. */
export async function openRepairs(database: AdminFieldDb, vehicleId: string): Promise<MaintenanceRequestRow[]> {
  const rows = await database.maintenance_requests.where('vehicle_id').equals(vehicleId).toArray()
  return rows.filter((r) => r.deleted_at === null && ['requested', 'approved', 'in_progress'].includes(r.status)).sort((a, b) => b.requested_at.localeCompare(a.requested_at))
}
