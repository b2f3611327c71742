/**
 * The 督办 ledger (督办台账): every follow-up sheet with its task, and per department the
 * counts the admin head reports: sheets, done on time, done late, still open, overdue, and
 * how many were done after the first reminder alone (the manual's first-reminder success).
 */
import type { FollowUp } from './followUp'
import { companyDater, timingOn } from './deadlines'
import { calendarDate } from '@/shared/lib/zonedTime'
import type { Task } from './task'

export interface LedgerCounts {
  departmentId: string | null
  sheets: number
  onTime: number
  late: number
  open: number
  overdue: number
  /** Done with at most the first reminder given. */
  afterFirst: number
}

const empty = (departmentId: string | null): LedgerCounts => ({ departmentId, sheets: 0, onTime: 0, late: 0, open: 0, overdue: 0, afterFirst: 0 })

/** Counts per department (null = a task given to a person with no department), busiest first. */
export function ledgerByDepartment(
  followUps: readonly FollowUp[],
  tasks: ReadonlyMap<string, Task>,
  now: Date | number | string,
  timeZone: string,
): LedgerCounts[] {
  const out = new Map<string | null, LedgerCounts>()
  const today = calendarDate(now, timeZone)
  const dateOf = companyDater(timeZone)
  for (const f of followUps) {
    if (f.deleted_at !== null) continue
    const task = tasks.get(f.task_id)
    if (!task || task.deleted_at !== null) continue
    let row = out.get(task.department_id)
    if (!row) out.set(task.department_id, (row = empty(task.department_id)))
    row.sheets++
    const when = timingOn(task, today, dateOf)
    if (when === 'onTime' || when === 'late') {
      row[when]++
      if (f.level <= 1) row.afterFirst++
    } else if (when === 'open' || when === 'overdue') {
      row.open++
      if (when === 'overdue') row.overdue++
    }
  }
  return [...out.values()].sort((a, b) => b.sheets - a.sheets || String(a.departmentId).localeCompare(String(b.departmentId)))
}

/** The whole company's line: the sum of the departments. */
export function ledgerTotal(rows: readonly LedgerCounts[]): LedgerCounts {
  const total = empty(null)
  for (const r of rows) {
    total.sheets += r.sheets
    total.onTime += r.onTime
    total.late += r.late
    total.open += r.open
    total.overdue += r.overdue
    total.afterFirst += r.afterFirst
  }
  return total
}
