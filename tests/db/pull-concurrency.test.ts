// The pull cursor against two real concurrent transactions (needs a server: PGlite
// has one connection). Run with DATABASE_URL set, e.g. against the local PG15.
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { connect } from './support/pg-backend'
import { decodeCursor, makeOp, pullAll, settle } from './support/sync'

const HQ = DEMO.sites['SH-HQ'] as string
const admin = DEMO.users.adminHead
const emp = DEMO.users.employee

/** Opens a transaction on c and pushes one new department as the head of administration; leaves it open. */
async function beginPush(c: pg.Client, code: string): Promise<{ id: string; xid: string }> {
  const id = randomUUID()
  await c.query('begin')
  await c.query('set local role authenticated')
  await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: admin, role: 'authenticated' })])
  const op = makeOp('department.upsert', id, { site_id: HQ, code, name: code })
  const { rows } = await c.query('select public.sync_push($1::jsonb) as r, pg_current_xact_id()::text as xid', [JSON.stringify([op])])
  expect(rows[0].r[0].status).toBe('applied')
  return { id, xid: rows[0].xid as string }
}

describe.runIf(process.env.DATABASE_URL)('pull cursor with concurrent transactions (real server)', () => {
  let db: TestDb
  let a: pg.Client
  let b: pg.Client
  beforeAll(async () => {
    db = await openTestDb()
    a = connect(db.url as string)
    b = connect(db.url as string)
    await a.connect()
    await b.connect()
  })
  afterAll(async () => {
    await a?.end()
    await b?.end()
    await db?.close()
  })

  it('does not move past a running transaction, so a late commit is not skipped', async () => {
    const start = await pullAll(db, emp, null)
    // What a naive "changed since the newest timestamp I saw" client would keep.
    // (Timestamps as text: a JS Date would drop the microseconds.)
    const [naive0] = await db.query<{ t: string }>('select max(updated_at)::text as t from public.departments')

    const txA = await beginPush(a, 'LATE-A') // starts first: lower xid, earlier now()
    await new Promise((r) => setTimeout(r, 20))
    const txB = await beginPush(b, 'EARLY-B')
    await b.query('commit')
    expect(BigInt(txA.xid)).toBeLessThan(BigInt(txB.xid))

    // A is still open: the run stops below A's xid, so B waits too.
    const mid = await pullAll(db, emp, start.cursor)
    expect(BigInt(decodeCursor(mid.cursor).since)).toBeLessThanOrEqual(BigInt(txA.xid))
    expect(mid.changes.map((c) => c.id)).not.toContain(txB.id)

    // The naive cursor sees B now and moves past A's timestamp.
    const naive1 = await db.query<{ id: string; t: string }>(
      'select id, updated_at::text as t from public.departments where updated_at > $1::timestamptz', [naive0?.t],
    )
    expect(naive1.map((r) => r.id)).toEqual([txB.id])

    await a.query('commit')
    await settle(db)

    const after = await pullAll(db, emp, mid.cursor)
    expect(after.changes.map((c) => c.id).sort()).toEqual([txA.id, txB.id].sort())
    // ...whereas the naive cursor never sees A's row: it committed "in the past".
    const naive2 = await db.query<{ id: string }>('select id from public.departments where updated_at > $1::timestamptz', [naive1[0]?.t])
    expect(naive2.map((r) => r.id)).not.toContain(txA.id)
    // So would a cursor of "highest row_xid seen".
    const [seenB] = await db.query<{ x: string }>('select row_xid::text as x from public.departments where id = $1', [txB.id])
    const byXid = await db.query<{ id: string }>('select id from public.departments where row_xid > $1::xid8', [seenB?.x])
    expect(byXid.map((r) => r.id)).not.toContain(txA.id)
  })

  it('a concurrent push of the same op applies it once; the other gets duplicate', async () => {
    const id = randomUUID()
    const op = makeOp('department.upsert', id, { site_id: HQ, code: 'RACE', name: '并发' })
    const begin = async (c: pg.Client) => {
      await c.query('begin')
      await c.query('set local role authenticated')
      await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: admin, role: 'authenticated' })])
    }
    await begin(a)
    await begin(b)
    const first = await a.query('select public.sync_push($1::jsonb) as r', [JSON.stringify([op])])
    const second = b.query('select public.sync_push($1::jsonb) as r', [JSON.stringify([op])]) // blocks on the ledger row
    await a.query('commit')
    const secondRows = (await second).rows
    await b.query('commit')
    expect(first.rows[0].r[0].status).toBe('applied')
    expect(secondRows[0].r[0].status).toBe('duplicate')
    const [n] = await db.query<{ n: number }>('select count(*)::int as n from public.sync_ops where op_id = $1', [op.op_id])
    expect(n?.n).toBe(1)
  })
})
