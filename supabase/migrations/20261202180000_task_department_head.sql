-- The department head (部门负责人, departments.head_id) as the first escalation level above the
-- task's giver (issue 11; manual 1.2 nodes 6-7: the person above → ... → 行政部长 → 执行长):
--   supervisor (the giver) → department_head (the head of the task's department) → admin_head → executive.
-- The head is a person on the department row, not a role. The step is skipped when it reaches nobody
-- new: the task has no department, the department has no head, or the head is the task's giver or
-- its assignee. The escalate fact records the level it reaches ('to', added here by the server and
-- kept in task_events.data), so a refold never changes where an old escalation went when a head
-- changes later; an escalate fact from before this step (no 'to') folds as it did then.
-- The device's twin: escalationTarget (src/features/tasks/domain/actors.ts) and escalatedTo (machine.ts).
--
-- A department head also sees their department's tasks (the issue's RLS: "a department head their
-- department's"), resolves a problem at the giver's level or their own, and is pushed a problem
-- waiting at their level. Re-created here: private.task_derive (the escalate branch only),
-- private.task_record (adds 'to'), private.task_handles_problem, private.can_see_task, the tasks
-- policy and private.due_reminders (the new level: 1 giver, 2 部门负责人, 3 行政部长, 4 执行长).

alter table public.tasks drop constraint tasks_escalation_level_check;
alter table public.tasks add constraint tasks_escalation_level_check
  check (escalation_level in ('supervisor', 'department_head', 'admin_head', 'executive'));

-- The head of the task's department, if it has one (null when the task has no department).
create function private.task_department_head(t public.tasks)
returns uuid
language sql stable
set search_path = ''
as $$
  select d.head_id from public.departments d where d.id = t.department_id and d.deleted_at is null;
$$;
revoke execute on function private.task_department_head(public.tasks) from public, anon, authenticated;

-- Where an escalation from the problem's level goes (domain escalationTarget): one level up, past the
-- department head's step when the department has no head or its head gave the task or carries it out.
create function private.task_escalation_target(t public.tasks)
returns text
language sql stable
set search_path = ''
as $$
  select case t.escalation_level
    when 'supervisor' then case when private.task_department_head(t) is not null
                                 and private.task_department_head(t) is distinct from t.assigner_id
                                 and private.task_department_head(t) is distinct from t.assignee_id
                                then 'department_head' else 'admin_head' end
    when 'department_head' then 'admin_head'
    when 'admin_head' then 'executive'
    else null end;
$$;
revoke execute on function private.task_escalation_target(public.tasks) from public, anon, authenticated;

-- The one the problem waits on, or anyone above them (never below).
create or replace function private.task_handles_problem(t public.tasks)
returns boolean
language sql stable
set search_path = ''
as $$
  select case t.escalation_level
    when 'supervisor' then private.task_in_line(t) or private.task_department_head(t) = auth.uid()
    when 'department_head' then private.task_department_head(t) = auth.uid()
      or public.has_role_at('admin_head', t.site_id) or public.has_role_at('executive', t.site_id)
    when 'admin_head' then public.has_role_at('admin_head', t.site_id) or public.has_role_at('executive', t.site_id)
    when 'executive' then public.has_role_at('executive', t.site_id)
    else false end;
$$;

-- Records one fact (idempotent by its id) and refolds the task. An escalation records the level it
-- reaches ('to'); a retried escalate op is the same act whatever level it would reach now.
create or replace function private.task_record(p_event_id uuid, p_task_id uuid, p_follow_up_id uuid, p_type text, p_data jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_existing record;
  v_flagged boolean;
  v_data jsonb := p_data;
  v_to text;
begin
  select x.task_id, x.follow_up_id, x.type, x.actor_id, x.data into v_existing from public.task_events x where x.id = p_event_id;
  if found then
    if (v_existing.task_id, v_existing.follow_up_id, v_existing.type, v_existing.actor_id, v_existing.data - 'to')
       is distinct from (p_task_id, p_follow_up_id, p_type, auth.uid(), p_data - 'to') then
      perform private.sync_refuse('invalid', 'id: a different act was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  if p_type = 'escalate' then
    select private.task_escalation_target(t) into v_to from public.tasks t where t.id = p_task_id and t.status = 'problem';
    v_data := (p_data - 'to') || case when v_to is null then '{}'::jsonb else pg_catalog.jsonb_build_object('to', v_to) end;
  end if;
  insert into public.task_events (id, task_id, follow_up_id, type, actor_id, device_time, data)
  values (p_event_id, p_task_id, p_follow_up_id, p_type, auth.uid(), private.sync_op_device_time(), v_data);
  perform private.task_derive(p_task_id);
  select x.flagged into v_flagged from public.task_events x where x.id = p_event_id;
  if v_flagged then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.format(
      'task: %s does not fit its state at that time (kept; status %s)', p_type,
      (select t.status from public.tasks t where t.id = p_task_id)));
  end if;
  return '{}'::jsonb;
end;
$$;

create or replace function private.task_derive(p_task_id uuid)
returns void
language plpgsql
set search_path = ''
as $$
declare
  t public.tasks;
  o public.tasks;
  e record;
  ok boolean;
  v_open boolean;
  v_to uuid;
  v_from_ok boolean;
  v_to_ok boolean;
  v_sheets jsonb := '{}';
  f jsonb;
  v_id text;
  v_rank int;
  v_level text;
  v_levels text[] := array['supervisor', 'department_head', 'admin_head', 'executive'];
begin
  select * into o from public.tasks x where x.id = p_task_id for update;
  if not found then
    return;
  end if;
  t := o;
  -- The task as assigned.
  t.assignee_id := o.assigned_to; t.due_on := o.assigned_due_on; t.status := 'assigned'; t.resume_status := null;
  t.accepted_at := null; t.problem_note := null; t.problem_at := null; t.escalation_level := null;
  t.handover_from := null; t.handover_to := null; t.handover_note := null;
  t.handover_from_ok := false; t.handover_to_ok := false; t.last_progress_at := null;
  t.completed_at := null; t.report := null; t.report_photo_ids := '{}'; t.summary := null; t.summary_at := null;
  t.score := null; t.score_note := null; t.scored_by := null; t.scored_at := null;
  t.follow_up_id := null; t.officer_id := null;

  for e in
    select x.id, x.type, x.actor_id, x.device_time, x.data d, x.follow_up_id, x.flagged
    from public.task_events x where x.task_id = p_task_id and x.deleted_at is null
    order by x.device_time, x.server_time, x.id
  loop
    ok := false;
    v_open := t.status in ('assigned', 'accepted', 'problem', 'handover');
    case e.type
      when 'accept' then
        if t.status = 'assigned' then
          t.status := 'accepted'; t.accepted_at := e.device_time; t.assignee_id := coalesce(t.assignee_id, e.actor_id);
          ok := true;
        end if;
      when 'raise' then
        if t.status in ('assigned', 'accepted') then
          t.resume_status := t.status; t.status := 'problem'; t.assignee_id := coalesce(t.assignee_id, e.actor_id);
          t.problem_note := e.d ->> 'note'; t.problem_at := e.device_time; t.escalation_level := t.assigner_level;
          ok := true;
        end if;
      when 'escalate' then
        if t.status = 'problem' then
          -- The level the fact records (decided when it was made), if above; a fact from before the
          -- department head's step (no 'to') goes where it went then: the giver → 行政部长 → 执行长.
          v_level := case when e.d ? 'to' then
                          case when pg_catalog.array_position(v_levels, e.d ->> 'to') > pg_catalog.array_position(v_levels, t.escalation_level)
                               then e.d ->> 'to' end
                          else case t.escalation_level when 'executive' then null when 'admin_head' then 'executive' else 'admin_head' end end;
          if v_level is not null then
            t.escalation_level := v_level;
            ok := true;
          end if;
        end if;
      when 'resolve' then
        if t.status = 'problem' then
          t.status := coalesce(t.resume_status, 'assigned'); t.resume_status := null; t.escalation_level := null;
          t.due_on := coalesce((e.d ->> 'due_on')::date, t.due_on);
          ok := true;
        end if;
      when 'progress' then
        if t.status in ('accepted', 'problem') then
          t.last_progress_at := e.device_time;
          ok := true;
        end if;
      when 'handover' then
        v_to := (e.d ->> 'to_id')::uuid;
        if t.status in ('assigned', 'accepted', 'problem') and v_to is distinct from t.assignee_id then
          t.resume_status := case when t.status = 'problem' then t.resume_status else t.status end;
          t.status := 'handover'; t.escalation_level := null;
          t.handover_from := t.assignee_id; t.handover_to := v_to; t.handover_note := e.d ->> 'note';
          t.handover_from_ok := t.assignee_id is null; t.handover_to_ok := false;
          t.due_on := coalesce((e.d ->> 'due_on')::date, t.due_on);
          ok := true;
        end if;
      when 'handover_confirm' then
        if t.status = 'handover' then
          v_from_ok := t.handover_from_ok or e.actor_id = t.handover_from;
          v_to_ok := t.handover_to_ok or e.actor_id = t.handover_to;
          if (v_from_ok, v_to_ok) is distinct from (t.handover_from_ok, t.handover_to_ok) then
            ok := true;
            if v_from_ok and v_to_ok then
              -- Both confirmed the written record: the new assignee carries on.
              t.status := 'accepted'; t.resume_status := null; t.assignee_id := t.handover_to; t.accepted_at := e.device_time;
              t.handover_from := null; t.handover_to := null; t.handover_from_ok := false; t.handover_to_ok := false;
            else
              t.handover_from_ok := v_from_ok; t.handover_to_ok := v_to_ok;
            end if;
          end if;
        end if;
      when 'complete' then
        if t.status = 'accepted' then
          t.status := 'completed'; t.completed_at := e.device_time; t.report := e.d ->> 'report';
          t.report_photo_ids := coalesce((select pg_catalog.array_agg(x::uuid) from pg_catalog.jsonb_array_elements_text(e.d -> 'photo_ids') x), '{}');
          ok := true;
        end if;
      when 'summary' then
        if t.status in ('completed', 'scored') and t.summary is null then
          t.summary := e.d ->> 'summary'; t.summary_at := e.device_time;
          ok := true;
        end if;
      when 'score' then
        if t.status = 'completed' then
          t.status := 'scored'; t.score := (e.d ->> 'score')::int; t.score_note := e.d ->> 'note';
          t.scored_by := e.actor_id; t.scored_at := e.device_time;
          ok := true;
        end if;
      when 'cancel' then
        if v_open then
          t.status := 'cancelled'; t.escalation_level := null;
          -- A cancelled handover is no longer pending.
          t.handover_to := null; t.handover_from := null; t.handover_from_ok := false; t.handover_to_ok := false;
          ok := true;
        end if;
      when 'follow_up' then
        v_id := e.follow_up_id::text;
        if v_open and not v_sheets ? v_id
           and (t.follow_up_id is null or v_sheets #>> array[t.follow_up_id::text, 'status'] <> 'open') then
          v_sheets := v_sheets || pg_catalog.jsonb_build_object(v_id, pg_catalog.jsonb_build_object(
            'id', e.follow_up_id, 'task_id', p_task_id, 'site_id', t.site_id, 'opened_by', e.actor_id,
            'officer_id', e.d ->> 'officer_id', 'reason', e.d ->> 'reason', 'instructions', e.d ->> 'instructions',
            'opened_at', e.device_time, 'level', 0, 'status', 'open'));
          t.follow_up_id := e.follow_up_id; t.officer_id := (e.d ->> 'officer_id')::uuid;
          ok := true;
        end if;
      when 'remind' then
        v_id := e.follow_up_id::text;
        f := v_sheets -> v_id;
        v_rank := case e.d ->> 'level' when 'first' then 1 when 'second' then 2 else 3 end;
        if f is not null and f ->> 'status' = 'open' and v_open and v_rank = (f ->> 'level')::int + 1 then
          f := f || pg_catalog.jsonb_build_object('level', v_rank, 'next_on', e.d -> 'next_on')
                 || case v_rank
                      when 1 then pg_catalog.jsonb_build_object('first_at', e.d -> 'reminded_at')
                      when 2 then pg_catalog.jsonb_build_object('second_at', e.d -> 'reminded_at', 'reported_to', e.d -> 'reported_to')
                      else pg_catalog.jsonb_build_object('final_at', e.d -> 'reminded_at', 'penalty', e.d -> 'penalty') end;
          v_sheets := v_sheets || pg_catalog.jsonb_build_object(v_id, f);
          ok := true;
        end if;
      when 'review' then
        v_id := e.follow_up_id::text;
        f := v_sheets -> v_id;
        if f is not null and e.d ->> 'step' = 'review' and f ->> 'status' = 'open' and not v_open then
          f := f || pg_catalog.jsonb_build_object('status', 'reviewed', 'reviewed_by', e.actor_id,
            'reviewed_at', e.device_time, 'review_note', e.d -> 'note');
          ok := true;
        elsif f is not null and e.d ->> 'step' = 'approve' and f ->> 'status' = 'reviewed' then
          f := f || pg_catalog.jsonb_build_object('status', 'approved', 'approved_by', e.actor_id, 'approved_at', e.device_time);
          ok := true;
        end if;
        if ok then
          v_sheets := v_sheets || pg_catalog.jsonb_build_object(v_id, f);
        end if;
    end case;
    if e.flagged is distinct from not ok then
      update public.task_events x set flagged = not ok where x.id = e.id;
    end if;
  end loop;

  if (t.*) is distinct from (o.*) then
    update public.tasks x set
      assignee_id = t.assignee_id, due_on = t.due_on, status = t.status, resume_status = t.resume_status,
      accepted_at = t.accepted_at, problem_note = t.problem_note, problem_at = t.problem_at,
      escalation_level = t.escalation_level, handover_from = t.handover_from, handover_to = t.handover_to,
      handover_note = t.handover_note, handover_from_ok = t.handover_from_ok, handover_to_ok = t.handover_to_ok,
      last_progress_at = t.last_progress_at, completed_at = t.completed_at, report = t.report,
      report_photo_ids = t.report_photo_ids, summary = t.summary, summary_at = t.summary_at, score = t.score,
      score_note = t.score_note, scored_by = t.scored_by, scored_at = t.scored_at,
      follow_up_id = t.follow_up_id, officer_id = t.officer_id
    where x.id = p_task_id;
  end if;

  -- The sheets as folded; a sheet whose opening no longer fits is tombstoned (its facts stay, flagged).
  for f in select s.value from pg_catalog.jsonb_each(v_sheets) s loop
    insert into public.follow_ups as x (id, task_id, site_id, opened_by, officer_id, reason, instructions, opened_at,
      level, first_at, second_at, final_at, reported_to, penalty, next_on, status, reviewed_by, reviewed_at,
      review_note, approved_by, approved_at, deleted_at)
    select r.id, r.task_id, r.site_id, r.opened_by, r.officer_id, r.reason, r.instructions, r.opened_at,
      r.level, r.first_at, r.second_at, r.final_at, r.reported_to, r.penalty, r.next_on, r.status, r.reviewed_by,
      r.reviewed_at, r.review_note, r.approved_by, r.approved_at, null
    from pg_catalog.jsonb_populate_record(null::public.follow_ups, f) r
    on conflict (id) do update set
      officer_id = excluded.officer_id, reason = excluded.reason, instructions = excluded.instructions,
      opened_at = excluded.opened_at, level = excluded.level, first_at = excluded.first_at,
      second_at = excluded.second_at, final_at = excluded.final_at, reported_to = excluded.reported_to,
      penalty = excluded.penalty, next_on = excluded.next_on, status = excluded.status,
      reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at, review_note = excluded.review_note,
      approved_by = excluded.approved_by, approved_at = excluded.approved_at, deleted_at = null
    where (x.officer_id, x.reason, x.instructions, x.opened_at, x.level, x.first_at, x.second_at, x.final_at,
           x.reported_to, x.penalty, x.next_on, x.status, x.reviewed_by, x.reviewed_at, x.review_note,
           x.approved_by, x.approved_at, x.deleted_at)
      is distinct from
          (excluded.officer_id, excluded.reason, excluded.instructions, excluded.opened_at, excluded.level,
           excluded.first_at, excluded.second_at, excluded.final_at, excluded.reported_to, excluded.penalty,
           excluded.next_on, excluded.status, excluded.reviewed_by, excluded.reviewed_at, excluded.review_note,
           excluded.approved_by, excluded.approved_at, null::timestamptz);
  end loop;
  update public.follow_ups x set deleted_at = pg_catalog.now()
  where x.task_id = p_task_id and x.deleted_at is null and not v_sheets ? x.id::text;
end;
$$;

revoke execute on function private.task_derive(uuid) from public, anon, authenticated;

-- Who reads a task: as before (20261202030100), and the head of its department.
drop policy tasks_select on public.tasks;
create policy tasks_select on public.tasks for select to authenticated
  using (
    assignee_id = (select auth.uid())
    or assigner_id = (select auth.uid())
    or handover_to = (select auth.uid())
    or officer_id = (select auth.uid())
    or (select auth.uid()) = any (co_assignee_ids)
    or (assignee_id is null and department_id = (select p.department_id from public.profiles p where p.id = (select auth.uid())))
    or department_id = any ((
      select coalesce(array_agg(d.id), '{}') from public.departments d
      where d.head_id = (select auth.uid()) and d.deleted_at is null
    )::uuid[])
    or site_id = any ((
      select coalesce(array_agg(s.id), '{}') from public.sites s
      where exists (
        select 1 from public.user_roles r
        where r.user_id = (select auth.uid()) and r.deleted_at is null
          and r.role in ('admin_head', 'executive')
          and (r.site_id is null or r.site_id = s.id))
    )::uuid[])
  );

create or replace function private.can_see_task(p_task_id uuid)
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
           or private.task_department_head(t) = auth.uid()
           or public.has_role_at('admin_head', t.site_id)
           or public.has_role_at('executive', t.site_id))
  );
$$;

-- Due reminders as in 20261202100100; a problem at the department head's level goes to the head.
create or replace function private.due_reminders(p_now timestamptz)
returns table (reminder_key text, kind text, task_id uuid, title text, due_on date, level int, user_id uuid,
  department_id uuid, site_id uuid)
language sql stable
set search_path = ''
as $$
  with today as (
    select (p_now at time zone coalesce((select c.timezone from public.company c where c.deleted_at is null limit 1), 'Asia/Shanghai'))::date as d
  ),
  open_tasks as (
    select t.* from public.tasks t
    where t.deleted_at is null and t.assignee_id is not null and t.status in ('assigned', 'accepted', 'problem', 'handover')
  )
  select 'assigned:' || t.id || ':' || t.assignee_id, 'assigned', t.id, t.title, t.due_on, null::int, t.assignee_id, t.department_id, t.site_id
  from open_tasks t where t.status = 'assigned'
  union all
  select 'dueToday:' || t.id || ':' || t.due_on, 'dueToday', t.id, t.title, t.due_on, null, t.assignee_id, t.department_id, t.site_id
  from open_tasks t, today where t.due_on = today.d
  union all
  select 'overdue:' || t.id || ':' || t.due_on, 'overdue', t.id, t.title, t.due_on, null, t.assignee_id, t.department_id, t.site_id
  from open_tasks t, today where t.due_on < today.d
  union all
  select 'remind:' || f.id || ':' || f.level, 'reminded', t.id, t.title, t.due_on, f.level, t.assignee_id, t.department_id, t.site_id
  from public.follow_ups f join open_tasks t on t.id = f.task_id
  where f.deleted_at is null and f.status = 'open' and f.level >= 1
  union all
  -- 1 = the person above (the giver), 2 = 部门负责人, 3 = 行政部长, 4 = 执行长: the level the problem stands at.
  select 'problem:' || t.id || ':' || t.escalation_level || ':' || pg_catalog.to_char(t.problem_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS'),
    'problem', t.id, t.title, t.due_on,
    case t.escalation_level when 'supervisor' then 1 when 'department_head' then 2 when 'admin_head' then 3 else 4 end,
    h.user_id, t.department_id, t.site_id
  from public.tasks t
  cross join lateral (
    select t.assigner_id as user_id where t.escalation_level = 'supervisor'
    union
    select d.head_id from public.departments d
    where t.escalation_level = 'department_head' and d.id = t.department_id and d.deleted_at is null and d.head_id is not null
    union
    select r.user_id from public.user_roles r
    where t.escalation_level in ('admin_head', 'executive') and r.deleted_at is null and r.role = t.escalation_level
      and (r.site_id is null or r.site_id = t.site_id)
  ) h
  where t.deleted_at is null and t.status = 'problem' and t.problem_at is not null;
$$;

revoke execute on function private.due_reminders(timestamptz) from public, anon, authenticated;
