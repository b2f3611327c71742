// One place for what is synced (issue 8, point 12): private.synced_tables is the list
// sync_pull sends, the device's SYNCED_TABLES must equal it, and a later migration adds
// a table with one insert (checked, then the pull is rebuilt from the registry).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYNCED_TABLES } from '../../src/platform/sync/protocol'
import { DEMO, openTestDb, type TestDb } from './support/database'
import { pullAll, settle } from './support/sync'

let db: TestDb
beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

const registry = async () =>
  (await db.query<{ name: string }>('select name from private.synced_tables order by name')).map((r) => r.name)

/** A table shaped as the registry asks (id, row_xid + stamp trigger, deleted_at, RLS, select grant). */
const createSyncableTable = (name: string, opts: { rls?: boolean; grant?: boolean; stamp?: boolean } = {}) =>
  db.exec(`
    create table public.${name} (
      id uuid primary key,
      owner_id uuid not null,
      note text not null,
      created_at timestamptz, updated_at timestamptz, deleted_at timestamptz,
      row_xid xid8 not null default pg_current_xact_id()
    );
    ${opts.stamp === false ? '' : `create trigger stamp_sync_row before insert or update on public.${name}
      for each row execute function private.tg_stamp_sync_row();`}
    ${opts.rls === false ? '' : `alter table public.${name} enable row level security;`}
    ${opts.grant === false ? '' : `grant select on public.${name} to authenticated;`}
    create policy ${name}_select on public.${name} for select to authenticated
      using (owner_id = (select auth.uid()));
  `)

describe('the synced-tables registry', () => {
  it('is the device\'s SYNCED_TABLES, no more and no less', async () => {
    expect(await registry()).toEqual([...SYNCED_TABLES].sort())
  })

  it('is closed to clients: RLS on, no grants', async () => {
    const [row] = await db.query<{ rls: boolean; authn: boolean; anon: boolean }>(
      `select c.relrowsecurity as rls,
              has_table_privilege('authenticated', c.oid, 'select') as authn,
              has_table_privilege('anon', c.oid, 'select') as anon
       from pg_class c where c.oid = 'private.synced_tables'::regclass`,
    )
    expect(row).toEqual({ rls: true, authn: false, anon: false })
  })

  it('a registered table is pulled at once, filtered by its own RLS; no copy of sync_pull needed', async () => {
    await createSyncableTable('zz_notes')
    await db.query(`insert into private.synced_tables (name) values ('zz_notes')`)
    const mine = randomUUID()
    const theirs = randomUUID()
    await db.query(`insert into public.zz_notes (id, owner_id, note) values ($1, $2, 'mine'), ($3, $4, 'theirs')`, [
      mine,
      DEMO.users.employee,
      theirs,
      DEMO.users.adminHead,
    ])
    await settle(db)
    const { changes } = await pullAll(db, DEMO.users.employee, null)
    expect(changes.filter((c) => (c.table as string) === 'zz_notes')).toEqual([
      { table: 'zz_notes', id: mine, deleted: false, row: expect.objectContaining({ id: mine, note: 'mine' }) },
    ])
    // Unregistering takes it out of the pull again.
    await db.query(`delete from private.synced_tables where name = 'zz_notes'`)
    const again = await pullAll(db, DEMO.users.employee, null)
    expect(again.changes.some((c) => (c.table as string) === 'zz_notes')).toBe(false)
    expect(await registry()).toEqual([...SYNCED_TABLES].sort())
  })

  it('refuses a table the pull could not serve safely, naming what is missing', async () => {
    await expect(db.query(`insert into private.synced_tables (name) values ('no_such_table')`)).rejects.toThrow(
      /no_such_table.*not a table in public/,
    )
    await createSyncableTable('zz_open', { rls: false })
    await expect(db.query(`insert into private.synced_tables (name) values ('zz_open')`)).rejects.toThrow(
      /zz_open.*row level security/,
    )
    await createSyncableTable('zz_hidden', { grant: false })
    await expect(db.query(`insert into private.synced_tables (name) values ('zz_hidden')`)).rejects.toThrow(
      /zz_hidden.*select.*authenticated/,
    )
    await createSyncableTable('zz_unstamped', { stamp: false })
    await expect(db.query(`insert into private.synced_tables (name) values ('zz_unstamped')`)).rejects.toThrow(
      /zz_unstamped.*tg_stamp_sync_row/,
    )
    await db.exec(`create table public.zz_bare (id uuid primary key, note text);
      alter table public.zz_bare enable row level security; grant select on public.zz_bare to authenticated;`)
    await expect(db.query(`insert into private.synced_tables (name) values ('zz_bare')`)).rejects.toThrow(
      /zz_bare.*row_xid/,
    )
    expect(await registry()).toEqual([...SYNCED_TABLES].sort())
  })
})
