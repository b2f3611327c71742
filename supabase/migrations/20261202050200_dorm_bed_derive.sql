-- A bed's derived state (invariant 3): status, holder, in_repair, conflicts of the bed, status and
-- times of its stays, `flagged` on its events. private.dorm_bed_derive folds ALL the bed's events in
-- the domain's order (device time to the millisecond, then server time, then id), step for step as
-- foldBedEvents in src/features/dorms/domain/bedFold.ts; tests/db/dorms.test.ts feeds both the same
-- sequences. A bed has few events, so folding them all is cheap.

-- Who holds the bed when its holder leaves: a live stay, active before reserved, earliest made first.
create function private.dorm_successor(p_ids uuid[], p_status text[])
returns uuid
language sql immutable
set search_path = ''
as $$
  select x.id from rows from (pg_catalog.unnest(p_ids), pg_catalog.unnest(p_status)) with ordinality as x (id, st, n)
  where x.st in ('reserved', 'active')
  order by (x.st = 'active') desc, x.n
  limit 1;
$$;

create function private.dorm_bed_derive(p_bed_id uuid)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  e record;
  v_current uuid;
  v_repair boolean := false;
  -- Stays, in the order they were made.
  s_id uuid[] := '{}';
  s_status text[] := '{}';
  s_occ uuid[] := '{}';
  s_alloc timestamptz[] := '{}';
  s_in timestamptz[] := '{}';
  s_end timestamptz[] := '{}';
  -- Conflicts: the raising event, kind, its one or two stays, when, resolved by.
  c_id uuid[] := '{}';
  c_kind text[] := '{}';
  c_a uuid[] := '{}';
  c_b uuid[] := '{}';
  c_time timestamptz[] := '{}';
  c_res uuid[] := '{}';
  v_stay uuid;
  v_keep uuid;
  v_i int;
  v_k int;
  v_holder int;
  v_named uuid[];
  v_open boolean[] := '{}';
  v_live int;
  v_status text;
  v_conflicts jsonb := '[]'::jsonb;
  v_open_any boolean := false;
  v_contested uuid[] := '{}';
