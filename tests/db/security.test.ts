// The rules every migration must keep: RLS everywhere, no client writes, safe helpers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const HELPERS = ['has_role', 'has_any_role', 'has_role_at', 'current_user_site_ids']

describe('tables', () => {
  it('every table in public and private has row level security enabled', async () => {
    const tables = await db.query<{ relname: string; relrowsecurity: boolean }>(
      `select n.nspname || '.' || c.relname as relname, c.relrowsecurity from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'private') and c.relkind in ('r', 'p') order by 1`,
    )
    expect(tables.map((t) => t.relname)).toEqual(
      expect.arrayContaining(['public.audit_log', 'public.company', 'public.departments', 'public.profiles', 'public.sites', 'public.sync_ops', 'public.user_roles', 'private.asset_people']),
    )
    expect(tables.filter((t) => !t.relrowsecurity).map((t) => t.relname)).toEqual([])
  })

  it('anon and authenticated cannot insert, update, delete or truncate any public table; anon cannot read', async () => {
    const rows = await db.query<{ role: string; relname: string; priv: string }>(
      `select r.role, c.relname, p.priv from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       cross join unnest(array['anon', 'authenticated']) as r (role)
       cross join unnest(array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'SELECT']) as p (priv)
       where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
         and has_table_privilege(r.role, c.oid, p.priv)
         and not (r.role = 'authenticated' and p.priv = 'SELECT')`,
    )
    expect(rows).toEqual([])
  })

  it('every policy is for authenticated and wraps auth.uid() in a select', async () => {
    const policies = await db.query<{ tablename: string; roles: string[]; qual: string | null }>(
      `select tablename, roles::text[] as roles, qual from pg_policies where schemaname = 'public'`,
    )
    expect(policies.length).toBeGreaterThanOrEqual(7)
    for (const p of policies) {
      expect(p.roles, p.tablename).toEqual(['authenticated'])
      const bare = (p.qual ?? '').replace(/\(\s*SELECT auth\.uid\(\) AS uid\)/g, '')
      expect(bare, p.tablename).not.toContain('auth.uid()')
    }
  })

  it('a signed-in user cannot write a table directly, even the head of administration', async () => {
    await expect(
      db.asUser(DEMO.users.adminHead, (q) =>
        q(`insert into public.departments (site_id, code, name) values ($1, 'X1', 'x')`, [DEMO.sites['SH-HQ']]),
      ),
    ).rejects.toThrow(/permission denied/)
    await expect(
      db.asUser(DEMO.users.employee, (q) => q(`update public.profiles set phone = '12345' where id = $1`, [DEMO.users.employee])),
    ).rejects.toThrow(/permission denied/)
  })
})

