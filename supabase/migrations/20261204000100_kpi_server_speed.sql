-- KPIs (issue 14) on the server, faster per page (profiled with EXPLAIN (ANALYZE, BUFFERS) per
-- source on a year of a 500-person company, tests/bench/kpis-server.bench.ts). Every item is the
-- same as before (tests/db/kpis.test.ts: SQL = device, 13 periods = all time filtered by day, the
-- trend = the months one by one). What was slow, and what changed:
-- - loans (kpi_items_custody): each check-out due in the period walked every act of its asset
--   (sorted, ~300 rows) to find the loan's check-out, its end and its transfers; and every
--   check-out and transfer of all time was parsed (due_at) to find those due in the period. Now
--   three partial indexes (check-outs, transfers, the acts that end a loan) make each of those
--   one index probe, and an index on the due_at text reads only the acts whose text date is within
--   3 days of the period (private.kpi_iso_from / kpi_iso_to, exact for the validated ISO form; any
--   other text is still read whole, through its own small index).
-- - 用车申请 (kpi_items_field): the same for form.start_at.
-- - tasks and approvals: the summary / step deadline of each row was found by joining every row
--   with every (day, site) of the period, a nested loop (a CTE's row count is unknown to the
--   planner) that also recomputed the company day per pair; now one window over both lists. The
--   period's instants and the working days back are computed once (they were computed up to three
--   times), and the people's departments are joined, not looked up per row.
-- - custody checks: the first act of each seal and licence was the min over all its acts, twice
--   per asset; now the first in index order, once.
-- - public.kpi_items: the caller's sites and departments are read once into arrays (it was an
--   EXISTS per item).
-- - the trend: public.kpi_figures(…, p_by_month => true) gives every month of the period in one
--   call (a 12-month trend was 12 calls, each planning and reading its month again); a new column
--   month (null when not by month).
--
-- Re-created here (same signatures): private.kpi_items_tasks, kpi_items_requests,
-- kpi_items_custody, kpi_items_custody_checks, kpi_items_field, public.kpi_items. Dropped and
-- created again (new parameter and column): public.kpi_figures. New: private.kpi_iso_from,
-- private.kpi_iso_to, 7 partial indexes. Not touched: the dispatcher private.kpi_items and
-- private.kpi_codes.

-- The text bounds of an ISO instant ('YYYY-MM-DDTHH:MM…±HH:MM', as private.val_time accepts)
-- whose company day can be in [p_from, p_to]: its own date is at most two days away from the
-- company's (offsets are within ±16 h), so 3 days before p_from and up to 4 days after p_to
-- (exclusive), or open when the period is. Inlinable (no search_path of their own).
create or replace function private.kpi_iso_from(p_from date)
returns text
language sql stable
as $$
  select case when p_from > '0010-01-01' then pg_catalog.to_char((p_from - 3)::timestamp, 'YYYY-MM-DD') else '' end;
$$;

create or replace function private.kpi_iso_to(p_to date)
returns text
language sql stable
as $$
  select case when p_to < '9990-01-01' then pg_catalog.to_char((p_to + 4)::timestamp, 'YYYY-MM-DD') else ':' end;
$$;

-- Loans (2.5 外带 / 2.6 借用): the acts of an asset by kind, in device-time order, and the
-- check-outs and transfers by the text of their due time.
create index if not exists custody_events_kpi_check_out_idx on public.custody_events (asset_id, device_time, id)
  where type = 'check_out' and not flagged and deleted_at is null;
create index if not exists custody_events_kpi_transfer_idx on public.custody_events (asset_id, device_time, id)
  where type = 'transfer' and not flagged and deleted_at is null;
create index if not exists custody_events_kpi_end_idx on public.custody_events (asset_id, device_time, id)
  where type in ('check_out', 'check_in', 'report_lost', 'retire') and not flagged and deleted_at is null;

create index if not exists custody_events_kpi_due_idx on public.custody_events ((payload ->> 'due_at'))
  where type in ('check_out', 'transfer') and not flagged and deleted_at is null;
