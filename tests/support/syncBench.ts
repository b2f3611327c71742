// Sync throughput through the real engine on PGlite (or DATABASE_URL): measured, never asserted.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { openDb, type AdminFieldDb } from '../../src/platform/db'
import { buildOp, commitWithOutbox, createSyncEngine, type SyncTransport } from '../../src/platform/sync'
import { createSqlTransport, type SqlTransportDb } from './sqlTransport'
import type { Query } from '../db/support/backend'
import demo from '../../src/platform/demo/demo-company.json'

interface BenchDb extends SqlTransportDb {
  query: Query
  close(): Promise<void>
}

const adminHead = demo.users.find((u) => u.roles.includes('admin_head'))?.id as string
const siteId = demo.sites[0]?.id as string

function engineFor(db: AdminFieldDb, transport: SyncTransport) {
  return createSyncEngine({ db, transport, window: null, document: null, isOnline: () => true })
}

export async function benchSync({ openTestDb }: { openTestDb: () => Promise<BenchDb> }): Promise<{
  push1000Ms: number
  pull10000Ms: number
}> {
  const server = await openTestDb()
  const devices: AdminFieldDb[] = []
  try {
    const transport = createSqlTransport(server, adminHead)

    // Pull: 10,000 rows seeded server-side, pulled by a fresh device (empty outbox, no cursor).
    await server.query(
      `insert into public.departments (site_id, code, name)
       select $1::uuid, 'B' || lpad(g::text, 5, '0'), '部门 ' || g from generate_series(1, 10000) g`,
      [siteId],
    )
    const reader = openDb(`bench-pull-${randomUUID()}`)
    devices.push(reader)
    let t0 = performance.now()
    await engineFor(reader, transport).syncNow()
    const pull10000Ms = performance.now() - t0
    const pulled = await reader.departments.count()
    if (pulled < 10_000) throw new Error(`bench pull stored ${pulled} departments, expected ≥ 10000`)

    // Push: 1,000 queued ops, timed from the drain's start until it turns to pulling.
    const writer = openDb(`bench-push-${randomUUID()}`)
    devices.push(writer)
    for (let i = 0; i < 1000; i++) {
      const id = randomUUID()
      const payload = { site_id: siteId, code: `P${String(i).padStart(4, '0')}`, name: `推送 ${i}` }
      const op = buildOp('department.upsert', 'departments', id, payload)
      await commitWithOutbox(writer, ['departments'], op, async () => {
        await writer.departments.put({ id, ...payload, updated_at: op.device_time, deleted_at: null })
      })
    }
    const engine = engineFor(writer, transport)
    let push1000Ms = Number.NaN
    const unsubscribe = engine.subscribe((s) => {
      if (s.phase === 'pulling' && Number.isNaN(push1000Ms)) push1000Ms = performance.now() - t0
    })
    t0 = performance.now()
    await engine.syncNow()
    unsubscribe()
    const applied = await writer.outbox.where('status').equals('applied').count()
    if (applied !== 1000) throw new Error(`bench push applied ${applied} ops, expected 1000`)
    return { push1000Ms: Math.round(push1000Ms), pull10000Ms: Math.round(pull10000Ms) }
  } finally {
    for (const d of devices) {
      d.close()
      await Dexie.delete(d.name)
    }
    await server.close()
  }
}
