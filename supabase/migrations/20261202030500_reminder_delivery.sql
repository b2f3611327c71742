-- Reminders that reach the phone when the app is closed (issue 11): Web Push subscriptions per
-- user and device, the company's work-chat group robots (private: their URLs and signing secrets
-- never reach a device), and the delivery ledger that makes each reminder go out once per target
-- even when two sender runs overlap. The sender is supabase/functions/send-reminders (README).
--
-- What is due (private.due_reminders), each once: a new task to accept, a task due today, a task
-- overdue (once per deadline), each 催办 given on an open 督办 sheet (to the assignee). "Today" is
-- the company's (company.timezone).

create table public.push_subscriptions (
  id uuid primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  endpoint text not null check (endpoint ~ '^https?://' and char_length(endpoint) <= 1000),
  p256dh text not null check (p256dh ~ '^[A-Za-z0-9_-]{40,200}$'),
  auth text not null check (auth ~ '^[A-Za-z0-9_-]{10,100}$'),
  user_agent text check (char_length(user_agent) <= 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index push_subscriptions_endpoint_live_key on public.push_subscriptions (endpoint) where deleted_at is null;
create index push_subscriptions_user_id_idx on public.push_subscriptions (user_id) where deleted_at is null;

create trigger audit_row after insert or update or delete on public.push_subscriptions
  for each row execute function private.tg_audit_row();
alter table public.push_subscriptions enable row level security;
create policy push_subscriptions_select on public.push_subscriptions for select to authenticated
  using (user_id = (select auth.uid()));
revoke all on public.push_subscriptions from anon, authenticated;
grant select on public.push_subscriptions to authenticated;

-- Group robots of 企业微信 / 钉钉 / 飞书, per department, per site, or for the company (both null).
-- Managed in the SQL editor by an administrator (README); no client can read them.
create table private.webhook_targets (
  id uuid primary key default gen_random_uuid(),
  site_id uuid references public.sites (id),
  department_id uuid references public.departments (id),
  kind text not null check (kind in ('wecom', 'dingtalk', 'feishu')),
  url text not null check (url ~ '^https?://' and char_length(url) <= 1000),
  secret text check (char_length(secret) <= 200),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
alter table private.webhook_targets enable row level security;

-- One row per (reminder, channel, target): the unique key is what makes a reminder go out once.
create table private.reminder_deliveries (
  id uuid primary key default gen_random_uuid(),
  reminder_key text not null,
  channel text not null check (channel in ('push', 'webhook')),
  target_id uuid not null,
  claimed_at timestamptz not null default now(),
  finished_at timestamptz,
  ok boolean,
  error text check (char_length(error) <= 500),
  unique (reminder_key, channel, target_id)
);
alter table private.reminder_deliveries enable row level security;

-- push_subscription.set, entity_id = the subscription's id (made on the device):
--   { endpoint, p256dh, auth, user_agent?, deleted? }   The caller's own; an endpoint another user
--   held on this browser before is taken over (the old row is tombstoned).
create function private.sync_apply_push_subscription_set(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_endpoint text;
  v_owner uuid;
begin
  perform private.sync_only_fields(p_payload, array['endpoint', 'p256dh', 'auth', 'user_agent', 'deleted']);
  select s.user_id into v_owner from public.push_subscriptions s where s.id = p_entity_id;
  if found and v_owner <> v_uid then
    perform private.sync_refuse('forbidden', 'push_subscription.set: another user''s subscription');
  end if;
  if coalesce(private.val_bool(p_payload, 'deleted', '', false), false) then
    update public.push_subscriptions s set deleted_at = pg_catalog.now(), updated_at = pg_catalog.now()
    where s.id = p_entity_id and s.deleted_at is null;
    return '{}'::jsonb;
  end if;
  v_endpoint := private.val_text(p_payload, 'endpoint', 1000);
  if v_endpoint !~ '^https?://' then
    perform private.sync_refuse('invalid', 'endpoint: a push service URL');
  end if;
  update public.push_subscriptions s set deleted_at = pg_catalog.now(), updated_at = pg_catalog.now()
  where s.endpoint = v_endpoint and s.id <> p_entity_id and s.deleted_at is null;
  insert into public.push_subscriptions as s (id, user_id, endpoint, p256dh, auth, user_agent)
  values (p_entity_id, v_uid, v_endpoint, private.val_text(p_payload, 'p256dh', 200), private.val_text(p_payload, 'auth', 100),
    private.val_text(p_payload, 'user_agent', 300, '', false))
  on conflict (id) do update set endpoint = excluded.endpoint, p256dh = excluded.p256dh, auth = excluded.auth,
    user_agent = excluded.user_agent, deleted_at = null, updated_at = pg_catalog.now();
  return '{}'::jsonb;
end;
$$;

create function private.due_reminders(p_now timestamptz)
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
  where f.deleted_at is null and f.status = 'open' and f.level >= 1;
$$;

-- The sender's claim: every due (reminder, target) pair not yet delivered, up to p_limit, recorded
-- in the same statement. A concurrent run waits on the unique key and then skips what this run
-- took, so each pair is sent by one run only. service_role only (the Edge Function).
create function public.claim_reminders(p_limit int default 200, p_now timestamptz default now())
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
    from due d cross join lateral (
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

-- The sender reports each delivery: [{ delivery_id, ok, error }].
create function public.finish_reminders(p_results jsonb)
returns int
language sql volatile security definer
set search_path = ''
as $$
  with r as (
    select x.delivery_id, x.ok, x.error
    from pg_catalog.jsonb_to_recordset(p_results) as x (delivery_id uuid, ok boolean, error text)
  ),
  u as (
    update private.reminder_deliveries d set finished_at = pg_catalog.now(), ok = r.ok, error = pg_catalog.left(r.error, 500)
    from r where d.id = r.delivery_id
    returning 1
  )
  select count(*)::int from u;
$$;

revoke execute on function private.sync_apply_push_subscription_set(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.due_reminders(timestamptz) from public, anon, authenticated;
revoke execute on function public.claim_reminders(int, timestamptz) from public, anon, authenticated;
revoke execute on function public.finish_reminders(jsonb) from public, anon, authenticated;
grant execute on function public.claim_reminders(int, timestamptz) to service_role;
grant execute on function public.finish_reminders(jsonb) to service_role;
