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

/**
 * What every task's items are computed against: the person, the company's today, the calendar, and
 * caches shared by all tasks of that day (one working-day count per due day and site). Kept by the
 * bell's tally (data/bellTally.ts) for the whole day, so a changed task is re-derived alone.
 */
export interface InboxContext {
  readonly actor: TaskActor
  readonly today: CalendarDate
  readonly timeZone: string
  readonly calendar: CompanyCalendar | null
  readonly departmentHeads: ReadonlyMap<string, string | null> | undefined
  readonly dateOf: (instant: string) => CalendarDate
  /** Summaries due: one working-day count per (completion day, site), however many tasks share it. */
  readonly summaryDue: Map<string, CalendarDate | null>
  /** Late levels: one working-day count per (due day, site). */
  readonly steps: Map<string, number>
}

export function inboxContext(input: Omit<InboxInput, 'tasks' | 'followUps'>): InboxContext {
  // One "today" and one dater for the whole list: 20,000 tasks must not each ask Intl.
  return {
    actor: input.actor,
    today: calendarDate(input.now, input.timeZone),
    timeZone: input.timeZone,
    calendar: input.calendar,
    departmentHeads: input.departmentHeads,
    dateOf: companyDater(input.timeZone),
    summaryDue: new Map(),
    steps: new Map(),
  }
}

type Add = (kind: InboxKind, due: CalendarDate | null, urgent: boolean, followUpId?: string | null) => void

function summaryDueOf(t: Task, cal: CompanyCalendar, c: InboxContext): CalendarDate | null {
  const key = `${t.completed_at === null ? '' : c.dateOf(t.completed_at)}|${t.site_id}`
  let due = c.summaryDue.get(key)
  if (due === undefined) c.summaryDue.set(key, (due = summaryDueOn(cal, t, c.timeZone, c.dateOf)))
  return due
}

function lateLevelOf(t: Task, cal: CompanyCalendar, c: InboxContext) {
  if (!LATE_STATUSES.includes(t.status) || t.due_on >= c.today) return null
  const key = `${t.due_on}|${t.site_id}`
  let n = c.steps.get(key)
  if (n === undefined) c.steps.set(key, (n = lateSteps(cal, t.due_on, c.today, t.site_id)))
  return levelAfter(t, n, t.department_id === null ? null : (c.departmentHeads?.get(t.department_id) ?? null))
}

/** One task's items (its 督办 sheet: the one it names, when the device holds it and it is not deleted). */
function itemsOf(t: Task, sheet: FollowUp | undefined, c: InboxContext, add: Add): void {
  if (t.deleted_at !== null) return
  const { actor, today, calendar } = c
  const mine = isAssignee(t, actor) && t.assignee_id !== null
  if (isAssignee(t, actor) && t.status === 'assigned') add('toAccept', t.due_on, true)
  if (t.status === 'handover') {
    const waitingOnMe = (t.handover_to === actor.id && !t.handover_to_ok) || (t.handover_from === actor.id && !t.handover_from_ok)
    if (waitingOnMe) add('handoverToConfirm', t.due_on, true)
  }
  if (mine && isOpen(t.status)) {
    if (t.due_on < today) add('overdue', t.due_on, true)
    else if (t.due_on === today) add('dueToday', t.due_on, true)
    if (sheet && sheet.status === 'open' && sheet.level > 0) add('reminded', sheet.next_on, true, sheet.id)
  }
  if (mine && t.completed_at !== null && t.summary === null && t.status !== 'cancelled' && calendar) {
    const due = summaryDueOf(t, calendar, c)
    if (due !== null) add('summaryDue', due, due <= today)
  }
  if (handlesNow(t, actor)) add('problem', t.due_on, true)
  if (calendar) {
    const level = lateLevelOf(t, calendar, c)
    if (level !== null && handlesLevel(t, level, actor)) add('late', t.due_on, true)
  }
  if (t.status === 'completed' && isAdminHeadOf(actor, t.site_id)) add('toScore', null, false)
  if (sheet) {
    const due = reminderDueOn(sheet, t, c.timeZone, c.dateOf)
    const reminds = sheet.officer_id === actor.id || isAdminHeadOf(actor, t.site_id)
    if (due !== null && due <= today && reminds) add('reminderDue', due, true, sheet.id)
    if (sheet.status === 'open' && !isOpen(t.status) && isAdminHeadOf(actor, t.site_id)) add('toReview', null, false, sheet.id)
    if (sheet.status === 'reviewed' && isExecutive(actor, t.site_id)) add('toApprove', null, false, sheet.id)
  }
}

const sheetOf = (t: Task, sheets: ReadonlyMap<string, FollowUp>) => (t.follow_up_id ? sheets.get(t.follow_up_id) : undefined)

export function inboxFor(input: InboxInput): InboxItem[] {
  const c = inboxContext(input)
  const sheets = new Map<string, FollowUp>()
  for (const f of input.followUps) if (f.deleted_at === null) sheets.set(f.id, f)
  const items: InboxItem[] = []
  for (const t of input.tasks)
    itemsOf(t, sheetOf(t, sheets), c, (kind, due, urgent, followUpId = null) => items.push({ kind, taskId: t.id, followUpId, due, urgent }))
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)
  return items.sort((a, b) => rank(a.kind) - rank(b.kind) || cmp(a.due ?? '', b.due ?? '') || cmp(a.taskId, b.taskId))
}

/**
 * One task's share of the bell: its urgent items (0 for most). The bell's count is the sum over the
 * tasks, so a changed task changes the count by its new share less its old one. A deleted sheet
 * counts as none.
 */
export function bellShare(t: Task, sheet: FollowUp | undefined, c: InboxContext): number {
  let n = 0
  itemsOf(t, sheet && sheet.deleted_at === null ? sheet : undefined, c, (_kind, _due, urgent) => {
    if (urgent) n++
  })
  return n
}

/** The bell's count over many tasks without listing the items (what inboxFor's items would count). */
export function bellTotal(input: InboxInput): number {
  const c = inboxContext(input)
  const sheets = new Map<string, FollowUp>()
  for (const f of input.followUps) if (f.deleted_at === null) sheets.set(f.id, f)
  let n = 0
  for (const t of input.tasks) n += bellShare(t, sheetOf(t, sheets), c)
  return n
}

/** The number on the bell: urgent items, one per task and kind. */
export const bellCount = (items: readonly InboxItem[]): number => items.filter((i) => i.urgent).length
