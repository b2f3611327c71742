// department.upsert carries the department head (部门负责人, departments.head_id): set, keep, clear,
// and refused for a person who does not exist, is deleted or works at another site, or by a non-admin.
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
const SZ = DEMO.sites['SZ-PLANT'] as string
const admin = DEMO.users.adminHead
const hqPerson = DEMO.users.sealKeeper
const szPerson = DEMO.users.cleaner
const upsert = (id: string, payload: Record<string, unknown>) => makeOp('department.upsert', id, payload)
const headOf = async (id: string) =>
  (await db.query<{ head_id: string | null }>('select head_id from public.departments where id = $1', [id]))[0]?.head_id

async function newDepartment(code: string): Promise<string> {
  const id = randomUUID()
  expect((await push(db, admin, [upsert(id, { site_id: HQ, code, name: code })]))[0]?.status).toBe('applied')
  return id
}

describe('department.upsert with head_id', () => {
  it('sets the head, keeps it when an op leaves head_id out, and clears it with null', async () => {
    const id = await newDepartment('H1')
    expect(await headOf(id)).toBeNull()
    expect((await push(db, admin, [upsert(id, { site_id: HQ, code: 'H1', name: '一部', head_id: hqPerson })]))[0]?.status).toBe('applied')
    expect(await headOf(id)).toBe(hqPerson)
    expect((await push(db, admin, [upsert(id, { site_id: HQ, code: 'H1', name: '改名' })]))[0]?.status).toBe('applied')
    expect(await db.query('select name, head_id from public.departments where id = $1', [id])).toEqual([{ name: '改名', head_id: hqPerson }])
    expect((await push(db, admin, [upsert(id, { site_id: HQ, code: 'H1', name: '改名', head_id: null })]))[0]?.status).toBe('applied')
    expect(await headOf(id)).toBeNull()
  })

  it('a new department may be created with its head; a company-wide person (no site) may head it', async () => {
    const exec = DEMO.users.executive
    await db.query('update public.profiles set site_id = null where id = $1', [exec])
    try {
      const id = randomUUID()
      expect((await push(db, admin, [upsert(id, { site_id: HQ, code: 'H2', name: '二部', head_id: exec })]))[0]?.status).toBe('applied')
      expect(await headOf(id)).toBe(exec)
    } finally {
      await db.query('update public.profiles set site_id = $2 where id = $1', [exec, HQ])
    }
  })

  it('a site-scoped admin head sets heads only at their site', async () => {
    const user = DEMO.users.dormManager
    const [grant] = await db.query<{ id: string }>(
      `insert into public.user_roles (user_id, role, site_id) values ($1, 'admin_head', $2) returning id`, [user, SZ],
    )
    try {
      const PRD = DEMO.departments.PRD as string
      const FIN = DEMO.departments.FIN as string
      const results = await push(db, user, [
        upsert(PRD, { site_id: SZ, code: 'PRD', name: '生产部', head_id: szPerson }),
        upsert(FIN, { site_id: HQ, code: 'FIN', name: '财务部', head_id: hqPerson }),
      ])
      expect(results.map((r) => r.reason ?? r.status)).toEqual(['applied', 'forbidden'])
      expect(await headOf(PRD)).toBe(szPerson)
      expect(await headOf(FIN)).toBeNull()
    } finally {
      await db.query('update public.user_roles set deleted_at = now() where id = $1', [grant?.id])
    }
  })

  type Case = [name: string, user: string, head: () => Promise<unknown>, reason: string, detail: RegExp]
  const cases: Case[] = [
    ['a person who does not exist', admin, async () => randomUUID(), 'not_found', /^head_id: no such person/],
    ['a person of another site', admin, async () => szPerson, 'invalid', /^head_id: works at another site/],
    ['a head_id that is not a UUID', admin, async () => 'someone', 'invalid', /^head_id: must be a UUID/],
    ['a head_id that is a number', admin, async () => 7, 'invalid', /^head_id: must be a UUID/],
    ['a deleted person', admin, async () => {
      await db.query('update public.profiles set deleted_at = now() where id = $1', [DEMO.users.driver])
      return DEMO.users.driver
    }, 'not_found', /^head_id: no such person/],
    ['a non-admin', DEMO.users.executive, async () => hqPerson, 'forbidden', /admin_head/],
  ]
  it.each(cases)('refuses %s and changes nothing', async (_name, user, head, reason, detail) => {
    const id = await newDepartment(`R${Math.floor(Math.random() * 1e6)}`)
    const before = await db.query('select * from public.departments where id = $1', [id])
    const op = upsert(id, { site_id: HQ, code: 'RX', name: '拒', head_id: await head() })
    const [result] = await push(db, user, [op])
    expect(result).toMatchObject({ status: 'refused', reason })
    expect(result?.detail).toMatch(detail)
    expect(await db.query('select * from public.departments where id = $1', [id])).toEqual(before)
    await db.query('update public.profiles set deleted_at = null where id = $1', [DEMO.users.driver])
  })
})
