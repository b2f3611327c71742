/**
 * An inspection in progress, kept in the device's meta table (photos included, as Blobs) so a
 * reload, a crash or a dead battery loses nothing typed. One draft per area; submit deletes it
 * in the same transaction that writes the inspection.
 */
// meta.ts itself, not the db index: importing these helpers must not load Dexie (issue 13).
import type { AdminFieldDb } from '@/platform/db'
import { getMeta, setMeta } from '@/platform/db/meta'
import type { ProcessedPhoto } from '@/platform/photos'
import type { Answer } from '../domain/scoring'
import type { TemplateVersion } from '../domain/template'

export interface DraftAnswer {
  result: 'pass' | 'fail' | 'na' | 'points' | null
  points: number | null
  note: string
  photos: ProcessedPhoto[]
}

export interface InspectionDraft {
  /** The inspection's id, made when the draft starts (photos' owner id). */
  id: string
  area_id: string
  template_id: string
  inspector_id: string
  via: 'scan' | 'list'
  started_at: string
  answers: Record<string, DraftAnswer>
  updated_at: string
}

export const draftKey = (areaId: string): string => `inspection_draft:${areaId}`

export function emptyAnswer(): DraftAnswer {
  return { result: null, points: null, note: '', photos: [] }
}

export async function loadDraft(database: AdminFieldDb, areaId: string): Promise<InspectionDraft | undefined> {
  return getMeta<InspectionDraft>(database, draftKey(areaId))
}

/** Stores a plain copy (no Vue proxies: IndexedDB cannot clone them). */
export async function saveDraft(database: AdminFieldDb, draft: InspectionDraft): Promise<void> {
  const answers: Record<string, DraftAnswer> = {}
  for (const [k, a] of Object.entries(draft.answers)) answers[k] = { result: a.result, points: a.points, note: a.note, photos: a.photos.map((p) => ({ ...p, warnings: [...p.warnings], quality: { ...p.quality } })) }
  await setMeta(database, draftKey(draft.area_id), { ...draft, answers, updated_at: new Date().toISOString() })
}

export async function discardDraft(database: AdminFieldDb, areaId: string): Promise<void> {
  await database.meta.delete(draftKey(areaId))
}

/** Areas with a draft on this device (the "continue" list). */
export async function draftAreaIds(database: AdminFieldDb): Promise<string[]> {
  const keys = await database.meta.where('key').startsWith('inspection_draft:').primaryKeys()
  return keys.map((k) => String(k).slice('inspection_draft:'.length))
}

/** True when the draft holds anything the inspector entered. */
export function draftHasInput(draft: Pick<InspectionDraft, 'answers'>): boolean {
  return Object.values(draft.answers).some((a) => a.result !== null || a.note.trim() !== '' || a.photos.length > 0)
}

/** The draft's answers as the domain and the server read them (template order). */
export function draftToAnswers(template: TemplateVersion, draft: Pick<InspectionDraft, 'answers'>): Answer[] {
  const out: Answer[] = []
  for (const section of template.sections) {
    for (const item of section.items) {
      const a = draft.answers[item.key]
      if (!a || a.result === null) continue
      const answer: Answer = { item_key: item.key, result: a.result }
      if (a.result === 'points' && a.points !== null) answer.points = a.points
      if (a.note.trim()) answer.note = a.note.trim()
      if (a.photos.length) answer.photo_ids = a.photos.map((p) => p.id)
      out.push(answer)
    }
  }
  return out
}
