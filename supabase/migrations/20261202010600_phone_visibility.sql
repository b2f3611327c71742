-- Phone numbers only for those with a work need (issue 8, point 5). Every signed-in user read
-- every profile's phone, directly and through sync_pull. Now:
-- - authenticated may select every column of public.profiles but phone (column privileges;
--   a new column needs its own grant); the app reads its own profile by named columns;
-- - authz.profile_phone(person) gives the phone to the person themselves and to these roles
--   (the work need): executive everywhere; at the person's site (a role with no site: every
--   site) admin_head (the department's staff records), seal_keeper, asset_keeper and
--   fleet_manager (they hand things out and call holders about overdue returns; their person
--   picker finds people by phone) and dorm_manager (residents). Not drivers, cleaners,
--   inspectors or employees;
-- - sync_pull reads profiles through the view authz.synced_profiles (security invoker, so the
--   profiles policy still applies) with phone = authz.profile_phone(id): null where not allowed.
-- The registry gains `source`, a relation read instead of public.<name> (same columns), so a
-- table can be synced through such a view without another copy of sync_pull.

revoke select on public.profiles from authenticated;
grant select (id, display_name, site_id, department_id, created_at, updated_at, deleted_at, row_xid)
  on public.profiles to authenticated;

create function authz.profile_phone(p_person uuid)
returns text
language sql stable security definer
set search_path = ''
as $$
  select p.phone from public.profiles p
  where p.id = p_person
    and (p.id = auth.uid() or exists (
      select 1 from public.user_roles r
      where r.user_id = auth.uid() and r.deleted_at is null
        and (r.role = 'executive'
             or (r.role in ('admin_head', 'seal_keeper', 'asset_keeper', 'fleet_manager', 'dorm_manager')
                 and (r.site_id is null or r.site_id = p.site_id)))))
$$;
revoke execute on function authz.profile_phone(uuid) from public, anon;
grant execute on function authz.profile_phone(uuid) to authenticated;

create view authz.synced_profiles with (security_invoker = true) as
  select p.id, p.display_name, authz.profile_phone(p.id) as phone, p.site_id, p.department_id,
         p.created_at, p.updated_at, p.deleted_at, p.row_xid
  from public.profiles p;
revoke all on authz.synced_profiles from public, anon;
grant select on authz.synced_profiles to authenticated;

alter table private.synced_tables add column source text;
comment on column private.synced_tables.source is
  'A relation read instead of public.<name>, with the same columns (a security invoker view); null = the table.';

-- 20261202010100's check, content with select on some columns (the source gives the rest).
create or replace function private.synced_table_problem(p_name text)
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
  -- Some columns may be withheld (profiles.phone): then a source view gives the row.
  if not pg_catalog.has_any_column_privilege('authenticated', v_rel, 'select') then
    return 'needs grant select to authenticated';
  end if;
  return null;
end;
$$;

-- A source must be a security invoker view (or a table) with the columns the pull reads.
create function private.tg_synced_tables_source_check()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_rel oid;
begin
  if new.source is null then
    return new;
  end if;
  v_rel := pg_catalog.to_regclass(new.source);
  if v_rel is null then
    raise exception 'synced_tables: % source % does not exist', new.name, new.source using errcode = '23514';
  end if;
  if (select c.relkind = 'v' and not coalesce(c.reloptions @> array['security_invoker=true'], false)
      from pg_catalog.pg_class c where c.oid = v_rel) then
    raise exception 'synced_tables: % source % must be a security_invoker view, so RLS applies', new.name, new.source using errcode = '23514';
  end if;
  if not pg_catalog.has_table_privilege('authenticated', v_rel, 'select') then
    raise exception 'synced_tables: % source % needs grant select to authenticated', new.name, new.source using errcode = '23514';
  end if;
  if (select pg_catalog.count(*) from pg_catalog.pg_attribute a
      where a.attrelid = v_rel and a.attname in ('id', 'row_xid', 'deleted_at') and not a.attisdropped) <> 3 then
    raise exception 'synced_tables: % source % needs id, row_xid and deleted_at', new.name, new.source using errcode = '23514';
  end if;
  return new;
end;
$$;
revoke execute on function private.tg_synced_tables_source_check() from public, anon, authenticated;
create trigger synced_tables_source_check before insert or update on private.synced_tables
  for each row execute function private.tg_synced_tables_source_check();

-- 20261202010100's private.sync_pull_rebuild, reading each table's source.
create or replace function private.sync_pull_rebuild()
returns void
language plpgsql
set search_path = ''
as $build$
declare
  v_branches text;
begin
  select pg_catalog.string_agg(pg_catalog.format(
    'select t.row_xid as x, %L as t, t.id, to_jsonb(t) - ''row_xid'' as r, t.deleted_at is not null as del
    from %s t where t.row_xid >= v_since and t.row_xid < v_upper', s.name,
    coalesce(s.source, pg_catalog.format('public.%I', s.name))),
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

revoke execute on function private.sync_pull_rebuild() from public, anon, authenticated;

update private.synced_tables set source = 'authz.synced_profiles' where name = 'profiles';
