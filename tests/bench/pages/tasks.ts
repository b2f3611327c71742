/**
 * Runs in Chromium (served by the Vite dev server): 20,000 tasks (a year's history, statusOf) and 2,000
 * 督办 sheets (every 10th task; open on open tasks) at one site in real IndexedDB, then times, with the app's own code, the reminder bell (its index-backed read, and
 * the whole-store read it replaced), the bell after a change, the admin head's task list and its
 * filter, and the 督办 ledger.
 */
import { openDb, type AdminFieldDb } from '@/platform/db'
import type { FollowUpRow, TaskRow } from '@/platform/db/rows'
import { bellCount, inboxFor, ledgerByDepartment, ledgerTotal, newFollowUp, type TaskActor } from '@/features/tasks/domain'
import { bellInput, inboxRead } from '@/features/tasks/data/bell'
import { tallyBell, type BellTally } from '@/features/tasks/data/bellTally'
import { followUpsWithTasks, loadNames, tasksForPerson, tasksGivenBy, tasksInScope } from '@/features/tasks/data/taskReads'
import { openCount, taskPage } from '@/features/tasks/data/taskPages'
import { followUpOf, taskOf } from '@/features/tasks/data/rows'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar, type StatutoryDays } from '@/shared/lib/calendar'
import { addDays } from '@/shared/lib/zonedTime'

export interface Measured {
  samples: number[]
  rows: number
}

declare global {
  interface Window {
    seedTasks(count: number, sheets: number): Promise<{ tasks: number; sheets: number; seedMs: number }>
    measureBell(runs: number, who: 'head' | 'assignee'): Promise<Measured>
    measureBellWholeStore(runs: number): Promise<Measured>
    measureBellAfterChange(runs: number): Promise<Measured>
    measureBellRecount(runs: number, who: 'head' | 'assignee'): Promise<Measured>
    measureBellRecountAfterChange(runs: number): Promise<Measured>
    measureList(runs: number): Promise<Measured>
    measureListFilter(runs: number): Promise<Measured>
    measureLedger(runs: number): Promise<Measured>
  }
}

const TZ = 'Asia/Shanghai'
const NOW = '2026-12-14T04:00:00Z'
const SITE = crypto.randomUUID()
const DEPTS = Array.from({ length: 12 }, () => crypto.randomUUID())
// 397 (a prime): every person gets every kind of task.
const PEOPLE = Array.from({ length: 397 }, () => crypto.randomUUID())
const head: TaskActor = { id: crypto.randomUUID(), grants: [{ role: 'admin_head', siteId: SITE }], departmentId: null }
const assignee: TaskActor = { id: PEOPLE[7]!, grants: [{ role: 'employee', siteId: SITE }], departmentId: DEPTS[7 % DEPTS.length]! }
/** A year's history: most tasks scored and closed; of 100, 1 with a problem, 1 being handed over, 4 to accept, 10 being done, 5 completed, 2 cancelled. */
function statusOf(i: number): TaskRow['status'] {
  const k = (i * 37) % 100
  return k < 1 ? 'problem' : k < 2 ? 'handover' : k < 6 ? 'assigned' : k < 16 ? 'accepted' : k < 21 ? 'completed' : k < 98 ? 'scored' : 'cancelled'
}
let db: AdminFieldDb
let cal: CompanyCalendar
let statutory: StatutoryDays

window.seedTasks = async (count, sheetCount) => {
  db = openDb(`bench-tasks-${crypto.randomUUID()}`)
  statutory = await loadStatutoryDays()
  cal = makeCalendar(statutory)
  const t0 = performance.now()
  const tasks: TaskRow[] = []
  const sheets: FollowUpRow[] = []
  for (let i = 0; i < count; i++) {
    const status = statusOf(i)
    const who = PEOPLE[i % PEOPLE.length]!
    const at = new Date(Date.UTC(2026, 5, 1) + i * 600_000).toISOString()
    const done = status === 'completed' || status === 'scored'
    const id = crypto.randomUUID()
    const sheet = i % Math.round(count / sheetCount) === 0 ? crypto.randomUUID() : null
    tasks.push({
      id, site_id: SITE, title: `任务 ${i}`, source: 'instruction', source_ref: null, assigner_id: i % 2 ? head.id : PEOPLE[(i + 1) % PEOPLE.length]!,
      assigner_level: i % 2 ? 'admin_head' : 'supervisor', assigned_to: who, assignee_id: who, department_id: DEPTS[i % DEPTS.length]!, co_assignee_ids: [],
      method: null, assigned_due_on: addDays('2026-06-01', i % 200), due_on: addDays('2026-06-01', i % 200), priority: 'normal', photo_ids: [], assigned_at: at,
      status, resume_status: null, accepted_at: null, problem_note: null, problem_at: status === 'problem' ? at : null,
      escalation_level: status === 'problem' ? (['supervisor', 'admin_head', 'executive'] as const)[i % 3]! : null,
      handover_from: status === 'handover' ? who : null, handover_to: status === 'handover' ? PEOPLE[(i + 3) % PEOPLE.length]! : null, handover_note: null,
      handover_from_ok: false, handover_to_ok: false, last_progress_at: null, completed_at: done ? at : null, report: null, report_photo_ids: [],
      summary: done && i % 3 ? '总结' : null, summary_at: null, score: null, score_note: null, scored_by: null, scored_at: null,
      follow_up_id: sheet, officer_id: sheet ? PEOPLE[(i + 5) % PEOPLE.length]! : null, created_at: at, updated_at: at, deleted_at: null,
    } as TaskRow)
    if (sheet) sheets.push({ ...newFollowUp({ id: sheet, task_id: id, opened_by: head.id, officer_id: PEOPLE[(i + 5) % PEOPLE.length]!, reason: 'late', instructions: '尽快', at }), level: i % 4, status: status === 'cancelled' || done ? 'reviewed' : 'open' })
  }
  await db.transaction('rw', [db.tasks, db.follow_ups], async () => {
    await db.tasks.bulkAdd(tasks)
    await db.follow_ups.bulkAdd(sheets)
  })
  return { tasks: await db.tasks.count(), sheets: await db.follow_ups.count(), seedMs: performance.now() - t0 }
}

