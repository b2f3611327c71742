/**
 * The header bell's count, kept up to date as tasks change instead of counted again from scratch.
 * The count is the sum of each task's share (domain/inbox.ts bellShare: its urgent items, against
 * the person, the company's today and the calendar). The tally reads the bell's candidates once
 * (data/bell.ts bellInput) and keeps the shares that are not 0 by task id; after a write it reads
 * only the tasks written (by id), the tasks whose 督办 sheet was written (by the sheet's task_id and
 * the tasks' follow_up_id index) and their sheets, and replaces their shares.
 *
 * Counted again from scratch when what every share depends on changes: the person (a role switch:
 * the caller starts a new tally), the company's day (tick(), every minute: a reminder or a deadline
 * falls due at the company's midnight, an overdue task goes up a level), the departments (their
 * heads), the sites, the company calendar or time zone, and any write Dexie reports only as a range
 * (a sync's bulk page of 50 rows or more, a clear). Reads the device's database only, so it works
 * offline. tests/unit/tasks-data/bellTally.test.ts: after generated writes it equals a recount.
 */
import { onTableChanges, type AdminFieldDb } from '@/platform/db'
import type { FollowUpRow, TaskRow } from '@/platform/db/rows'
import type { StatutoryDays } from '@/shared/lib/calendar'
import { DEFAULT_TIME_ZONE, calendarDate, type CalendarDate } from '@/shared/lib/zonedTime'
import { bellShare, inboxContext, type InboxContext, type TaskActor } from '../domain'
import { bellInput } from './bell'
import { calendarDays, calendarFrom } from './calendar'
import { followUpOf, taskOf } from './rows'

/** Tables whose change alters every task's share: read everything again. */
const EVERYTHING = ['departments', 'sites', 'calendar_days', 'company'] as const

export interface BellTally {
  /** The count once every write seen so far is applied. */
  settled(): Promise<number>
  /** Checks the company's day (call it every minute): a new day counts again. */
  tick(): void
  stop(): void
}

export interface TallyOptions {
  /** The statutory days (a lazy chunk); null: no working-day reminders yet (late levels, summaries). */
  statutory: StatutoryDays | null
  now?: () => number
  onError?: (error: unknown) => void
}

export function tallyBell(database: AdminFieldDb, person: TaskActor, options: TallyOptions, onCount: (count: number) => void): BellTally {
  const now = options.now ?? Date.now
  const onError = options.onError ?? ((e: unknown) => console.error('bell tally failed', e))
  const shares = new Map<string, number>()
  let total = 0
  let context: InboxContext | null = null
  let everything = true
  const tasks = new Set<string>()
  const sheets = new Set<string>()
  let busy = false
  let idle: Promise<void> = Promise.resolve()
  let stopped = false

  const share = (row: TaskRow | undefined, sheet: FollowUpRow | undefined, c: InboxContext) =>
    row && !row.deleted_at ? bellShare(taskOf(row), sheet ? followUpOf(sheet) : undefined, c) : 0

  /** In one read transaction (the bell's read joins it): the calendar, the zone, then the candidates. */
  const countAll = (): Promise<void> =>
    database.transaction('r', [database.tasks, database.follow_ups, database.departments, database.sites, database.calendar_days, database.company], readAll)

  async function readAll(): Promise<void> {
    const [days, company] = await Promise.all([calendarDays(database), database.company.toArray()])
    const timeZone = company.find((c) => !c.deleted_at)?.timezone ?? DEFAULT_TIME_ZONE
    const calendar = options.statutory ? calendarFrom(options.statutory, days) : null
    const at = now()
    const today: CalendarDate = calendarDate(at, timeZone)
    const input = await bellInput(database, person, calendar ? { calendar, today } : null)
    const c = inboxContext({ actor: input.actor, calendar, now: at, timeZone, departmentHeads: input.departmentHeads })
    const sheetById = new Map(input.followUps.map((f) => [f.id, f]))
    shares.clear()
    total = 0
    for (const row of input.tasks) {
      const n = share(row, row.follow_up_id ? sheetById.get(row.follow_up_id) : undefined, c)
      if (n > 0) shares.set(row.id, n)
      total += n
    }
    context = c
  }

  /** Re-derives the written tasks and those whose sheet was written, in one read. */
  async function apply(c: InboxContext, taskIds: string[], sheetIds: string[]): Promise<void> {
    await database.transaction('r', [database.tasks, database.follow_ups], async () => {
      const [written, naming] = await Promise.all([
        database.follow_ups.bulkGet(sheetIds),
        sheetIds.length > 0 ? database.tasks.where('follow_up_id').anyOf(sheetIds).primaryKeys() : Promise.resolve([] as string[]),
      ])
      const ids = [...new Set([...taskIds, ...naming, ...written.flatMap((f) => (f ? [f.task_id] : []))])]
      const rows = await database.tasks.bulkGet(ids)
      const sheetById = new Map(written.flatMap((f) => (f ? [[f.id, f] as const] : [])))
      const more = [...new Set(rows.flatMap((r) => (r?.follow_up_id && !sheetById.has(r.follow_up_id) ? [r.follow_up_id] : [])))]
      for (const f of await database.follow_ups.bulkGet(more)) if (f) sheetById.set(f.id, f)
      ids.forEach((id, i) => {
        const row = rows[i]
        const n = share(row, row?.follow_up_id ? sheetById.get(row.follow_up_id) : undefined, c)
        total += n - (shares.get(id) ?? 0)
        if (n > 0) shares.set(id, n)
        else shares.delete(id)
      })
    })
  }

  async function run(): Promise<void> {
    try {
      while (!stopped && (everything || tasks.size > 0 || sheets.size > 0)) {
        const c = context
        if (everything || c === null) {
          everything = false
          tasks.clear()
          sheets.clear()
          await countAll()
        } else {
          const taskIds = [...tasks]
          const sheetIds = [...sheets]
          tasks.clear()
          sheets.clear()
          await apply(c, taskIds, sheetIds)
        }
        if (!stopped) onCount(total)
      }
    } catch (e) {
      // Counted again from scratch at the next write or tick.
      everything = true
      if (!stopped) onError(e)
    } finally {
      busy = false
    }
  }
  function kick(): void {
    if (busy || stopped) return
    busy = true
    idle = run()
  }

  const unsubscribe = onTableChanges(database, ['tasks', 'follow_ups', ...EVERYTHING], (changes) => {
    for (const [table, keys] of changes) {
      if (keys === 'all' || (EVERYTHING as readonly string[]).includes(table)) everything = true
      else for (const key of keys) (table === 'tasks' ? tasks : sheets).add(key)
    }
    kick()
  })
  kick()

  return {
    async settled() {
      while (busy) await idle
      return total
    },
    tick() {
      if (context && calendarDate(now(), context.timeZone) !== context.today) {
        everything = true
        kick()
      }
    },
    stop() {
      stopped = true
      unsubscribe()
    },
  }
}
