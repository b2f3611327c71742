/**
 * An overdue task goes up the line by itself (逾期上报), one level at a time as the manual says for a
 * problem beyond the assignee (the person above → 部门负责人 → 行政部长 → 执行长), on the same ladder
 * a raised problem climbs (escalationTarget): once an open task is LATE_STEP_WORKING_DAYS working
 * days past its deadline it reaches the first level (whoever gave it: the task's assigner_level), and
 * every LATE_STEP_WORKING_DAYS working days more, the next one, up to 执行长. Working days on the
 * company calendar at the task's site, counted after the due day up to and including today.
 *
 * Nothing is recorded: the level is computed from the deadline, the calendar and today, the same on
 * the device (the bell and the reminder centre show it to whoever is at that level, offline) and on
 * the server (private.task_late_level; private.due_reminders sends it once per level and deadline).
 * A raised problem ('problem') is not included: it already waits on someone, who escalates by hand.
 * Moving the deadline (a resolved problem, a handover) starts the count again.
 */
import { addWorkingDays, isWorkingDay, type CompanyCalendar } from '@/shared/lib/calendar'
import { addDays, type CalendarDate } from '@/shared/lib/zonedTime'
import { escalationTarget } from './actors'
import type { EscalationLevel, Task, TaskStatus } from './task'

/** Working days past the deadline per level. */
export const LATE_STEP_WORKING_DAYS = 2
/** The ladder has at most four levels: no count needs more working days than this. */
const MAX_STEPS = 4
export const LATE_STATUSES: readonly TaskStatus[] = ['assigned', 'accepted', 'handover']

export type LateTask = Pick<Task, 'status' | 'due_on' | 'site_id' | 'assigner_level' | 'assigner_id' | 'assignee_id'>

/** How many levels up the task has gone (0..4): working days after `due` up to `today`, by steps, counted no further than needed. */
export function lateSteps(cal: CompanyCalendar, due: CalendarDate, today: CalendarDate, siteId: string | null): number {
  const cap = MAX_STEPS * LATE_STEP_WORKING_DAYS
  let late = 0
  for (let day = addDays(due, 1); day <= today && late < cap; day = addDays(day, 1)) if (isWorkingDay(cal, day, siteId)) late++
  return Math.floor(late / LATE_STEP_WORKING_DAYS)
}

/** The level `steps` levels up from the giver's: the same steps a raised problem takes (the department head's skipped when it reaches nobody new). */
export function levelAfter(task: Pick<Task, 'assigner_level' | 'assigner_id' | 'assignee_id'>, steps: number, departmentHeadId: string | null): EscalationLevel | null {
  if (steps < 1) return null
  let level: EscalationLevel = task.assigner_level
  for (let i = 1; i < steps; i++) {
    const up = escalationTarget({ ...task, escalation_level: level }, departmentHeadId)
    if (up === null) break
    level = up
  }
  return level
}

/** The level an overdue task stands at today, or null (not open, not late enough, a raised problem). */
export function lateLevel(cal: CompanyCalendar, task: LateTask, today: CalendarDate, departmentHeadId: string | null): EscalationLevel | null {
  if (!LATE_STATUSES.includes(task.status) || task.due_on >= today) return null
  return levelAfter(task, lateSteps(cal, task.due_on, today, task.site_id), departmentHeadId)
}

/**
 * Due days between which tasks may stand at some level on `today` (for index reads; the inbox
 * decides exactly): due on or before `upTo`, and — for a level a task leaves after `leftAfter`
 * steps at most — due on or after `from` (earlier deadlines are that many steps up at every site).
 */
export function lateDueRange(cal: CompanyCalendar, today: CalendarDate, siteIds: readonly (string | null)[], leftAfter: number | null): { from: CalendarDate | null; upTo: CalendarDate } {
  const upTo = addDays(today, -LATE_STEP_WORKING_DAYS)
  if (leftAfter === null) return { from: null, upTo }
  const n = leftAfter * LATE_STEP_WORKING_DAYS
  // A day before the n-th working day back is n working days late at that site (and the day itself n or n - 1).
  const from = [...new Set([null, ...siteIds])].map((s) => addWorkingDays(cal, today, -n, s)).reduce((a, b) => (a < b ? a : b))
  return { from, upTo }
}
