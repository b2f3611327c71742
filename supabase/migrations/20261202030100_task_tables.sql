-- The tasks engine (issue 11; manual 1.2 行政事务处理, 1.3 行政督办): tasks, their append-only
-- facts (task_events), the 督办 sheets (follow_ups) derived from those facts, and the company
-- calendar's own days (calendar_days; issue 12 point 8). The pure reference is
-- src/features/tasks/domain (machine.ts is private.task_derive's twin) and
-- src/shared/lib/calendar. Column names match src/platform/db/rows/tasks.ts.
-- Written only by the op kinds of 20261202030300; clients read through RLS.
--
-- There is no department-head role yet: "the person above" an assignee is whoever gave the
-- task (assigner_level 'supervisor'), then the admin head of the task's site, then the
-- executive. A department's task (assignee_id null) is seen by its members until one accepts.

create table public.tasks (
  id uuid primary key,
  site_id uuid not null references public.sites (id),
  title text not null check (char_length(btrim(title)) between 1 and 200),
  source text not null check (source in ('instruction', 'resolution', 'document', 'inspection')),
  source_ref text check (char_length(source_ref) between 1 and 200),
  assigner_id uuid not null references public.profiles (id),
  assigner_level text not null check (assigner_level in ('supervisor', 'admin_head', 'executive')),
  -- Creation facts: the person (or only the department) the task was given to, the deadline given.
  assigned_to uuid references public.profiles (id),
  department_id uuid references public.departments (id),
  co_assignee_ids uuid[] not null default '{}' check (cardinality(co_assignee_ids) <= 10),
  method text check (char_length(method) <= 2000),
  assigned_due_on date not null,
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  assigned_at timestamptz not null,
  -- Derived by private.task_derive from task_events (never written by clients).
  assignee_id uuid references public.profiles (id),
  due_on date not null,
  status text not null default 'assigned'
    check (status in ('assigned', 'accepted', 'problem', 'handover', 'completed', 'scored', 'cancelled')),
  resume_status text check (resume_status in ('assigned', 'accepted')),
  accepted_at timestamptz,
  problem_note text check (char_length(problem_note) <= 1000),
  problem_at timestamptz,
  escalation_level text check (escalation_level in ('supervisor', 'admin_head', 'executive')),
  handover_from uuid references public.profiles (id),
  handover_to uuid references public.profiles (id),
  handover_note text check (char_length(handover_note) <= 4000),
  handover_from_ok boolean not null default false,
  handover_to_ok boolean not null default false,
  last_progress_at timestamptz,
  completed_at timestamptz,
  report text check (char_length(report) <= 4000),
  report_photo_ids uuid[] not null default '{}' check (cardinality(report_photo_ids) <= 10),
  summary text check (char_length(summary) <= 4000),
  summary_at timestamptz,
  score int check (score between 0 and 100),
  score_note text check (char_length(score_note) <= 1000),
  scored_by uuid references public.profiles (id),
  scored_at timestamptz,
  -- The current 督办 sheet and its officer (the officer reads the task through this).
  follow_up_id uuid,
  officer_id uuid references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (assigned_to is not null or department_id is not null),
  check (not (assigned_to = any (co_assignee_ids))),
  check ((status = 'problem') = (escalation_level is not null)),
  check ((status = 'handover') = (handover_to is not null)),
  check ((status = 'scored') = (score is not null)),
  check ((completed_at is not null) = (status in ('completed', 'scored')))
);
create index tasks_assignee_id_idx on public.tasks (assignee_id) where assignee_id is not null;
create index tasks_assigner_id_idx on public.tasks (assigner_id);
create index tasks_department_id_idx on public.tasks (department_id) where department_id is not null;
create index tasks_site_status_idx on public.tasks (site_id, status);
create index tasks_officer_id_idx on public.tasks (officer_id) where officer_id is not null;
create index tasks_handover_to_idx on public.tasks (handover_to) where handover_to is not null;
create index tasks_co_assignees_idx on public.tasks using gin (co_assignee_ids);
create index tasks_row_xid_idx on public.tasks (row_xid, id);

-- The facts: one row per act, append-only except the derived `flagged` (the act did not fit the
-- task's state at its device time: kept anyway, DESIGN.md invariant 2). Synced, for the timeline.
-- data = the op's payload without task_id (and type), validated by its op kind.
create table public.task_events (
  id uuid primary key,
  task_id uuid not null references public.tasks (id),
  follow_up_id uuid,
  type text not null check (type in ('accept', 'raise', 'escalate', 'resolve', 'progress', 'handover',
    'handover_confirm', 'complete', 'summary', 'score', 'cancel', 'follow_up', 'remind', 'review')),
  actor_id uuid not null references public.profiles (id),
  device_time timestamptz not null,
  server_time timestamptz not null default now(),
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  flagged boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((type in ('follow_up', 'remind', 'review')) = (follow_up_id is not null))
);
create index task_events_order_idx on public.task_events (task_id, device_time, server_time, id);
create index task_events_row_xid_idx on public.task_events (row_xid, id);

-- 督办单: derived from the task's follow_up / remind / review facts by private.task_derive.
-- site_id is the task's (the policy reads it without going through tasks).
create table public.follow_ups (
  id uuid primary key,
  task_id uuid not null references public.tasks (id),
  site_id uuid not null references public.sites (id),
  opened_by uuid not null references public.profiles (id),
  officer_id uuid not null references public.profiles (id),
  reason text not null check (reason in ('late', 'important')),
  instructions text not null check (char_length(btrim(instructions)) between 1 and 1000),
  opened_at timestamptz not null,
  level int not null default 0 check (level between 0 and 3),
  first_at timestamptz,
  second_at timestamptz,
  final_at timestamptz,
  reported_to uuid references public.profiles (id),
  penalty text check (char_length(penalty) <= 1000),
  next_on date,
  status text not null default 'open' check (status in ('open', 'reviewed', 'approved')),
  reviewed_by uuid references public.profiles (id),
  reviewed_at timestamptz,
  review_note text check (char_length(review_note) <= 1000),
  approved_by uuid references public.profiles (id),
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((level >= 1) = (first_at is not null)),
  check ((level >= 2) = (second_at is not null)),
  check ((level = 3) = (final_at is not null)),
  check (level < 3 or penalty is not null),
  check (level < 2 or reported_to is not null)
);
create index follow_ups_task_id_idx on public.follow_ups (task_id);
create index follow_ups_officer_id_idx on public.follow_ups (officer_id);
create index follow_ups_site_id_idx on public.follow_ups (site_id);
create index follow_ups_row_xid_idx on public.follow_ups (row_xid, id);

-- The company calendar's own days: a company day off or working day (site_id null), or a
-- site's. The statutory holidays and make-up days come with the app (chinese-days data).
create table public.calendar_days (
  id uuid primary key,
  day date not null,
  site_id uuid references public.sites (id),
  kind text not null check (kind in ('off', 'work')),
  note text check (char_length(note) <= 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create unique index calendar_days_day_site_live_key on public.calendar_days (day, site_id)
  nulls not distinct where deleted_at is null;
create index calendar_days_row_xid_idx on public.calendar_days (row_xid, id);

-- A fact never changes (its derived `flagged` and the sync stamps may).
create function private.tg_task_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.task_id, new.follow_up_id, new.type, new.actor_id, new.device_time, new.server_time,
          new.data, new.created_at, new.deleted_at)
         is not distinct from
         (old.id, old.task_id, old.follow_up_id, old.type, old.actor_id, old.device_time, old.server_time,
          old.data, old.created_at, old.deleted_at) then
    return new;
  end if;
  raise exception 'task_events is append-only (% refused)', pg_catalog.lower(tg_op) using errcode = 'P0001';
end;
$$;
revoke execute on function private.tg_task_events_append_only() from public, anon, authenticated;

create trigger task_events_append_only before update or delete on public.task_events
  for each row execute function private.tg_task_events_append_only();
create trigger task_events_no_truncate before truncate on public.task_events
  for each statement execute function private.tg_append_only();

create trigger stamp_sync_row before insert or update on public.tasks
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.task_events
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.follow_ups
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.calendar_days
  for each row execute function private.tg_stamp_sync_row();

create trigger audit_row after insert or update or delete on public.tasks
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.task_events
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.follow_ups
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.calendar_days
  for each row execute function private.tg_audit_row();

alter table public.tasks enable row level security;
alter table public.task_events enable row level security;
alter table public.follow_ups enable row level security;
alter table public.calendar_days enable row level security;

-- Who reads what (issue 11 "RLS"):
-- - a task: its assignee, co-assignees, the person it is being handed to, its giver, the
--   officer of its current 督办 sheet, the members of its department while nobody has taken
--   it, and the admin head and the executive of its site (a role with site_id null holds at
--   every site). No department-head role exists yet, so a department's head sees nothing more.
-- - its facts follow the task; a 督办 sheet: its officer, its site's admin head and executive,
--   and whoever sees its task; calendar days: every signed-in user.
-- The site list and the caller's department are initplans (once per query, not per row).
create policy tasks_select on public.tasks for select to authenticated
  using (
    assignee_id = (select auth.uid())
    or assigner_id = (select auth.uid())
    or handover_to = (select auth.uid())
    or officer_id = (select auth.uid())
    or (select auth.uid()) = any (co_assignee_ids)
    or (assignee_id is null and department_id = (select p.department_id from public.profiles p where p.id = (select auth.uid())))
    or site_id = any ((
      select coalesce(array_agg(s.id), '{}') from public.sites s
      where exists (
        select 1 from public.user_roles r
        where r.user_id = (select auth.uid()) and r.deleted_at is null
          and r.role in ('admin_head', 'executive')
          and (r.site_id is null or r.site_id = s.id))
    )::uuid[])
  );

create policy task_events_select on public.task_events for select to authenticated
  using (exists (select 1 from public.tasks t where t.id = task_events.task_id));

create policy follow_ups_select on public.follow_ups for select to authenticated
  using (
    officer_id = (select auth.uid())
    or exists (select 1 from public.tasks t where t.id = follow_ups.task_id)
  );

create policy calendar_days_select on public.calendar_days for select to authenticated
  using ((select auth.uid()) is not null);

-- The same rules for the definer side (apply functions run past RLS).
-- tests/db/tasks.test.ts checks they agree with the policies.
create function private.can_see_task(p_task_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.tasks t
    where t.id = p_task_id
      and (t.assignee_id = auth.uid() or t.assigner_id = auth.uid() or t.handover_to = auth.uid()
           or t.officer_id = auth.uid() or auth.uid() = any (t.co_assignee_ids)
           or (t.assignee_id is null and t.department_id =
               (select p.department_id from public.profiles p where p.id = auth.uid()))
           or public.has_role_at('admin_head', t.site_id)
           or public.has_role_at('executive', t.site_id))
  );
$$;

create function private.can_see_task_event(p_event_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from public.task_events e where e.id = p_event_id and private.can_see_task(e.task_id));
$$;

revoke execute on function private.can_see_task(uuid) from public, anon, authenticated;
revoke execute on function private.can_see_task_event(uuid) from public, anon, authenticated;

-- Clients read through RLS; writes go through sync_push.
revoke all on public.tasks, public.task_events, public.follow_ups, public.calendar_days from anon, authenticated;
grant select on public.tasks, public.task_events, public.follow_ups, public.calendar_days to authenticated;
