-- Raised problems reach whoever must handle them (issue 11, manual 1.2 nodes 6-7, 1.3 node 4): a task
-- in 'problem' is due as a reminder of kind 'problem' to the people at its current escalation level,
-- the same way the other reminders go out (Web Push to each of their devices, the department's or
-- site's work-chat robot once). The key names the task, the level and the moment it was raised, so
-- each raise and each escalation (one level up) is sent once, and a new raise after a resolve again.
--   supervisor -> the task's giver (assigner); admin_head -> every 行政部长 of the task's site;
--   executive  -> every 执行长 (a role with site null holds at every site).
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
  -- 1 = the person above (the giver), 2 = 行政部长, 3 = 执行长: the level the problem stands at.
  select 'problem:' || t.id || ':' || t.escalation_level || ':' || pg_catalog.to_char(t.problem_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS'),
    'problem', t.id, t.title, t.due_on,
    case t.escalation_level when 'supervisor' then 1 when 'admin_head' then 2 else 3 end,
    h.user_id, t.department_id, t.site_id
  from public.tasks t
  cross join lateral (
    select t.assigner_id as user_id where t.escalation_level = 'supervisor'
    union
    select r.user_id from public.user_roles r
    where t.escalation_level in ('admin_head', 'executive') and r.deleted_at is null and r.role = t.escalation_level
      and (r.site_id is null or r.site_id = t.site_id)
  ) h
  where t.deleted_at is null and t.status = 'problem' and t.problem_at is not null;
$$;

-- As before, but a robot gets each reminder once even when it is due to several people (a problem
-- at the admin head's level with two admin heads at the site).
create or replace function public.claim_reminders(p_limit int default 200, p_now timestamptz default now())
returns table (delivery_id uuid, reminder_key text, kind text, task_id uuid, title text, due_on date, level int,
  channel text, endpoint text, p256dh text, auth text, webhook_kind text, webhook_url text, webhook_secret text, person text)
language sql volatile security definer
set search_path = ''
as $$
  with due as (
    select * from private.due_reminders(p_now)
  ),
  pairs as (
    select d.*, 'push'::text as channel, s.id as target_id, s.endpoint, s.p256dh, s.auth,
      null::text as webhook_kind, null::text as webhook_url, null::text as webhook_secret
    from due d join public.push_subscriptions s on s.user_id = d.user_id and s.deleted_at is null
    union all
    select d.*, 'webhook', w.id, null, null, null, w.kind, w.url, w.secret
    from (select distinct on (x.reminder_key) x.* from due x order by x.reminder_key, x.user_id) d
    cross join lateral (
      select x.* from private.webhook_targets x
      where x.active and (x.department_id = d.department_id or (x.department_id is null and (x.site_id = d.site_id or x.site_id is null)))
      order by (x.department_id is not null) desc, (x.site_id is not null) desc, x.created_at
      limit 1
    ) w
  ),
  todo as (
    select p.* from pairs p
    where not exists (
      select 1 from private.reminder_deliveries r
      where r.reminder_key = p.reminder_key and r.channel = p.channel and r.target_id = p.target_id)
    order by p.due_on, p.reminder_key, p.channel, p.target_id
    limit greatest(1, least(coalesce(p_limit, 200), 1000))
  ),
  claimed as (
    insert into private.reminder_deliveries (reminder_key, channel, target_id)
    select t.reminder_key, t.channel, t.target_id from todo t
    on conflict (reminder_key, channel, target_id) do nothing
    returning id, reminder_key, channel, target_id
  )
  select c.id, t.reminder_key, t.kind, t.task_id, t.title, t.due_on, t.level, t.channel, t.endpoint, t.p256dh, t.auth,
    t.webhook_kind, t.webhook_url, t.webhook_secret, pr.display_name
  from claimed c
  join todo t on t.reminder_key = c.reminder_key and t.channel = c.channel and t.target_id = c.target_id
  left join public.profiles pr on pr.id = t.user_id;
$$;

revoke execute on function private.due_reminders(timestamptz) from public, anon, authenticated;
revoke execute on function public.claim_reminders(int, timestamptz) from public, anon, authenticated;
grant execute on function public.claim_reminders(int, timestamptz) to service_role;
