-- KPIs (issue 14), the last two of the catalogue: fuel economy against each vehicle's baseline
-- (10.4 车辆加油, "L/100 km vs baseline") and dormitory occupancy (13.1 员工宿舍, "occupancy").
-- "Check-in time" (13.2) is already dorm_check_in_on_time (20261202200100): a bed allocated for a
-- day, checked in by the end of that day — the recorded facts (allocation, move-in day, check-in
-- instant) support it; nothing is added for it here.
--
-- * assets.fuel_baseline_l100km: a vehicle's baseline L/100 km, set by the fleet manager or the
--   admin head of its site (op vehicle_fuel_baseline.set { baseline: number 0.1..99.99 (two
--   decimals) | null }), with who (fuel_baseline_set_by) and when (fuel_baseline_set_at); the
--   earlier values are in the audit log (audit_row on assets). Null = the default below.
-- * fuel_within_baseline: one item per fill-to-fill interval (full tank to full tank, as
--   src/features/vehicles/domain/economy.ts makes them: private.kpi_fuel_intervals is its twin),
--   on the company day of its closing fill, for that fill's driver: met when its L/100 km is at
--   most the baseline + 10 %. The baseline is the vehicle's set one, else the median L/100 km of
--   its intervals closed in the 90 days before the month of the interval (the month is the
--   dashboard's period); no baseline = not decided (shown, not counted).
-- * dorm_occupancy: one item per bed per company day, from the day the bed was created to today: occupied (1) when a resident checked in on or before that day and had
--   not checked out by it (a long absence keeps the bed: occupied); else, when the bed was under
--   repair that day (a repair started on or before it and not ended by it), no item (not
--   available); else vacant (0). The figure is occupied bed-days / available bed-days. Scoped by
--   the bed's site (the scope model has no building); it is about no person or department.
-- The device's twins: src/features/kpis/domain/sources/fuel.ts and dorms.ts.
--
-- Re-created here (copied from 20261203090000 / 20261202200100, only the new sources added):
-- private.kpi_codes(), private.kpi_items(timestamptz, date, date).

alter table public.assets
  add column fuel_baseline_l100km numeric(4, 2) check (fuel_baseline_l100km between 0.1 and 99.99),
  add column fuel_baseline_set_by uuid references public.profiles (id),
  add column fuel_baseline_set_at timestamptz,
  add constraint assets_fuel_baseline_vehicle_check check (fuel_baseline_l100km is null or kind = 'vehicle');
create index assets_fuel_baseline_set_by_idx on public.assets (fuel_baseline_set_by) where fuel_baseline_set_by is not null;

create function private.sync_apply_vehicle_fuel_baseline_set(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_asset public.assets;
  v_baseline numeric;
begin
  perform private.sync_only_fields(p_payload, array['baseline']);
  if not (p_payload ? 'baseline') then
    perform private.sync_refuse('invalid', 'baseline: required (L/100 km, or null for the median of the last 90 days)');
  end if;
  v_baseline := private.val_number(p_payload, 'baseline', 0.1, 99.99, false, '', false);
  if v_baseline is not null and v_baseline <> pg_catalog.round(v_baseline, 2) then
    perform private.sync_refuse('invalid', 'baseline: at most two decimals');
  end if;
  select * into v_asset from public.assets a where a.id = p_entity_id and a.deleted_at is null;
  if not found or v_asset.kind <> 'vehicle' then
    perform private.sync_refuse('not_found', 'vehicle_fuel_baseline.set: no such vehicle');
  end if;
  if not (public.has_role_at('fleet_manager', v_asset.site_id) or public.has_role_at('admin_head', v_asset.site_id)) then
    perform private.sync_refuse('forbidden', 'vehicle_fuel_baseline.set: the fleet manager or the admin head of the site');
  end if;
  update public.assets
     set fuel_baseline_l100km = v_baseline, fuel_baseline_set_by = auth.uid(), fuel_baseline_set_at = pg_catalog.now()
   where id = p_entity_id;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_vehicle_fuel_baseline_set(uuid, jsonb) from public, anon, authenticated;

-- The catalogue's codes (KPI_CODES in src/features/kpis/domain/catalogue.ts), as 20261202200100
-- made them plus the two new ones.
create or replace function private.kpi_codes()
returns text[]
language sql immutable
set search_path = ''
as $$
  select array['affairs_on_time', 'affairs_summary_on_time', 'affairs_score', 'follow_up_reminder_on_time',
    'follow_up_first_success', 'rectification_on_time', 'inspection_score', 'seal_request_first_pass',
    'licence_request_first_pass', 'seal_use_first_pass', 'approval_on_time', 'seal_returned_on_time',
    'licence_returned_on_time', 'custody_checked_on_time', 'dispatch_on_time', 'trip_pre_check',
    'dorm_check_in_on_time', 'fuel_within_baseline', 'dorm_occupancy'];
$$;

-- The fill-to-fill intervals of these vehicles, exactly as economy.ts / sequence.ts make them:
-- entries in (filled_at, odometer (none last), id) order; the readings outside the longest
-- non-decreasing run are out of sequence ('lower', ties keep the earlier), and a reading equal
-- to the previous kept one after a full fill, with fuel, too ('equal'); an interval runs from a
-- full fill with a trusted reading to the next one, its litres the closing fill's plus every
-- partial fill's between; a missed fill-up, a full fill without a trusted reading or a fill
-- without figures (a draft) breaks it; a zero distance gives none. L/100 km to 0.01 half-up.
create function private.kpi_fuel_intervals(p_vehicles uuid[])
returns table (vehicle_id uuid, end_id uuid, end_at timestamptz, driver_id uuid, l100 numeric)
language plpgsql stable
set search_path = ''
as $$
declare
  v_vehicle uuid;
  ids uuid[];
  ats timestamptz[];
  drivers uuid[];
  odo int[];
  ml bigint[];
  full_tank boolean[];
  missed boolean[];
  seq text[];
  idx int[];
  tails int[];
  nxt int[];
  kept boolean[];
  n int;
  j int;
  i int;
  lo int;
  hi int;
  mid int;
  prev int;
  open_at int;
  open_ml bigint;
  dist int;
begin
  foreach v_vehicle in array coalesce(p_vehicles, '{}'::uuid[]) loop
    select pg_catalog.array_agg(f.id order by f.filled_at, f.odometer_km nulls last, f.id),
           pg_catalog.array_agg(f.filled_at order by f.filled_at, f.odometer_km nulls last, f.id),
           pg_catalog.array_agg(f.driver_id order by f.filled_at, f.odometer_km nulls last, f.id),
           pg_catalog.array_agg(f.odometer_km order by f.filled_at, f.odometer_km nulls last, f.id),
           pg_catalog.array_agg(case when f.status = 'draft' or f.litres is null then null
                                     else (pg_catalog.round(f.litres, 2) * 1000)::bigint end
                                order by f.filled_at, f.odometer_km nulls last, f.id),
           pg_catalog.array_agg(f.full_tank order by f.filled_at, f.odometer_km nulls last, f.id),
           pg_catalog.array_agg(f.missed_previous order by f.filled_at, f.odometer_km nulls last, f.id)
      into ids, ats, drivers, odo, ml, full_tank, missed
    from public.fuel_logs f
    where f.vehicle_id = v_vehicle and f.deleted_at is null;
    n := coalesce(pg_catalog.array_length(ids, 1), 0);
    continue when n = 0;
    seq := pg_catalog.array_fill(null::text, array[n]);
    nxt := pg_catalog.array_fill(0, array[n]);
    kept := pg_catalog.array_fill(false, array[n]);
    idx := '{}';
    tails := '{}';
    for i in 1 .. n loop
      if odo[i] is not null then
        idx := idx || i;
      end if;
    end loop;
    -- The longest non-decreasing run, walking backwards (sequence.ts markSequence).
    for j in reverse coalesce(pg_catalog.array_length(idx, 1), 0) .. 1 loop
      i := idx[j];
      lo := 0;
      hi := coalesce(pg_catalog.array_length(tails, 1), 0);
      while lo < hi loop
        mid := (lo + hi) / 2;
        if odo[tails[mid + 1]] >= odo[i] then
          lo := mid + 1;
        else
          hi := mid;
        end if;
      end loop;
      if lo > 0 then
        nxt[i] := tails[lo];
      end if;
      if lo + 1 > coalesce(pg_catalog.array_length(tails, 1), 0) then
        tails := tails || i;
      else
        tails[lo + 1] := i;
      end if;
    end loop;
    i := tails[coalesce(pg_catalog.array_length(tails, 1), 0)];
    while i is not null and i > 0 loop
      kept[i] := true;
      i := nxt[i];
    end loop;
    prev := null;
    foreach i in array idx loop
      if not kept[i] then
        seq[i] := 'lower';
        continue;
      end if;
      if prev is not null and full_tank[prev] and odo[prev] = odo[i] and coalesce(ml[i], 0) > 0 then
        seq[i] := 'equal';
        continue;
      end if;
      prev := i;
    end loop;
    -- The intervals (economy.ts economyOfPrepared).
    open_at := null;
    open_ml := 0;
    for i in 1 .. n loop
      if missed[i] then
        open_at := null;
      end if;
      if (odo[i] is null or seq[i] is not null) and full_tank[i] then
        open_at := null;
        continue;
      end if;
      if ml[i] is null then
        open_at := null;
        if full_tank[i] then
          open_at := i;
          open_ml := 0;
        end if;
        continue;
      end if;
      if not full_tank[i] then
        if open_at is not null then
          open_ml := open_ml + ml[i];
        end if;
        continue;
      end if;
      if open_at is not null then
        dist := odo[i] - odo[open_at];
        if dist > 0 then
          vehicle_id := v_vehicle;
          end_id := ids[i];
          end_at := ats[i];
          driver_id := drivers[i];
          l100 := pg_catalog.round(10.0 * (open_ml + ml[i]) / dist) / 100;
          return next;
        end if;
      end if;
      open_at := i;
      open_ml := 0;
    end loop;
  end loop;
end;
$$;

-- 10.4 (sources/fuel.ts): the intervals closed in the period, of the vehicles with a fill in it
-- (each vehicle's whole history: a reading's sequence depends on all of them).
create function private.kpi_items_fuel(p_tz text, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with v as materialized (
    select a.id, a.site_id, a.fuel_baseline_l100km as manual
    from public.assets a
    where a.kind = 'vehicle' and a.deleted_at is null
      and exists (select 1 from public.fuel_logs f
                  where f.vehicle_id = a.id and f.deleted_at is null
                    and f.filled_at >= (select private.kpi_period_start(p_from, p_tz))
                    and f.filled_at < (select private.kpi_period_end(p_to, p_tz)))
  ), iv as materialized (
    select i.vehicle_id, i.end_id, i.end_at, i.driver_id, i.l100, (i.end_at at time zone p_tz)::date as day
    from private.kpi_fuel_intervals((select pg_catalog.array_agg(v.id) from v)) i
  ), it as (
    select iv.*, v.site_id, v.manual, pg_catalog.date_trunc('month', iv.day::timestamp)::date as month_start
    from iv join v on v.id = iv.vehicle_id
    where iv.day between p_from and p_to
  ), b as (
    select it.*,
           coalesce(it.manual, (
             select (m.l[(pg_catalog.cardinality(m.l) + 1) / 2] + m.l[(pg_catalog.cardinality(m.l) + 2) / 2]) / 2
             from (select pg_catalog.array_agg(x.l100 order by x.l100) as l from iv x
                   where x.vehicle_id = it.vehicle_id and x.day >= it.month_start - 90 and x.day < it.month_start) m)) as base
    from it
  )
  select 'fuel_within_baseline', b.end_id::text, b.vehicle_id, b.day, b.site_id,
         (select pd.department_id from public.profiles pd where pd.id = b.driver_id), b.driver_id,
         case when b.base is not null then (b.l100 * 100 <= b.base * 110)::int::numeric end,
         null, b.end_at
  from b;
$$;

-- 13.1 (sources/dorms.ts): every bed's company days in the period up to today. A day is
-- occupied when a stay checked in on or before it and checked out after it; under repair when
-- the bed's last repair act (start or end) on or before it is a start. Set-based: the stays'
-- and the repairs' days are spelled out and joined to the bed-days.
create function private.kpi_items_dorms(p_tz text, p_today date, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with d as (
    select b.id, b.room_id, b.site_id, g::date as day
    from public.dorm_beds b
    cross join lateral pg_catalog.generate_series(greatest((b.created_at at time zone p_tz)::date, p_from)::timestamp,
                                                  least(p_today, p_to)::timestamp, interval '1 day') g
    where b.deleted_at is null
  ), occ as (
    select distinct s.bed_id, g::date as day
    from public.dorm_stays s
    cross join lateral pg_catalog.generate_series(
      greatest((s.checked_in_at at time zone p_tz)::date, p_from)::timestamp,
      least(coalesce((s.ended_at at time zone p_tz)::date - 1, p_today), p_today, p_to)::timestamp, interval '1 day') g
    where s.deleted_at is null and s.status in ('active', 'ended') and s.checked_in_at is not null
      and s.checked_in_at < (select private.kpi_period_end(p_to, p_tz))
      and (s.ended_at is null or s.ended_at >= (select private.kpi_period_start(p_from, p_tz)))
  ), rep as (
    select e.bed_id, e.type, (e.device_time at time zone p_tz)::date as day,
           pg_catalog.lead((e.device_time at time zone p_tz)::date) over (partition by e.bed_id order by e.device_time, e.id) as next_day
    from public.dorm_bed_events e
    where e.deleted_at is null and e.type in ('repair_start', 'repair_end')
  ), rdays as (
    select distinct r.bed_id, g::date as day
    from rep r
    cross join lateral pg_catalog.generate_series(greatest(r.day, p_from)::timestamp,
                                                  least(coalesce(r.next_day - 1, p_today), p_today, p_to)::timestamp, interval '1 day') g
    where r.type = 'repair_start'
  )
  select 'dorm_occupancy', d.id::text || ':' || d.day::text, d.room_id, d.day, d.site_id, null::uuid, null::uuid,
         (o.bed_id is not null)::int::numeric, null, null::timestamptz
  from d
  left join occ o on o.bed_id = d.id and o.day = d.day
  left join rdays r on r.bed_id = d.id and r.day = d.day
  where o.bed_id is not null or r.bed_id is null;
$$;

-- Every item whose day is in [p_from, p_to]: as 20261203090000 made it, with the two new sources.
create or replace function private.kpi_items(p_now timestamptz, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with z as (
    select coalesce((select c.timezone from public.company c where c.deleted_at is null order by c.created_at limit 1),
                    'Asia/Shanghai') as tz
  )
  select i.* from z, private.kpi_items_tasks(z.tz, (p_now at time zone z.tz)::date, p_from, p_to) i
  union all
  select i.* from z, private.kpi_items_requests(z.tz, (p_now at time zone z.tz)::date, p_from, p_to) i
  union all
  select i.* from z, private.kpi_items_custody(z.tz, p_now, p_from, p_to) i
  union all
  select i.* from z, private.kpi_items_checklists(z.tz, p_now, p_from, p_to) i
  union all
  select i.* from z, private.kpi_items_custody_checks(z.tz, (p_now at time zone z.tz)::date, p_from, p_to) i
  union all
  select i.* from z, private.kpi_items_field(z.tz, (p_now at time zone z.tz)::date, p_now, p_from, p_to) i
  union all
  select i.* from z, private.kpi_items_fuel(z.tz, p_from, p_to) i
  union all
  select i.* from z, private.kpi_items_dorms(z.tz, (p_now at time zone z.tz)::date, p_from, p_to) i;
$$;

revoke execute on function private.kpi_codes() from public, anon, authenticated;
revoke execute on function private.kpi_fuel_intervals(uuid[]) from public, anon, authenticated;
revoke execute on function private.kpi_items_fuel(text, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_dorms(text, date, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items(timestamptz, date, date) from public, anon, authenticated;
