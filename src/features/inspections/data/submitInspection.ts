/**
 * Submitting an inspection: ONE transaction writes the inspection (with the device's score),
 * the rectifications its failed items create (ids made here, named in the op so the server
 * makes the same rows), the photos, the ops, and deletes the draft. Works offline.
 */
import { loadDeadlineCalendar, type AdminFieldDb } from '@/platform/db'
import type { AreaRow, InspectionRow, RectificationRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { scoreInspection, type ScoreResult } from '../domain/scoring'
import type { TemplateVersion } from '../domain/template'
import { draftKey, draftToAnswers, type InspectionDraft } from './drafts'
import { buildRectifications, rectificationPayload } from './rectificationRows'

export class InspectionInvalidError extends Error {
  constructor(readonly score: ScoreResult) {
    super(`inspection answers are invalid: ${score.issues.map((i) => `${i.key}@${i.item_key ?? '?'}`).join(', ')}`)
    this.name = 'InspectionInvalidError'
  }
}

// Where the save's callers found it; it lives with the draft (pages import it without the save).
export { draftToAnswers }

export interface SubmitResult {
  inspection: InspectionRow
  rectifications: RectificationRow[]
}

export async function submitInspection(
  database: AdminFieldDb,
  args: { draft: InspectionDraft; template: TemplateVersion; area: AreaRow },
  now = new Date(),
): Promise<SubmitResult> {
  const { draft, template, area } = args
  const answers = draftToAnswers(template, draft)
  const score = scoreInspection(template, answers)
  if (score.issues.length > 0) throw new InspectionInvalidError(score)
  const stamp = now.toISOString()
  const inspection: InspectionRow = {
    id: draft.id,
    area_id: area.id,
    template_id: draft.template_id,
    inspector_id: draft.inspector_id,
    started_at: draft.started_at,
    submitted_at: stamp,
    via: draft.via,
    answers,
    score: score.percent,
    grade: score.grade,
    critical_failed: score.critical_failed,
    server_score: null,
    server_grade: null,
    responsible_id: area.responsible_id,
    updated_at: stamp,
    deleted_at: null,
  }
  const rectifications = buildRectifications(inspection, template, area, await loadDeadlineCalendar(database))
  const photos: ProcessedPhoto[] = Object.values(draft.answers).flatMap((a) => a.photos)
  const owner = { table: 'inspections', id: inspection.id, takenBy: draft.inspector_id }
  const op = buildOp(
    'inspection.submit',
    'inspections',
    inspection.id,
    {
      id: inspection.id,
      area_id: inspection.area_id,
      template_id: inspection.template_id,
      started_at: inspection.started_at,
      submitted_at: stamp,
      via: inspection.via,
      answers,
      score: inspection.score,
      grade: inspection.grade,
      critical_failed: inspection.critical_failed,
      rectifications: rectificationPayload(rectifications),
    },
    now,
  )
  // The rectifications reach the server inside this op: unsynced exactly as long, and a pull leaves them alone.
  op.related = rectifications.map((r) => entityKey('rectifications', r.id))
  const tables = ['inspections', 'rectifications', 'meta', ...PHOTO_TABLES]
  await commitWithOutbox(database, tables, [op, ...photoRegisterOps(photos, owner, now)], async () => {
    await database.inspections.add(inspection)
    if (rectifications.length) await database.rectifications.bulkAdd(rectifications)
    if (photos.length) await savePhotos(database, photos, owner)
    await database.meta.delete(draftKey(area.id))
  })
  return { inspection, rectifications }
}