async function time(runs: number, fn: () => Promise<number>): Promise<Measured> {
  const samples: number[] = []
  let rows = 0
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    rows = await fn()
    samples.push(performance.now() - t0)
  }
  return { samples, rows }
}

const count = (tasks: TaskRow[], sheets: FollowUpRow[], actor: TaskActor) =>
  bellCount(inboxFor({ tasks: tasks.map(taskOf), followUps: sheets.map(followUpOf), actor, calendar: cal, now: NOW, timeZone: TZ }))

/** The company's day at NOW, with the calendar: the bell also reads the overdue tasks gone up the line (as the app does). */
const late = () => ({ calendar: cal, today: '2026-12-14' })

/** The header bell as it ran before: its index-backed read, then the inbox's items over what it read, counted. */
async function recountBell(actor: TaskActor): Promise<number> {
  const input = await bellInput(db, actor, late())
  return count(input.tasks, input.followUps, actor)
}

/** The header bell as it runs now (useBell): a tally started for the person, its first count (the same index-backed read, each task's share). */
const startTally = (actor: TaskActor, onCount: (n: number) => void = () => {}): BellTally => tallyBell(db, actor, { statutory, now: () => Date.parse(NOW) }, onCount)
async function fastBell(actor: TaskActor): Promise<number> {
  const tally = startTally(actor)
  const n = await tally.settled()
  tally.stop()
  return n
}
window.measureBell = (runs, who) => time(runs, () => fastBell(who === 'head' ? head : assignee))
window.measureBellRecount = (runs, who) => time(runs, () => recountBell(who === 'head' ? head : assignee))

/** The bell as it was: the tasks store's whole read (every task the admin head sees), then the inbox. */
window.measureBellWholeStore = (runs) =>
  time(runs, async () => {
    const [mine, given, scope, sheets] = await Promise.all([tasksForPerson(db, head), tasksGivenBy(db, head.id), tasksInScope(db, head), followUpsWithTasks(db)])
    const visible = new Map<string, TaskRow>()
    for (const list of [mine, given, scope]) for (const t of list) visible.set(t.id, t)
    return count([...visible.values()], sheets.followUps, head)
  })

/** A task changes (a problem raised on one of them, or resolved), written as the app writes it. */
async function changeOne(rows: TaskRow[], i: number): Promise<void> {
  const k = i % rows.length
  const row = rows[k]!
  rows[k] = { ...row, status: row.status === 'problem' ? 'accepted' : 'problem', escalation_level: row.status === 'problem' ? null : 'admin_head', updated_at: new Date().toISOString() }
  await db.tasks.put(rows[k])
}
const acceptedOfAssignee = () => db.tasks.where('[assignee_id+status]').equals([assignee.id, 'accepted']).toArray()

/** The admin head's bell running (the header): a task is written, then the count is current again (the tally re-derives that task). */
window.measureBellAfterChange = async (runs) => {
  const open = await acceptedOfAssignee()
  const tally = startTally(head)
  await tally.settled()
  let i = 0
  const measured = await time(runs, async () => {
    await changeOne(open, i++)
    return tally.settled()
  })
  tally.stop()
  // The tally kept up to date equals the bell counted again.
  const recounted = await recountBell(head)
  if (recounted !== measured.rows) throw new Error(`tally ${measured.rows} ≠ recount ${recounted}`)
  return measured
}

/** The same change, then the whole bell counted again (what the live query re-ran before). */
window.measureBellRecountAfterChange = async (runs) => {
  const open = await acceptedOfAssignee()
  let i = 0
  const measured = await time(runs, async () => {
    await changeOne(open, i++)
    return recountBell(head)
  })
  return measured
}

/**
 * The admin head opens the task list on the site's tab: everything the page waits for — the tasks
 * store's read (my tasks, the reminder centre's read, the tabs' open counts, names) and the first
 * page of the site's open tasks, soonest deadline first (TaskListPage → useTaskPage).
 */
window.measureList = (runs) =>
  time(runs, async () => {
    const [, , , , , page] = await Promise.all([
      tasksForPerson(db, head),
      inboxRead(db, head, late()),
      openCount(db, head, 'given'),
      openCount(db, head, 'scope'),
      loadNames(db),
      taskPage(db, head, 'scope', 'open', '', 50),
    ])
    return page.rows.length
  })

/** Filtering it: the done ones whose title has a digit, then every status (the page's filter and search). */
window.measureListFilter = (runs) =>
  time(runs, async () => {
    const [done, all] = await Promise.all([taskPage(db, head, 'scope', 'done', '7', 50), taskPage(db, head, 'scope', 'all', '', 50)])
    return done.rows.length + all.rows.length
  })

/** The 督办 ledger (useLedger): every sheet with its task, counted per department, and the company's line. */
window.measureLedger = (runs) =>
  time(runs, async () => {
    const { followUps, tasks } = await followUpsWithTasks(db)
    const rows = ledgerByDepartment(followUps.map(followUpOf), new Map([...tasks].map(([id, t]) => [id, taskOf(t)])), NOW, TZ)
    return ledgerTotal(rows).sheets
  })

