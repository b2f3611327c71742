/**
 * Submitting a pre-trip check (a checklist run whose subject is a vehicle): ONE transaction
 * writes the check (device score), one maintenance request per failed item (ids made here and
 * named in the op so the server makes the same rows), the photos, the vehicle's state (out of
 * service at once on a critical fail) and the ops; the draft goes in the same transaction.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { MaintenanceRequestRow, VehicleCheckRow } from '@/platform/db/rows'
import { buildOp, commitWithOutbox, entityKey } from '@/platform/sync/outbox'
import { PHOTO_TABLES, photoRegisterOps, savePhotos, type ProcessedPhoto } from '@/platform/photos'
import { scoreInspection } from '@/features/inspections/domain/scoring'
import type { TemplateVersion } from '@/features/inspections/domain/template'
import { draftToAnswers, InspectionInvalidError } from '@/features/inspections/data/submitInspection'
import type { InspectionDraft } from '@/features/inspections/data/drafts'
import { applyStateChange, STATE_TABLES } from './vehicleState'
import { checkDraftKey } from './checkDrafts'

export const CHECK_TABLES = ['vehicle_checks', 'maintenance_requests', 'meta', ...STATE_TABLES, ...PHOTO_TABLES]

/** A check draft is an inspection draft whose area_id is the vehicle's id. */
export type CheckDraft = InspectionDraft

export interface CheckResult {
  check: VehicleCheckRow
  requests: MaintenanceRequestRow[]
}

export async function submitVehicleCheck(database: AdminFieldDb, args: { draft: CheckDraft; template: TemplateVersion }, now = new Date()): Promise<CheckResult> {
  const { draft, template } = args
  const vehicleId = draft.area_id
  const answers = draftToAnswers(template, draft)
  const score = scoreInspection(template, answers)
  if (score.issues.length > 0) throw new InspectionInvalidError(score)
  const at = now.toISOString()
  const check: VehicleCheckRow = {
    id: draft.id,
    vehicle_id: vehicleId,
    template_id: draft.template_id,
    driver_id: draft.inspector_id,
    started_at: draft.started_at,
    submitted_at: at,
    answers,
    score: score.percent,
    grade: score.grade,
    critical_failed: score.critical_failed,
    server_score: null,
    server_grade: null,
    updated_at: at,
    deleted_at: null,
  }
  const requests: MaintenanceRequestRow[] = score.failed_items.map((f) => {
    const a = draft.answers[f.key]
    return {
      id: crypto.randomUUID(),
      vehicle_id: vehicleId,
      requested_by: draft.inspector_id,
      requested_at: at,
      vehicle_check_id: check.id,
      item_key: f.key,
      description: a?.note.trim() || f.text_zh,
      urgency: f.critical ? 'urgent' : 'normal',
      photo_ids: a?.photos.map((p) => p.id) ?? [],
      status: 'requested',
      decided_by: null,
      garage: null,
      cost: null,
      completed_at: null,
      note: null,
      updated_at: at,
      deleted_at: null,
    }
  })
  const photos: ProcessedPhoto[] = Object.values(draft.answers).flatMap((a) => a.photos)
  const owner = { table: 'vehicle_checks', id: check.id, takenBy: draft.inspector_id }
  const op = buildOp(
    'vehicle_check.submit',
    'vehicle_checks',
    check.id,
    {
      id: check.id,
      vehicle_id: vehicleId,
      template_id: check.template_id,
      started_at: check.started_at,
      submitted_at: at,
      answers,
      score: check.score,
      grade: check.grade,
      critical_failed: check.critical_failed,
      maintenance_request_ids: requests.map((r) => ({ id: r.id, item_key: r.item_key })),
    },
    now,
  )
  op.related = [...requests.map((r) => entityKey('maintenance_requests', r.id)), entityKey('vehicle_states', vehicleId)]
  await commitWithOutbox(database, CHECK_TABLES, [op, ...photoRegisterOps(photos, owner, now)], async () => {
    await database.vehicle_checks.add(check)
    if (requests.length) await database.maintenance_requests.bulkAdd(requests)
    if (photos.length) await savePhotos(database, photos, owner)
    await applyStateChange(database, vehicleId, { kind: 'check', check_id: check.id, critical_failed: check.critical_failed, at })
    await database.meta.delete(checkDraftKey(vehicleId))
  })
  return { check, requests }
}
