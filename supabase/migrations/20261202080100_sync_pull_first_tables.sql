-- A new phone at a big site (issue 13): its first pull is one run of every row it may read,
-- sent so far in transaction order, so the 20,000 assets a keeper scans arrived mixed into
-- 200,000 custody events and the phone was of little use until nearly all had come. Each
-- synced table now has a pull_rank; within a run, pages go by (pull_rank, row_xid, table, id):
--   0  what Home, the scanner and a scanned thing's page need: the company, sites, people,
--      roles, departments, assets and their labels, areas, dormitory buildings, rooms and beds,
--      checklist templates, the calendar;
--   1  (default, and for tables registered later) the current work: requests, tasks,
--      rectifications, maintenance, stays ...;
--   2  the long histories: custody events, the seal-use register, request/task/bed events,
--      inspections, rounds, trips, fuel, vehicle checks, the ledger, photo metadata.
-- Incremental pulls are small runs and see no difference. The cursor's position now carries
-- the rank ("after.k"); a mid-run cursor from before this migration begins its run again.

alter table private.synced_tables
  add column pull_rank smallint not null default 1 check (pull_rank between 0 and 9);
comment on column private.synced_tables.pull_rank is
  'Order of tables within a sync_pull run (0 first): what a new phone needs first, histories last.';

-- 20261202010600's private.sync_pull_rebuild (each table's source), with the rank as the
-- first sort key of a run and in the cursor, and the cursor naming whom it was made for:
--
-- A user who gains a role or a site receives the older rows it shows (issue 8, point 9).
-- The pull cursor now names who it was computed for (a hash of the caller, their profile's site
-- and department, and their live roles with sites); a cursor made for anyone or anything else
-- starts a new run from the beginning. Rows come again (the device applies them idempotently,
-- and leaves rows with pending or refused ops alone, so nothing recorded is lost); rows the new
-- role shows that changed long ago are no longer skipped. Cursors from before this migration
-- have no `who`: each device pulls everything once.
create or replace function private.sync_pull_rebuild()
returns void
language plpgsql
set search_path = ''
as $build$
declare
  v_branches text;
begin
  select pg_catalog.string_agg(pg_catalog.format(
    'select %s::smallint as k, t.row_xid as x, %L as t, t.id, to_jsonb(t) - ''row_xid'' as r, t.deleted_at is not null as del
    from %s t where t.row_xid >= v_since and t.row_xid < v_upper', s.pull_rank, s.name,
    coalesce(s.source, pg_catalog.format('public.%I', s.name))),
    E'\n    union all\n    ' order by s.name)
  into v_branches
  from private.synced_tables s;
  v_branches := coalesce(v_branches,
    'select null::smallint as k, null::xid8 as x, null::text as t, null::uuid as id, null::jsonb as r, null::boolean as del where false');

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
  v_after_k smallint;
  v_after_x xid8;
  v_after_t text;
  v_after_id uuid;
  v_changes jsonb;
  v_has_more boolean;
  v_last jsonb;
  v_next jsonb;
  v_who text;
