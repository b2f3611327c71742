-- Base rules every later migration relies on.

-- Clients write only through RPCs (DESIGN.md invariant 4): new tables and
-- functions in public start with no client privileges; each migration grants
-- exactly what it means to expose. (Per-schema defaults cannot take EXECUTE
-- away from PUBLIC, so each migration also revokes that on its functions;
-- tests/db/security.test.ts fails if one is left executable by anon.)
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke execute on functions from anon, authenticated;

-- Internals (triggers, sync plumbing) live in a schema PostgREST does not
-- expose and clients cannot use, so they are neither RPCs nor in the API types.
create schema private;
revoke all on schema private from public;

-- Stamps every synced row: updated_at for people, row_xid for the pull cursor.
-- row_xid is the writing transaction's id (top-level even inside a subtransaction),
-- so a pull can wait until every transaction below its cursor has finished.
create function private.tg_stamp_sync_row()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.row_xid := pg_catalog.pg_current_xact_id();
  if tg_op = 'INSERT' then
    new.created_at := coalesce(new.created_at, pg_catalog.now());
    new.updated_at := coalesce(new.updated_at, new.created_at);
  else
    new.created_at := old.created_at;
    new.updated_at := pg_catalog.now();
  end if;
  return new;
end;
$$;

comment on function private.tg_stamp_sync_row() is
  'BEFORE INSERT OR UPDATE trigger for synced tables: sets row_xid (pull cursor) and updated_at.';

revoke execute on function private.tg_stamp_sync_row() from public, anon, authenticated;