create index if not exists custody_events_kpi_due_odd_idx on public.custody_events (asset_id)
  where type in ('check_out', 'transfer') and not flagged and deleted_at is null
    and not ((payload ->> 'due_at') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$');

create or replace function private.kpi_items_custody(p_tz text, p_now timestamptz, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with co as (
    select distinct s.id as asset_id, s.kind, s.site_id, c.id, c.device_time, c.payload
    from (
      select x.id, x.asset_id, x.device_time, x.payload from public.custody_events x
      where x.type in ('check_out', 'transfer') and not x.flagged and x.deleted_at is null
        and (x.payload ->> 'due_at') >= private.kpi_iso_from(p_from) and (x.payload ->> 'due_at') < private.kpi_iso_to(p_to)
        and (x.payload ->> 'due_at') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$'
      union all
      select x.id, x.asset_id, x.device_time, x.payload from public.custody_events x
      where x.type in ('check_out', 'transfer') and not x.flagged and x.deleted_at is null
        and not ((x.payload ->> 'due_at') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$')
    ) x
    join public.assets s on s.id = x.asset_id and s.kind in ('seal', 'licence')
    cross join lateral (
      select c.id, c.device_time, c.payload from public.custody_events c
      where c.asset_id = x.asset_id and c.type = 'check_out' and not c.flagged and c.deleted_at is null
        and (c.device_time, c.id) <= (x.device_time, x.id)
      order by c.device_time desc, c.id desc limit 1) c
    where coalesce(x.payload ->> 'due_at', '') <> ''
      and ((x.payload ->> 'due_at')::timestamptz at time zone p_tz)::date between p_from and p_to
  ), loan as materialized (
    select co.*, e.type as end_type, e.device_time as end_time,
           coalesce((select nullif(t.payload ->> 'due_at', '')::timestamptz from public.custody_events t
                      where t.asset_id = co.asset_id and t.type = 'transfer' and not t.flagged and t.deleted_at is null
                        and coalesce(t.payload ->> 'due_at', '') <> ''
                        and (t.device_time, t.id) > (co.device_time, co.id)
                        and (e.id is null or (t.device_time, t.id) < (e.device_time, e.id))
                      order by t.device_time desc, t.id desc limit 1),
                    (co.payload ->> 'due_at')::timestamptz) as due_at,
           coalesce((select nullif(t.payload ->> 'to_person', '')::uuid from public.custody_events t
                      where t.asset_id = co.asset_id and t.type = 'transfer' and not t.flagged and t.deleted_at is null
                        and coalesce(t.payload ->> 'to_person', '') <> ''
                        and (t.device_time, t.id) > (co.device_time, co.id)
                        and (e.id is null or (t.device_time, t.id) < (e.device_time, e.id))
                      order by t.device_time desc, t.id desc limit 1),
                    nullif(co.payload ->> 'to_person', '')::uuid) as holder
    from co
    left join lateral (
      select e.id, e.type, e.device_time from public.custody_events e
      where e.asset_id = co.asset_id and not e.flagged and e.deleted_at is null
        and e.type in ('check_out', 'check_in', 'report_lost', 'retire')
        and (e.device_time, e.id) > (co.device_time, co.id)
      order by e.device_time, e.id limit 1) e on true
    where coalesce(co.payload ->> 'due_at', '') <> ''
  )
  select case l.kind when 'seal' then 'seal_returned_on_time' else 'licence_returned_on_time' end,
         l.id::text, l.asset_id, (l.due_at at time zone p_tz)::date, l.site_id,
         (select pd.department_id from public.profiles pd where pd.id = l.holder), l.holder,
         case when l.end_type = 'check_in' then private.kpi_by_instant(l.due_at, l.end_time, p_now)
              when l.end_type is null then private.kpi_by_instant(l.due_at, null, p_now)
              else 0::numeric end,
         l.due_at::text, case when l.end_type = 'check_in' then l.end_time end
  from loan l
  where (l.end_type is null or l.end_type <> 'check_out')
    and (l.due_at at time zone p_tz)::date between p_from and p_to;
$$;

-- 1.2 affairs and 1.3 督办 (sources/tasks.ts).
create or replace function private.kpi_items_tasks(p_tz text, p_today date, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with b as materialized (
    -- The period's instants, and from when a completion can have its summary due in the period.
    select private.kpi_period_start(p_from, p_tz) as p_start, private.kpi_period_end(p_to, p_tz) as p_end,
           private.kpi_period_start(private.kpi_working_days_back(p_from, 3), p_tz) as done_start
  ), t as not materialized (
    select t.*, coalesce(t.department_id, pd.department_id) as dept
    from public.tasks t
    left join public.profiles pd on pd.id = t.assignee_id
    where t.deleted_at is null and t.status <> 'cancelled'
  ), c as materialized (
    -- Tasks completed from done_start to the period's end, with their company day.
    select t.id, t.site_id, t.dept, t.assignee_id, t.summary_at, (t.completed_at at time zone p_tz)::date as done_day
    from t
    where t.completed_at >= (select b.done_start from b) and t.completed_at < (select b.p_end from b)
  ), wd as materialized (
    -- add_working_days once per day and site: the summary deadlines that fall in the period.
    select q.d, q.site_id, q.due from (
      select x.d, x.site_id, private.add_working_days(x.d, 3, x.site_id) as due
      from (select distinct c.done_day as d, c.site_id from c) x
      offset 0
    ) q
    where q.due between p_from and p_to
  ), sm as (
    -- Each completed task gets the summary deadline of its (site, day) by a window over both
    -- lists (no join of every task with every day: a CTE's row count is unknown to the planner,
    -- which then loops).
    select u.* from (
      select v.*, pg_catalog.max(v.wd_due) over (partition by v.site_id, v.done_day) as summary_due
      from (select c.id, c.site_id, c.dept, c.assignee_id, c.summary_at, c.done_day, null::date as wd_due from c
            union all
            select null, wd.site_id, null, null, null, wd.d, wd.due from wd) v
    ) u
    where u.id is not null and u.summary_due is not null
  ), fid as (
    select f.id from public.follow_ups f
    where f.deleted_at is null
      and f.opened_at >= (select b.p_start from b) and f.opened_at < (select b.p_end from b)
    union
    select f.id from public.tasks tk join public.follow_ups f on f.task_id = tk.id
    where tk.deleted_at is null and tk.due_on between p_from - 1 and p_to - 1
    union
    select e.follow_up_id from public.task_events e
    where e.type = 'remind' and not e.flagged and e.deleted_at is null and e.data ->> 'level' in ('first', 'second')
      and (e.data ->> 'next_on')::date between p_from and p_to
  ), f as (
    select f.id, f.officer_id, f.opened_at, f.first_at, f.second_at, f.final_at, f.status,
           tk.site_id as t_site, tk.due_on as t_due, tk.status as t_status, tk.completed_at as t_done,
           (select (e.data ->> 'next_on')::date from public.task_events e
             where e.follow_up_id = f.id and e.type = 'remind' and not e.flagged and e.deleted_at is null
               and e.data ->> 'level' = 'first' order by e.device_time, e.id limit 1) as next1,
           (select (e.data ->> 'next_on')::date from public.task_events e
             where e.follow_up_id = f.id and e.type = 'remind' and not e.flagged and e.deleted_at is null
               and e.data ->> 'level' = 'second' order by e.device_time, e.id limit 1) as next2
    from public.follow_ups f
    join public.tasks tk on tk.id = f.task_id and tk.deleted_at is null
    where f.deleted_at is null and f.id in (select fid.id from fid)
  ), lv as (
    select f.*, l.level, l.due, l.done, l.prev_given
    from f cross join lateral (values
      ('first', (f.opened_at at time zone p_tz)::date, f.first_at, true),
      ('second', coalesce(f.next1, f.t_due + 1), f.second_at, f.first_at is not null),
      ('final', coalesce(f.next2, f.t_due + 1), f.final_at, f.second_at is not null)
    ) as l (level, due, done, prev_given)
  )
  select 'affairs_on_time', t.id::text, t.id, t.due_on, t.site_id, t.dept, t.assignee_id,
         private.kpi_by_day(t.due_on, (t.completed_at at time zone p_tz)::date, p_today), t.due_on::text, t.completed_at
  from t
  where t.due_on between p_from and p_to
  union all
  select 'affairs_summary_on_time', sm.id::text, sm.id, sm.summary_due, sm.site_id, sm.dept, sm.assignee_id,
         private.kpi_by_day(sm.summary_due, (sm.summary_at at time zone p_tz)::date, p_today), sm.summary_due::text, sm.summary_at
  from sm
  union all
  select 'affairs_score', t.id::text, t.id, (t.scored_at at time zone p_tz)::date, t.site_id, t.dept, t.assignee_id,
         t.score::numeric, null, t.scored_at
  from t
  where t.score is not null
    and t.scored_at >= (select b.p_start from b) and t.scored_at < (select b.p_end from b)
  union all
  select 'follow_up_reminder_on_time', lv.id::text || ':' || lv.level, lv.id, lv.due, lv.t_site,
         pd.department_id, lv.officer_id,
         private.kpi_by_day(lv.due, (lv.done at time zone p_tz)::date, p_today), lv.due::text, lv.done
  from lv
  left join public.profiles pd on pd.id = lv.officer_id
  where lv.prev_given and lv.due between p_from and p_to
    and (lv.done is not null
         or not (lv.t_status = 'cancelled' or lv.status <> 'open'
                 or (lv.t_done is not null and (lv.t_done at time zone p_tz)::date <= lv.due)))
  union all
  select 'follow_up_first_success', f.id::text, f.id, (f.first_at at time zone p_tz)::date, tk.site_id,
         pd.department_id, f.officer_id,
         case when tk.completed_at is not null and (f.second_at is null or tk.completed_at <= f.second_at) then 1::numeric
              when f.second_at is not null then 0::numeric end,
         null, tk.completed_at
  from public.follow_ups f
  join public.tasks tk on tk.id = f.task_id and tk.deleted_at is null
  left join public.profiles pd on pd.id = f.officer_id
  where f.deleted_at is null and tk.status <> 'cancelled'
    and f.first_at >= (select b.p_start from b) and f.first_at < (select b.p_end from b);
$$;

-- 2.x first-pass rates and approval steps (sources/requests.ts).
create or replace function private.kpi_items_requests(p_tz text, p_today date, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with b as materialized (
    -- The period's instants, and from when an act can have the step after it due in the period.
    select private.kpi_period_start(p_from, p_tz) as p_start, private.kpi_period_end(p_to, p_tz) as p_end,
           private.kpi_period_start(private.kpi_working_days_back(p_from, 1), p_tz) as act_start
  ), ev as (
    select e.id, e.request_id, e.action, e.at, coalesce(e.on_behalf_of, e.actor_id) as person, r.site_id as r_site,
           pg_catalog.lag(e.action) over w as prev_action, pg_catalog.lag(e.at) over w as prev_at
    from public.request_events e
    join public.requests r on r.id = e.request_id and r.deleted_at is null
    where e.flag is null and e.deleted_at is null
      and e.request_id in (
        select x.request_id from public.request_events x
        where x.at >= (select b.act_start from b) and x.at < (select b.p_end from b))
    window w as (partition by e.request_id order by e.at, e.id)
  ), st as materialized (
    select ev.id, ev.request_id, ev.at, ev.person, ev.r_site, (ev.prev_at at time zone p_tz)::date as prev_day
    from ev
    where ev.action in ('approve', 'reject', 'return') and ev.prev_action in ('submit', 'resubmit', 'approve')
      and ev.prev_at >= (select b.act_start from b) and ev.prev_at < (select b.p_end from b)
  ), wt as materialized (
    select last.at, r.id, r.site_id, (last.at at time zone p_tz)::date as last_day
    from public.requests r
    cross join lateral (
      select e.action, e.at from public.request_events e
      where e.request_id = r.id and e.flag is null and e.deleted_at is null
      order by e.at desc, e.id desc limit 1) last
    where r.deleted_at is null and r.status = 'pending' and last.action in ('submit', 'resubmit', 'approve')
      and last.at >= (select b.act_start from b) and last.at < (select b.p_end from b)
  ), wd as materialized (
    -- add_working_days once per day and site (a step is due the working day after).
    select x.d, x.site_id, x.due from (
      select q.d, q.site_id, private.add_working_days(q.d, 1, q.site_id) as due
      from (select st.prev_day as d, st.r_site as site_id from st union select wt.last_day, wt.site_id from wt offset 0) q
      offset 0
    ) x
    where x.due between p_from and p_to
  ), steps as (
    -- Each step gets the due of its (site, day) by a window over both lists (no join of every step
    -- with every day: a CTE's row count is unknown to the planner, which then loops).
    select u.id, u.request_id, u.at, u.person, u.r_site, u.due from (
      select v.*, pg_catalog.max(v.wd_due) over (partition by v.r_site, v.prev_day) as due
      from (select st.id, st.request_id, st.at, st.person, st.r_site, st.prev_day, null::date as wd_due from st
            union all
            select null, null, null, null, wd.site_id, wd.d, wd.due from wd) v
    ) u
    where u.id is not null and u.due is not null
  ), waiting as (
    select wt.id, wt.site_id, wd.due from wt join wd on wd.d = wt.last_day and wd.site_id is not distinct from wt.site_id
  )
  select case r.type when 'seal_lifecycle' then 'seal_request_first_pass'
                     when 'licence_affair' then 'licence_request_first_pass'
                     else 'seal_use_first_pass' end,
         r.id::text, r.id, (r.decided_at at time zone p_tz)::date, r.site_id,
         coalesce(r.department_id, pd.department_id), r.applicant_id,
         r.first_pass::int::numeric, null, r.decided_at
  from public.requests r
  left join public.profiles pd on pd.id = r.applicant_id
  where r.deleted_at is null and r.type in ('seal_lifecycle', 'licence_affair', 'seal_use')
    and r.decided_at is not null and r.first_pass is not null
    and r.decided_at >= (select b.p_start from b) and r.decided_at < (select b.p_end from b)
  union all
  select 'approval_on_time', s.id::text, s.request_id, s.due, s.r_site, pd.department_id, s.person,
         private.kpi_by_day(s.due, (s.at at time zone p_tz)::date, p_today), s.due::text, s.at
  from steps s
  left join public.profiles pd on pd.id = s.person
  union all
  select 'approval_on_time', w.id::text || ':waiting', w.id, w.due, w.site_id, null, null,
         private.kpi_by_day(w.due, null, p_today), w.due::text, null
  from waiting w;
$$;

-- 2.2 node 6 (sources/field.ts).
create or replace function private.kpi_items_custody_checks(p_tz text, p_today date, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with a as materialized (
    select s.id, s.site_id, s.keeper_id,
           ((select c.device_time from public.custody_events c
              where c.asset_id = s.id and c.deleted_at is null
              order by c.device_time limit 1) at time zone p_tz)::date as first_day
    from public.assets s
    where s.kind in ('seal', 'licence')
  ), m as (
    select x.* from (
      select a.id, a.site_id, a.keeper_id, g::date as month_start,
             (g + interval '1 month' - interval '1 day')::date as month_end
      from a
      cross join lateral pg_catalog.generate_series(pg_catalog.date_trunc('month', a.first_day::timestamp),
                                                    pg_catalog.date_trunc('month', p_today::timestamp), interval '1 month') g
      where a.first_day is not null
    ) x
    where x.month_end between p_from and p_to
  ), c as materialized (
    select m.*,
           (select pg_catalog.min(e.device_time) from public.custody_events e
             where e.asset_id = m.id and e.type = 'audit_seen' and not e.flagged and e.deleted_at is null
               and pg_catalog.jsonb_typeof(e.payload -> 'in_place') = 'boolean'
               and e.device_time >= private.kpi_period_start(m.month_start, p_tz)
               and e.device_time < private.kpi_period_end(m.month_end, p_tz)
               and (e.device_time at time zone p_tz)::date between m.month_start and m.month_end) as done
    from m
  )
  select 'custody_checked_on_time', c.id::text || ':' || pg_catalog.to_char(c.month_start, 'YYYY-MM'), c.id, c.month_end,
         c.site_id, pd.department_id, c.keeper_id,
         private.kpi_by_day(c.month_end, (c.done at time zone p_tz)::date, p_today), c.month_end::text, c.done
  from c
  left join public.profiles pd on pd.id = c.keeper_id;
$$;

-- 10.1 dispatch, 10.7 pre-trip checks, 13.2 check-in day (sources/field.ts).
create index if not exists requests_kpi_start_idx on public.requests ((form ->> 'start_at'))
  where type = 'vehicle_dispatch' and deleted_at is null;
create index if not exists requests_kpi_start_odd_idx on public.requests (id)
  where type = 'vehicle_dispatch' and deleted_at is null
    and not ((form ->> 'start_at') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$');

create or replace function private.kpi_items_field(p_tz text, p_today date, p_now timestamptz, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with d as (
    select x.* from (
      select r.id, r.site_id, (r.form ->> 'start_at')::timestamptz as start_at,
             case when r.status <> 'pending' then r.decided_at end as decided,
             case when r.status <> 'pending' and r.decided_at is not null
                  then r.deciders[pg_catalog.array_length(r.deciders, 1)] end as person
      from (
        -- Only the applications whose start can fall in the period (see private.kpi_iso_from).
        select r.* from public.requests r
        where r.type = 'vehicle_dispatch' and r.deleted_at is null
          and (r.form ->> 'start_at') >= private.kpi_iso_from(p_from) and (r.form ->> 'start_at') < private.kpi_iso_to(p_to)
          and (r.form ->> 'start_at') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$'
        union all
        select r.* from public.requests r
        where r.type = 'vehicle_dispatch' and r.deleted_at is null
          and not ((r.form ->> 'start_at') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$')
      ) r
      where r.status in ('pending', 'approved', 'rejected')
        and coalesce(r.form ->> 'start_at', '') <> ''
    ) x
    where (x.start_at at time zone p_tz)::date between p_from and p_to
  )
  select 'dispatch_on_time', d.id::text, d.id, (d.start_at at time zone p_tz)::date, d.site_id,
         pd.department_id, d.person,
         private.kpi_by_instant(d.start_at, d.decided, p_now), d.start_at::text, d.decided
  from d
  left join public.profiles pd on pd.id = d.person
  union all
  select 'trip_pre_check', t.id::text, t.vehicle_id, (t.started_at at time zone p_tz)::date, v.site_id,
         pd.department_id, t.driver_id,
         (t.vehicle_check_id is not null)::int::numeric, null, t.started_at
  from public.trips t
  left join public.assets v on v.id = t.vehicle_id and v.kind = 'vehicle'
  left join public.profiles pd on pd.id = t.driver_id
  where t.deleted_at is null
    and t.started_at >= (select private.kpi_period_start(p_from, p_tz)) and t.started_at < (select private.kpi_period_end(p_to, p_tz))
  union all
  select 'dorm_check_in_on_time', s.id::text, s.room_id, s.starts_on, s.site_id,
         pd.department_id, s.allocated_by,
         private.kpi_by_day(s.starts_on, (s.checked_in_at at time zone p_tz)::date, p_today), s.starts_on::text, s.checked_in_at
  from public.dorm_stays s
  left join public.profiles pd on pd.id = s.allocated_by
  where s.deleted_at is null and s.status <> 'cancelled' and s.starts_on between p_from and p_to;
$$;

-- As before (20261203090000): the items of the period the caller may see. The caller's sites
-- (admin head, executive; unscoped = every site) and headed departments are read once.
create or replace function public.kpi_items(p_from date, p_to date, p_now timestamptz default now())
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable security definer
set search_path = ''
as $$
  with me as materialized (
    select auth.uid() as uid
  ), v as materialized (
    select me.uid,
           exists (select 1 from public.user_roles r
                   where r.user_id = me.uid and r.role in ('admin_head', 'executive') and r.deleted_at is null
                     and r.site_id is null) as everywhere,
           array(select r.site_id from public.user_roles r
                 where r.user_id = me.uid and r.role in ('admin_head', 'executive') and r.deleted_at is null
                   and r.site_id is not null) as sites,
           array(select d.id from public.departments d where d.head_id = me.uid and d.deleted_at is null) as heads
    from me
  )
  select i.* from private.kpi_items(p_now, p_from, p_to) i
  where i.day between p_from and p_to
    and ((select v.everywhere from v)
         or i.person_id = (select v.uid from v)
         or i.site_id = any ((select v.sites from v)::uuid[])
         or i.department_id = any ((select v.heads from v)::uuid[]));
$$;

-- Every KPI's figure for a period (20261202070200), or for each month of it in one call
-- (p_by_month: a trend; month = the month's first day, null otherwise). A month cut by the
-- period counts only its days in the period, as a call for those days would.
drop function public.kpi_figures(date, date, uuid, uuid, timestamptz);
create function public.kpi_figures(p_from date, p_to date, p_department uuid default null, p_person uuid default null,
                                   p_now timestamptz default now(), p_by_month boolean default false)
returns table (kpi text, value numeric, decided int, met numeric, pending int, month date)
language sql stable security definer
set search_path = ''
as $$
  select i.kpi,
         case when pg_catalog.count(i.value) = 0 then null
              when i.kpi in ('affairs_score', 'inspection_score') then pg_catalog.avg(i.value)
              else 100 * pg_catalog.sum(i.value) / pg_catalog.count(i.value) end,
         pg_catalog.count(i.value)::int,
         case when i.kpi in ('affairs_score', 'inspection_score') then pg_catalog.count(i.value)::numeric
              else coalesce(pg_catalog.sum(i.value), 0) end,
         (pg_catalog.count(*) - pg_catalog.count(i.value))::int,
         i.month
  from (select x.*, case when p_by_month then pg_catalog.date_trunc('month', x.day::timestamp)::date end as month
        from public.kpi_items(p_from, p_to, p_now) x) i
  where (p_department is null or i.department_id = p_department)
    and (p_person is null or i.person_id = p_person)
  group by i.kpi, i.month;
$$;

revoke execute on function private.kpi_iso_from(date) from public, anon, authenticated;
revoke execute on function private.kpi_iso_to(date) from public, anon, authenticated;
revoke execute on function public.kpi_figures(date, date, uuid, uuid, timestamptz, boolean) from public, anon;
grant execute on function public.kpi_figures(date, date, uuid, uuid, timestamptz, boolean) to authenticated;
