-- One place for what is synced (issue 8, point 12). private.synced_tables lists the
-- tables public.sync_pull sends; sync_pull is built from it and rebuilt whenever it changes,
-- so an engine adds a table with one insert instead of a copy of the function.
--
-- Adding a synced table (in the migration that creates it, after its RLS, policies and
-- `grant select ... to authenticated`):
--     insert into private.synced_tables (name) values ('my_table');
-- and add 'my_table' to SYNCED_TABLES in src/platform/sync/protocol.ts
-- (tests/db/synced-tables.test.ts fails until both lists agree). The insert refuses a table
-- the pull could not serve safely: it must be in public with id uuid, row_xid xid8 stamped by
-- private.tg_stamp_sync_row(), deleted_at timestamptz (tombstones), RLS enabled and select
-- granted to authenticated. Visibility stays each table's RLS: sync_pull is security invoker.
--
-- Why rebuilt rather than read at pull time: sync_pull runs as the caller, who has no access
-- to schema private; and a static union keeps one cached plan per session instead of
-- planning two dozen branches on every pull.

create table private.synced_tables (
  name text primary key check (name ~ '^[a-z][a-z0-9_]{0,62}$'),
  registered_at timestamptz not null default now()
);
alter table private.synced_tables enable row level security;
revoke all on private.synced_tables from public, anon, authenticated;
comment on table private.synced_tables is
  'Tables public.sync_pull sends (= SYNCED_TABLES in protocol.ts). Insert a name to sync a table; sync_pull is rebuilt.';

-- What the pull needs of a table, or the first thing missing.
create function private.synced_table_problem(p_name text)
returns text
language plpgsql stable
set search_path = ''
as $$
declare
  v_rel oid := pg_catalog.to_regclass(pg_catalog.format('public.%I', p_name));
  v_col record;
begin
  if v_rel is null or not exists (
    select 1 from pg_catalog.pg_class c where c.oid = v_rel and c.relkind in ('r', 'p')
  ) then
    return 'not a table in public';
  end if;
  for v_col in
    select * from (values ('id', 'uuid'), ('row_xid', 'xid8'), ('deleted_at', 'timestamp with time zone')) as w (col, typ)
  loop
    if not exists (
      select 1 from pg_catalog.pg_attribute a
      where a.attrelid = v_rel and a.attname = v_col.col and not a.attisdropped
        and pg_catalog.format_type(a.atttypid, a.atttypmod) = v_col.typ
    ) then
      return pg_catalog.format('needs column %s %s', v_col.col, v_col.typ);
    end if;
  end loop;
  if not exists (
    select 1 from pg_catalog.pg_trigger t
    where t.tgrelid = v_rel and not t.tgisinternal
      and t.tgfoid = 'private.tg_stamp_sync_row()'::pg_catalog.regprocedure
  ) then
    return 'needs the trigger private.tg_stamp_sync_row() (before insert or update, for each row)';
  end if;
  if not (select c.relrowsecurity from pg_catalog.pg_class c where c.oid = v_rel) then
    return 'needs row level security enabled';
  end if;
  if not pg_catalog.has_table_privilege('authenticated', v_rel, 'select') then
    return 'needs grant select to authenticated';
  end if;
  return null;
end;
$$;

create function private.tg_synced_tables_check()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_problem text := private.synced_table_problem(new.name);
begin
  if v_problem is not null then
    raise exception 'synced_tables: % %', new.name, v_problem using errcode = '23514';
  end if;
  return new;
end;
$$;

-- Re-creates public.sync_pull with one union branch per registered table. Everything but the
-- branches is exactly 20261127030700_sync_pull_vehicles.sql (read 20261127000900 for the cursor).
create function private.sync_pull_rebuild()
returns void
language plpgsql
set search_path = ''
as $build$
declare
  v_branches text;
