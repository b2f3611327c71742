// An op id names one op (issue 8, point 6): the same id with the same body is a duplicate;
// the same id with a different body is refused 'invalid' (never dropped as a duplicate) and
// lands in the device's needs-attention list.
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import Dexie from 'dexie'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openDb, type AdminFieldDb } from '../../src/platform/db'
import { buildOp, commitWithOutbox, createSyncEngine } from '../../src/platform/sync'
import { createSqlTransport } from '../support/sqlTransport'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { connect } from './support/pg-backend'
import { makeOp, push } from './support/sync'

let db: TestDb
let device: AdminFieldDb | undefined
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(async () => {
  device?.close()
  if (device) await Dexie.delete(device.name)
  await db?.close()
})

const HQ = DEMO.sites['SH-HQ'] as string
const admin = DEMO.users.adminHead
const REUSED = /^op_id: already used for a different op/
const deptName = async (id: string) =>
  (await db.query<{ name: string }>('select name from public.departments where id = $1', [id]))[0]?.name

describe('an op id reused', () => {
  it('with the same body (keys in another order, the time in another offset) is a duplicate', async () => {
    const id = randomUUID()
    const op = makeOp('department.upsert', id, { site_id: HQ, code: 'RU1', name: '复用一' }, { device_time: '2026-12-01T08:00:00.000Z' })
    expect((await push(db, admin, [op]))[0]?.status).toBe('applied')
    const same = { ...op, payload: { name: '复用一', code: 'RU1', site_id: HQ }, device_time: '2026-12-01T16:00:00+08:00' }
    expect(await push(db, admin, [same])).toEqual([{ op_id: op.op_id, status: 'duplicate' }])
  })

  it.each([
    ['another payload', 'RUP', { payload: { site_id: HQ, code: 'RUP', name: '改了' } }],
    ['another entity', 'RUE', { entity_id: randomUUID() }],
    ['another kind', 'RUK', { kind: 'department.delete', payload: {} }],
    ['another device time', 'RUT', { device_time: '2026-12-02T08:00:00.000Z' }],
  ])('with %s is refused, and changes nothing', async (_name, code, change) => {
    const id = randomUUID()
    const op = makeOp('department.upsert', id, { site_id: HQ, code, name: '原样' }, { device_time: '2026-12-01T08:00:00.000Z' })
    expect((await push(db, admin, [op]))[0]?.status).toBe('applied')
    const [ledgerBefore] = await db.query('select * from public.sync_ops where op_id = $1', [op.op_id])
    const [result] = await push(db, admin, [{ ...op, ...change }])
    expect(result).toMatchObject({ op_id: op.op_id, status: 'refused', reason: 'invalid' })
    expect(result?.detail).toMatch(REUSED)
    expect(await deptName(id)).toBe('原样')
    expect((await db.query('select * from public.sync_ops where op_id = $1', [op.op_id]))[0]).toEqual(ledgerBefore)
    // The original body is still a duplicate afterwards.
    expect((await push(db, admin, [op]))[0]?.status).toBe('duplicate')
  })

  it('within one batch: the second body is refused, the first applied', async () => {
    const id = randomUUID()
    const op = makeOp('department.upsert', id, { site_id: HQ, code: 'RU3', name: '先' })
    const other = { ...op, payload: { site_id: HQ, code: 'RU3', name: '后' } }
    const results = await push(db, admin, [op, other])
    expect(results.map((r) => r.status)).toEqual(['applied', 'refused'])
    expect(results[1]?.detail).toMatch(REUSED)
    expect(await deptName(id)).toBe('先')
  })

  it('shows in the device\'s needs-attention list with the reason', async () => {
    const id = randomUUID()
    const first = makeOp('department.upsert', id, { site_id: HQ, code: 'RU4', name: '服务器上' })
    expect((await push(db, admin, [first]))[0]?.status).toBe('applied')
    // A device whose outbox holds another op under the same id (a bug, a restored backup, a forged op).
    device = openDb(`op-reuse-${randomUUID()}`)
    const entry = { ...buildOp('department.upsert', 'departments', id, { site_id: HQ, code: 'RU4', name: '设备上' }), op_id: first.op_id }
    await commitWithOutbox(device, ['departments'], entry, async () => {
      await device?.departments.put({ id, site_id: HQ, code: 'RU4', name: '设备上', updated_at: entry.device_time, deleted_at: null })
    })
    const transport = createSqlTransport(db, admin, { isOnline: () => true })
    const engine = createSyncEngine({ db: device, transport, window: null, document: null, isOnline: () => true, random: () => 0 })
    await engine.syncNow()
    const attention = engine.getState().attention
    expect(attention).toHaveLength(1)
    expect(attention[0]).toMatchObject({ op_id: first.op_id, status: 'refused', reason: 'invalid' })
    expect(attention[0]?.detail).toMatch(REUSED)
    engine.stop()
  })
})

describe.runIf(process.env.DATABASE_URL)('an op id reused by two concurrent pushes (real server)', () => {
  let a: pg.Client
  let b: pg.Client
  beforeAll(async () => {
    a = connect(db.url as string)
    b = connect(db.url as string)
    await a.connect()
    await b.connect()
  })
  afterAll(async () => {
    await a?.end()
    await b?.end()
  })

  const asAdmin = async (c: pg.Client) => {
    await c.query('begin')
    await c.query('set local role authenticated')
    await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: admin, role: 'authenticated' })])
  }
  const pushOn = async (c: pg.Client, op: unknown) =>
    (await c.query('select public.sync_push($1::jsonb) as r', [JSON.stringify([op])])).rows[0].r[0]

  it('the one that waited for the other\'s commit is refused, not taken for a duplicate', async () => {
    const id = randomUUID()
    const op = makeOp('department.upsert', id, { site_id: HQ, code: 'RUC', name: '甲' })
    const other = { ...op, payload: { site_id: HQ, code: 'RUC', name: '乙' } }
    await asAdmin(a)
    expect((await pushOn(a, op)).status).toBe('applied')
    await asAdmin(b)
    const bPid = (await b.query('select pg_backend_pid() as pid')).rows[0].pid as number
    const second = pushOn(b, other)
    // b waits on a's ledger row (the op id), then a commits.
    await vi.waitFor(
      async () => {
        const [w] = await db.query<{ waiting: boolean }>(`select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1`, [bPid])
        expect(w?.waiting).toBe(true)
      },
      { timeout: 10_000, interval: 20 },
    )
    await a.query('commit')
    const result = await second
    await b.query('commit')
    expect(result).toMatchObject({ op_id: op.op_id, status: 'refused', reason: 'invalid' })
    expect(result.detail).toMatch(REUSED)
    expect(await deptName(id)).toBe('甲')
  })
})
