/**
 * 长期外出 on the device: the absence row and its op ('dorm_absence.record' / 'dorm_absence.return') in
 * ONE transaction. The server keeps the same row under the same id; the pulled row replaces this one.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormAbsenceRow, DormStayRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import type { z } from 'zod'
import type { absenceSchema } from '../domain/absence'

type Absence = z.output<typeof absenceSchema>

export async function saveAbsence(database: AdminFieldDb, id: string, stay: DormStayRow, a: Absence, actorId: string, now = new Date()): Promise<DormAbsenceRow> {
  const at = now.toISOString()
  const old = await database.dorm_absences.get(id)
  const row: DormAbsenceRow = {
    id,
    stay_id: stay.id,
    bed_id: stay.bed_id,
    room_id: stay.room_id,
    site_id: stay.site_id,
    occupant_id: stay.occupant_id,
    starts_on: a.starts_on,
    expected_return_on: a.expected_return_on,
    returned_on: null,
    reason: a.reason,
    recorded_by: old?.recorded_by ?? actorId,
    recorded_at: old?.recorded_at ?? at,
    returned_by: null,
    returned_at: null,
    updated_at: at,
    deleted_at: null,
  }
  const payload: Record<string, unknown> = { stay_id: stay.id, starts_on: a.starts_on, expected_return_on: a.expected_return_on }
  if (a.reason) payload.reason = a.reason
  const op = buildOp('dorm_absence.record', 'dorm_absences', id, payload, now)
  op.related = [entityKey('dorm_stays', stay.id)]
  await commitWithOutbox(database, ['dorm_absences'], op, () => database.dorm_absences.put(row).then(() => undefined))
  return row
}

export async function saveReturn(database: AdminFieldDb, absence: DormAbsenceRow, returnedOn: string, actorId: string, now = new Date()): Promise<void> {
  const at = now.toISOString()
  const op = buildOp('dorm_absence.return', 'dorm_absences', absence.id, { returned_on: returnedOn }, now)
  await commitWithOutbox(database, ['dorm_absences'], op, async () => {
    await database.dorm_absences.put({ ...absence, returned_on: returnedOn, returned_by: actorId, returned_at: at, updated_at: at })
  })
}

/** Absences not yet ended (planned or under way), by stay: the occupancy view and the stay's card show them. */
export async function openAbsences(database: AdminFieldDb): Promise<Map<string, DormAbsenceRow>> {
  const rows = (await database.dorm_absences.toArray()).filter((a) => a.deleted_at === null && a.returned_on === null)
  rows.sort((a, b) => a.starts_on.localeCompare(b.starts_on))
  const out = new Map<string, DormAbsenceRow>()
  for (const a of rows) if (!out.has(a.stay_id)) out.set(a.stay_id, a)
  return out
}
