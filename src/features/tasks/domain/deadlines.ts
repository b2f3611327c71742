/**
 * Deadlines on the company calendar, in the company's time zone: a task is due by the end
 * of its due day; the summary (总结) is due within 3 working days of completion (manual 1.2
 * node 9); the next 催办 is due on the day the officer set, else the day after the deadline.
 */
import { addWorkingDays, dueState, type CompanyCalendar, type DueState } from '@/shared/lib/calendar'
import { addDays, calendarDate, calendarDater, type CalendarDate } from '@/shared/lib/zonedTime'
import type { FollowUp } from './followUp'
import { isOpen, type Task } from './task'

/** The manual's "summary within 3 days of finishing", read as working days. */
export const SUMMARY_WORKING_DAYS = 3

/** Where an open task's deadline stands; null once it is done or called off. */
export function taskDueState(task: Pick<Task, 'status' | 'due_on'>, now: Date | number | string, timeZone: string): DueState | null {
  return isOpen(task.status) ? dueState(task.due_on, now, timeZone) : null
}

/** A deadline `n` working days from today (the assign form's quick choices). */
export function dueInWorkingDays(cal: CompanyCalendar, now: Date | number | string, timeZone: string, n: number, siteId: string | null): CalendarDate {
  return addWorkingDays(cal, calendarDate(now, timeZone), n, siteId)
}

export type Timing = 'onTime' | 'late' | 'open' | 'overdue' | 'cancelled'

/** Done by the deadline or not (completion day in the company zone against due_on); open ones by today. */
export function timing(task: Pick<Task, 'status' | 'due_on' | 'completed_at'>, now: Date | number | string, timeZone: string): Timing {
  return timingOn(task, calendarDate(now, timeZone), (instant) => calendarDate(instant, timeZone))
}

/** `timing` for many tasks at once: today and a company-zone dater (calendarDater) computed once by the caller. */
export function timingOn(task: Pick<Task, 'status' | 'due_on' | 'completed_at'>, today: CalendarDate, dateOf: (instant: string) => CalendarDate): Timing {
  if (task.status === 'cancelled') return 'cancelled'
  if (task.completed_at !== null) return dateOf(task.completed_at) <= task.due_on ? 'onTime' : 'late'
  return task.due_on < today ? 'overdue' : 'open'
}

const daters = new Map<string, (instant: string) => CalendarDate>()

/**
 * A company-zone dater for lists (20,000 rows: one Intl call per distinct day, not per row), one per
 * zone for the app's life: its answers never change, and the bell asks for one at every count.
 */
export function companyDater(timeZone: string): (instant: string) => CalendarDate {
  let dater = daters.get(timeZone)
  if (!dater) daters.set(timeZone, (dater = calendarDater(timeZone)))
  return dater
}

/** The last day for the summary: 3 working days after the completion day (the site's calendar). */
export function summaryDueOn(
  cal: CompanyCalendar,
  task: Pick<Task, 'completed_at' | 'site_id'>,
  timeZone: string,
  dateOf: (instant: string) => CalendarDate = (instant) => calendarDate(instant, timeZone),
): CalendarDate | null {
  if (task.completed_at === null) return null
  return addWorkingDays(cal, dateOf(task.completed_at), SUMMARY_WORKING_DAYS, task.site_id)
}

export type SummaryState = 'done' | 'doneLate' | DueState

/** The summary: written (on time or late), or where its deadline stands; null before completion. */
export function summaryState(
  cal: CompanyCalendar,
  task: Pick<Task, 'completed_at' | 'site_id' | 'summary_at' | 'status'>,
  now: Date | number | string,
  timeZone: string,
): SummaryState | null {
  const due = summaryDueOn(cal, task, timeZone)
  if (due === null || task.status === 'cancelled') return null
  if (task.summary_at !== null) return calendarDate(task.summary_at, timeZone) <= due ? 'done' : 'doneLate'
  return dueState(due, now, timeZone)
}

/** The day the next reminder is due: the first at once, later ones on the set day, else the day after the deadline. */
export function reminderDueOn(
  followUp: Pick<FollowUp, 'level' | 'next_on' | 'opened_at' | 'status'>,
  task: Pick<Task, 'due_on' | 'status'>,
  timeZone: string,
  dateOf: (instant: string) => CalendarDate = (instant) => calendarDate(instant, timeZone),
): CalendarDate | null {
  if (followUp.status !== 'open' || followUp.level >= 3 || !isOpen(task.status)) return null
  if (followUp.level === 0) return dateOf(followUp.opened_at)
  return followUp.next_on ?? addDays(task.due_on, 1)
}
