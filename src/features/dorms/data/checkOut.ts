/**
 * The check-out walk-through on the device: its draft (photos as Blobs, so a reload loses nothing), what
 * it is compared with (the stay's check-in record, the roommates' stays for the utility share), and the
 * save — ONE transaction writes the check-out record, the bed's check_out event with the bed re-folded
 * (free at once) and its new damage priced from the list, the custody check_in of each labelled key
 * handed back, every photo, the ops
 * (dorm_check_out.submit, then photo.register for each) and deletes the draft.
 */
import { getMeta, setMeta, type AdminFieldDb } from '@/platform/db'
import type { DormCheckInRow, DormCheckOutRow, DormStayRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import type { DraftAnswer } from '@/features/inspections/data/drafts'
import { draftToAnswers, InspectionInvalidError } from '@/features/inspections/data/submitInspection'
import { scoreInspection } from '@/features/inspections/domain/scoring'
import type { TemplateVersion } from '@/features/inspections/domain/template'
import { CUSTODY_TABLES } from '@/features/assets'
import { METERS, parseReading, type Meter } from '../domain/checkIn'
import { checkOutSchema, newDamage, type CheckOut } from '../domain/checkOut'
import { priceDamages } from '../domain/utilities'
import { bedEventSchema } from '../domain/bedEvents'
import { BED_TABLES, bedEventRow, writeBedEvent } from './bedWrite'
import { plainPhoto } from './checkIn'
import { keyEventRow, writeKeyEvents } from './keys'

export interface CheckOutDraft {
  id: string
  event_id: string
  bed_id: string
  stay_id: string
  template_id: string
  started_at: string
  step: number
  answers: Record<string, DraftAnswer>
  meters: Record<Meter, { reading: string; photos: ProcessedPhoto[] }>
  /** Keys without a label handed back, by number. */
  keys: string[]
  /** Labelled keys handed back (custody check_ins). */
  key_assets: string[]
  note: string
  updated_at: string
}

export const checkOutDraftKey = (stayId: string): string => `dorm_checkout_draft:${stayId}`

export function newCheckOutDraft(bedId: string, stayId: string, templateId: string, now = new Date()): CheckOutDraft {
  return {
    id: crypto.randomUUID(),
    event_id: crypto.randomUUID(),
    bed_id: bedId,
    stay_id: stayId,
    template_id: templateId,
    started_at: now.toISOString(),
    step: 0,
    answers: {},
    meters: { water: { reading: '', photos: [] }, electricity: { reading: '', photos: [] } },
    keys: [],
    key_assets: [],
    note: '',
    updated_at: now.toISOString(),
  }
}

export const loadCheckOutDraft = (database: AdminFieldDb, stayId: string): Promise<CheckOutDraft | undefined> => getMeta<CheckOutDraft>(database, checkOutDraftKey(stayId))

/** A plain copy: IndexedDB cannot clone Vue's reactive proxies. */
export async function saveCheckOutDraft(database: AdminFieldDb, d: CheckOutDraft): Promise<void> {
  const answers: CheckOutDraft['answers'] = {}
  for (const [k, a] of Object.entries(d.answers)) answers[k] = { result: a.result, points: a.points, note: a.note, photos: a.photos.map(plainPhoto) }
  const meters = Object.fromEntries(METERS.map((m) => [m, { reading: d.meters[m].reading, photos: d.meters[m].photos.map(plainPhoto) }])) as CheckOutDraft['meters']
  await setMeta(database, checkOutDraftKey(d.stay_id), { ...d, answers, meters, keys: [...d.keys], key_assets: [...d.key_assets], updated_at: new Date().toISOString() })
}

/** The stay's check-in record (the first, if several were recorded), to compare with. */
export async function checkInOfStay(database: AdminFieldDb, stayId: string): Promise<DormCheckInRow | null> {
  const rows = (await database.dorm_check_ins.where('stay_id').equals(stayId).toArray()).filter((r) => r.deleted_at === null)
  return rows.sort((a, b) => a.submitted_at.localeCompare(b.submitted_at) || (a.id < b.id ? -1 : 1))[0] ?? null
}

/** Everyone else who lived in the room while this stay was active (for the utility share). */
export async function roommateStays(database: AdminFieldDb, stay: DormStayRow): Promise<DormStayRow[]> {
  const rows = await database.dorm_stays.where('room_id').equals(stay.room_id).toArray()
  return rows.filter((s) => s.id !== stay.id && s.deleted_at === null && s.checked_in_at !== null)
}

export type CheckOutStepIssue = 'inventory' | 'meters'

export function checkOutFromDraft(d: CheckOutDraft, template: TemplateVersion): { ok: true; value: CheckOut } | { ok: false; step: CheckOutStepIssue; keys: string[] } {
  const answers = draftToAnswers(template, d)
  const score = scoreInspection(template, answers)
  if (score.issues.length) return { ok: false, step: 'inventory', keys: score.issues.map((i) => i.key) }
  const meters = METERS.map((m) => ({ meter: m, reading: parseReading(d.meters[m].reading), photo_id: d.meters[m].photos[0]?.id }))
  if (meters.some((m) => m.reading === null || !m.photo_id)) return { ok: false, step: 'meters', keys: ['dorms.errors.reading'] }
  const parsed = checkOutSchema.safeParse({
    id: d.id,
    stay_id: d.stay_id,
    bed_id: d.bed_id,
    event_id: d.event_id,
    template_id: d.template_id,
    started_at: d.started_at,
    answers,
    meters,
    keys: [...d.key_assets.map((asset_id) => ({ asset_id, event_id: crypto.randomUUID() })), ...d.keys.map((k) => k.trim()).filter(Boolean).map((label) => ({ label }))],
    note: d.note.trim() || undefined,
  })
  if (!parsed.success) return { ok: false, step: 'meters', keys: parsed.error.issues.map((i) => i.message) }
  return { ok: true, value: parsed.data }
}

export const CHECK_OUT_TABLES = [...BED_TABLES, 'dorm_check_outs', 'dorm_check_ins', 'meta', ...PHOTO_TABLES, ...CUSTODY_TABLES]

export async function submitCheckOut(
  database: AdminFieldDb,
  args: { draft: CheckOutDraft; template: TemplateVersion; occupantId: string; siteId: string; actorId: string; prices?: Readonly<Record<string, number>> },
  now = new Date(),
): Promise<DormCheckOutRow> {
  const { draft, template } = args
  const checked = checkOutFromDraft(draft, template)
  if (!checked.ok) {
    if (checked.step === 'inventory') throw new InspectionInvalidError(scoreInspection(template, draftToAnswers(template, draft)))
    throw new Error(checked.keys[0] ?? 'dorms.errors.required')
  }
  const c = checked.value
  const at = now.toISOString()
  const event = bedEventSchema.parse({ id: c.event_id, bed_id: c.bed_id, actor_id: args.actorId, device_time: at, type: 'check_out', payload: { stay_id: c.stay_id, ...(c.note ? { note: c.note } : {}) } })
  const handedBack = c.keys.flatMap((k) => ('asset_id' in k ? [keyEventRow(k, 'check_in', { stayId: c.stay_id, occupantId: args.occupantId, actorId: args.actorId }, at)] : []))
  const photos = [...Object.values(draft.answers).flatMap((a) => a.photos), ...METERS.flatMap((m) => draft.meters[m].photos.slice(0, 1))]
  const owner = { table: 'dorm_check_outs', id: c.id, takenBy: args.actorId }
  const { id: _id, ...payload } = c
  const op = buildOp('dorm_check_out.submit', 'dorm_check_outs', c.id, payload, now)
  op.related = [entityKey('dorm_beds', c.bed_id), entityKey('dorm_stays', c.stay_id), entityKey('dorm_bed_events', c.event_id), ...handedBack.map((e) => entityKey('custody_events', e.id))]
  let record: DormCheckOutRow | null = null
  await commitWithOutbox(database, CHECK_OUT_TABLES, [op, ...photoRegisterOps(photos, owner, now)], async () => {
    const checkIn = await checkInOfStay(database, c.stay_id)
    const fresh = newDamage(checkIn?.answers ?? null, c.answers)
    const priced = priceDamages(fresh, args.prices ?? {})
    record = {
      id: c.id,
      stay_id: c.stay_id,
      bed_id: c.bed_id,
      site_id: args.siteId,
      occupant_id: args.occupantId,
      recorded_by: args.actorId,
      bed_event_id: c.event_id,
      check_in_id: checkIn?.id ?? null,
      template_id: c.template_id,
      started_at: c.started_at,
      submitted_at: at,
      answers: c.answers,
      failed_items: scoreInspection(template, c.answers).failed_items.length,
      new_damage: fresh,
      damages: priced.lines,
      damage_fen: priced.totalFen,
      meters: c.meters,
      keys: c.keys,
      note: c.note ?? null,
      updated_at: at,
      deleted_at: null,
    }
    await writeBedEvent(database, bedEventRow(event, args.siteId, at))
    await database.dorm_check_outs.add(record)
    await writeKeyEvents(database, handedBack)
    if (photos.length) await savePhotos(database, photos, owner)
    await database.meta.delete(checkOutDraftKey(c.stay_id))
  })
  if (!record) throw new Error('check-out not recorded')
  return record
}