begin
  for e in
    select be.id, be.type, be.payload, be.device_time, be.stay_id
    from public.dorm_bed_events be
    where be.bed_id = p_bed_id and be.deleted_at is null
    order by pg_catalog.date_trunc('milliseconds', be.device_time),
             pg_catalog.date_trunc('milliseconds', be.server_time), be.id
  loop
    v_stay := (e.payload ->> 'stay_id')::uuid;
    v_i := pg_catalog.array_position(s_id, v_stay);
    case e.type
      when 'allocate' then
        if v_i is null then
          s_id := s_id || v_stay; s_status := s_status || 'reserved'::text; s_occ := s_occ || (e.payload ->> 'occupant_id')::uuid;
          s_alloc := s_alloc || e.device_time; s_in := s_in || null::timestamptz; s_end := s_end || null::timestamptz;
          if v_current is not null then
            if not exists (select 1 from pg_catalog.generate_subscripts(c_id, 1) k
                           where c_kind[k] = 'double_booking' and c_res[k] is null
                             and v_current in (c_a[k], c_b[k]) and v_stay in (c_a[k], c_b[k])) then
              c_id := c_id || e.id; c_kind := c_kind || 'double_booking'::text; c_a := c_a || v_current; c_b := c_b || v_stay;
              c_time := c_time || e.device_time; c_res := c_res || null::uuid;
            end if;
          else
            v_current := v_stay;
            if v_repair and not exists (select 1 from pg_catalog.generate_subscripts(c_id, 1) k
                                        where c_kind[k] = 'in_repair' and c_res[k] is null and v_stay in (c_a[k], c_b[k])) then
              c_id := c_id || e.id; c_kind := c_kind || 'in_repair'::text; c_a := c_a || v_stay; c_b := c_b || null::uuid;
              c_time := c_time || e.device_time; c_res := c_res || null::uuid;
            end if;
          end if;
        end if;
      when 'check_in' then
        if v_i is null then
          s_id := s_id || v_stay; s_status := s_status || 'active'::text; s_occ := s_occ || (e.payload ->> 'occupant_id')::uuid;
          s_alloc := s_alloc || e.device_time; s_in := s_in || e.device_time; s_end := s_end || null::timestamptz;
        else
          s_status[v_i] := 'active';
          s_in[v_i] := e.device_time;
        end if;
        v_holder := pg_catalog.array_position(s_id, v_current);
        if v_current is null or v_current = v_stay then
          if v_current is null and v_repair and not exists (
               select 1 from pg_catalog.generate_subscripts(c_id, 1) k
               where c_kind[k] = 'in_repair' and c_res[k] is null and v_stay in (c_a[k], c_b[k])) then
            c_id := c_id || e.id; c_kind := c_kind || 'in_repair'::text; c_a := c_a || v_stay; c_b := c_b || null::uuid;
            c_time := c_time || e.device_time; c_res := c_res || null::uuid;
          end if;
          v_current := v_stay;
        else
          if not exists (select 1 from pg_catalog.generate_subscripts(c_id, 1) k
                         where c_kind[k] = 'double_booking' and c_res[k] is null
                           and v_current in (c_a[k], c_b[k]) and v_stay in (c_a[k], c_b[k])) then
            c_id := c_id || e.id; c_kind := c_kind || 'double_booking'::text; c_a := c_a || v_current; c_b := c_b || v_stay;
            c_time := c_time || e.device_time; c_res := c_res || null::uuid;
          end if;
          -- Physically there beats a reservation; an occupant keeps the bed.
          if s_status[v_holder] = 'reserved' then
            v_current := v_stay;
          end if;
        end if;
      when 'cancel' then
        if v_i is not null and s_status[v_i] = 'reserved' then
          s_status[v_i] := 'cancelled';
          s_end[v_i] := e.device_time;
          if v_current = v_stay then v_current := private.dorm_successor(s_id, s_status); end if;
        end if;
      when 'check_out' then
        if v_i is not null and s_status[v_i] in ('reserved', 'active') then
          s_status[v_i] := 'ended';
          s_end[v_i] := e.device_time;
          if v_current = v_stay then v_current := private.dorm_successor(s_id, s_status); end if;
        end if;
      when 'repair_start' then
        v_repair := true;
      when 'repair_end' then
        v_repair := false;
      when 'resolve_conflict' then
        v_keep := (e.payload ->> 'keep_stay_id')::uuid;
        v_named := array(select x::uuid from pg_catalog.jsonb_array_elements_text(e.payload -> 'conflict_ids') x);
        for v_k in 1..coalesce(pg_catalog.array_length(c_id, 1), 0) loop
          continue when not (c_id[v_k] = any (v_named)) or c_res[v_k] is not null;
          c_res[v_k] := e.id;
          foreach v_stay in array array[c_a[v_k], c_b[v_k]] loop
            continue when v_stay is null or v_stay is not distinct from v_keep;
            v_i := pg_catalog.array_position(s_id, v_stay);
            continue when v_i is null;
            if s_status[v_i] = 'reserved' then
              s_status[v_i] := 'cancelled'; s_end[v_i] := e.device_time;
            elsif s_status[v_i] = 'active' then
              s_status[v_i] := 'ended'; s_end[v_i] := e.device_time;
            else
              continue;
            end if;
            if v_current = v_stay then v_current := private.dorm_successor(s_id, s_status); end if;
          end loop;
          if c_kind[v_k] = 'in_repair' and v_keep is not null then
            v_repair := false;
          end if;
        end loop;
        v_i := pg_catalog.array_position(s_id, v_keep);
        if v_i is not null and s_status[v_i] in ('reserved', 'active') then
          v_current := v_keep;
        end if;
    end case;
  end loop;

  -- A resolution whose clock ran earlier than the conflict it names still closes it.
  for v_k in 1..coalesce(pg_catalog.array_length(c_id, 1), 0) loop
    if c_res[v_k] is null then
      select be.id into v_stay from public.dorm_bed_events be
      where be.bed_id = p_bed_id and be.deleted_at is null and be.type = 'resolve_conflict'
        and be.payload -> 'conflict_ids' ? c_id[v_k]::text
      order by pg_catalog.date_trunc('milliseconds', be.device_time), pg_catalog.date_trunc('milliseconds', be.server_time), be.id
      limit 1;
      c_res[v_k] := v_stay;
    end if;
    select pg_catalog.count(*)::int into v_live
    from pg_catalog.unnest(array[c_a[v_k], c_b[v_k]]) x (id)
    where x.id is not null and s_status[pg_catalog.array_position(s_id, x.id)] in ('reserved', 'active');
    v_open := v_open || (c_res[v_k] is null and case when c_kind[v_k] = 'in_repair' then v_repair and v_live > 0 else v_live >= 2 end);
    if v_open[v_k] then
      v_open_any := true;
      v_contested := v_contested || c_a[v_k] || c_b[v_k];
    end if;
    v_conflicts := v_conflicts || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
      'id', c_id[v_k], 'kind', c_kind[v_k],
      'stay_ids', case when c_b[v_k] is null then pg_catalog.jsonb_build_array(c_a[v_k]) else pg_catalog.jsonb_build_array(c_a[v_k], c_b[v_k]) end,
      'device_time', c_time[v_k], 'resolved_by', c_res[v_k], 'open', v_open[v_k]));
  end loop;

  v_holder := pg_catalog.array_position(s_id, v_current);
  v_status := case when v_holder is not null and s_status[v_holder] = 'active' then 'occupied'
                   when v_holder is not null and s_status[v_holder] = 'reserved' then 'reserved'
                   when v_repair then 'under_repair' else 'vacant' end;

  -- Write only what changed, so an unchanged row is not sent to devices again.
  update public.dorm_bed_events be set flagged = (be.id = any (c_id))
  where be.bed_id = p_bed_id and be.flagged is distinct from (be.id = any (c_id));

  update public.dorm_stays st
  set status = x.st, checked_in_at = x.cin, ended_at = x.fin, contested = x.id = any (v_contested)
  from rows from (pg_catalog.unnest(s_id), pg_catalog.unnest(s_status), pg_catalog.unnest(s_in), pg_catalog.unnest(s_end)) as x (id, st, cin, fin)
  where st.id = x.id
    and (st.status, st.checked_in_at, st.ended_at, st.contested) is distinct from (x.st, x.cin, x.fin, x.id = any (v_contested));

  update public.dorm_beds b
  set status = v_status, stay_id = v_current, occupant_id = case when v_holder is null then null else s_occ[v_holder] end,
      in_repair = v_repair, has_conflict = v_open_any, conflicts = v_conflicts
  where b.id = p_bed_id
    and (b.status, b.stay_id, b.occupant_id, b.in_repair, b.has_conflict, b.conflicts)
        is distinct from (v_status, v_current, case when v_holder is null then null else s_occ[v_holder] end, v_repair, v_open_any, v_conflicts);

  return pg_catalog.jsonb_build_object('status', v_status, 'stay_id', v_current, 'conflicts', v_conflicts, 'has_open_conflict', v_open_any);
end;
$$;

revoke execute on function private.dorm_successor(uuid[], text[]) from public, anon, authenticated;
revoke execute on function private.dorm_bed_derive(uuid) from public, anon, authenticated;