begin
  -- Who the cursor is for: the caller, their site and department, their live roles and sites.
  -- A cursor made for anything else starts over (issue 8, point 9): a role or site gained
  -- shows rows changed before it, which a cursor carried on would skip.
  select md5(concat_ws('|', auth.uid()::text,
           (select concat_ws(':', p.site_id::text, p.department_id::text) from public.profiles p where p.id = auth.uid()),
           string_agg(r.role || '@' || coalesce(r.site_id::text, '*'), ',' order by r.role, r.site_id::text)))
  into v_who
  from public.user_roles r
  where r.user_id = auth.uid() and r.deleted_at is null;
  if coalesce(p_cursor, '') <> '' then
    begin
      v_cur := convert_from(decode(p_cursor, 'base64'), 'UTF8')::jsonb;
      -- Digits only: some versions' xid8 input accepts junk as 0.
      if v_cur ->> 'v' is distinct from '1' or (v_cur ->> 'since') !~ '^\d{1,20}$'
         or coalesce(v_cur ->> 'upper', '0') !~ '^\d{1,20}$'
         or coalesce(v_cur #>> '{after,x}', '0') !~ '^\d{1,20}$'
         or coalesce(v_cur #>> '{after,k}', '0') !~ '^\d{1,4}$' then
        raise exception 'bad cursor';
      end if;
      v_since := (v_cur ->> 'since')::xid8;
      v_upper := (v_cur ->> 'upper')::xid8;
      if v_upper is not null and v_cur #> '{after,k}' is null then
        -- A run begun before pages were ordered by pull_rank: its position means nothing in
        -- this order, so begin the run again (re-sending rows is harmless).
        v_upper := null;
      end if;
      if v_upper is not null then
        v_after_k := (v_cur #>> '{after,k}')::smallint;
        v_after_x := (v_cur #>> '{after,x}')::xid8;
        v_after_t := v_cur #>> '{after,t}';
        v_after_id := (v_cur #>> '{after,id}')::uuid;
        if v_after_k is null or v_after_x is null or v_after_t is null or v_after_id is null then
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
  -- Made for another caller, or before a change of roles or sites: a new run from the start.
  if v_cur is not null and v_cur ->> 'who' is distinct from v_who then
    v_since := '0'::xid8;
    v_upper := null;
    v_after_k := null;
    v_after_x := null;
    v_after_t := null;
    v_after_id := null;
  end if;
  if v_upper is null then
    -- A new run: fix its upper bound now.
    v_upper := greatest(v_since, pg_snapshot_xmin(pg_current_snapshot()));
  end if;

  -- One branch per row of private.synced_tables (built by private.sync_pull_rebuild()).
  with changed as (
    %s
  ),
  -- Within a run, tables by pull_rank first: a new phone gets what Home and the scanner need
  -- before the long histories (any order within a run is safe: the cursor moves past the run
  -- only when all of it is sent, and a row changed meanwhile falls in the next run).
  page as (
    select c.*, row_number() over (order by c.k, c.x, c.t collate "C", c.id) as rn
    from changed c
    where v_after_x is null
       or (c.k, c.x, c.t collate "C", c.id) > (v_after_k, v_after_x, v_after_t collate "C", v_after_id)
    order by c.k, c.x, c.t collate "C", c.id
    limit v_limit + 1
  )
  select
    coalesce(jsonb_agg(jsonb_build_object(
      'table', p.t, 'id', p.id, 'row', case when p.del then null else p.r end, 'deleted', p.del
    ) order by p.rn) filter (where p.rn <= v_limit), '[]'::jsonb),
    count(*) > v_limit,
    (array_agg(jsonb_build_object('k', p.k, 'x', p.x::text, 't', p.t, 'id', p.id) order by p.rn desc)
      filter (where p.rn <= v_limit))[1]
  into v_changes, v_has_more, v_last
  from page p;

  v_next := case
    when v_has_more then jsonb_build_object('v', 1, 'since', v_since::text, 'upper', v_upper::text, 'after', v_last, 'who', v_who)
    else jsonb_build_object('v', 1, 'since', v_upper::text, 'who', v_who)
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

-- Each update rebuilds sync_pull (the registry's statement trigger) with the ranks so far.
update private.synced_tables set pull_rank = 0 where name in (
  'company', 'sites', 'departments', 'profiles', 'user_roles', 'assets', 'asset_labels', 'areas',
  'checklist_templates', 'calendar_days', 'dorm_buildings', 'dorm_rooms', 'dorm_beds');
update private.synced_tables set pull_rank = 2 where name in (
  'custody_events', 'seal_usages', 'photos', 'inspections', 'cleaning_rounds', 'ledger_entries',
  'trips', 'fuel_logs', 'vehicle_checks', 'request_events', 'task_events', 'dorm_bed_events');
