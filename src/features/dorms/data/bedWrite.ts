/**
 * Recording a bed event on the device: ONE transaction writes the event (and the stay an allocation
 * makes), re-folds the bed from every event this device has for it (bedFold.ts, as the server does in
 * SQL) and queues the 'dorm_bed.record' op. The server's rows replace these on the next pull.
 * Imports only the fold (no zod), so the scan and check-in chunks can call it.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormBedEventRow, DormStayRow, OutboxEntry } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { foldBedEvents } from '../domain/bedFold'
import type { BedEvent } from '../domain/bedEvents'

/** Tables a bed write touches; pass them to commitWithOutbox. */
export const BED_TABLES = ['dorm_beds', 'dorm_stays', 'dorm_bed_events'] as const

export function asBedEvent(row: DormBedEventRow): BedEvent {
  return row as unknown as BedEvent
}

export async function eventsOfBed(database: AdminFieldDb, bedId: string): Promise<DormBedEventRow[]> {
  return (await database.dorm_bed_events.where('bed_id').equals(bedId).toArray()).filter((r) => r.deleted_at === null)
}

/** Inside a transaction over BED_TABLES: stores the event (and stay), re-derives the bed and its stays. */
export async function writeBedEvent(database: AdminFieldDb, event: DormBedEventRow, stay?: DormStayRow): Promise<void> {
  if (stay) await database.dorm_stays.put(stay)
  await database.dorm_bed_events.put(event)
  const events = await eventsOfBed(database, event.bed_id)
  const state = foldBedEvents(events.map(asBedEvent))
  const raised = new Set(state.conflicts.map((c) => c.id))
  for (const e of events) if (raised.has(e.id) && !e.flagged) await database.dorm_bed_events.update(e.id, { flagged: true })
  const contested = new Set(state.conflicts.filter((c) => c.open).flatMap((c) => c.stay_ids))
  for (const s of state.stays) {
    const row = await database.dorm_stays.get(s.id)
    if (!row) continue
    await database.dorm_stays.put({ ...row, status: s.status, checked_in_at: s.checked_in_at, ended_at: s.ended_at, contested: contested.has(s.id), updated_at: event.updated_at })
  }
  const bed = await database.dorm_beds.get(event.bed_id)
  if (!bed) return
  await database.dorm_beds.put({
    ...bed,
    status: state.status,
    stay_id: state.stay_id,
    occupant_id: state.occupant_id,
    in_repair: state.in_repair,
    has_conflict: state.has_open_conflict,
    conflicts: state.conflicts,
    updated_at: event.updated_at,
  })
}

export function bedEventRow(e: BedEvent, siteId: string, now: string): DormBedEventRow {
  const stayId = 'stay_id' in e.payload ? e.payload.stay_id : null
  return {
    id: e.id,
    bed_id: e.bed_id,
    site_id: siteId,
    stay_id: stayId,
    type: e.type,
    actor_id: e.actor_id,
    device_time: e.device_time,
    server_time: null,
    payload: e.payload as Record<string, unknown>,
    photo_ids: e.photo_ids ?? [],
    flagged: false,
    updated_at: now,
    deleted_at: null,
  }
}

/** The op for a validated event. */
export function bedOp(e: BedEvent, now: Date): OutboxEntry {
  const payload: Record<string, unknown> = { bed_id: e.bed_id, type: e.type, payload: e.payload }
  if (e.photo_ids?.length) payload.photo_ids = e.photo_ids
  const op = buildOp('dorm_bed.record', 'dorm_bed_events', e.id, payload, now)
  const stayId = 'stay_id' in e.payload ? e.payload.stay_id : null
  op.related = [entityKey('dorm_beds', e.bed_id), ...(stayId ? [entityKey('dorm_stays', stayId)] : [])]
  return op
}

/** Records one validated event with its op (and extra tables/ops/writes of the same act). */
export async function recordBedEvent(
  database: AdminFieldDb,
  args: { event: BedEvent; siteId: string; stay?: DormStayRow; extra?: { tables: string[]; ops: OutboxEntry[]; write: () => Promise<void> }; draftKey?: string | null },
  now = new Date(),
): Promise<DormBedEventRow> {
  const row = bedEventRow(args.event, args.siteId, now.toISOString())
  const extra = args.extra
  await commitWithOutbox(database, [...BED_TABLES, ...(extra?.tables ?? [])], [bedOp(args.event, now), ...(extra?.ops ?? [])], async () => {
    await writeBedEvent(database, row, args.stay)
    if (extra) await extra.write()
  }, { draftKey: args.draftKey })
  return row
}
