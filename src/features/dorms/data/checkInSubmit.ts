/**
 * The check-in's save — ONE transaction writes the check-in record, the bed's check_in event with the
 * bed re-folded (occupied at once), the custody check_out of each labelled key handed over, every photo
 * (damage, meters, signature), the ops (dorm_check_in.submit, then photo.register for each) and deletes
 * the draft. It validates with zod: the page imports this module when the resident saves (issue 13).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DormCheckInRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos } from '@/platform/photos'
import { draftToAnswers, InspectionInvalidError } from '@/features/inspections/data/submitInspection'
import { scoreInspection } from '@/features/inspections/domain/scoring'
import type { TemplateVersion } from '@/features/inspections/domain/template'
import { METERS, parseReading } from '../domain/checkIn'
import { checkInSchema, type CheckIn } from '../domain/checkInSchema'
import { bedEventSchema } from '../domain/bedEvents'
import { CUSTODY_TABLES } from '@/features/assets'
import { BED_TABLES, bedEventRow, writeBedEvent } from './bedWrite'
import { keyEventRow, writeKeyEvents } from './keys'
import { checkInDraftKey, checkInStepIssue, type CheckInDraft, type CheckInStepIssue } from './checkIn'

/** The record as the op carries it, or the first step that is not complete. */
export function checkInFromDraft(d: CheckInDraft, template: TemplateVersion): { ok: true; value: CheckIn } | { ok: false; step: CheckInStepIssue; keys: string[] } {
  const issue = checkInStepIssue(d, template)
  if (issue) return { ok: false, ...issue }
  const answers = draftToAnswers(template, d)
  const meters = METERS.map((m) => ({ meter: m, reading: parseReading(d.meters[m].reading), photo_id: d.meters[m].photos[0]?.id }))
  const parsed = checkInSchema.safeParse({
    id: d.id,
    stay_id: d.stay_id,
    bed_id: d.bed_id,
    event_id: d.event_id,
    template_id: d.template_id,
    started_at: d.started_at,
    answers,
    meters,
    keys: [...d.key_assets.map((asset_id) => ({ asset_id, event_id: crypto.randomUUID() })), ...d.keys.map((k) => k.trim()).filter(Boolean).map((label) => ({ label }))],
    rules_ack: d.rules_ack,
    signature_photo_id: d.signature?.id,
  })
  if (!parsed.success) return { ok: false, step: 'rules', keys: parsed.error.issues.map((i) => i.message) }
  return { ok: true, value: parsed.data }
}

export const CHECK_IN_TABLES = [...BED_TABLES, 'dorm_check_ins', 'meta', ...PHOTO_TABLES, ...CUSTODY_TABLES]

export async function submitCheckIn(
  database: AdminFieldDb,
  args: { draft: CheckInDraft; template: TemplateVersion; occupantId: string; siteId: string; actorId: string },
  now = new Date(),
): Promise<DormCheckInRow> {
  const { draft, template } = args
  const checked = checkInFromDraft(draft, template)
  if (!checked.ok) {
    if (checked.step === 'inventory') throw new InspectionInvalidError(scoreInspection(template, draftToAnswers(template, draft)))
    throw new Error(checked.keys[0] ?? 'dorms.errors.required')
  }
  const c = checked.value
  const at = now.toISOString()
  const event = bedEventSchema.parse({ id: c.event_id, bed_id: c.bed_id, actor_id: args.actorId, device_time: at, type: 'check_in', payload: { stay_id: c.stay_id, occupant_id: args.occupantId } })
  const record: DormCheckInRow = {
    id: c.id,
    stay_id: c.stay_id,
    bed_id: c.bed_id,
    site_id: args.siteId,
    occupant_id: args.occupantId,
    recorded_by: args.actorId,
    bed_event_id: c.event_id,
    template_id: c.template_id,
    started_at: c.started_at,
    submitted_at: at,
    answers: c.answers,
    failed_items: scoreInspection(template, c.answers).failed_items.length,
    meters: c.meters,
    keys: c.keys,
    signature_photo_id: c.signature_photo_id,
    updated_at: at,
    deleted_at: null,
  }
  const photos = [...Object.values(draft.answers).flatMap((a) => a.photos), ...METERS.flatMap((m) => draft.meters[m].photos.slice(0, 1)), ...(draft.signature ? [draft.signature] : [])]
  const owner = { table: 'dorm_check_ins', id: c.id, takenBy: args.actorId }
  const { id: _id, ...payload } = c
  const op = buildOp('dorm_check_in.submit', 'dorm_check_ins', c.id, payload, now)
  const handed = c.keys.flatMap((k) => ('asset_id' in k ? [keyEventRow(k, 'check_out', { stayId: c.stay_id, occupantId: args.occupantId, actorId: args.actorId }, at)] : []))
  op.related = [entityKey('dorm_beds', c.bed_id), entityKey('dorm_stays', c.stay_id), entityKey('dorm_bed_events', c.event_id), ...handed.map((e) => entityKey('custody_events', e.id))]
  await commitWithOutbox(database, CHECK_IN_TABLES, [op, ...photoRegisterOps(photos, owner, now)], async () => {
    await writeBedEvent(database, bedEventRow(event, args.siteId, at))
    await database.dorm_check_ins.add(record)
    await writeKeyEvents(database, handed)
    if (photos.length) await savePhotos(database, photos, owner)
    await database.meta.delete(checkInDraftKey(c.bed_id))
  })
  return record
}
