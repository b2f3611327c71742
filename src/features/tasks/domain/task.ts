/**
 * A task (行政事务任务, manual 1.2): what is to be done, where it came from, who gave it,
 * who carries it out, how, by when. The creation facts never change; the rest of the row
 * (status, assignee after a handover, the problem's level, report, summary, score, the
 * current 督办 sheet) is derived by folding the task's events (machine.ts), on the server
 * and, optimistically, on the device. What task.assign accepts (zod): taskSchema.ts.
 */
import type { CalendarDate } from '@/shared/lib/zonedTime'
import type { TaskAssign } from './taskSchema'

/** 领导批示 a leader's instruction, 会议决议 a meeting resolution, 文件 a document, 检查发现 an inspection finding. */
export const TASK_SOURCES = ['instruction', 'resolution', 'document', 'inspection', 'repair'] as const
export type TaskSource = (typeof TASK_SOURCES)[number]
/** What task.assign accepts: a dormitory repair ('repair') is made only by the dorm_repair.report op. */
export const ASSIGN_SOURCES = ['instruction', 'resolution', 'document', 'inspection'] as const satisfies readonly TaskSource[]

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type TaskPriority = (typeof TASK_PRIORITIES)[number]

/**
 * assigned: waiting for the assignee to accept; accepted: being done; problem: a problem
 * raised, with someone up the line (escalation_level); handover: being handed to another
 * assignee, waiting for both sides to confirm the written record; completed: report in;
 * scored: the admin head scored it (closed); cancelled.
 */
export const TASK_STATUSES = ['assigned', 'accepted', 'problem', 'handover', 'completed', 'scored', 'cancelled'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const OPEN_STATUSES: readonly TaskStatus[] = ['assigned', 'accepted', 'problem', 'handover']
export const isOpen = (status: TaskStatus) => OPEN_STATUSES.includes(status)

/**
 * Up the line one level at a time (DESIGN.md): the person above (the task giver) → the head of the
 * task's department (部门负责人, departments.head_id) → 行政部长 → 执行长. A task's first level (its
 * assigner_level) is never the department head's: a problem goes first to whoever gave the task.
 */
export const ESCALATION_LEVELS = ['supervisor', 'department_head', 'admin_head', 'executive'] as const
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number]
export type AssignerLevel = Exclude<EscalationLevel, 'department_head'>

export interface Task {
  id: string
  site_id: string
  title: string
  source: TaskSource
  source_ref: string | null
  assigner_id: string
  /** The first level a problem goes to: 'supervisor' unless the assigner is the admin head or the executive. */
  assigner_level: AssignerLevel
  /** The person the task was given to (a creation fact); null for a department's task. */
  assigned_to: string | null
  /** The person carrying it out now; null while a department's task waits for one of its people to accept. */
  assignee_id: string | null
  /** The responsible department (the 督办 ledger counts by it). */
  department_id: string | null
  co_assignee_ids: string[]
  method: string | null
  /** The deadline as assigned, and as it stands (a resolved problem or a handover may move it). */
  assigned_due_on: CalendarDate
  due_on: CalendarDate
  priority: TaskPriority
  photo_ids: string[]
  assigned_at: string
  status: TaskStatus
  /** Where a problem or a handover returns to. */
  resume_status: TaskStatus | null
  accepted_at: string | null
  problem_note: string | null
  problem_at: string | null
  escalation_level: EscalationLevel | null
  handover_from: string | null
  handover_to: string | null
  handover_note: string | null
  handover_from_ok: boolean
  handover_to_ok: boolean
  last_progress_at: string | null
  completed_at: string | null
  report: string | null
  report_photo_ids: string[]
  summary: string | null
  summary_at: string | null
  score: number | null
  score_note: string | null
  scored_by: string | null
  scored_at: string | null
  /** The task's current 督办 sheet, if any. */
  follow_up_id: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** A new task as stored: assigned, nothing done yet. */
export function newTask(input: Omit<TaskAssign, 'source'> & { source: TaskSource }, assigner: { id: string; level: AssignerLevel }): Task {
  return {
    id: input.id,
    site_id: input.site_id,
    title: input.title,
    source: input.source,
    source_ref: input.source_ref,
    assigner_id: assigner.id,
    assigner_level: assigner.level,
    assigned_to: input.assignee_id,
    assignee_id: input.assignee_id,
    department_id: input.department_id,
    co_assignee_ids: input.co_assignee_ids,
    method: input.method,
    assigned_due_on: input.due_on,
    due_on: input.due_on,
    priority: input.priority,
    photo_ids: input.photo_ids,
    assigned_at: input.assigned_at,
    status: 'assigned',
    resume_status: null,
    accepted_at: null,
    problem_note: null,
    problem_at: null,
    escalation_level: null,
    handover_from: null,
    handover_to: null,
    handover_note: null,
    handover_from_ok: false,
    handover_to_ok: false,
    last_progress_at: null,
    completed_at: null,
    report: null,
    report_photo_ids: [],
    summary: null,
    summary_at: null,
    score: null,
    score_note: null,
    scored_by: null,
    scored_at: null,
    follow_up_id: null,
    created_at: input.assigned_at,
    updated_at: input.assigned_at,
    deleted_at: null,
  }
}
