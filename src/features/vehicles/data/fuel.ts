/**
 * Fuel logs (加油). A quick entry (the receipt photo now, numbers later) is a 'draft' saved at
 * once; completing it is another fuel.record with the same id (the server upserts by id).
 * Each save is ONE transaction: the log, its new photos, the derived vehicle state and the ops.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { FuelLogRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { applyStateChange, STATE_TABLES } from './vehicleState'

export const FUEL_TABLES = ['fuel_logs', ...STATE_TABLES, ...PHOTO_TABLES]

/** The log as saved; photo_ids must include the new photos' ids. */
export type FuelLogInput = Omit<FuelLogRow, 'updated_at' | 'deleted_at'>

export function fuelPayload(row: FuelLogInput): Record<string, unknown> {
  return {
    id: row.id,
    vehicle_id: row.vehicle_id,
    filled_at: row.filled_at,
    odometer_km: row.odometer_km,
    litres: row.litres,
    unit_price: row.unit_price,
    amount: row.amount,
    full_tank: row.full_tank,
    missed_previous: row.missed_previous,
    fuel_type: row.fuel_type,
    station: row.station,
    fuel_card: row.fuel_card,
    photo_ids: row.photo_ids,
    status: row.status,
  }
}

/** `draftKey`: the form's device draft, dropped in the same transaction. */
export async function saveFuelLog(database: AdminFieldDb, input: FuelLogInput, newPhotos: ProcessedPhoto[], now = new Date(), draftKey: string | null = null): Promise<FuelLogRow> {
  const at = now.toISOString()
  const row: FuelLogRow = { ...input, photo_ids: [...new Set([...input.photo_ids, ...newPhotos.map((p) => p.id)])], updated_at: at, deleted_at: null }
  const owner = { table: 'fuel_logs', id: row.id, takenBy: row.driver_id }
  const op = buildOp('fuel.record', 'fuel_logs', row.id, fuelPayload(row), now)
  op.related = [entityKey('vehicle_states', row.vehicle_id)]
  await commitWithOutbox(database, FUEL_TABLES, [op, ...photoRegisterOps(newPhotos, owner, now)], async () => {
    await database.fuel_logs.put(row)
    if (newPhotos.length) await savePhotos(database, newPhotos, owner)
    if (row.status === 'complete') await applyStateChange(database, row.vehicle_id, { kind: 'fuel', odometer_km: row.odometer_km, at })
  }, { draftKey })
  return row
}

/** A quick entry: the photo and the time, nothing else yet. */
export function quickDraft(args: { vehicle_id: string; driver_id: string; photo_ids?: string[] }, now = new Date()): FuelLogInput {
  return {
    id: crypto.randomUUID(),
    vehicle_id: args.vehicle_id,
    driver_id: args.driver_id,
    filled_at: now.toISOString(),
    odometer_km: null,
    litres: null,
    unit_price: null,
    amount: null,
    full_tank: true,
    missed_previous: false,
    fuel_type: null,
    station: null,
    fuel_card: null,
    photo_ids: args.photo_ids ?? [],
    status: 'draft',
  }
}

export async function getFuelLog(database: AdminFieldDb, id: string): Promise<FuelLogRow | undefined> {
  const row = await database.fuel_logs.get(id)
  return row && row.deleted_at === null ? row : undefined
}

/** The driver's drafts still to complete, oldest first. */
export async function draftsOf(database: AdminFieldDb, driverId: string): Promise<FuelLogRow[]> {
  const rows = await database.fuel_logs.where('driver_id').equals(driverId).toArray()
  return rows.filter((r) => r.deleted_at === null && r.status === 'draft').sort((a, b) => a.filled_at.localeCompare(b.filled_at))
}

/** Latest logs of a vehicle (newest first): the odometer pre-fill and checks read these. */
export async function recentFuelLogs(database: AdminFieldDb, vehicleId: string, limit = 20): Promise<FuelLogRow[]> {
  const rows = await database.fuel_logs.where('[vehicle_id+filled_at]').between([vehicleId, ''], [vehicleId, '\uffff']).reverse().limit(limit).toArray()
  return rows.filter((r) => r.deleted_at === null)
}
