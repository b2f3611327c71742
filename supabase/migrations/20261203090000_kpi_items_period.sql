-- KPIs (issue 14) on the server, fast per page: public.kpi_items / public.kpi_figures made every
-- item of all time (private.kpi_items(p_now)) and only then kept a period's days (a month took
-- 28 s on a year of a 500-person company). Each engine's function now takes the period (p_from,
-- p_to, company days) and reads only the rows whose item can fall in it, through indexes; the
-- items are the same as before (each function ends with the exact day filter, the reads before
-- it only narrow to a superset). private.kpi_items(p_now) (all items, the SQL = device test)
-- is the period version over (-infinity, infinity).
--
-- Re-created here: private.kpi_items_tasks, kpi_items_requests, kpi_items_custody (now one SQL
-- query, not a plpgsql walk), kpi_items_checklists, kpi_items_custody_checks, kpi_items_field
-- (each with p_from, p_to; the old signatures are dropped), private.kpi_items(timestamptz),
-- private.kpi_by_day / kpi_by_instant (same bodies, inlinable), public.kpi_items (same result,
-- the caller's roles read once). New: private.kpi_items(timestamptz, date, date),
-- private.kpi_working_days_back, private.kpi_period_start / kpi_period_end, 13 partial indexes.

-- Where the day of a deadline "p_n working days after d" (private.add_working_days) is on or
-- after p_day, d is on or after this day: the p_n-th day before p_day that is a working day at
-- every site (and for the company), so no site's calendar can put an earlier d in the period.
create function private.kpi_working_days_back(p_day date, p_n int)
returns date
language plpgsql stable
set search_path = ''
as $$
declare
  v_day date := p_day;
  v_left int := p_n;
  i int := 0;
begin
  if not pg_catalog.isfinite(p_day) then
    return p_day;
  end if;
  while v_left > 0 loop
    v_day := v_day - 1;
    if private.is_working_day(v_day, null)
       and not exists (select 1 from public.sites s where not private.is_working_day(v_day, s.id)) then
      v_left := v_left - 1;
    end if;
    i := i + 1;
    if i > 3660 then
      return '-infinity'::date;
    end if;
  end loop;
  return v_day;
end;
$$;

-- The instants of a period's company days: [from 00:00, to + 1 00:00) in the company's zone.
create function private.kpi_period_start(p_from date, p_tz text)
returns timestamptz
language sql stable
set search_path = ''
as $$
  select p_from::timestamp at time zone p_tz;
$$;

create function private.kpi_period_end(p_to date, p_tz text)
returns timestamptz
language sql stable
set search_path = ''
as $$
  select case when pg_catalog.isfinite(p_to) then (p_to + 1)::timestamp at time zone p_tz else 'infinity'::timestamptz end;
$$;

-- Rows read by their instants or days in a period.
create index if not exists tasks_kpi_due_idx on public.tasks (due_on) where deleted_at is null;
create index if not exists tasks_kpi_completed_idx on public.tasks (completed_at) where deleted_at is null and completed_at is not null;
create index if not exists tasks_kpi_scored_idx on public.tasks (scored_at) where deleted_at is null and score is not null;
create index if not exists follow_ups_kpi_opened_idx on public.follow_ups (opened_at) where deleted_at is null;
create index if not exists follow_ups_kpi_first_idx on public.follow_ups (first_at) where deleted_at is null and first_at is not null;
create index if not exists task_events_kpi_remind_idx on public.task_events (follow_up_id, device_time, id) where type = 'remind';
create index if not exists requests_kpi_decided_idx on public.requests (decided_at) where deleted_at is null and decided_at is not null;
create index if not exists request_events_kpi_at_idx on public.request_events (at, request_id);
create index if not exists request_events_kpi_order_idx on public.request_events (request_id, at, id);
create index if not exists rectifications_kpi_due_idx on public.rectifications (due_at) where deleted_at is null;
create index if not exists inspections_kpi_submitted_idx on public.inspections (submitted_at) where deleted_at is null;
create index if not exists trips_kpi_started_idx on public.trips (started_at) where deleted_at is null;
create index if not exists dorm_stays_kpi_starts_idx on public.dorm_stays (starts_on) where deleted_at is null;

-- The per-item rules, as in 20261202070200 but inlinable (no search_path of their own: plain
-- comparisons, called from functions whose search_path is empty) so a page does not pay a
-- function call per item.
create or replace function private.kpi_by_day(p_due date, p_done_day date, p_today date)
returns numeric
language sql immutable
as $$
  select case when p_done_day is not null then (p_done_day <= p_due)::int::numeric
              when p_due < p_today then 0::numeric end;
$$;

create or replace function private.kpi_by_instant(p_due timestamptz, p_done timestamptz, p_now timestamptz)
returns numeric
language sql immutable
as $$
  select case when p_done is not null then (p_done <= p_due)::int::numeric
              when p_due < p_now then 0::numeric end;
$$;

drop function private.kpi_items_tasks(text, date);
drop function private.kpi_items_requests(text, date);
drop function private.kpi_items_custody(text, timestamptz);
drop function private.kpi_items_checklists(text, timestamptz);
drop function private.kpi_items_custody_checks(text, date);
drop function private.kpi_items_field(text, date, timestamptz);

-- 1.2 affairs and 1.3 督办 (sources/tasks.ts). Each KPI reads its own rows: a task by its due
-- day, its completion (the summary is due 3 working days after), its score; a 督办 sheet by its
-- opening, its task's due day (a level without a set next day is due the day after), its
-- reminders' next days, its first reminder.
create function private.kpi_items_tasks(p_tz text, p_today date, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with t as not materialized (
    select t.*, (t.completed_at at time zone p_tz)::date as done_day,
           coalesce(t.department_id, (select pd.department_id from public.profiles pd where pd.id = t.assignee_id)) as dept
    from public.tasks t
    where t.deleted_at is null and t.status <> 'cancelled'
  ), wd as materialized (
    -- add_working_days once per day and site: the summary deadlines that fall in the period.
    -- (offset 0: the period filter must not be pushed below the distinct)
    select q.d, q.site_id, q.due from (
      select x.d, x.site_id, private.add_working_days(x.d, 3, x.site_id) as due
      from (select distinct (t.completed_at at time zone p_tz)::date as d, t.site_id from public.tasks t
            where t.deleted_at is null
              and t.completed_at >= (select private.kpi_period_start(private.kpi_working_days_back(p_from, 3), p_tz))
              and t.completed_at < (select private.kpi_period_end(p_to, p_tz))
            offset 0) x
      offset 0
    ) q
    where q.due between p_from and p_to
  ), s as (
    select t.*, wd.due as summary_due
    from t join wd on wd.d = t.done_day and wd.site_id = t.site_id
    where t.completed_at >= (select private.kpi_period_start(private.kpi_working_days_back(p_from, 3), p_tz))
      and t.completed_at < (select private.kpi_period_end(p_to, p_tz))
  ), fid as (
    select f.id from public.follow_ups f
    where f.deleted_at is null
      and f.opened_at >= (select private.kpi_period_start(p_from, p_tz)) and f.opened_at < (select private.kpi_period_end(p_to, p_tz))
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
         private.kpi_by_day(t.due_on, t.done_day, p_today), t.due_on::text, t.completed_at
  from t
  where t.due_on between p_from and p_to
  union all
  select 'affairs_summary_on_time', s.id::text, s.id, s.summary_due, s.site_id, s.dept, s.assignee_id,
         private.kpi_by_day(s.summary_due, (s.summary_at at time zone p_tz)::date, p_today), s.summary_due::text, s.summary_at
  from s
  union all
  select 'affairs_score', t.id::text, t.id, (t.scored_at at time zone p_tz)::date, t.site_id, t.dept, t.assignee_id,
         t.score::numeric, null, t.scored_at
  from t
  where t.score is not null
    and t.scored_at >= (select private.kpi_period_start(p_from, p_tz)) and t.scored_at < (select private.kpi_period_end(p_to, p_tz))
  union all
  select 'follow_up_reminder_on_time', lv.id::text || ':' || lv.level, lv.id, lv.due, lv.t_site,
         (select pd.department_id from public.profiles pd where pd.id = lv.officer_id), lv.officer_id,
         private.kpi_by_day(lv.due, (lv.done at time zone p_tz)::date, p_today), lv.due::text, lv.done
  from lv
  where lv.prev_given and lv.due between p_from and p_to
    and (lv.done is not null
         or not (lv.t_status = 'cancelled' or lv.status <> 'open'
                 or (lv.t_done is not null and (lv.t_done at time zone p_tz)::date <= lv.due)))
  union all
  select 'follow_up_first_success', f.id::text, f.id, (f.first_at at time zone p_tz)::date, tk.site_id,
         (select pd.department_id from public.profiles pd where pd.id = f.officer_id), f.officer_id,
         case when tk.completed_at is not null and (f.second_at is null or tk.completed_at <= f.second_at) then 1::numeric
              when f.second_at is not null then 0::numeric end,
         null, tk.completed_at
  from public.follow_ups f
  join public.tasks tk on tk.id = f.task_id and tk.deleted_at is null
  where f.deleted_at is null and tk.status <> 'cancelled'
    and f.first_at >= (select private.kpi_period_start(p_from, p_tz)) and f.first_at < (select private.kpi_period_end(p_to, p_tz));
$$;

-- 2.x first-pass rates and approval steps (sources/requests.ts). A step is due the working day
-- after the act before it: only applications with an act from a working day before the period
-- on are walked (all their acts, so each step still knows the act before it).
create function private.kpi_items_requests(p_tz text, p_today date, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with ev as (
    select e.id, e.request_id, e.action, e.at, coalesce(e.on_behalf_of, e.actor_id) as person, r.site_id as r_site,
           pg_catalog.lag(e.action) over w as prev_action, pg_catalog.lag(e.at) over w as prev_at
    from public.request_events e
    join public.requests r on r.id = e.request_id and r.deleted_at is null
    where e.flag is null and e.deleted_at is null
      and e.request_id in (
        select x.request_id from public.request_events x
        where x.at >= (select private.kpi_period_start(private.kpi_working_days_back(p_from, 1), p_tz))
          and x.at < (select private.kpi_period_end(p_to, p_tz)))
    window w as (partition by e.request_id order by e.at, e.id)
  ), st as materialized (
    select ev.*, (ev.prev_at at time zone p_tz)::date as prev_day
    from ev
    where ev.action in ('approve', 'reject', 'return') and ev.prev_action in ('submit', 'resubmit', 'approve')
      and ev.prev_at >= (select private.kpi_period_start(private.kpi_working_days_back(p_from, 1), p_tz))
      and ev.prev_at < (select private.kpi_period_end(p_to, p_tz))
  ), wt as materialized (
    select last.at, r.id, r.site_id, (last.at at time zone p_tz)::date as last_day
    from public.requests r
    cross join lateral (
      select e.action, e.at from public.request_events e
      where e.request_id = r.id and e.flag is null and e.deleted_at is null
      order by e.at desc, e.id desc limit 1) last
    where r.deleted_at is null and r.status = 'pending' and last.action in ('submit', 'resubmit', 'approve')
      and last.at >= (select private.kpi_period_start(private.kpi_working_days_back(p_from, 1), p_tz))
      and last.at < (select private.kpi_period_end(p_to, p_tz))
  ), wd as materialized (
    -- add_working_days once per day and site (a step is due the working day after).
    select x.d, x.site_id, x.due from (
      select q.d, q.site_id, private.add_working_days(q.d, 1, q.site_id) as due
      from (select st.prev_day as d, st.r_site as site_id from st union select wt.last_day, wt.site_id from wt offset 0) q
      offset 0
    ) x
    where x.due between p_from and p_to
  ), steps as (
    select st.*, wd.due from st join wd on wd.d = st.prev_day and wd.site_id is not distinct from st.r_site
  ), waiting as (
    select wt.id, wt.site_id, wd.due from wt join wd on wd.d = wt.last_day and wd.site_id is not distinct from wt.site_id
  )
  select case r.type when 'seal_lifecycle' then 'seal_request_first_pass'
                     when 'licence_affair' then 'licence_request_first_pass'
                     else 'seal_use_first_pass' end,
         r.id::text, r.id, (r.decided_at at time zone p_tz)::date, r.site_id,
         coalesce(r.department_id, (select pd.department_id from public.profiles pd where pd.id = r.applicant_id)), r.applicant_id,
         r.first_pass::int::numeric, null, r.decided_at
  from public.requests r
  where r.deleted_at is null and r.type in ('seal_lifecycle', 'licence_affair', 'seal_use')
    and r.decided_at is not null and r.first_pass is not null
    and r.decided_at >= (select private.kpi_period_start(p_from, p_tz)) and r.decided_at < (select private.kpi_period_end(p_to, p_tz))
  union all
  select 'approval_on_time', s.id::text, s.request_id, s.due, s.r_site, (select pd.department_id from public.profiles pd where pd.id = s.person), s.person,
         private.kpi_by_day(s.due, (s.at at time zone p_tz)::date, p_today), s.due::text, s.at
  from steps s
  union all
  select 'approval_on_time', w.id::text || ':waiting', w.id, w.due, w.site_id, null, null,
         private.kpi_by_day(w.due, null, p_today), w.due::text, null
  from waiting w;
$$;

-- 2.5 外带 / 2.6 借用 (sources/custody.ts): the walk over each asset's acts in device-time
-- order, as one query over only the loans that can be due in the period. A loan opens with a
-- check-out that has a due time; it ends at the first check-in, loss or retirement after it (its
-- item) or the next check-out (no item); its due time and holder are the last set by it or by a
-- transfer before its end. Its due time is set by an act (check-out or transfer) whose due day
-- is in the period, so only the check-outs at or before such an act are read.
create function private.kpi_items_custody(p_tz text, p_now timestamptz, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with co as (
    select distinct s.id as asset_id, s.kind, s.site_id, c.id, c.device_time, c.payload
    from public.custody_events x
    join public.assets s on s.id = x.asset_id and s.kind in ('seal', 'licence')
    cross join lateral (
      select c.id, c.device_time, c.payload from public.custody_events c
      where c.asset_id = x.asset_id and c.type = 'check_out' and not c.flagged and c.deleted_at is null
        and (c.device_time, c.id) <= (x.device_time, x.id)
      order by c.device_time desc, c.id desc limit 1) c
    where x.type in ('check_out', 'transfer') and not x.flagged and x.deleted_at is null
      and coalesce(x.payload ->> 'due_at', '') <> ''
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

-- 1.4 / 14.x rectifications by their deadline, inspection scores by their day (sources/checklists.ts).
create function private.kpi_items_checklists(p_tz text, p_now timestamptz, p_from date, p_to date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  select 'rectification_on_time', r.id::text, r.id, (r.due_at at time zone p_tz)::date, a.site_id,
         coalesce(a.department_id, (select pd.department_id from public.profiles pd where pd.id = x.person)), x.person,
         private.kpi_by_instant(r.due_at, x.done, p_now), r.due_at::text, x.done
  from public.rectifications r
  left join public.areas a on a.id = r.area_id
  cross join lateral (select case when r.status in ('fixed', 'closed') then r.fixed_at end as done,
                             coalesce(r.assignee_id, a.responsible_id) as person) x
  where r.deleted_at is null
    and r.due_at >= (select private.kpi_period_start(p_from, p_tz)) and r.due_at < (select private.kpi_period_end(p_to, p_tz))
  union all
  select 'inspection_score', i.id::text, i.id, (i.submitted_at at time zone p_tz)::date, a.site_id,
         coalesce(a.department_id, (select pd.department_id from public.profiles pd where pd.id = x.person)), x.person,
         coalesce(i.server_score, i.score), null, i.submitted_at
  from public.inspections i
  left join public.areas a on a.id = i.area_id
  cross join lateral (select coalesce(i.responsible_id, a.responsible_id) as person) x
  where i.deleted_at is null and coalesce(i.server_score, i.score) is not null
    and i.submitted_at >= (select private.kpi_period_start(p_from, p_tz)) and i.submitted_at < (select private.kpi_period_end(p_to, p_tz));
$$;

-- 2.2 node 6 (sources/field.ts): only the months that end in the period are checked.
create function private.kpi_items_custody_checks(p_tz text, p_today date, p_from date, p_to date)
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
    select x.* from (
      select a.id, a.site_id, a.keeper_id, g::date as month_start,
             (g + interval '1 month' - interval '1 day')::date as month_end
      from a
      cross join lateral pg_catalog.generate_series(pg_catalog.date_trunc('month', a.first_day::timestamp),
                                                    pg_catalog.date_trunc('month', p_today::timestamp), interval '1 month') g
      where a.first_day is not null
    ) x
    where x.month_end between p_from and p_to
  ), c as (
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
         c.site_id, (select pd.department_id from public.profiles pd where pd.id = c.keeper_id), c.keeper_id,
         private.kpi_by_day(c.month_end, (c.done at time zone p_tz)::date, p_today), c.month_end::text, c.done
  from c;
$$;

-- 10.1 dispatch by the time the car is needed, 10.7 pre-trip checks, 13.2 check-in day
-- (sources/field.ts).
create function private.kpi_items_field(p_tz text, p_today date, p_now timestamptz, p_from date, p_to date)
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
      from public.requests r
      where r.type = 'vehicle_dispatch' and r.deleted_at is null and r.status in ('pending', 'approved', 'rejected')
        and coalesce(r.form ->> 'start_at', '') <> ''
    ) x
    where (x.start_at at time zone p_tz)::date between p_from and p_to
  )
  select 'dispatch_on_time', d.id::text, d.id, (d.start_at at time zone p_tz)::date, d.site_id,
         (select pd.department_id from public.profiles pd where pd.id = d.person), d.person,
         private.kpi_by_instant(d.start_at, d.decided, p_now), d.start_at::text, d.decided
  from d
  union all
  select 'trip_pre_check', t.id::text, t.vehicle_id, (t.started_at at time zone p_tz)::date, v.site_id,
         (select pd.department_id from public.profiles pd where pd.id = t.driver_id), t.driver_id,
         (t.vehicle_check_id is not null)::int::numeric, null, t.started_at
  from public.trips t
  left join public.assets v on v.id = t.vehicle_id and v.kind = 'vehicle'
  where t.deleted_at is null
    and t.started_at >= (select private.kpi_period_start(p_from, p_tz)) and t.started_at < (select private.kpi_period_end(p_to, p_tz))
  union all
  select 'dorm_check_in_on_time', s.id::text, s.room_id, s.starts_on, s.site_id,
         (select pd.department_id from public.profiles pd where pd.id = s.allocated_by), s.allocated_by,
         private.kpi_by_day(s.starts_on, (s.checked_in_at at time zone p_tz)::date, p_today), s.starts_on::text, s.checked_in_at
  from public.dorm_stays s
  where s.deleted_at is null and s.status <> 'cancelled' and s.starts_on between p_from and p_to;
$$;

-- Every item whose day is in [p_from, p_to].
create function private.kpi_items(p_now timestamptz, p_from date, p_to date)
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
  select i.* from z, private.kpi_items_field(z.tz, (p_now at time zone z.tz)::date, p_now, p_from, p_to) i;
$$;

-- Every item of all time.
create or replace function private.kpi_items(p_now timestamptz)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  select i.* from private.kpi_items(p_now, '-infinity'::date, 'infinity'::date) i;
$$;

-- As before (20261202070200), over the period's items only; the caller's roles are read once
-- (public.has_role_at per item: a role of the site or unscoped), not once per item.
create or replace function public.kpi_items(p_from date, p_to date, p_now timestamptz default now())
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable security definer
set search_path = ''
as $$
  with me as materialized (
    select auth.uid() as uid
  ), sees as materialized (
    select r.site_id from public.user_roles r, me
    where r.user_id = me.uid and r.role in ('admin_head', 'executive') and r.deleted_at is null
  ), heads as materialized (
    select d.id from public.departments d, me where d.head_id = me.uid and d.deleted_at is null
  )
  select i.* from private.kpi_items(p_now, p_from, p_to) i
  where i.day between p_from and p_to
    and (i.person_id = (select me.uid from me)
         or exists (select 1 from sees s where s.site_id is null or s.site_id = i.site_id)
         or i.department_id in (select h.id from heads h));
$$;

revoke execute on function private.kpi_working_days_back(date, int) from public, anon, authenticated;
revoke execute on function private.kpi_period_start(date, text) from public, anon, authenticated;
revoke execute on function private.kpi_period_end(date, text) from public, anon, authenticated;
revoke execute on function private.kpi_items_tasks(text, date, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_requests(text, date, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_custody(text, timestamptz, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_checklists(text, timestamptz, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_custody_checks(text, date, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_field(text, date, timestamptz, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items(timestamptz, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_items(timestamptz) from public, anon, authenticated;
revoke execute on function public.kpi_items(date, date, timestamptz) from public, anon;
grant execute on function public.kpi_items(date, date, timestamptz) to authenticated;
