// Phone numbers (issue 8, point 5): a person's phone is visible to themselves and to roles
// with a work need (authz.profile_phone says which), in the pull and in direct reads; to
// everyone else the profile comes without it.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type DemoUserKey, type TestDb } from './support/database'
import { pullAll } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const U = DEMO.users
const SZ = DEMO.sites['SZ-PLANT'] as string

/** Profile id -> phone, as the user's device receives them. */
async function phonesPulled(userId: string): Promise<Record<string, string | null>> {
  const { changes } = await pullAll(db, userId, null)
  const profiles = changes.filter((c) => c.table === 'profiles')
  expect(profiles.length).toBeGreaterThanOrEqual(10)
  return Object.fromEntries(profiles.map((c) => [c.id, (c.row?.phone as string | null | undefined) ?? null]))
}
const withPhone = (phones: Record<string, string | null>) => Object.keys(phones).filter((id) => phones[id] !== null).sort()
const everyone = () => Object.values(U).sort()

describe('phone numbers', () => {
  it.each(['employee', 'driver', 'cleaner', 'inspector'] as DemoUserKey[])('a(n) %s receives only their own', async (who) => {
    const phones = await phonesPulled(U[who])
    expect(withPhone(phones)).toEqual([U[who]])
    expect(phones[U[who]]).toMatch(/^138/)
  })

  it.each(['adminHead', 'executive', 'sealKeeper', 'assetKeeper', 'fleetManager', 'dormManager'] as DemoUserKey[])(
    'a(n) %s (a work need) receives everyone\'s',
    async (who) => {
      expect(withPhone(await phonesPulled(U[who]))).toEqual(everyone())
    },
  )

  it('a site-scoped role sees the phones of its site\'s people only', async () => {
    await db.query(`insert into public.user_roles (id, user_id, role, site_id) values ($1, $2, 'dorm_manager', $3)`, [randomUUID(), U.driver, SZ])
    const atSz = await db.query<{ id: string }>('select id from public.profiles where site_id = $1', [SZ])
    expect(atSz.length).toBeGreaterThan(0)
    expect(withPhone(await phonesPulled(U.driver))).toEqual([...atSz.map((p) => p.id), U.driver].sort())
  })

  it('cannot be read directly; the rest of a profile can', async () => {
    await expect(db.asUser(U.employee, (q) => q('select phone from public.profiles'))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(U.adminHead, (q) => q('select * from public.profiles'))).rejects.toThrow(/permission denied/)
    const rows = await db.asUser(U.employee, (q) => q('select id, display_name, site_id, department_id, updated_at, deleted_at from public.profiles'))
    expect(rows.length).toBeGreaterThanOrEqual(10)
  })
})
