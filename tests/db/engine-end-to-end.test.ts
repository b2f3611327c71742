// The real client engine (Dexie on fake-indexeddb) against the real SQL (PGlite or DATABASE_URL).
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type AdminFieldDb, type DepartmentRow } from '../../src/platform/db'
import {
  buildOp,
  commitWithOutbox,
  CURSOR_KEY,
  createSyncEngine,
  type PulledChange,
  type SyncEngine,
  type SyncTransport,
} from '../../src/platform/sync'
import { createSqlTransport } from '../support/sqlTransport'
import { DEMO, openTestDb, type TestDb } from './support/database'

let server: TestDb
const devices: AdminFieldDb[] = []

beforeAll(async () => {
  server = await openTestDb()
})
afterAll(async () => {
  for (const d of devices) {
    d.close()
    await Dexie.delete(d.name)
  }
  await server?.close()
})

interface Device {
  db: AdminFieldDb
  engine: SyncEngine
  pulled: PulledChange[]
  setOnline(v: boolean): void
}

function device(userId: string): Device {
  const db = openDb(`e2e-${randomUUID()}`)
  devices.push(db)
  let online = true
  const sql = createSqlTransport(server, userId, { isOnline: () => online })
  const pulled: PulledChange[] = []
  const transport: SyncTransport = {
    push: (ops) => sql.push(ops),
    pull: async (cursor, max) => {
      const page = await sql.pull(cursor, max)
      pulled.push(...page.changes)
      return page
    },
  }
  const engine = createSyncEngine({ db, transport, window: null, document: null, isOnline: () => true, random: () => 0 })
  return { db, engine, pulled, setOnline: (v) => (online = v) }
}

async function serverDept(id: string) {
  const [row] = await server.query<{ name: string; code: string; deleted_at: string | null }>(
    'select name, code, deleted_at from public.departments where id = $1',
    [id],
  )
  return row
}

describe('sync engine end to end on the real SQL', () => {
  const siteId = DEMO.sites['SH-HQ'] as string

  it('carries a department written offline on device A to device B, and B\'s delete back to A', async () => {
    const a = device(DEMO.users.adminHead)
    const b = device(DEMO.users.adminHead)
    await b.engine.syncNow() // B has the company before anything happens

    // A is offline: the write is saved locally and queued.
    a.setOnline(false)
    const id = randomUUID()
    const row: DepartmentRow = { id, site_id: siteId, code: 'QA7', name: '质量部', updated_at: new Date().toISOString(), deleted_at: null }
    const op = buildOp('department.upsert', 'departments', id, { site_id: siteId, code: 'QA7', name: '质量部' })
    await commitWithOutbox(a.db, ['departments'], op, () => a.db.departments.put(row).then(() => undefined))
    await a.engine.syncNow()
    expect(a.engine.getState()).toMatchObject({ phase: 'backoff', pending: 1 })
    expect(await serverDept(id)).toBeUndefined()

    // Back online: pushed, applied, and A's copy replaced by the server's row.
    a.setOnline(true)
    await a.engine.syncNow()
    expect(a.engine.getState()).toMatchObject({ phase: 'idle', pending: 0, attention: [] })
    expect((await a.db.outbox.get({ op_id: op.op_id }))?.status).toBe('applied')
    expect(await serverDept(id)).toMatchObject({ name: '质量部', code: 'QA7', deleted_at: null })

    await b.engine.syncNow()
    const onB = await b.db.departments.get(id)
    expect(onB).toMatchObject({ id, site_id: siteId, code: 'QA7', name: '质量部', deleted_at: null })
    expect(onB?.updated_at).toBe((await a.db.departments.get(id))?.updated_at)

    // B deletes it; A learns through a tombstone.
    const del = buildOp('department.delete', 'departments', id, {})
    await commitWithOutbox(b.db, ['departments'], del, async () => {
      await b.db.departments.update(id, { deleted_at: new Date().toISOString() })
    })
    await b.engine.syncNow()
    expect((await b.db.outbox.get({ op_id: del.op_id }))?.status).toBe('applied')
    expect((await serverDept(id))?.deleted_at).not.toBeNull()

    a.pulled.length = 0
    await a.engine.syncNow()
    expect(a.pulled).toContainEqual(expect.objectContaining({ table: 'departments', id, deleted: true }))
    expect(await a.db.departments.get(id)).toBeUndefined()
  })

  it('a re-push after a lost answer is a duplicate, not a second row', async () => {
    const a = device(DEMO.users.adminHead)
    const id = randomUUID()
    const op = buildOp('department.upsert', 'departments', id, { site_id: siteId, code: 'DUP1', name: '重复' })
    await commitWithOutbox(a.db, ['departments'], op, async () => {
      await a.db.departments.put({ id, site_id: siteId, code: 'DUP1', name: '重复', updated_at: '', deleted_at: null })
    })
    // The server applied it but the device never heard back.
    await server.asUser(DEMO.users.adminHead, (q) => q('select public.sync_push($1::jsonb)', [JSON.stringify([op])]))
    await a.engine.syncNow()
    expect((await a.db.outbox.get({ op_id: op.op_id }))?.status).toBe('duplicate')
    const [count] = await server.query<{ n: number }>('select count(*)::int as n from public.departments where id = $1', [id])
    expect(count?.n).toBe(1)
  })

  it('recovers from a cursor the server no longer accepts by pulling from the start', async () => {
    const d = device(DEMO.users.adminHead)
    // A cursor from the future, as after a server restore: the SQL rejects it.
    await d.db.meta.put({ key: CURSOR_KEY, value: Buffer.from('{"v":1,"since":"999999999"}').toString('base64') })
    await d.engine.syncNow()
    expect(d.engine.getState()).toMatchObject({ phase: 'idle', lastError: null })
    expect(await d.db.departments.get(DEMO.departments['ADM'] as string)).toBeDefined()
  })

  it('puts an employee\'s department.upsert in attention with reason forbidden, and keeps it', async () => {
    const e = device(DEMO.users.employee)
    const id = randomUUID()
    const op = buildOp('department.upsert', 'departments', id, { site_id: siteId, code: 'NOPE', name: '不行' })
    await commitWithOutbox(e.db, ['departments'], op, async () => {
      await e.db.departments.put({ id, site_id: siteId, code: 'NOPE', name: '不行', updated_at: '', deleted_at: null })
    })
    await e.engine.syncNow()
    const state = e.engine.getState()
    expect(state.pending).toBe(0)
    expect(state.attention).toHaveLength(1)
    expect(state.attention[0]).toMatchObject({ op_id: op.op_id, status: 'refused', reason: 'forbidden' })
    expect(await serverDept(id)).toBeUndefined()
    // The local version stays (and is not clobbered by pulls) until the user decides.
    await e.engine.syncNow()
    expect((await e.db.departments.get(id))?.name).toBe('不行')
    expect(e.engine.getState().attention).toHaveLength(1)
  })
})
