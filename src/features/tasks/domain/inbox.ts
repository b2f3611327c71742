/**
 * The reminder centre (the bell): what needs this person now, computed on the device from the
 * tasks, their deadlines and the 督办 sheets it holds, so it works offline. Each item names its
 * task; `urgent` items (overdue, due today, a reminder received) count on the bell's badge.
 * An overdue task that has gone up the line by itself (lateEscalation.ts) is listed for whoever
 * stands at its level now ('late').
 */
import type { CompanyCalendar } from '@/shared/lib/calendar'
import { calendarDate, type CalendarDate } from '@/shared/lib/zonedTime'
import { handlesLevel, isAdminHeadOf, isAssignee, isExecutive, type TaskActor } from './actors'
import { companyDater, reminderDueOn, summaryDueOn } from './deadlines'
import type { FollowUp } from './followUp'
import { LATE_STATUSES, lateSteps, levelAfter } from './lateEscalation'
import { handlesNow } from './rules'
import { isOpen, type Task } from './task'

export const INBOX_KINDS = [
  'overdue',
  'dueToday',
  'toAccept',
  'handoverToConfirm',
  'reminded',
  'summaryDue',
  'problem',
  'late',
  'reminderDue',
  'toScore',
  'toReview',
  'toApprove',
] as const
export type InboxKind = (typeof INBOX_KINDS)[number]

export interface InboxItem {
  kind: InboxKind
  taskId: string
  followUpId: string | null
  /** The day it is (or was) due, when it has one. */
  due: CalendarDate | null
  urgent: boolean
}

export interface InboxInput {
  tasks: Iterable<Task>
  followUps: Iterable<FollowUp>
  actor: TaskActor
  calendar: CompanyCalendar | null
  now: Date | number | string
  timeZone: string
  /** Each department's head (departments.head_id), for the late tasks' department-head level; absent: none. */
  departmentHeads?: ReadonlyMap<string, string | null>
}

const rank = (k: InboxKind) => INBOX_KINDS.indexOf(k)

export function inboxFor(input: InboxInput): InboxItem[] {
  const { actor, now, timeZone } = input
  // One "today" and one dater for the whole list: 20,000 tasks must not each ask Intl.
  const today = calendarDate(now, timeZone)
  const dateOf = companyDater(timeZone)
  // Summaries due: one working-day count per (completion day, site), however many tasks share it.
  const summaryDue = new Map<string, CalendarDate | null>()
  const summaryDueOf = (t: Task, cal: CompanyCalendar) => {
    const key = `${t.completed_at === null ? '' : dateOf(t.completed_at)}|${t.site_id}`
    let due = summaryDue.get(key)
    if (due === undefined) summaryDue.set(key, (due = summaryDueOn(cal, t, timeZone, dateOf)))
    return due
  }
  // Late levels: one working-day count per (due day, site).
  const steps = new Map<string, number>()
  const lateLevelOf = (t: Task, cal: CompanyCalendar) => {
    if (!LATE_STATUSES.includes(t.status) || t.due_on >= today) return null
    const key = `${t.due_on}|${t.site_id}`
    let n = steps.get(key)
    if (n === undefined) steps.set(key, (n = lateSteps(cal, t.due_on, today, t.site_id)))
    return levelAfter(t, n, t.department_id === null ? null : (input.departmentHeads?.get(t.department_id) ?? null))
  }
  const sheets = new Map<string, FollowUp>()
  for (const f of input.followUps) if (f.deleted_at === null) sheets.set(f.id, f)
  const items: InboxItem[] = []
  const add = (kind: InboxKind, task: Task, due: CalendarDate | null, urgent: boolean, followUpId: string | null = null) =>
    items.push({ kind, taskId: task.id, followUpId, due, urgent })

  for (const t of input.tasks) {
    if (t.deleted_at !== null) continue
    const mine = isAssignee(t, actor) && t.assignee_id !== null
    const sheet = t.follow_up_id ? sheets.get(t.follow_up_id) : undefined
    if (isAssignee(t, actor) && t.status === 'assigned') add('toAccept', t, t.due_on, true)
    if (t.status === 'handover') {
      const waitingOnMe = (t.handover_to === actor.id && !t.handover_to_ok) || (t.handover_from === actor.id && !t.handover_from_ok)
      if (waitingOnMe) add('handoverToConfirm', t, t.due_on, true)
    }
    if (mine && isOpen(t.status)) {
      if (t.due_on < today) add('overdue', t, t.due_on, true)
      else if (t.due_on === today) add('dueToday', t, t.due_on, true)
      if (sheet && sheet.status === 'open' && sheet.level > 0) add('reminded', t, sheet.next_on, true, sheet.id)
    }
    if (mine && t.completed_at !== null && t.summary === null && t.status !== 'cancelled' && input.calendar) {
      const due = summaryDueOf(t, input.calendar)
      if (due !== null) add('summaryDue', t, due, due <= today)
    }
    if (handlesNow(t, actor)) add('problem', t, t.due_on, true)
    if (input.calendar) {
      const level = lateLevelOf(t, input.calendar)
      if (level !== null && handlesLevel(t, level, actor)) add('late', t, t.due_on, true)
    }
    if (t.status === 'completed' && isAdminHeadOf(actor, t.site_id)) add('toScore', t, null, false)
    if (sheet) {
      const due = reminderDueOn(sheet, t, timeZone, dateOf)
      const reminds = sheet.officer_id === actor.id || isAdminHeadOf(actor, t.site_id)
      if (due !== null && due <= today && reminds) add('reminderDue', t, due, true, sheet.id)
      if (sheet.status === 'open' && !isOpen(t.status) && isAdminHeadOf(actor, t.site_id)) add('toReview', t, null, false, sheet.id)
      if (sheet.status === 'reviewed' && isExecutive(actor, t.site_id)) add('toApprove', t, null, false, sheet.id)
    }
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  return items.sort((a, b) => rank(a.kind) - rank(b.kind) || cmp(a.due ?? '', b.due ?? '') || cmp(a.taskId, b.taskId))
}

/** The number on the bell: urgent items, one per task and kind. */
export const bellCount = (items: readonly InboxItem[]): number => items.filter((i) => i.urgent).length