begin
  select pg_catalog.string_agg(pg_catalog.format(
    'select t.row_xid as x, %L as t, t.id, to_jsonb(t) - ''row_xid'' as r, t.deleted_at is not null as del
    from public.%I t where t.row_xid >= v_since and t.row_xid < v_upper', s.name, s.name),
    E'\n    union all\n    ' order by s.name)
  into v_branches
  from private.synced_tables s;
  v_branches := coalesce(v_branches,
    'select null::xid8 as x, null::text as t, null::uuid as id, null::jsonb as r, null::boolean as del where false');

  execute pg_catalog.format($pull$
create or replace function public.sync_pull(p_cursor text default null, p_max_rows int default 500)
returns jsonb
language plpgsql security invoker
set search_path = ''
as $fn$
declare
  v_limit int := greatest(1, least(coalesce(p_max_rows, 500), 2000));
  v_cur jsonb;
  v_since xid8 := '0'::xid8;
  v_upper xid8;
  v_after_x xid8;
  v_after_t text;
  v_after_id uuid;
  v_changes jsonb;
  v_has_more boolean;
  v_last jsonb;
  v_next jsonb;
begin
  if coalesce(p_cursor, '') <> '' then
    begin
      v_cur := convert_from(decode(p_cursor, 'base64'), 'UTF8')::jsonb;
      -- Digits only: some versions' xid8 input accepts junk as 0.
      if v_cur ->> 'v' is distinct from '1' or (v_cur ->> 'since') !~ '^\d{1,20}$'
         or coalesce(v_cur ->> 'upper', '0') !~ '^\d{1,20}$'
         or coalesce(v_cur #>> '{after,x}', '0') !~ '^\d{1,20}$' then
        raise exception 'bad cursor';
      end if;
      v_since := (v_cur ->> 'since')::xid8;
      v_upper := (v_cur ->> 'upper')::xid8;
      if v_upper is not null then
        v_after_x := (v_cur #>> '{after,x}')::xid8;
        v_after_t := v_cur #>> '{after,t}';
        v_after_id := (v_cur #>> '{after,id}')::uuid;
        if v_after_x is null or v_after_t is null or v_after_id is null then
          raise exception 'bad cursor';
        end if;
      end if;
    exception when others then
      raise exception 'sync_pull: invalid cursor' using errcode = '22023';
    end;
  end if;
  -- A cursor beyond any xid ever assigned came from another database (a restore,
  -- a new project): it would hide every change, so make the device start over.
  if greatest(v_since, coalesce(v_upper, v_since)) > pg_snapshot_xmax(pg_current_snapshot()) then
    raise exception 'sync_pull: cursor is from another database; pull again from null' using errcode = '22023';
  end if;
  if v_upper is null then
    -- A new run: fix its upper bound now.
    v_upper := greatest(v_since, pg_snapshot_xmin(pg_current_snapshot()));
  end if;

  -- One branch per row of private.synced_tables (built by private.sync_pull_rebuild()).
  with changed as (
    %s
  ),
  page as (
    select c.*, row_number() over (order by c.x, c.t collate "C", c.id) as rn
    from changed c
    where v_after_x is null or (c.x, c.t collate "C", c.id) > (v_after_x, v_after_t collate "C", v_after_id)
    order by c.x, c.t collate "C", c.id
    limit v_limit + 1
  )
  select
    coalesce(jsonb_agg(jsonb_build_object(
      'table', p.t, 'id', p.id, 'row', case when p.del then null else p.r end, 'deleted', p.del
    ) order by p.rn) filter (where p.rn <= v_limit), '[]'::jsonb),
    count(*) > v_limit,
    (array_agg(jsonb_build_object('x', p.x::text, 't', p.t, 'id', p.id) order by p.rn desc)
      filter (where p.rn <= v_limit))[1]
  into v_changes, v_has_more, v_last
  from page p;

  v_next := case
    when v_has_more then jsonb_build_object('v', 1, 'since', v_since::text, 'upper', v_upper::text, 'after', v_last)
    else jsonb_build_object('v', 1, 'since', v_upper::text)
  end;
  return jsonb_build_object(
    'changes', v_changes,
    'cursor', translate(encode(convert_to(v_next::text, 'UTF8'), 'base64'), E'\n', ''),
    'has_more', v_has_more
  );
end;
$fn$;
$pull$, v_branches);

  revoke execute on function public.sync_pull(text, int) from public, anon;
  grant execute on function public.sync_pull(text, int) to authenticated;
end;
$build$;

create function private.tg_synced_tables_rebuild()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform private.sync_pull_rebuild();
  return null;
end;
$$;

revoke execute on function private.synced_table_problem(text) from public, anon, authenticated;
revoke execute on function private.tg_synced_tables_check() from public, anon, authenticated;
revoke execute on function private.sync_pull_rebuild() from public, anon, authenticated;
revoke execute on function private.tg_synced_tables_rebuild() from public, anon, authenticated;

create trigger synced_tables_check before insert or update on private.synced_tables
  for each row execute function private.tg_synced_tables_check();
create trigger synced_tables_rebuild after insert or update or delete or truncate on private.synced_tables
  for each statement execute function private.tg_synced_tables_rebuild();

-- Every table the device syncs today (the same set as 20261127030700_sync_pull_vehicles.sql).
insert into private.synced_tables (name) values
  ('company'), ('departments'), ('profiles'), ('sites'), ('user_roles'),
  ('assets'), ('asset_labels'), ('custody_events'), ('seal_usages'), ('photos'),
  ('areas'), ('checklist_templates'), ('inspections'), ('cleaning_rounds'), ('rectifications'),
  ('reward_rules'), ('ledger_entries'),
  ('trips'), ('fuel_logs'), ('vehicle_checks'), ('maintenance_requests'), ('accidents'),
  ('renewal_rules'), ('vehicle_states');
