-- An overdue task goes up the line by itself (issue 11; manual 1.2 nodes 6-7: the person above →
-- 部门负责人 → 行政部长 → 执行长, one level at a time). The device's twin is
-- src/features/tasks/domain/lateEscalation.ts; both must agree:
--   an open task not in 'problem' (assigned, accepted, handover) that is 2 working days past its
--   deadline (working days after the due day up to and including today, on the company calendar at
--   the task's site: private.is_working_day) stands at the first level a raised problem would go to
--   (its assigner_level: whoever gave it), and every 2 working days more, one level up on the same
--   ladder (private.task_escalation_target: the department head's step skipped when it reaches
--   nobody new), up to 执行长.
-- Nothing is recorded: the level is computed from the deadline and today. Everyone at a level already
-- sees the task (the giver, the department head, the site's 行政部长, 执行长: the tasks policy of
-- 20261202180000), so no policy changes. The reminder sender is told once per level and deadline
-- (kind 'late', key late:<task>:<level>:<due_on>), to the same people a problem at that level goes
-- to (private.task_level_people, now shared by both branches of private.due_reminders).

-- Levels gone up (0..4): working days after p_due up to p_today, 2 a level, counted no further than needed.
create function private.task_late_steps(p_due date, p_today date, p_site uuid)
returns int
language plpgsql stable
set search_path = ''
as $$
declare
  v_step constant int := 2;
  v_late int := 0;
  v_day date := p_due + 1;
begin
  while v_day <= p_today and v_late < 4 * v_step loop
    if private.is_working_day(v_day, p_site) then
      v_late := v_late + 1;
    end if;
    v_day := v_day + 1;
  end loop;
  return v_late / v_step;
end;
$$;

-- The level an overdue task stands at on p_today, or null (domain lateLevel).
create function private.task_late_level(t public.tasks, p_today date)
returns text
language plpgsql stable
set search_path = ''
as $$
declare
  v_steps int;
  v_level text;
  v_up text;
begin
  if t.deleted_at is not null or t.status not in ('assigned', 'accepted', 'handover') or t.due_on >= p_today then
    return null;
  end if;
  v_steps := private.task_late_steps(t.due_on, p_today, t.site_id);
  if v_steps < 1 then
    return null;
  end if;
  v_level := t.assigner_level;
  for i in 2..v_steps loop
    t.escalation_level := v_level;
    v_up := private.task_escalation_target(t);
    exit when v_up is null;
    v_level := v_up;
  end loop;
  return v_level;
end;
$$;

-- Who handles a task at a level: the giver; the head of its department; every 行政部长 of its site;
-- every 执行长 (a role with site null holds at every site).
create function private.task_level_people(t public.tasks, p_level text)
returns setof uuid
language sql stable
set search_path = ''
as $$
  select t.assigner_id where p_level = 'supervisor'
  union
  select d.head_id from public.departments d
  where p_level = 'department_head' and d.id = t.department_id and d.deleted_at is null and d.head_id is not null
  union
  select r.user_id from public.user_roles r
  where p_level in ('admin_head', 'executive') and r.deleted_at is null and r.role = p_level
    and (r.site_id is null or r.site_id = t.site_id);
$$;

revoke execute on function private.task_late_steps(date, date, uuid) from public, anon, authenticated;
revoke execute on function private.task_late_level(public.tasks, date) from public, anon, authenticated;
revoke execute on function private.task_level_people(public.tasks, text) from public, anon, authenticated;

-- Due reminders as in 20261202180000, the problem's people from private.task_level_people, and the
-- overdue tasks gone up the line ('late'; level 1 the giver, 2 部门负责人, 3 行政部长, 4 执行长).
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
  cross join lateral private.task_level_people(t, t.escalation_level) h(user_id)
  where t.deleted_at is null and t.status = 'problem' and t.problem_at is not null
  union all
  -- Overdue and gone up the line by itself: once per level and deadline, to whoever is at that level.
  select 'late:' || t.id || ':' || l.level || ':' || t.due_on, 'late', t.id, t.title, t.due_on,
    case l.level when 'supervisor' then 1 when 'department_head' then 2 when 'admin_head' then 3 else 4 end,
    h.user_id, t.department_id, t.site_id
  from public.tasks t
  cross join today
  cross join lateral (select private.task_late_level(t, today.d) as level) l
  cross join lateral private.task_level_people(t, l.level) h(user_id)
  -- 2 working days late are at least 2 days.
  where t.deleted_at is null and t.status in ('assigned', 'accepted', 'handover') and t.due_on <= today.d - 2
    and l.level is not null;
$$;

revoke execute on function private.due_reminders(timestamptz) from public, anon, authenticated;
