-- sync_pull also sends the vehicles tables (SYNCED_TABLES in protocol.ts). The same
-- function as 20261127020900_sync_pull_checklists.sql (read 20261127000900 for the cursor)
-- with seven more branches, each filtered by its table's RLS (security invoker).

create or replace function public.sync_pull(p_cursor text default null, p_max_rows int default 500)
returns jsonb
language plpgsql security invoker
set search_path = ''
as $$
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

  with changed as (
    select t.row_xid as x, 'company' as t, t.id, to_jsonb(t) - 'row_xid' as r, t.deleted_at is not null as del
    from public.company t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'departments', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.departments t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'profiles', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.profiles t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'sites', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.sites t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'user_roles', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.user_roles t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'assets', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.assets t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'asset_labels', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.asset_labels t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'custody_events', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.custody_events t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'seal_usages', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.seal_usages t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'photos', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.photos t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'areas', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.areas t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'checklist_templates', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.checklist_templates t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'inspections', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.inspections t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'cleaning_rounds', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.cleaning_rounds t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'rectifications', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.rectifications t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'reward_rules', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.reward_rules t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'ledger_entries', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.ledger_entries t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'trips', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.trips t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'fuel_logs', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.fuel_logs t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'vehicle_checks', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.vehicle_checks t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'maintenance_requests', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.maintenance_requests t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'accidents', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.accidents t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'renewal_rules', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.renewal_rules t where t.row_xid >= v_since and t.row_xid < v_upper
    union all
    select t.row_xid, 'vehicle_states', t.id, to_jsonb(t) - 'row_xid', t.deleted_at is not null
    from public.vehicle_states t where t.row_xid >= v_since and t.row_xid < v_upper
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
$$;

revoke execute on function public.sync_pull(text, int) from public, anon;
grant execute on function public.sync_pull(text, int) to authenticated;
