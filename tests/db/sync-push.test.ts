// sync_push: idempotent, per-op results, refusals change nothing, audit links to the op.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { makeOp, push } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const HQ = DEMO.sites['SH-HQ'] as string
const admin = DEMO.users.adminHead
const upsert = (id: string, payload: Record<string, unknown>) => makeOp('department.upsert', id, payload)
const count = async (sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) s`, params))[0]?.n

/** Departments, ledger and audit rows touching an entity or op: all must stay 0 after a refusal. */
const footprint = async (entityId: string, opId: string) => ({
  departments: await count('select 1 from public.departments where id = $1', [entityId]),
  ledger: await count('select 1 from public.sync_ops where op_id = $1', [opId]),
  audit: await count('select 1 from public.audit_log where op_id = $1 or row_id = $2', [opId, entityId]),
})

describe('sync_push applies', () => {
  it('a department.upsert by the head of administration, recording the op', async () => {
    const id = randomUUID()
    const op = upsert(id, { site_id: HQ, code: 'IT', name: ' 信息部 ' })
    expect(await push(db, admin, [op])).toEqual([{ op_id: op.op_id, status: 'applied' }])
    const [dep] = await db.query('select site_id, code, name, deleted_at from public.departments where id = $1', [id])
    expect(dep).toEqual({ site_id: HQ, code: 'IT', name: '信息部', deleted_at: null })
    const [ledger] = await db.query<Record<string, unknown>>('select * from public.sync_ops where op_id = $1', [op.op_id])
    expect(ledger).toMatchObject({ user_id: admin, kind: 'department.upsert', entity_id: id, status: 'applied' })
    expect(new Date(ledger?.device_time as string).toISOString()).toBe(op.device_time)
    expect(ledger?.received_at).toBeInstanceOf(Date)
  })

  it('the same op twice as one row: applied, then duplicate (also within one batch)', async () => {
    const id = randomUUID()
    const op = upsert(id, { site_id: HQ, code: 'DUP', name: '重复' })
    expect((await push(db, admin, [op, op])).map((r) => r.status)).toEqual(['applied', 'duplicate'])
    expect(await push(db, admin, [op])).toEqual([{ op_id: op.op_id, status: 'duplicate' }])
    expect(await footprint(id, op.op_id)).toEqual({ departments: 1, ledger: 1, audit: 1 })
  })

  it('a later upsert renames; delete tombstones; deleting again is a no-op', async () => {
    const id = randomUUID()
    await push(db, admin, [upsert(id, { site_id: HQ, code: 'REN', name: '旧名' })])
    const rename = upsert(id, { site_id: HQ, code: 'REN', name: '新名' })
    const del = makeOp('department.delete', id, {})
    const again = makeOp('department.delete', id, {})
    expect((await push(db, admin, [rename, del])).map((r) => r.status)).toEqual(['applied', 'applied'])
    const [first] = await db.query<{ name: string; deleted_at: Date }>('select name, deleted_at from public.departments where id = $1', [id])
    expect(first?.name).toBe('新名')
    expect(first?.deleted_at).toBeInstanceOf(Date)
    expect((await push(db, admin, [again]))[0]?.status).toBe('applied')
    const [second] = await db.query<{ deleted_at: Date }>('select deleted_at from public.departments where id = $1', [id])
    expect(second?.deleted_at).toEqual(first?.deleted_at)
  })

  it('a code can be reused at a site once its department is deleted, not before', async () => {
    const a = randomUUID()
    const b = randomUUID()
    await push(db, admin, [upsert(a, { site_id: HQ, code: 'REUSE', name: '甲' })])
    const clash = upsert(b, { site_id: HQ, code: 'REUSE', name: '乙' })
    expect(await push(db, admin, [clash])).toEqual([
      { op_id: clash.op_id, status: 'refused', reason: 'invalid', detail: 'code: already used at this site' },
    ])
    await push(db, admin, [makeOp('department.delete', a, {})])
    expect((await push(db, admin, [clash]))[0]?.status).toBe('applied')
  })

  it('a site-scoped head of administration manages only that site\'s departments', async () => {
    const user = DEMO.users.dormManager
    const SZ = DEMO.sites['SZ-PLANT'] as string
    const [grant] = await db.query<{ id: string }>(
      `insert into public.user_roles (user_id, role, site_id) values ($1, 'admin_head', $2) returning id`, [user, SZ],
    )
    const id = randomUUID()
    const results = await push(db, user, [
      upsert(id, { site_id: SZ, code: 'SZ1', name: '苏州一' }),
      upsert(randomUUID(), { site_id: HQ, code: 'SZ2', name: '越权' }),
      upsert(id, { site_id: HQ, code: 'SZ1', name: '搬走' }),
      makeOp('department.delete', DEMO.departments.FIN as string, {}),
    ])
    expect(results.map((r) => r.reason ?? r.status)).toEqual(['applied', 'forbidden', 'forbidden', 'forbidden'])
    await db.query('update public.user_roles set deleted_at = now() where id = $1', [grant?.id])
  })

  it('profile.update on one\'s own profile; null clears the phone', async () => {
    const me = DEMO.users.driver
    const op = makeOp('profile.update', me, { display_name: '刘强（车队）', phone: '+86 139-0000-0005' })
    expect((await push(db, me, [op]))[0]?.status).toBe('applied')
    expect(await db.query('select display_name, phone from public.profiles where id = $1', [me])).toEqual([
      { display_name: '刘强（车队）', phone: '+86 139-0000-0005' },
    ])
    await push(db, me, [makeOp('profile.update', me, { phone: null })])
    expect(await db.query('select display_name, phone from public.profiles where id = $1', [me])).toEqual([
      { display_name: '刘强（车队）', phone: null },
    ])
  })
})

describe('sync_push refuses, and a refusal changes nothing', () => {
  type Case = [name: string, make: () => { user: string; op: ReturnType<typeof makeOp> }, reason: string, detail: RegExp]
  const emp = DEMO.users.employee
  const refusedCases: Case[] = [
    ['a department.upsert by a non-admin', () => ({ user: DEMO.users.sealKeeper, op: upsert(randomUUID(), { site_id: HQ, code: 'NO', name: '无权' }) }), 'forbidden', /admin_head/],
    ['an empty name', () => ({ user: admin, op: upsert(randomUUID(), { site_id: HQ, code: 'E1', name: '   ' }) }), 'invalid', /^name:/],
    ['a 61-character name', () => ({ user: admin, op: upsert(randomUUID(), { site_id: HQ, code: 'E2', name: '名'.repeat(61) }) }), 'invalid', /^name:/],
    ['a malformed code', () => ({ user: admin, op: upsert(randomUUID(), { site_id: HQ, code: 'bad code!', name: '坏' }) }), 'invalid', /^code:/],
    ['an unexpected field', () => ({ user: admin, op: upsert(randomUUID(), { site_id: HQ, code: 'E3', name: '多', status: 'x' }) }), 'invalid', /^status:/],
    ['a site that does not exist', () => ({ user: admin, op: upsert(randomUUID(), { site_id: randomUUID(), code: 'E4', name: '无址' }) }), 'not_found', /^site_id:/],
    ['an unknown kind', () => ({ user: admin, op: makeOp('seal.melt', randomUUID(), {}) }), 'unknown_kind', /seal\.melt/],
    ['deleting a department that never existed', () => ({ user: admin, op: makeOp('department.delete', randomUUID(), {}) }), 'not_found', /department/],
    ['deleting a department as a non-admin', () => ({ user: emp, op: makeOp('department.delete', DEMO.departments.FIN as string, {}) }), 'forbidden', /admin_head/],
    ["someone else's profile", () => ({ user: emp, op: makeOp('profile.update', DEMO.users.driver, { display_name: 'x' }) }), 'forbidden', /own profile/],
    ['a 41-character display name', () => ({ user: emp, op: makeOp('profile.update', emp, { display_name: '名'.repeat(41) }) }), 'invalid', /^display_name:/],
    ['a malformed phone', () => ({ user: emp, op: makeOp('profile.update', emp, { phone: 'call me' }) }), 'invalid', /^phone:/],
    ['a profile.update with nothing in it', () => ({ user: emp, op: makeOp('profile.update', emp, {}) }), 'invalid', /^payload:/],
    ['a device_time that is not a timestamp', () => ({ user: admin, op: makeOp('department.upsert', randomUUID(), { site_id: HQ, code: 'E5', name: '时' }, { device_time: 'yesterday' }) }), 'invalid', /^device_time:/],
    ['a payload that is not an object', () => ({ user: admin, op: makeOp('department.upsert', randomUUID(), {}, { payload: ['x'] }) }), 'invalid', /^payload:/],
    ['an entity_id that is not a UUID', () => ({ user: admin, op: makeOp('department.upsert', randomUUID(), {}, { entity_id: '42' }) }), 'invalid', /^entity_id:/],
  ]

  // Every table a push can touch, summarised: a refusal must leave all of it alone.
  const snapshot = () =>
    db.query(`select (select md5(coalesce(string_agg(d::text, ',' order by d.id), '')) from public.departments d) as departments,
                     (select md5(coalesce(string_agg(p::text, ',' order by p.id), '')) from public.profiles p) as profiles,
                     (select count(*)::int from public.sync_ops) as ledger,
                     (select count(*)::int from public.audit_log) as audit`)

  it.each(refusedCases)('%s', async (_name, make, reason, detail) => {
    const { user, op } = make()
    const before = await snapshot()
    const [result] = await push(db, user, [op])
    expect(result).toMatchObject({ op_id: op.op_id, status: 'refused', reason })
    expect(result?.detail).toMatch(detail)
    expect(await snapshot()).toEqual(before)
  })

  it('an op_id that is not a UUID is refused and echoed back as sent', async () => {
    const op = makeOp('department.upsert', randomUUID(), {}, { op_id: 'op-1' })
    expect(await push(db, admin, [op])).toEqual([{ op_id: 'op-1', status: 'refused', reason: 'invalid', detail: 'op_id: must be a UUID' }])
  })

  it('a bad op in the middle of a batch refuses only itself, results in input order', async () => {
    const [a, c] = [randomUUID(), randomUUID()]
    const ops = [
      upsert(a, { site_id: HQ, code: 'B1', name: '前' }),
      upsert(randomUUID(), { site_id: HQ, code: 'B2', name: '' }),
      upsert(c, { site_id: HQ, code: 'B3', name: '后' }),
    ]
    const results = await push(db, admin, ops)
    expect(results.map((r) => [r.op_id, r.status])).toEqual(ops.map((o, i) => [o.op_id, i === 1 ? 'refused' : 'applied']))
    expect(await count('select 1 from public.departments where id = any($1)', [[a, c]])).toBe(2)
  })

  it('a refused op is judged again when retried after the cause is fixed', async () => {
    const siteId = randomUUID()
    const op = upsert(randomUUID(), { site_id: siteId, code: 'LATE', name: '晚到' })
    expect((await push(db, admin, [op]))[0]?.reason).toBe('not_found')
    await db.query(`insert into public.sites (id, code, name) values ($1, 'NEW-SITE', '新厂区')`, [siteId])
    expect((await push(db, admin, [op]))[0]?.status).toBe('applied')
  })

  it('refuses whole calls without a signed-in user or with a non-array', async () => {
    await expect(db.asAnon((q) => q(`select public.sync_push('[]'::jsonb)`))).rejects.toThrow(/permission denied/)
    await expect(
      db.asUser(admin, async (q) => {
        await q(`select set_config('request.jwt.claims', '{"role":"authenticated"}', true)`)
        return q(`select public.sync_push('[]'::jsonb)`)
      }),
    ).rejects.toMatchObject({ code: '28000' })
    await expect(db.asUser(admin, (q) => q(`select public.sync_push('{}'::jsonb)`))).rejects.toMatchObject({ code: '22023' })
  })
})

describe('audit', () => {
  it('links each change to its op and actor, readable by overseers only', async () => {
    const id = randomUUID()
    const op = upsert(id, { site_id: HQ, code: 'AUD', name: '审计' })
    await push(db, admin, [op])
    const rows = await db.asUser(DEMO.users.executive, (q) =>
      q('select actor, table_name, row_id, action, old_row, new_row from public.audit_log where op_id = $1', [op.op_id]),
    )
    expect(rows).toEqual([
      { actor: admin, table_name: 'departments', row_id: id, action: 'insert', old_row: null, new_row: expect.objectContaining({ name: '审计' }) },
    ])
    const hidden = await db.asUser(DEMO.users.employee, (q) => q('select 1 from public.audit_log where op_id = $1', [op.op_id]))
    expect(hidden).toEqual([])
  })

  it('writes outside a push have no op_id, and the op_id does not leak past the push', async () => {
    await push(db, admin, [upsert(randomUUID(), { site_id: HQ, code: 'LEAK', name: '泄漏' })])
    const id = randomUUID()
    await db.query(`insert into public.departments (id, site_id, code, name) values ($1, $2, 'SU', '超级')`, [id, HQ])
    const [row] = await db.query('select actor, op_id from public.audit_log where row_id = $1', [id])
    expect(row).toEqual({ actor: null, op_id: null })
  })
})
