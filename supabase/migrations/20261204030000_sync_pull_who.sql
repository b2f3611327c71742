-- The pull cursor's 'who' (a hash of what the caller may see: when it changes, the next pull is a
-- new run with 'restart': true) becomes one function, authz.sync_pull_who(), so a future change of
-- who may see what replaces only that function; sync_pull calls it.
--
-- Where it lives: sync_pull runs as the caller (security invoker), who has no usage on schema
-- private, so the function is in authz, the schema of the RLS helpers (usage for authenticated,
-- not exposed by PostgREST, so not an RPC). It is security invoker on purpose, as the inline term
-- was: it reads the caller's own profile, roles and headed departments as the caller (their RLS
-- applies, nothing is read with more rights than before), and returns only an md5. Execute for
-- authenticated only; search_path empty.
--
-- The hash is the inline term of 20261203060000 to the letter (tests/db/sync-pull-who.test.ts
-- compares the two), so no device's cursor restarts because of this move.
--
-- Re-creates private.sync_pull_rebuild exactly as 20261203060000 made it, with only the 'who'
-- term replaced by the call.

create function authz.sync_pull_who()
returns text
language sql stable security invoker
set search_path = ''
as $$
  -- The caller, their site and department, their live roles and sites, and the departments they
  -- head (a head sees the department's tasks; null for whoever heads none, as before that term).
  select pg_catalog.md5(pg_catalog.concat_ws('|', auth.uid()::text,
           (select pg_catalog.concat_ws(':', p.site_id::text, p.department_id::text) from public.profiles p where p.id = auth.uid()),
           pg_catalog.string_agg(r.role || '@' || coalesce(r.site_id::text, '*'), ',' order by r.role, r.site_id::text),
           (select 'head:' || pg_catalog.string_agg(d.id::text, ',' order by d.id) from public.departments d
            where d.head_id = auth.uid() and d.deleted_at is null)))
  from public.user_roles r
  where r.user_id = auth.uid() and r.deleted_at is null;
$$;

revoke execute on function authz.sync_pull_who() from public, anon;
grant execute on function authz.sync_pull_who() to authenticated;

create or replace function private.sync_pull_rebuild()
returns void
language plpgsql
set search_path = ''
as $build$
declare
  v_branches text;
begin
  -- Each table's branch starts at the run's position for that table (its (row_xid, id) index)
  -- and stops after v_limit + 1 rows: the rank and table are constants of the branch, so
  -- (k, x, t, id) > (after) is, for this branch, (x, id) from a bound:
  --   rank above after.k: from (since, nil); rank below: none (from upper);
  --   same rank, table after after.t: x >= after.x; same table: (x, id) > (after.x, after.id);
  --   table before after.t: x > after.x, i.e. (x, id) > (after.x, max uuid).
  -- The inclusive bound is the index condition; the `not coalesce(...)` drops the bound itself
  -- when it must be excluded.
  select pg_catalog.string_agg(pg_catalog.format(
    $branch$(select %1$s::smallint as k, t.row_xid as x, %2$L::text as t, t.id, to_jsonb(t) - 'row_xid' as r, t.deleted_at is not null as del
    from %3$s t
    where t.row_xid >= v_since and t.row_xid < v_upper
      and (t.row_xid, t.id) >= (
        case when v_after_k is null or %1$s > v_after_k then v_since when %1$s < v_after_k then v_upper else v_after_x end,
        case when v_after_k is null or %1$s <> v_after_k or %2$L collate "C" > v_after_t collate "C" then v_nil
             when %2$L = v_after_t then v_after_id else v_max end)
      and not coalesce(v_after_k = %1$s and %2$L collate "C" <= v_after_t collate "C" and t.row_xid = v_after_x
        and t.id = case when %2$L = v_after_t then v_after_id else v_max end, false)
    order by t.row_xid, t.id
    limit v_limit + 1)$branch$, s.pull_rank, s.name,
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
  v_restart boolean := false;
  v_nil constant uuid := '00000000-0000-0000-0000-000000000000';
  v_max constant uuid := 'ffffffff-ffff-ffff-ffff-ffffffffffff';
begin
  -- Who the cursor is for (authz.sync_pull_who(): what the caller may see). A cursor made for
  -- anything else starts over (issue 8, point 9): a role or site gained shows rows changed
  -- before it, which a cursor carried on would skip.
  v_who := authz.sync_pull_who();
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
    -- Said in the answer: the device drops what this new run does not send (issue 8).
    v_restart := true;
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

  -- One branch per row of private.synced_tables (built by private.sync_pull_rebuild()), each
  -- already past the cursor and cut at v_limit + 1 rows in the run's order.
  with changed as (
    %s
  ),
  -- Within a run, tables by pull_rank first: a new phone gets what Home and the scanner need
  -- before the long histories (any order within a run is safe: the cursor moves past the run
  -- only when all of it is sent, and a row changed meanwhile falls in the next run).
  page as (
    select c.*, row_number() over (order by c.k, c.x, c.t collate "C", c.id) as rn
    from changed c
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
    'has_more', v_has_more,
    'restart', v_restart
  );
end;
$fn$;
$pull$, v_branches);

  revoke execute on function public.sync_pull(text, int) from public, anon;
  grant execute on function public.sync_pull(text, int) to authenticated;
end;
$build$;

revoke execute on function private.sync_pull_rebuild() from public, anon, authenticated;

select private.sync_pull_rebuild();
