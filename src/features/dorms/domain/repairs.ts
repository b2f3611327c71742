/**
 * 报修 from a dormitory room: a resident (or the dorm manager) reports a defect with photos; it
 * becomes a task of the tasks engine (source 'repair', source_ref = the room's id) for the site's
 * dorm manager, due in REPAIR_DUE_WORKING_DAYS working days, tracked to done there. The server's
 * twin is supabase/migrations/20261202170100_dorm_repairs.sql (dorm_repair.report).
 */
import { z } from 'zod'
import { assignerLevel, newTask, type Task, type TaskActor } from '@/features/tasks/domain'
import type { CalendarDate } from '@/shared/lib/zonedTime'
import { optionalText, photoIds, text, uuid } from './fieldSchemas'

export const REPAIR_DUE_WORKING_DAYS = 3
export const REPAIR_LIMITS = { what: 100, description: 2000 } as const

export const repairReportSchema = z.object({
  room_id: uuid(),
  bed_id: uuid().nullable().default(null),
  /** What is broken, in a few words: the task's title. */
  what: text(REPAIR_LIMITS.what),
  description: optionalText(REPAIR_LIMITS.description),
  photo_ids: photoIds(),
})
export type RepairReportInput = z.input<typeof repairReportSchema>

/** The task's title, as private.dorm_repair_title: '101室-2 报修：空调不制冷'. */
export function repairTitle(roomNumber: string, bedCode: string | null, what: string): string {
  return `${roomNumber}室${bedCode ? `-${bedCode}` : ''} 报修：${what.trim()}`
}

export interface RepairContext {
  taskId: string
  siteId: string
  roomNumber: string
  /** The bed's code when one bed is named. */
  bedCode: string | null
  reporter: TaskActor
  at: string
  dueOn: CalendarDate
}

export type RepairOutcome =
  | { ok: true; task: Task; payload: Record<string, unknown> }
  | { ok: false; issues: { field: string; message: string }[] }

/**
 * The report's task as the server will make it (the assignee is left to the server: a resident's
 * phone does not know who manages the site's dormitories) and the op's payload.
 */
export function reportRepair(input: RepairReportInput, ctx: RepairContext): RepairOutcome {
  const parsed = repairReportSchema.safeParse(input)
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? '_'), message: i.message })) }
  const r = parsed.data
  const task = newTask(
    {
      id: ctx.taskId,
      site_id: ctx.siteId,
      title: repairTitle(ctx.roomNumber, ctx.bedCode, r.what),
      source: 'repair',
      source_ref: r.room_id,
      assignee_id: null,
      department_id: null,
      co_assignee_ids: [],
      method: r.description,
      due_on: ctx.dueOn,
      priority: 'normal',
      photo_ids: r.photo_ids,
      assigned_at: ctx.at,
    },
    { id: ctx.reporter.id, level: assignerLevel(ctx.reporter, ctx.siteId) },
  )
  const payload: Record<string, unknown> = { room_id: r.room_id, what: r.what, photo_ids: r.photo_ids }
  if (r.bed_id) payload.bed_id = r.bed_id
  if (r.description) payload.description = r.description
  return { ok: true, task, payload }
}

/** A room's repair tasks, newest first. */
export function roomRepairs<T extends Pick<Task, 'source' | 'source_ref' | 'assigned_at' | 'deleted_at'>>(tasks: readonly T[], roomId: string): T[] {
  return tasks.filter((t) => t.source === 'repair' && t.source_ref === roomId && t.deleted_at === null).sort((a, b) => b.assigned_at.localeCompare(a.assigned_at))
}
