/** A pre-trip check in progress, kept in meta (photos as Blobs) so a reload loses nothing. */
import { getMeta, setMeta, type AdminFieldDb } from '@/platform/db'
import type { InspectionDraft } from '@/features/inspections/data/drafts'

export const checkDraftKey = (vehicleId: string): string => `vehicle_check_draft:${vehicleId}`

export async function loadCheckDraft(database: AdminFieldDb, vehicleId: string): Promise<InspectionDraft | undefined> {
  return getMeta<InspectionDraft>(database, checkDraftKey(vehicleId))
}

/** A plain copy: IndexedDB cannot clone Vue proxies. */
export async function saveCheckDraft(database: AdminFieldDb, draft: InspectionDraft): Promise<void> {
  const answers: InspectionDraft['answers'] = {}
  for (const [k, a] of Object.entries(draft.answers)) answers[k] = { result: a.result, points: a.points, note: a.note, photos: a.photos.map((p) => ({ ...p, warnings: [...p.warnings], quality: { ...p.quality } })) }
  await setMeta(database, checkDraftKey(draft.area_id), { ...draft, answers, updated_at: new Date().toISOString() })
}
