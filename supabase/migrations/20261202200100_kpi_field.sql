-- KPIs (issue 14), the field modules: the twins of src/features/kpis/domain/sources/field.ts.
-- - custody_checked_on_time (2.2 node 6): each seal and licence checked in its cabinet (an
--   audit_seen that says in_place) in every month from its first recorded act to this one.
-- - dispatch_on_time (10.1): a 用车申请 decided by the time the car is needed (form start_at).
-- - trip_pre_check (10.7): every trip started with its pre-trip check.
-- - dorm_check_in_on_time (13.2): checked in by the end of the allocated move-in day.
-- private.kpi_codes() and private.kpi_items(timestamptz) are re-created with them (the public
-- kpi_items / kpi_figures read private.kpi_items and are unchanged).

create or replace function private.kpi_codes()
returns text[]
language sql immutable
set search_path = ''
as $$
  select array['affairs_on_time', 'affairs_summary_on_time', 'affairs_score', 'follow_up_reminder_on_time',
    'follow_up_first_success', 'rectification_on_time', 'inspection_score', 'seal_request_first_pass',
    'licence_request_first_pass', 'seal_use_first_pass', 'approval_on_time', 'seal_returned_on_time',
    'licence_returned_on_time', 'custody_checked_on_time', 'dispatch_on_time', 'trip_pre_check',
    'dorm_check_in_on_time'];
$$;

create function private.kpi_items_custody_checks(p_tz text, p_today date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with a as (
    select s.id, s.site_id, s.keeper_id,
           (select (pg_catalog.min(c.device_time) at time zone p_tz)::date from public.custody_events c
             where c.asset_id = s.id and c.deleted_at is null) as first_day
    from public.assets s
    where s.kind in ('seal', 'licence')
  ), m as (
    select a.id, a.site_id, a.keeper_id, g::date as month_start,
           (g + interval '1 month' - interval '1 day')::date as month_end
    from a
    cross join lateral pg_catalog.generate_series(pg_catalog.date_trunc('month', a.first_day::timestamp),
                                                  pg_catalog.date_trunc('month', p_today::timestamp), interval '1 month') g
    where a.first_day is not null
  ), c as (
    select m.*,
           (select pg_catalog.min(e.device_time) from public.custody_events e
             where e.asset_id = m.id and e.type = 'audit_seen' and not e.flagged and e.deleted_at is null
               and pg_catalog.jsonb_typeof(e.payload -> 'in_place') = 'boolean'
               and (e.device_time at time zone p_tz)::date between m.month_start and m.month_end) as done
    from m
  )
  select 'custody_checked_on_time', c.id::text || ':' || pg_catalog.to_char(c.month_start, 'YYYY-MM'), c.id, c.month_end,
         c.site_id, private.kpi_department_of(c.keeper_id), c.keeper_id,
         private.kpi_by_day(c.month_end, (c.done at time zone p_tz)::date, p_today), c.month_end::text, c.done
  from c;
$$;

create function private.kpi_items_field(p_tz text, p_today date, p_now timestamptz)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with d as (
    select r.id, r.site_id, (r.form ->> 'start_at')::timestamptz as start_at,
           case when r.status <> 'pending' then r.decided_at end as decided,
           case when r.status <> 'pending' and r.decided_at is not null
                then r.deciders[pg_catalog.array_length(r.deciders, 1)] end as person
    from public.requests r
    where r.type = 'vehicle_dispatch' and r.deleted_at is null and r.status in ('pending', 'approved', 'rejected')
      and coalesce(r.form ->> 'start_at', '') <> ''
  )
  select 'dispatch_on_time', d.id::text, d.id, (d.start_at at time zone p_tz)::date, d.site_id,
         private.kpi_department_of(d.person), d.person,
         private.kpi_by_instant(d.start_at, d.decided, p_now), d.start_at::text, d.decided
  from d
  union all
  select 'trip_pre_check', t.id::text, t.vehicle_id, (t.started_at at time zone p_tz)::date, v.site_id,
         private.kpi_department_of(t.driver_id), t.driver_id,
         (t.vehicle_check_id is not null)::int::numeric, null, t.started_at
  from public.trips t
  left join public.assets v on v.id = t.vehicle_id and v.kind = 'vehicle'
  where t.deleted_at is null
  union all
  select 'dorm_check_in_on_time', s.id::text, s.room_id, s.starts_on, s.site_id,
         private.kpi_department_of(s.allocated_by), s.allocated_by,
         private.kpi_by_day(s.starts_on, (s.checked_in_at at time zone p_tz)::date, p_today), s.starts_on::text, s.checked_in_at
  from public.dorm_stays s
  where s.deleted_at is null and s.status <> 'cancelled';
$$;

create or replace function private.kpi_items(p_now timestamptz)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with z as (
    select coalesce((select c.timezone from public.company c where c.deleted_at is null order by c.created_at limit 1),
                    'Asia/Shanghai') as tz
  )
  select i.* from z, private.kpi_items_tasks(z.tz, (p_now at time zone z.tz)::date) i
  union all
  select i.* from z, private.kpi_items_requests(z.tz, (p_now at time zone z.tz)::date) i
  union all
  select i.* from z, private.kpi_items_custody(z.tz, p_now) i
  union all
  select i.* from z, private.kpi_items_checklists(z.tz, p_now) i
  union all
  select i.* from z, private.kpi_items_custody_checks(z.tz, (p_now at time zone z.tz)::date) i
  union all
  select i.* from z, private.kpi_items_field(z.tz, (p_now at time zone z.tz)::date, p_now) i;
$$;

revoke execute on function private.kpi_codes() from public, anon, authenticated;
revoke execute on function private.kpi_items_custody_checks(text, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_field(text, date, timestamptz) from public, anon, authenticated;
revoke execute on function private.kpi_items(timestamptz) from public, anon, authenticated;
