// supabase/seed.sql must be exactly the demo company the app's local mode uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from './support/database'

const demo = DEMO.raw
let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort()

describe('seed.sql', () => {
  it('has the company, sites and departments of demo-company.json', async () => {
    expect(await db.query('select id, name, timezone from public.company')).toEqual([demo.company])
    expect(await db.query('select id, code, name from public.sites order by id')).toEqual(
      [...demo.sites].sort((a, b) => a.id.localeCompare(b.id)),
    )
    expect(await db.query('select id, site_id, code, name from public.departments order by id')).toEqual(
      [...demo.departments].sort((a, b) => a.id.localeCompare(b.id)),
    )
  })

  it('has the 10 users as confirmed auth users with email identities and the demo password', async () => {
    const users = await db.query<{ id: string; email: string; ok: boolean; confirmed: boolean; tokens: string[] }>(
      `select u.id, u.email, u.encrypted_password = extensions.crypt($1, u.encrypted_password) as ok,
              u.email_confirmed_at is not null as confirmed,
              array[u.confirmation_token, u.recovery_token, u.email_change_token_new, u.email_change] as tokens
       from auth.users u order by u.id`,
      [demo.demoPassword],
    )
    expect(users.map((u) => [u.id, u.email])).toEqual(demo.users.map((u) => [u.id, u.email]).sort())
    for (const u of users) expect(u, u.email).toMatchObject({ ok: true, confirmed: true, tokens: ['', '', '', ''] })
    const identities = await db.query<{ id: string }>(`select user_id as id from auth.identities where provider = 'email'`)
    expect(ids(identities)).toEqual(ids(demo.users))
  })

  it('has each profile as in the JSON', async () => {
    const profiles = await db.query('select id, display_name, phone, site_id, department_id from public.profiles order by id')
    expect(profiles).toEqual(
      demo.users.map(({ id, display_name, phone, site_id, department_id }) => ({ id, display_name, phone, site_id, department_id })),
    )
  })

  it('has each user\'s roles and no others', async () => {
    const roles = await db.query<{ user_id: string; role: string }>(
      'select user_id, role from public.user_roles where deleted_at is null order by user_id, role',
    )
    const want = demo.users.flatMap((u) => [...u.roles].sort().map((role) => ({ user_id: u.id, role })))
    expect(roles).toEqual(want)
  })

  it('the signup trigger makes a profile for any new auth user', async () => {
    const id = '0a000000-0000-4000-8000-0000000000aa'
    await db.query(`insert into auth.users (id, email, raw_user_meta_data) values ($1, 'new.person@example.com', '{}')`, [id])
    const [p] = await db.query('select display_name, phone from public.profiles where id = $1', [id])
    expect(p).toEqual({ display_name: 'new.person', phone: null })
  })

  it('the signup trigger also works when GoTrue (a role with no rights on public or private) inserts', async () => {
    const id = '0a000000-0000-4000-8000-0000000000ab'
    await db.exec(`
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
          create role supabase_auth_admin nologin noinherit;
        end if;
      end $$;
      grant usage on schema auth to supabase_auth_admin;
      grant insert, select on auth.users to supabase_auth_admin;
      begin;
      set local role supabase_auth_admin;
      insert into auth.users (id, email, raw_user_meta_data) values ('${id}', 'x@example.com', '{"display_name":"  新同事  "}');
      commit;`)
    const [p] = await db.query('select display_name from public.profiles where id = $1', [id])
    expect(p).toEqual({ display_name: '新同事' })
  })
})
