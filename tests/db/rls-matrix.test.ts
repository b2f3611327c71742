// Who reads what: each demo user against each table, through RLS, as PostgREST would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type DemoUserKey, type TestDb } from './support/database'

let db: TestDb
let auditTotal = 0
beforeAll(async () => {
  db = await openTestDb()
  // One ledger row for two users, so "own rows only" is visible.
  await db.query(
    `insert into public.sync_ops (op_id, user_id, kind, entity_id, device_time)
     values (gen_random_uuid(), $1, 'profile.update', $1, now()), (gen_random_uuid(), $2, 'profile.update', $2, now())`,
    [DEMO.users.driver, DEMO.users.cleaner],
  )
  const [a] = await db.query<{ n: number }>('select count(*)::int as n from public.audit_log')
  auditTotal = a?.n ?? 0
})
afterAll(() => db?.close())

const SEES_EVERYONE: DemoUserKey[] = ['adminHead', 'executive']
const users = Object.keys(DEMO.users) as DemoUserKey[]

function expected(user: DemoUserKey): Record<string, number> {
  const overseer = SEES_EVERYONE.includes(user)
  return {
    company: 1,
    sites: 2,
    departments: 5,
    profiles: 10,
    user_roles: overseer ? 10 : 1,
    audit_log: overseer ? auditTotal : 0,
    sync_ops: user === 'driver' || user === 'cleaner' ? 1 : 0,
  }
}

async function counts(q: (sql: string) => Promise<{ n: number }[]>): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of ['company', 'sites', 'departments', 'profiles', 'user_roles', 'audit_log', 'sync_ops']) {
    const [r] = await q(`select count(*)::int as n from public.${t}`)
    out[t] = r?.n ?? -1
  }
  return out
}

describe('read matrix', () => {
  it('the seed left audit rows to see', () => {
    expect(auditTotal).toBeGreaterThan(0)
  })

  it.each(users)('%s reads exactly what its role allows', async (user) => {
    const got = await db.asUser(DEMO.users[user], (q) => counts((sql) => q<{ n: number }>(sql)))
    expect(got).toEqual(expected(user))
  })

  it('a non-overseer sees only its own role rows', async () => {
    const rows = await db.asUser(DEMO.users.employee, (q) => q<{ user_id: string; role: string }>('select user_id, role from public.user_roles'))
    expect(rows).toEqual([{ user_id: DEMO.users.employee, role: 'employee' }])
  })

  it('tombstoned rows stay readable, so devices learn of deletions', async () => {
    const id = '0d000000-0000-4000-8000-0000000000f1'
    await db.query(`insert into public.departments (id, site_id, code, name, deleted_at) values ($1, $2, 'GONE', '已撤销', now())`, [id, DEMO.sites['SH-HQ']])
    const rows = await db.asUser(DEMO.users.employee, (q) => q('select id from public.departments where id = $1', [id]))
    expect(rows).toHaveLength(1)
  })

  it('anon reads nothing at all', async () => {
    for (const t of ['company', 'sites', 'departments', 'profiles', 'user_roles', 'audit_log', 'sync_ops']) {
      await expect(db.asAnon((q) => q(`select 1 from public.${t} limit 1`)), t).rejects.toThrow(/permission denied/)
    }
  })

  it('a JWT for a user without roles still reads reference data but no roles of others', async () => {
    const stranger = '0a000000-0000-4000-8000-0000000000ff'
    await db.query(`insert into auth.users (id, email) values ($1, 'stranger@example.com')`, [stranger])
    const got = await db.asUser(stranger, (q) => counts((sql) => q<{ n: number }>(sql)))
    expect(got).toMatchObject({ company: 1, sites: 2, profiles: 11, user_roles: 0, audit_log: 0, sync_ops: 0 })
  })
})
