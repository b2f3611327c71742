/**
 * Reading rectifications (整改) on the device: the assignee's open tasks, the tasks waiting
 * for an inspector's verification, the open ones the admin head watches for escalation,
 * and one task with its inspection, area and photos. No zod, no writes.
 */
import type { AdminFieldDb } from '@/platform/db'
import type { AreaRow, InspectionRow, RectificationRow } from '@/platform/db/rows'

const live = <T extends { deleted_at: string | null }>(rows: T[]): T[] => rows.filter((r) => r.deleted_at === null)

/** Soonest due first; equal dues keep a stable order by id. */
export function byDue(a: RectificationRow, b: RectificationRow): number {
  return a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id < b.id ? -1 : 1
}

/** The assignee's tasks still to fix (open or reopened), soonest due first. */
export async function tasksAssignedTo(database: AdminFieldDb, userId: string): Promise<RectificationRow[]> {
  const rows = await database.rectifications.where('assignee_id').equals(userId).toArray()
  return live(rows)
    .filter((r) => r.status === 'open' || r.status === 'reopened')
    .sort(byDue)
}

/** Tasks fixed and waiting for the on-the-spot verification, oldest fix first. */
export async function tasksToVerify(database: AdminFieldDb): Promise<RectificationRow[]> {
  const rows = await database.rectifications.where('status').equals('fixed').toArray()
  return live(rows).sort((a, b) => (a.fixed_at ?? '').localeCompare(b.fixed_at ?? ''))
}

/** Every task not fixed yet (open or reopened): the admin head's escalation list filters these. */
export async function unfixedTasks(database: AdminFieldDb): Promise<RectificationRow[]> {
  const rows = await database.rectifications.where('status').anyOf('open', 'reopened').toArray()
  return live(rows).sort(byDue)
}

/** The areas a list names, by id (300 areas at most: a bulkGet is cheap). */
export async function areasById(database: AdminFieldDb, ids: Iterable<string>): Promise<Map<string, AreaRow>> {
  const wanted = [...new Set(ids)]
  const rows = await database.areas.bulkGet(wanted)
  const map = new Map<string, AreaRow>()
  for (const a of rows) if (a && a.deleted_at === null) map.set(a.id, a)
  return map
}

/** Inspector of each inspection a list names: the verify list shows "mine" first. */
export async function inspectorsById(database: AdminFieldDb, inspectionIds: Iterable<string>): Promise<Map<string, string>> {
  const rows = await database.inspections.bulkGet([...new Set(inspectionIds)])
  const map = new Map<string, string>()
  for (const i of rows) if (i) map.set(i.id, i.inspector_id)
  return map
}

export interface TaskDetail {
  task: RectificationRow
  inspection: InspectionRow | null
  area: AreaRow | null
  /** The failed item's photos taken during the inspection ("before"). */
  beforePhotoIds: string[]
  /** The failed item's note from the inspection. */
  inspectionNote: string | null
}

interface AnswerLike {
  item_key?: unknown
  note?: unknown
  photo_ids?: unknown
}

/** The answer for one item in an inspection's answers JSON (read defensively: it is synced data). */
function answerFor(inspection: InspectionRow | null, itemKey: string): AnswerLike | null {
  const answers = inspection?.answers
  if (!Array.isArray(answers)) return null
  return (answers as AnswerLike[]).find((a) => a && a.item_key === itemKey) ?? null
}

export async function loadTaskDetail(database: AdminFieldDb, id: string): Promise<TaskDetail | null> {
  const task = await database.rectifications.get(id)
  if (!task || task.deleted_at !== null) return null
  const [inspection, area] = await Promise.all([database.inspections.get(task.inspection_id), database.areas.get(task.area_id)])
  const answer = answerFor(inspection ?? null, task.item_key)
  let before = Array.isArray(answer?.photo_ids) ? (answer.photo_ids as unknown[]).filter((x): x is string => typeof x === 'string') : []
  if (before.length === 0 && inspection) {
    // Older answers may not list their photos: fall back to all of the inspection's photos.
    const rows = await database.photos.where('[owner_table+owner_id]').equals(['inspections', inspection.id]).toArray()
    before = live(rows).map((p) => p.id)
  }
  return {
    task,
    inspection: inspection && inspection.deleted_at === null ? inspection : null,
    area: area && area.deleted_at === null ? area : null,
    beforePhotoIds: before,
    inspectionNote: typeof answer?.note === 'string' && answer.note ? answer.note : null,
  }
}