describe('functions', () => {
  it('role helpers (in authz, out of the API) are security definer, stable, with an empty search_path', async () => {
    const rows = await db.query<{ proname: string; prosecdef: boolean; provolatile: string; proconfig: string[] | null }>(
      `select proname, prosecdef, provolatile, proconfig from pg_proc
       where pronamespace = 'authz'::regnamespace and proname = any($1)`,
      [HELPERS],
    )
    expect(rows.map((r) => r.proname).sort()).toEqual([...HELPERS].sort())
    for (const r of rows) {
      expect(r.prosecdef, r.proname).toBe(true)
      expect(r.provolatile, r.proname).toBe('s')
      expect(r.proconfig, r.proname).toEqual(['search_path=""'])
    }
  })

  it('every security definer function (public, private) pins search_path to empty', async () => {
    const rows = await db.query<{ fn: string }>(
      `select p.oid::regprocedure::text as fn from pg_proc p
       where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
         and p.prosecdef and not coalesce(p.proconfig @> array['search_path=""'], false)`,
    )
    expect(rows).toEqual([])
  })

  it('anon can execute no function in public; authenticated only the API', async () => {
    const rows = await db.query<{ fn: string; anon: boolean; authn: boolean }>(
      `select p.proname as fn, has_function_privilege('anon', p.oid, 'execute') as anon,
              has_function_privilege('authenticated', p.oid, 'execute') as authn
       from pg_proc p where p.pronamespace = 'public'::regnamespace`,
    )
    expect(rows.filter((r) => r.anon).map((r) => r.fn)).toEqual([])
    // Supabase's advisor (issue 8, point 8): whatever authenticated may execute in public is an
    // RPC through PostgREST. Only the two sync RPCs and the KPI reads (issue 14: kpi_items /
    // kpi_figures, filtered to what the caller may see) are meant to be; the role helpers live in authz.
    expect(rows.filter((r) => r.authn).map((r) => r.fn).sort()).toEqual(['kpi_figures', 'kpi_items', 'sync_pull', 'sync_push'])
  })

  it('the private schema (triggers, sync plumbing) is out of the clients\' reach', async () => {
    const [row] = await db.query<{ anon: boolean; authn: boolean }>(
      `select has_schema_privilege('anon', 'private', 'usage') as anon,
              has_schema_privilege('authenticated', 'private', 'usage') as authn`,
    )
    expect(row).toEqual({ anon: false, authn: false })
    await expect(db.asAnon((q) => q(`select authz.has_role('admin_head')`))).rejects.toThrow(/permission denied/)
    await expect(db.asUser(DEMO.users.employee, (q) => q(`select public.has_role('admin_head')`))).rejects.toThrow(/permission denied/)
  })

  it('helpers read user_roles fresh: a granted then tombstoned role takes effect at once', async () => {
    const uid = DEMO.users.employee
    const check = () =>
      db.asUser(uid, async (q) => {
        const [r] = await q<{ a: boolean; b: boolean; c: boolean; sites: string[] }>(
          `select authz.has_role('inspector') as a, authz.has_any_role(array['inspector', 'x']) as b,
                  authz.has_role_at('inspector', $1) as c, authz.current_user_site_ids() as sites`,
          [DEMO.sites['SZ-PLANT']],
        )
        return r
      })
    expect(await check()).toMatchObject({ a: false, b: false, c: false })
    const [role] = await db.query<{ id: string }>(
      `insert into public.user_roles (user_id, role, site_id) values ($1, 'inspector', $2) returning id`,
      [uid, DEMO.sites['SZ-PLANT']],
    )
    expect(await check()).toMatchObject({ a: true, b: true, c: true })
    // A site-scoped role holds only at its site.
    const other = await db.asUser(uid, async (q) =>
      (await q<{ c: boolean }>(`select authz.has_role_at('inspector', $1) as c`, [DEMO.sites['SH-HQ']]))[0]?.c,
    )
    expect(other).toBe(false)
    await db.query(`update public.user_roles set deleted_at = now() where id = $1`, [role?.id])
    expect(await check()).toMatchObject({ a: false, b: false, c: false })
  })

  it('current_user_site_ids: an unscoped role covers every live site', async () => {
    const sites = await db.asUser(DEMO.users.cleaner, async (q) =>
      (await q<{ s: string[] }>('select authz.current_user_site_ids() as s'))[0]?.s,
    )
    expect([...(sites ?? [])].sort()).toEqual(Object.values(DEMO.sites).sort())
  })
})

describe('indexes', () => {
  // Supabase's advisor (issue 8, point 8): a foreign key without an index whose leading columns
  // are its columns makes joins and filters on it (RLS, the pull) and deletes of the row it
  // names scan the whole table.
  it('every foreign key in public and private has a covering index', async () => {
    const rows = await db.query<{ fk: string }>(
      `select c.conrelid::regclass::text || '.' || c.conname as fk
       from pg_constraint c
       where c.contype = 'f' and c.connamespace in ('public'::regnamespace, 'private'::regnamespace)
         and not exists (
           select 1 from pg_index i
           where i.indrelid = c.conrelid
             and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
             and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
       order by 1`,
    )
    expect(rows.map((r) => r.fk)).toEqual([])
  })
})
