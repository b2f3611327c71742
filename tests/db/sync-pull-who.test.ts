// The pull cursor's 'who' (what the caller may see: a change starts a new run) is one function,
// authz.sync_pull_who(): a change of who may see what replaces only it, and sync_pull (security
// invoker, no usage on private) calls it. Moving the hash there keeps it as it was, so a device's
// cursor from before carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { decodeCursor, pullAll } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

// The term as sync_pull computed it inline up to 20261203060000 (caller, site and department,
// live roles, departments headed), run as the caller.
const INLINE_WHO = `select md5(concat_ws('|', auth.uid()::text,
         (select concat_ws(':', p.site_id::text, p.department_id::text) from public.profiles p where p.id = auth.uid()),
         string_agg(r.role || '@' || coalesce(r.site_id::text, '*'), ',' order by r.role, r.site_id::text),
         (select 'head:' || string_agg(d.id::text, ',' order by d.id) from public.departments d
          where d.head_id = auth.uid() and d.deleted_at is null))) as who
  from public.user_roles r
  where r.user_id = auth.uid() and r.deleted_at is null`

const whoOf = (user: string, sql: string) => db.asUser(user, async (q) => (await q<{ who: string }>(sql))[0]?.who)

describe("the pull cursor's who", () => {
  it('is authz.sync_pull_who(), the same hash as the inline term it replaces, for every demo user', async () => {
    const users = Object.values(DEMO.users) as string[]
    expect(users.length).toBeGreaterThan(5)
    for (const user of users) {
      const who = await whoOf(user, 'select authz.sync_pull_who() as who')
      expect(who, user).toMatch(/^[0-9a-f]{32}$/)
      expect(who, user).toBe(await whoOf(user, INLINE_WHO))
      const { cursor } = await pullAll(db, user, null, 2000)
      expect(decodeCursor(cursor).who, user).toBe(who)
    }
  })

  it('replacing only that function changes which cursors carry on (no rebuild of sync_pull)', async () => {
    const user = DEMO.users.employee as string
    const first = await pullAll(db, user, null, 2000)
    expect((await pullAll(db, user, first.cursor)).pages[0]?.restart).toBe(false)
    const original = (await db.query<{ def: string }>(`select pg_get_functiondef('authz.sync_pull_who()'::regprocedure) as def`))[0]!.def
    try {
      // A new rule of who may see what: one more term in the hash.
      await db.exec(original.replace(/(md5\()/i, "$1'rule-2|' || "))
      const after = await pullAll(db, user, first.cursor, 2000)
      expect(after.pages[0]?.restart).toBe(true)
      expect(decodeCursor(after.cursor).who).not.toBe(decodeCursor(first.cursor).who)
      expect((await pullAll(db, user, after.cursor)).pages[0]?.restart).toBe(false)
    } finally {
      await db.exec(original)
    }
    expect(await whoOf(user, 'select authz.sync_pull_who() as who')).toBe(decodeCursor(first.cursor).who)
  })

  it('runs as the caller with an empty search_path; authenticated may execute it, anon may not', async () => {
    const [fn] = await db.query<{ secdef: boolean; config: string[] | null; anon: boolean; authn: boolean; pub: boolean }>(
      `select p.prosecdef as secdef, p.proconfig as config,
              has_function_privilege('anon', p.oid, 'execute') as anon,
              has_function_privilege('authenticated', p.oid, 'execute') as authn,
              exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE') as pub
       from pg_proc p where p.oid = 'authz.sync_pull_who()'::regprocedure`,
    )
    expect(fn).toEqual({ secdef: false, config: ['search_path=""'], anon: false, authn: true, pub: false })
    await expect(db.asAnon((q) => q('select authz.sync_pull_who()'))).rejects.toThrow(/permission denied/)
  })
})
