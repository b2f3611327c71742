/** Reading inspections and the rectifications they created. No zod, no writes. */
import type { AdminFieldDb } from '@/platform/db'
import type { InspectionRow, RectificationRow } from '@/platform/db/rows'

export interface InspectionRange {
  /** ISO instant, inclusive. */
  from: string
  /** ISO instant, exclusive. */
  to: string
}

/** Inspections submitted in [from, to), oldest first. */
export async function listInspections(database: AdminFieldDb, range: InspectionRange): Promise<InspectionRow[]> {
  const rows = await database.inspections.where('submitted_at').between(range.from, range.to, true, false).toArray()
  return rows.filter((r) => r.deleted_at === null)
}

export async function getInspection(database: AdminFieldDb, id: string): Promise<InspectionRow | undefined> {
  const row = await database.inspections.get(id)
  return row && row.deleted_at === null ? row : undefined
}

/** An area's inspections, newest first. */
export async function inspectionsOfArea(database: AdminFieldDb, areaId: string, limit = 20): Promise<InspectionRow[]> {
  const rows = await database.inspections.where('area_id').equals(areaId).toArray()
  return rows
    .filter((r) => r.deleted_at === null)
    .sort((a, b) => b.submitted_at.localeCompare(a.submitted_at))
    .slice(0, limit)
}

export async function rectificationsOfInspection(database: AdminFieldDb, inspectionId: string): Promise<RectificationRow[]> {
  const rows = await database.rectifications.where('inspection_id').equals(inspectionId).toArray()
  return rows.filter((r) => r.deleted_at === null)
}
