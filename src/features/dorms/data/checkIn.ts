/**
 * The check-in walk-through on the device: its draft (meta, photos as Blobs, so a reload or a dead
 * battery loses nothing) and the step checks made without zod. The save is in checkInSubmit.ts (it
 * validates with zod: the page imports it when the resident saves).
 */
import { getMeta, setMeta, type AdminFieldDb } from '@/platform/db'
import type { ProcessedPhoto } from '@/platform/photos'
import { draftToAnswers, type DraftAnswer } from '@/features/inspections/data/drafts'
import { scoreInspection } from '@/features/inspections/domain/scoring'
import type { TemplateVersion } from '@/features/inspections/domain/template'
import { METERS, parseReading, type Meter } from '../domain/checkIn'

export interface CheckInDraft {
  /** The check-in record's id (the photos' owner). */
  id: string
  event_id: string
  bed_id: string
  stay_id: string
  template_id: string
  started_at: string
  step: number
  answers: Record<string, DraftAnswer>
  meters: Record<Meter, { reading: string; photos: ProcessedPhoto[] }>
  /** Keys without a label, by the number stamped on them. */
  keys: string[]
  /** Labelled keys and cards (dorm_key assets) handed over: custody check_outs to the resident. */
  key_assets: string[]
  rules_ack: boolean
  signature: ProcessedPhoto | null
  updated_at: string
}

export const checkInDraftKey = (bedId: string): string => `dorm_checkin_draft:${bedId}`

export function newCheckInDraft(bedId: string, stayId: string, templateId: string, now = new Date()): CheckInDraft {
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
    keys: [''],
    key_assets: [],
    rules_ack: false,
    signature: null,
    updated_at: now.toISOString(),
  }
}

export async function loadCheckInDraft(database: AdminFieldDb, bedId: string): Promise<CheckInDraft | undefined> {
  // A draft saved before keys were custody items has no key_assets.
  const d = await getMeta<Omit<CheckInDraft, 'key_assets'> & { key_assets?: string[] }>(database, checkInDraftKey(bedId))
  return d && { ...d, key_assets: d.key_assets ?? [] }
}

export const plainPhoto = (p: ProcessedPhoto): ProcessedPhoto => ({ ...p, warnings: [...p.warnings], quality: { ...p.quality } })

/** A plain copy: IndexedDB cannot clone Vue's reactive proxies. */
export async function saveCheckInDraft(database: AdminFieldDb, d: CheckInDraft): Promise<void> {
  const answers: CheckInDraft['answers'] = {}
  for (const [k, a] of Object.entries(d.answers)) answers[k] = { result: a.result, points: a.points, note: a.note, photos: a.photos.map(plainPhoto) }
  const meters = Object.fromEntries(METERS.map((m) => [m, { reading: d.meters[m].reading, photos: d.meters[m].photos.map(plainPhoto) }])) as CheckInDraft['meters']
  await setMeta(database, checkInDraftKey(d.bed_id), {
    ...d,
    answers,
    meters,
    keys: [...d.keys],
    key_assets: [...d.key_assets],
    signature: d.signature ? plainPhoto(d.signature) : null,
    updated_at: new Date().toISOString(),
  })
}

export type CheckInStepIssue = 'inventory' | 'meters' | 'rules'

/**
 * The first of the inventory and meters steps that is not complete, without zod (the walk-through
 * checks a step as the resident moves on); null when both are. The rules step and the record's shape
 * are checked at the save (checkInFromDraft, checkInSubmit.ts).
 */
export function checkInStepIssue(d: CheckInDraft, template: TemplateVersion): { step: 'inventory' | 'meters'; keys: string[] } | null {
  const score = scoreInspection(template, draftToAnswers(template, d))
  if (score.issues.length) return { step: 'inventory', keys: score.issues.map((i) => i.key) }
  if (METERS.some((m) => parseReading(d.meters[m].reading) === null || !d.meters[m].photos[0]?.id)) return { step: 'meters', keys: ['dorms.errors.reading'] }
  return null
}

