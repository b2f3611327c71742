/** Rows for rectification tests: an area, an inspection with a failed item, its rectification. */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow, InspectionRow, RectificationRow } from '@/platform/db/rows'

export const CLEANER = '0a000000-0000-4000-8000-000000000007'
export const INSPECTOR = '0a000000-0000-4000-8000-000000000008'
export const HEAD = '0a000000-0000-4000-8000-000000000001'
export const SITE = '05000000-0000-4000-8000-000000000002'
export const DEPT = '0d000000-0000-4000-8000-000000000004'
export const STAMP = '2026-03-01T00:00:00.000Z'

export function area(over: Partial<AreaRow> = {}): AreaRow {
  return {
    id: crypto.randomUUID(), site_id: SITE, building: 'A栋', floor: '3F', name: '男卫生间', area_type: 'washroom', responsible_id: CLEANER,
    department_id: DEPT, frequency: 'daily', template_code: 'sanitation', label_token: null, updated_at: STAMP, deleted_at: null, ...over,
  }
}

export function inspection(areaId: string, over: Partial<InspectionRow> = {}): InspectionRow {
  return {
    id: crypto.randomUUID(), area_id: areaId, template_id: crypto.randomUUID(), inspector_id: INSPECTOR, started_at: STAMP, submitted_at: STAMP,
    via: 'scan', answers: [{ item_key: 'floor_clean', result: 'fail', note: '地面有积水', photo_ids: [] }], score: 80, grade: 'good',
    critical_failed: false, server_score: null, server_grade: null, updated_at: STAMP, deleted_at: null, ...over,
  }
}

export function rectification(insp: InspectionRow, over: Partial<RectificationRow> = {}): RectificationRow {
  return {
    id: crypto.randomUUID(), inspection_id: insp.id, area_id: insp.area_id, item_key: 'floor_clean', item_text: '地面清洁无积水',
    assignee_id: CLEANER, severity: 'normal', due_at: '2026-03-04T00:00:00.000Z', status: 'open', fix_note: null, fix_photo_ids: [],
    fixed_at: null, verified_by: null, verified_at: null, updated_at: STAMP, deleted_at: null, ...over,
  }
}

/** An area, its inspection and one rectification per `overs` entry, stored. */
export async function seedTask(db: AdminFieldDb, ...overs: Partial<RectificationRow>[]) {
  const a = area()
  const i = inspection(a.id)
  const rows = (overs.length ? overs : [{}]).map((o) => rectification(i, o))
  await db.areas.add(a)
  await db.inspections.add(i)
  await db.rectifications.bulkAdd(rows)
  return { area: a, inspection: i, rows, task: rows[0]! }
}
