/**
 * The monthly meter-reading round on the device: a room's reading (both meters, a photo of each dial) is
 * ONE transaction — the reading row, its photos, the dorm_meter.record op then one photo.register per
 * photo — and the room's draft goes with it. The round's list reads the month's readings by room.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormMeterReadingRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { METERS, parseReading, type Meter } from '../domain/checkIn'
import { meterRoundSchema, roomsRead, type MeterRound } from '../domain/meterRound'

/** What the round's room form holds (and its draft keeps): the readings as typed, one photo each. */
export interface MeterRoundForm {
  id: string
  month: string
  meters: Record<Meter, { reading: string; photos: ProcessedPhoto[] }>
  /** A meter replaced since the last reading (换表): the old one's final reading, the new one's start. */
  replaced: Record<Meter, MeterSwapForm>
  note: string
}

export interface MeterSwapForm {
  on: boolean
  old_final: string
  new_start: string
}

export const meterRoundDraftKey = (roomId: string): string => `dorms.meterRound:${roomId}`

export function newMeterRoundForm(month: string): MeterRoundForm {
  const swap = (): MeterSwapForm => ({ on: false, old_final: '', new_start: '' })
  return { id: crypto.randomUUID(), month, meters: { water: { reading: '', photos: [] }, electricity: { reading: '', photos: [] } }, replaced: { water: swap(), electricity: swap() }, note: '' }
}

/** The form as the op's payload, or the first error key. */
export function meterRoundFromForm(roomId: string, f: MeterRoundForm): { ok: true; value: MeterRound } | { ok: false; key: string } {
  const meters = METERS.map((m) => {
    const swap = f.replaced[m]
    const replaced = swap.on ? { old_final: parseReading(swap.old_final), new_start: parseReading(swap.new_start) } : undefined
    return { meter: m, reading: parseReading(f.meters[m].reading), photo_id: f.meters[m].photos[0]?.id, ...(replaced ? { replaced } : {}) }
  })
  if (meters.some((m) => m.reading === null || !m.photo_id)) return { ok: false, key: 'dorms.checkIn.metersMissing' }
  if (meters.some((m) => m.replaced && (m.replaced.old_final === null || m.replaced.new_start === null))) return { ok: false, key: 'dorms.round.replacedMissing' }
  const parsed = meterRoundSchema.safeParse({ id: f.id, room_id: roomId, month: f.month, meters, note: f.note.trim() || undefined })
  if (!parsed.success) return { ok: false, key: parsed.error.issues[0]?.message ?? 'dorms.errors.required' }
  return { ok: true, value: parsed.data }
}

export async function saveMeterReading(
  database: AdminFieldDb,
  args: { reading: MeterRound; photos: ProcessedPhoto[]; buildingId: string; siteId: string; userId: string; draftKey?: string | null },
  now: Date = new Date(),
): Promise<DormMeterReadingRow> {
  const { reading: r } = args
  const at = now.toISOString()
  const row: DormMeterReadingRow = { id: r.id, room_id: r.room_id, building_id: args.buildingId, site_id: args.siteId, month: r.month, read_at: at, recorded_by: args.userId, meters: r.meters, note: r.note ?? null, updated_at: at, deleted_at: null }
  const owner = { table: 'dorm_meter_readings', id: r.id, takenBy: args.userId }
  const { id: _id, ...payload } = r
  const op = buildOp('dorm_meter.record', 'dorm_meter_readings', r.id, payload, now)
  await commitWithOutbox(database, ['dorm_meter_readings', ...PHOTO_TABLES], [op, ...photoRegisterOps(args.photos, owner, now)], async () => {
    await database.dorm_meter_readings.add(row)
    if (args.photos.length) await savePhotos(database, args.photos, owner)
  }, { draftKey: args.draftKey ?? null })
  return row
}

/** The month's latest reading of each room. */
export async function monthReadings(database: AdminFieldDb, month: string): Promise<Map<string, DormMeterReadingRow>> {
  return roomsRead(await database.dorm_meter_readings.where('month').equals(month).toArray(), month)
}
