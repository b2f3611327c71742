-- KPIs (issue 14), part 2: the manual's indicators computed in SQL from the engines' rows, the
-- twin of src/features/kpis/domain (sources/*.ts make the same items; tests/db/kpis.test.ts
-- generates event sets and compares). One item per thing measured: its KPI, a key unique within
-- the KPI, the record behind it, the company day that puts it in a period, its site, department
-- and person, and a value (1 met / 0 missed for rates, the value for averages, null = not
-- decided yet: left out of the figure). A period with no decided item has no figure (null).
--
-- Who sees what (public.kpi_items, public.kpi_figures): the admin head and the executive every
-- item of their sites; a department's head (departments.head_id) their department's; everyone
-- their own (person_id). The functions are security definer because an item may rest on rows
-- the caller cannot read (a head sees the figure of a task given by someone else).

-- A deadline that is a company day: done on or before it is met; not done and past it, missed.
create function private.kpi_by_day(p_due date, p_done_day date, p_today date)
returns numeric
language sql immutable
set search_path = ''
as $$
  select case when p_done_day is not null then (p_done_day <= p_due)::int::numeric
              when p_due < p_today then 0::numeric end;
$$;

-- A deadline that is an instant.
create function private.kpi_by_instant(p_due timestamptz, p_done timestamptz, p_now timestamptz)
returns numeric
language sql immutable
set search_path = ''
as $$
  select case when p_done is not null then (p_done <= p_due)::int::numeric
              when p_due < p_now then 0::numeric end;
$$;

create function private.kpi_department_of(p_person uuid)
returns uuid
language sql stable
set search_path = ''
as $$
  select p.department_id from public.profiles p where p.id = p_person;
$$;

-- 1.2 affairs (done by the due day, summary within 3 working days, scores) and 1.3 督办
-- (each reminder level by its day; first-reminder success). sources/tasks.ts.
create function private.kpi_items_tasks(p_tz text, p_today date)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  with t as (
    select t.*, (t.completed_at at time zone p_tz)::date as done_day,
           coalesce(t.department_id, private.kpi_department_of(t.assignee_id)) as dept
    from public.tasks t
    where t.deleted_at is null and t.status <> 'cancelled'
  ), s as (
    select t.*, private.add_working_days(t.done_day, 3, t.site_id) as summary_due
    from t where t.completed_at is not null
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
    where f.deleted_at is null
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
  union all
  select 'affairs_summary_on_time', s.id::text, s.id, s.summary_due, s.site_id, s.dept, s.assignee_id,
         private.kpi_by_day(s.summary_due, (s.summary_at at time zone p_tz)::date, p_today), s.summary_due::text, s.summary_at
  from s
  union all
  select 'affairs_score', t.id::text, t.id, (t.scored_at at time zone p_tz)::date, t.site_id, t.dept, t.assignee_id,
         t.score::numeric, null, t.scored_at
  from t where t.score is not null and t.scored_at is not null
  union all
  select 'follow_up_reminder_on_time', lv.id::text || ':' || lv.level, lv.id, lv.due, lv.t_site,
         private.kpi_department_of(lv.officer_id), lv.officer_id,
         private.kpi_by_day(lv.due, (lv.done at time zone p_tz)::date, p_today), lv.due::text, lv.done
  from lv
  where lv.prev_given
    and (lv.done is not null
         or not (lv.t_status = 'cancelled' or lv.status <> 'open'
                 or (lv.t_done is not null and (lv.t_done at time zone p_tz)::date <= lv.due)))
  union all
  select 'follow_up_first_success', f.id::text, f.id, (f.first_at at time zone p_tz)::date, f.t_site,
         private.kpi_department_of(f.officer_id), f.officer_id,
         case when f.t_done is not null and (f.second_at is null or f.t_done <= f.second_at) then 1::numeric
              when f.second_at is not null then 0::numeric end,
         null, f.t_done
  from f where f.first_at is not null and f.t_status <> 'cancelled';
$$;

-- 2.x first-pass rates by type; every approval step by the end of the next working day
-- (a step opens with a (re)submission or the approval before it). sources/requests.ts.
create function private.kpi_items_requests(p_tz text, p_today date)
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
    window w as (partition by e.request_id order by e.at, e.id)
  ), steps as (
    select ev.*, private.add_working_days((ev.prev_at at time zone p_tz)::date, 1, ev.r_site) as due
    from ev
    where ev.action in ('approve', 'reject', 'return') and ev.prev_action in ('submit', 'resubmit', 'approve')
  ), waiting as (
    select r.id, r.site_id, private.add_working_days((last.at at time zone p_tz)::date, 1, r.site_id) as due
    from public.requests r
    cross join lateral (
      select e.action, e.at from public.request_events e
      where e.request_id = r.id and e.flag is null and e.deleted_at is null
      order by e.at desc, e.id desc limit 1) last
    where r.deleted_at is null and r.status = 'pending' and last.action in ('submit', 'resubmit', 'approve')
  )
  select case r.type when 'seal_lifecycle' then 'seal_request_first_pass'
                     when 'licence_affair' then 'licence_request_first_pass'
                     else 'seal_use_first_pass' end,
         r.id::text, r.id, (r.decided_at at time zone p_tz)::date, r.site_id,
         coalesce(r.department_id, private.kpi_department_of(r.applicant_id)), r.applicant_id,
         r.first_pass::int::numeric, null, r.decided_at
  from public.requests r
  where r.deleted_at is null and r.type in ('seal_lifecycle', 'licence_affair', 'seal_use')
    and r.decided_at is not null and r.first_pass is not null
  union all
  select 'approval_on_time', s.id::text, s.request_id, s.due, s.r_site, private.kpi_department_of(s.person), s.person,
         private.kpi_by_day(s.due, (s.at at time zone p_tz)::date, p_today), s.due::text, s.at
  from steps s
  union all
  select 'approval_on_time', w.id::text || ':waiting', w.id, w.due, w.site_id, null, null,
         private.kpi_by_day(w.due, null, p_today), w.due::text, null
  from waiting w;
$$;

-- 2.5 外带 / 2.6 借用: each check-out with a due time of a seal or licence, back by then or not.
-- A walk over each asset's events in device-time order (sources/custody.ts).
create function private.kpi_items_custody(p_tz text, p_now timestamptz)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language plpgsql stable
set search_path = ''
as $$
#variable_conflict use_column
declare
  a record;
  e record;
  v_loan uuid;
  v_due timestamptz;
  v_holder uuid;
  v_kpi text;
begin
  for a in select s.id, s.kind, s.site_id from public.assets s where s.kind in ('seal', 'licence') order by s.id loop
    v_kpi := case a.kind when 'seal' then 'seal_returned_on_time' else 'licence_returned_on_time' end;
    v_loan := null;
    for e in
      select c.id, c.type, c.device_time, c.payload from public.custody_events c
      where c.asset_id = a.id and not c.flagged and c.deleted_at is null
      order by c.device_time, c.id
    loop
      if e.type = 'check_out' then
        v_loan := case when coalesce(e.payload ->> 'due_at', '') <> '' then e.id end;
        v_due := nullif(e.payload ->> 'due_at', '')::timestamptz;
        v_holder := nullif(e.payload ->> 'to_person', '')::uuid;
      elsif v_loan is not null and e.type = 'transfer' then
        v_due := coalesce(nullif(e.payload ->> 'due_at', '')::timestamptz, v_due);
        v_holder := coalesce(nullif(e.payload ->> 'to_person', '')::uuid, v_holder);
      elsif v_loan is not null and e.type in ('check_in', 'report_lost', 'retire') then
        kpi := v_kpi; key := v_loan::text; record_id := a.id; day := (v_due at time zone p_tz)::date;
        site_id := a.site_id; department_id := private.kpi_department_of(v_holder); person_id := v_holder;
        due := v_due::text;
        done_at := case when e.type = 'check_in' then e.device_time end;
        value := case when e.type = 'check_in' then private.kpi_by_instant(v_due, e.device_time, p_now) else 0 end;
        return next;
        v_loan := null;
      end if;
    end loop;
    if v_loan is not null then
      kpi := v_kpi; key := v_loan::text; record_id := a.id; day := (v_due at time zone p_tz)::date;
      site_id := a.site_id; department_id := private.kpi_department_of(v_holder); person_id := v_holder;
      due := v_due::text; done_at := null; value := private.kpi_by_instant(v_due, null, p_now);
      return next;
    end if;
  end loop;
end;
$$;

-- 1.4 / 14.x: rectifications fixed by their deadline (a reopened one's old fix does not count),
-- inspection scores of the areas a person or department answers for. sources/checklists.ts.
create function private.kpi_items_checklists(p_tz text, p_now timestamptz)
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable
set search_path = ''
as $$
  select 'rectification_on_time', r.id::text, r.id, (r.due_at at time zone p_tz)::date, a.site_id,
         coalesce(a.department_id, private.kpi_department_of(x.person)), x.person,
         private.kpi_by_instant(r.due_at, x.done, p_now), r.due_at::text, x.done
  from public.rectifications r
  left join public.areas a on a.id = r.area_id
  cross join lateral (select case when r.status in ('fixed', 'closed') then r.fixed_at end as done,
                             coalesce(r.assignee_id, a.responsible_id) as person) x
  where r.deleted_at is null
  union all
  select 'inspection_score', i.id::text, i.id, (i.submitted_at at time zone p_tz)::date, a.site_id,
         coalesce(a.department_id, private.kpi_department_of(x.person)), x.person,
         coalesce(i.server_score, i.score), null, i.submitted_at
  from public.inspections i
  left join public.areas a on a.id = i.area_id
  cross join lateral (select coalesce(i.responsible_id, a.responsible_id) as person) x
  where i.deleted_at is null and coalesce(i.server_score, i.score) is not null;
$$;

create function private.kpi_items(p_now timestamptz)
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
  select i.* from z, private.kpi_items_checklists(z.tz, p_now) i;
$$;

-- The items of a period the caller may see (see the header), for the drill-down.
create function public.kpi_items(p_from date, p_to date, p_now timestamptz default now())
returns table (kpi text, key text, record_id uuid, day date, site_id uuid, department_id uuid, person_id uuid,
               value numeric, due text, done_at timestamptz)
language sql stable security definer
set search_path = ''
as $$
  select i.* from private.kpi_items(p_now) i
  where i.day between p_from and p_to
    and (i.person_id = auth.uid()
         or public.has_role_at('admin_head', i.site_id)
         or public.has_role_at('executive', i.site_id)
         or i.department_id in (select d.id from public.departments d where d.head_id = auth.uid() and d.deleted_at is null));
$$;

-- Every KPI's figure for a period, for the whole of what the caller may see or narrowed to a
-- department or a person: value null when nothing is decided (figures.ts figureOf).
create function public.kpi_figures(p_from date, p_to date, p_department uuid default null, p_person uuid default null,
                                   p_now timestamptz default now())
returns table (kpi text, value numeric, decided int, met numeric, pending int)
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
         (pg_catalog.count(*) - pg_catalog.count(i.value))::int
  from public.kpi_items(p_from, p_to, p_now) i
  where (p_department is null or i.department_id = p_department)
    and (p_person is null or i.person_id = p_person)
  group by i.kpi;
$$;

revoke execute on function private.kpi_by_day(date, date, date) from public, anon, authenticated;
revoke execute on function private.kpi_by_instant(timestamptz, timestamptz, timestamptz) from public, anon, authenticated;
revoke execute on function private.kpi_department_of(uuid) from public, anon, authenticated;
revoke execute on function private.kpi_items_tasks(text, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_requests(text, date) from public, anon, authenticated;
revoke execute on function private.kpi_items_custody(text, timestamptz) from public, anon, authenticated;
revoke execute on function private.kpi_items_checklists(text, timestamptz) from public, anon, authenticated;
revoke execute on function private.kpi_items(timestamptz) from public, anon, authenticated;
revoke execute on function public.kpi_items(date, date, timestamptz) from public, anon;
revoke execute on function public.kpi_figures(date, date, uuid, uuid, timestamptz) from public, anon;
grant execute on function public.kpi_items(date, date, timestamptz) to authenticated;
grant execute on function public.kpi_figures(date, date, uuid, uuid, timestamptz) to authenticated;
