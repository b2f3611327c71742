// One label token names one thing (issue 8, point 7): unique across areas and assets, also
// under concurrent pushes (private.label_tokens, a primary key over both kinds of owner).
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newLabelToken } from '@/features/assets/domain'
import { createAsset, eventOp } from './support/custody'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { connect } from './support/pg-backend'
import { makeOp, push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const HQ = DEMO.sites['SH-HQ'] as string
const admin = DEMO.users.adminHead
const areaOp = (label_token: string) =>
  makeOp('area.upsert', randomUUID(), { site_id: HQ, name: `区域${label_token.slice(0, 4)}`, area_type: 'office', frequency: 'daily', template_code: 'sanitation', label_token })
const assetOp = (label_token: string) =>
  makeOp('asset.upsert', randomUUID(), { kind: 'seal', number: `SEAL-${Math.floor(1000 + Math.random() * 8999)}`, name: '测试章', site_id: HQ, details: { seal_type: 'contract', cabinet: 'A-1', enabled_on: '2024-01-02' }, label_token })

describe('label tokens', () => {
  it('an area\'s token cannot label an asset', async () => {
    const t = newLabelToken()
    expect((await push(db, admin, [areaOp(t)]))[0]?.status).toBe('applied')
    const op = assetOp(t)
    const [r] = await push(db, admin, [op])
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r?.detail).toMatch(/label_token: already used by an area/)
    expect(await db.query('select 1 from public.assets where id = $1', [op.entity_id])).toEqual([])
  })

  it('nor become an asset\'s new label', async () => {
    const t = newLabelToken()
    expect((await push(db, admin, [areaOp(t)]))[0]?.status).toBe('applied')
    const asset = await createAsset(db, 'seal', { label_token: newLabelToken() })
    const [r] = await push(db, admin, [eventOp(asset, 'label_replaced', { new_token: t })])
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r?.detail).toMatch(/already used by an area/)
  })

  it('an asset\'s token, current or replaced, cannot label an area', async () => {
    const first = newLabelToken()
    const asset = await createAsset(db, 'seal', { label_token: first })
    expect((await push(db, admin, [eventOp(asset, 'label_replaced', { new_token: newLabelToken() })]))[0]?.status).toBe('applied')
    const [r] = await push(db, admin, [areaOp(first)])
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(r?.detail).toMatch(/label_token: already used by an asset/)
  })

  it('the same area or asset keeps its own token', async () => {
    const t = newLabelToken()
    const op = areaOp(t)
    expect((await push(db, admin, [op]))[0]?.status).toBe('applied')
    expect((await push(db, admin, [{ ...op, op_id: randomUUID(), payload: { ...op.payload, name: '改名' } }]))[0]?.status).toBe('applied')
  })

  it('every token in use is in the registry, once', async () => {
    const [row] = await db.query<{ missing: number }>(
      `select count(*)::int as missing from (
         select token from public.asset_labels union select label_token from public.areas where label_token is not null
       ) t where not exists (select 1 from private.label_tokens r where r.token = t.token)`,
    )
    expect(row?.missing).toBe(0)
  })
})

describe.runIf(process.env.DATABASE_URL)('label tokens under concurrent pushes (real server)', () => {
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
  const pushOn = async (c: pg.Client, op: unknown) => (await c.query('select public.sync_push($1::jsonb) as r', [JSON.stringify([op])])).rows[0].r[0]

  it('an area and an asset claiming one token at once: the second to commit is refused', async () => {
    const t = newLabelToken()
    await asAdmin(a)
    expect((await pushOn(a, areaOp(t))).status).toBe('applied')
    await asAdmin(b)
    const bPid = (await b.query('select pg_backend_pid() as pid')).rows[0].pid as number
    const asset = assetOp(t)
    const second = pushOn(b, asset)
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
    expect(result).toMatchObject({ status: 'refused', reason: 'invalid' })
    expect(result.detail).toMatch(/already used by an area/)
    expect(await db.query('select 1 from public.assets where id = $1', [asset.entity_id])).toEqual([])
  })
})
