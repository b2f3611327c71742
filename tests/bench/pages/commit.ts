/**
 * Runs in Chromium (served by the Vite dev server): commits department changes with their
 * outbox entries into real IndexedDB, exactly as the app's repositories do, and times each.
 */
import { openDb } from '@/platform/db'
import { buildOp, commitWithOutbox } from '@/platform/sync'

declare global {
  interface Window {
    runCommitBench(count: number): Promise<{ samples: number[]; outbox: number; rows: number }>
  }
}

window.runCommitBench = async (count) => {
  const db = openDb(`bench-commit-${crypto.randomUUID()}`)
  const siteId = crypto.randomUUID()
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID()
    const row = { id, site_id: siteId, code: `B${i}`, name: `部门 ${i}`, updated_at: new Date().toISOString(), deleted_at: null }
    const op = buildOp('department.upsert', 'departments', id, { site_id: siteId, code: row.code, name: row.name })
    const t0 = performance.now()
    await commitWithOutbox(db, ['departments'], op, async () => {
      await db.departments.put(row)
    })
    samples.push(performance.now() - t0)
  }
  const result = { samples, outbox: await db.outbox.count(), rows: await db.departments.count() }
  db.close()
  return result
}
