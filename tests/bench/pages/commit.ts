/**
 * Runs in Chromium (served by the Vite dev server): commits changes with their outbox entries into
 * real IndexedDB, exactly as the app's repositories do, and times each. A department (a table no
 * KPI reads) by default; a task (a KPI source, seen by the kpi_months middleware) on request, with
 * that middleware on or off and the month cache empty or holding a year of months.
 */
import { openDb } from '@/platform/db'
import { kpiMonthsMiddleware, type KpiMonthRow } from '@/platform/db/kpiMonths'
import { buildOp, commitWithOutbox } from '@/platform/sync'

export interface CommitBenchOptions {
  table?: 'departments' | 'tasks'
  /** The kpi_months middleware (default on, as the app runs). */
  kpiMiddleware?: boolean
  /** Months kept in kpi_months before the run (a dashboard was opened): every source × 12 months. */
  cachedMonths?: boolean
}

declare global {
  interface Window {
    runCommitBench(count: number, options?: CommitBenchOptions): Promise<{ samples: number[]; outbox: number; rows: number }>
  }
}

const SOURCES = ['tasks', 'followUps', 'requests', 'custody', 'checklists', 'custodyChecks', 'dispatches', 'trips', 'stays']

window.runCommitBench = async (count, options = {}) => {
  const table = options.table ?? 'departments'
  const db = openDb(`bench-commit-${crypto.randomUUID()}`)
  if (options.kpiMiddleware === false) db.unuse({ stack: 'dbcore', name: kpiMonthsMiddleware.name! })
  if (options.cachedMonths) {
    const year = new Date().getUTCFullYear() - 1
    const rows: KpiMonthRow[] = SOURCES.flatMap((source) =>
      Array.from({ length: 12 }, (_, m) => {
        const month = `${year}-${String(m + 1).padStart(2, '0')}`
        return { key: `${source}|${month}|1:viewer`, source, month, viewer: 'viewer', figures: { k: { all: [1, 1, 0] } } }
      }),
    )
    await db.kpi_months.bulkPut(rows)
  }
  const siteId = crypto.randomUUID()
  const person = crypto.randomUUID()
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID()
    const now = new Date().toISOString()
    const t0 = performance.now()
    if (table === 'tasks') {
      const row = { id, title: `任务 ${i}`, assignee_id: person, assigner_id: person, site_id: siteId, status: 'assigned', due_date: now.slice(0, 10), created_at: now, updated_at: now, deleted_at: null }
      const op = buildOp('task.assign', 'tasks', id, { title: row.title, assignee_id: person, due_date: row.due_date })
      await commitWithOutbox(db, ['tasks'], op, async () => {
        await db.tasks.put(row as never)
      })
    } else {
      const row = { id, site_id: siteId, code: `B${i}`, name: `部门 ${i}`, updated_at: now, deleted_at: null }
      const op = buildOp('department.upsert', 'departments', id, { site_id: siteId, code: row.code, name: row.name })
      await commitWithOutbox(db, ['departments'], op, async () => {
        await db.departments.put(row)
      })
    }
    samples.push(performance.now() - t0)
  }
  const result = { samples, outbox: await db.outbox.count(), rows: await db.table(table).count() }
  db.close()
  return result
}
