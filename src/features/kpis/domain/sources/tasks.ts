/**
 * 1.2 行政事务处理 and 1.3 督办 from the tasks engine's rows: tasks (their deadline, completion,
 * summary, score) and 督办 sheets with their remind facts. Mirrors private.kpi_items_tasks.
 */
import { summaryDueOn } from '@/features/tasks/domain/deadlines'
import { addDays, type CalendarDate } from '@/shared/lib/zonedTime'
import { byDay, byTime, type KpiContext, type KpiItem } from '../items'

export interface TaskFacts {
  id: string
  site_id: string
  department_id: string | null
  assignee_id: string | null
  status: string
  due_on: CalendarDate
  completed_at: string | null
  summary_at: string | null
  score: number | null
  scored_at: string | null
  deleted_at: string | null
}

export interface FollowUpFacts {
  id: string
  task_id: string
  officer_id: string
  opened_at: string
  first_at: string | null
  second_at: string | null
  final_at: string | null
  status: string
  deleted_at: string | null
}

export interface RemindFacts {
  id: string
  follow_up_id?: string | null
  type: string
  device_time: string
  data: Record<string, unknown>
  flagged: boolean
  deleted_at?: string | null
}

const live = <T extends { deleted_at: string | null }>(rows: readonly T[]) => rows.filter((r) => r.deleted_at === null)

export function taskItems(ctx: KpiContext, tasks: readonly TaskFacts[]): KpiItem[] {
  const out: KpiItem[] = []
  for (const t of live(tasks)) {
    if (t.status === 'cancelled') continue
    const base = { record_id: t.id, key: t.id, site_id: t.site_id, person_id: t.assignee_id, department_id: t.department_id ?? ctx.departmentOf(t.assignee_id) }
    out.push({ ...base, kpi: 'affairs_on_time', day: t.due_on, value: byDay(ctx, t.due_on, t.completed_at), due: t.due_on, done_at: t.completed_at })
    const summaryDue = summaryDueOn(ctx.calendar, t, ctx.timeZone, ctx.dateOf)
    if (summaryDue !== null) {
      out.push({ ...base, kpi: 'affairs_summary_on_time', day: summaryDue, value: byDay(ctx, summaryDue, t.summary_at), due: summaryDue, done_at: t.summary_at })
    }
    if (t.score !== null && t.scored_at !== null) {
      out.push({ ...base, kpi: 'affairs_score', day: ctx.dateOf(t.scored_at), value: t.score, due: null, done_at: t.scored_at })
    }
  }
  return out
}

/** The next_on each reminder level set (the day the next one is due if the task is still not done). */
function nextOnByLevel(events: readonly RemindFacts[]): Map<string, CalendarDate | null> {
  const out = new Map<string, CalendarDate | null>()
  for (const e of byTime(events, (x) => x.device_time)) {
    const level = e.data.level
    if (e.type !== 'remind' || e.flagged || e.deleted_at || typeof level !== 'string' || out.has(level)) continue
    const next = e.data.next_on
    out.set(level, typeof next === 'string' ? next : null)
  }
  return out
}

/**
 * 催办及时率: each reminder level that fell due (the first on the day the sheet was opened, the
 * second and final on the day the previous one set, else the day after the task's deadline),
 * given by that day or not. A level is not owed when the task was done by its due day, was
 * cancelled, or the sheet was closed. 首次催办成功率: the task done before a second reminder.
 */
export function followUpItems(ctx: KpiContext, sheets: readonly FollowUpFacts[], tasks: ReadonlyMap<string, TaskFacts>, reminds: ReadonlyMap<string, readonly RemindFacts[]>): KpiItem[] {
  const out: KpiItem[] = []
  for (const f of live(sheets)) {
    const task = tasks.get(f.task_id)
    if (!task || task.deleted_at !== null) continue
    const next = nextOnByLevel(reminds.get(f.id) ?? [])
    const base = { record_id: f.id, site_id: task.site_id, person_id: f.officer_id, department_id: ctx.departmentOf(f.officer_id) }
    const levels: [string, CalendarDate, string | null][] = [
      ['first', ctx.dateOf(f.opened_at), f.first_at],
      ['second', next.get('first') ?? addDays(task.due_on, 1), f.second_at],
      ['final', next.get('second') ?? addDays(task.due_on, 1), f.final_at],
    ]
    let previousGiven = true
    for (const [level, due, done] of levels) {
      if (!previousGiven) break
      previousGiven = done !== null
      if (done === null) {
        const doneInTime = task.completed_at !== null && ctx.dateOf(task.completed_at) <= due
        if (task.status === 'cancelled' || doneInTime || f.status !== 'open') break
      }
      out.push({ ...base, kpi: 'follow_up_reminder_on_time', key: `${f.id}:${level}`, day: due, value: byDay(ctx, due, done), due, done_at: done })
    }
    if (f.first_at !== null && task.status !== 'cancelled') {
      const success = task.completed_at !== null && (f.second_at === null || Date.parse(task.completed_at) <= Date.parse(f.second_at))
      const value = success ? 1 : f.second_at !== null ? 0 : null
      out.push({ ...base, kpi: 'follow_up_first_success', key: f.id, day: ctx.dateOf(f.first_at), value, due: null, done_at: task.completed_at })
    }
  }
  return out
}
