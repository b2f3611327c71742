-- Supervisory inspections (监督检查, manual 1.4, issue 11). A plan (监督检查方案: focus, scope,
-- dates, inspectors, which checklists, the inspected department) is approved through the requests
-- engine: request type 'inspection_plan' (chain: the admin head), the same data as REQUEST_TYPES in
-- src/features/requests/domain/types.ts (tests/db/requests.test.ts compares them). The plan row
-- names its application; its approval is the application's status, read where needed.
-- After approval the plan moves through its own facts (supervision_events, append-only):
--   notice  (检查通知, node 3)   planned  -> notified   an inspector of the plan, its drafter or the admin head;
--                                                      the application is then marked carried out;
--   report  (检查报告, node 6)   notified -> reported   an inspector or the drafter: summary, findings
--                                                      (text + working days to fix), the checklist runs
--                                                      (inspections of the department's areas) it rests on;
--   review  (node 7)             reported -> reviewed   the admin head: accept (with improvement advice)
--                                         -> notified   or return for rework;
--   publish (node 8)             reviewed -> published  the admin head; on time when the company day of
--                                                      publishing is not after publish_due_on.
-- The findings become tasks of the tasks engine (task.assign, source 'inspection', source_ref = the
-- plan's id, the inspected department as assignee), pushed by the publisher's device with the
-- publish fact; node 9's tracking is those tasks. A fact that does not fit the plan's stage is kept,
-- flagged, and changes nothing (invariant 2). The device folds the same (features/supervision/domain).

alter table public.requests drop constraint requests_fulfiller_role_check;
alter table public.requests add constraint requests_fulfiller_role_check
  check (fulfiller_role in ('seal_keeper', 'asset_keeper', 'fleet_manager', 'dorm_manager', 'inspector'));

insert into private.request_types values
  ('inspection_plan', 'focus', '{admin_head}', null, null, 'inspector');
insert into private.request_type_fields (type, ord, key, kind, optional, required_if, max, min, options, after) values
  ('inspection_plan', 1, 'focus', 'text', false, null, 200, null, null, null),
  ('inspection_plan', 2, 'department', 'text', false, null, 100, null, null, null),
  ('inspection_plan', 3, 'period', 'text', false, null, 40, null, null, null),
  ('inspection_plan', 4, 'scope', 'textarea', false, null, 1000, null, null, null),
  ('inspection_plan', 5, 'inspectors', 'text', false, null, 300, null, null, null),
  ('inspection_plan', 6, 'checklists', 'text', false, null, 300, null, null, null);

create table public.supervision_plans (
  id uuid primary key,
  site_id uuid not null references public.sites (id),
  -- 受检部门
  department_id uuid not null references public.departments (id),
  request_id uuid not null unique references public.requests (id),
  created_by uuid not null references public.profiles (id),
  focus text not null check (char_length(focus) between 1 and 200),
  scope text not null check (char_length(scope) between 1 and 1000),
  starts_on date not null,
  ends_on date not null,
  -- The last day for publishing the result (the drafter sets it on the company calendar).
  publish_due_on date not null,
  inspector_ids uuid[] not null check (cardinality(inspector_ids) between 1 and 10),
  template_codes text[] not null check (cardinality(template_codes) between 1 and 10),
  stage text not null default 'planned' check (stage in ('planned', 'notified', 'reported', 'reviewed', 'published')),
  notice text check (char_length(notice) <= 1000),
  notified_at timestamptz,
  summary text check (char_length(summary) <= 4000),
  findings jsonb not null default '[]' check (jsonb_typeof(findings) = 'array'),
  inspection_ids uuid[] not null default '{}',
  reported_by uuid references public.profiles (id),
  reported_at timestamptz,
  review_note text check (char_length(review_note) <= 1000),
  reviewed_by uuid references public.profiles (id),
  reviewed_at timestamptz,
  published_by uuid references public.profiles (id),
  published_at timestamptz,
  published_on_time boolean,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (ends_on >= starts_on and ends_on - starts_on <= 366 and publish_due_on >= ends_on),
  check ((published_at is null) = (published_on_time is null))
);
create index supervision_plans_site_idx on public.supervision_plans (site_id, starts_on);
create index supervision_plans_department_idx on public.supervision_plans (department_id);
create index supervision_plans_created_by_idx on public.supervision_plans (created_by);
create index supervision_plans_inspectors_idx on public.supervision_plans using gin (inspector_ids);
create index supervision_plans_row_xid_idx on public.supervision_plans (row_xid, id);

create table public.supervision_events (
  id uuid primary key,
  plan_id uuid not null references public.supervision_plans (id),
  type text not null check (type in ('notice', 'report', 'review', 'publish')),
  actor_id uuid not null references public.profiles (id),
  device_time timestamptz not null,
  received_at timestamptz not null default now(),
  data jsonb not null check (jsonb_typeof(data) = 'object'),
  -- Kept but not applied: it did not fit the plan's stage when it arrived.
  flagged boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index supervision_events_plan_idx on public.supervision_events (plan_id, device_time);
create index supervision_events_actor_idx on public.supervision_events (actor_id);
create index supervision_events_row_xid_idx on public.supervision_events (row_xid, id);

create trigger supervision_events_append_only before update or delete on public.supervision_events
  for each row execute function private.tg_append_only();
create trigger supervision_events_no_truncate before truncate on public.supervision_events
  for each statement execute function private.tg_append_only();
create trigger stamp_sync_row before insert or update on public.supervision_plans
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.supervision_events
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.supervision_plans
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.supervision_events
  for each row execute function private.tg_audit_row();

alter table public.supervision_plans enable row level security;
alter table public.supervision_events enable row level security;

-- Who reads a plan: its drafter and inspectors, the admin head and the executive of its site, and
-- the inspected department's people once the notice is sent (not before: a notice is the first
-- they hear of it). Its facts follow the plan.
create policy supervision_plans_select on public.supervision_plans for select to authenticated
  using (
    created_by = (select auth.uid())
    or (select auth.uid()) = any (inspector_ids)
    or (stage <> 'planned' and department_id = (select p.department_id from public.profiles p where p.id = (select auth.uid())))
    or site_id = any ((
      select coalesce(array_agg(s.id), '{}') from public.sites s
      where exists (
        select 1 from public.user_roles r
        where r.user_id = (select auth.uid()) and r.deleted_at is null
          and r.role in ('admin_head', 'executive')
          and (r.site_id is null or r.site_id = s.id))
    )::uuid[])
  );
create policy supervision_events_select on public.supervision_events for select to authenticated
  using (exists (select 1 from public.supervision_plans p where p.id = supervision_events.plan_id));

revoke all on public.supervision_plans, public.supervision_events from anon, authenticated;
grant select on public.supervision_plans, public.supervision_events to authenticated;
insert into private.synced_tables (name) values ('supervision_plans'), ('supervision_events');

-- supervision_plan.create, entity_id = the plan's id:
--   { site_id, department_id, request_id, focus, scope, starts_on, ends_on, publish_due_on,
--     inspector_ids[1..10], template_codes[1..10] }
-- An inspector or the admin head of the site, whose own 'inspection_plan' application it names
-- (pushed before it, in the same batch).
create function private.sync_apply_supervision_plan_create(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_site uuid;
  v_dept uuid;
  v_request uuid;
  v_focus text;
  v_scope text;
  v_starts date;
  v_ends date;
  v_publish date;
  v_inspectors uuid[];
  v_codes text[];
  v_existing public.supervision_plans;
begin
  perform private.sync_only_fields(p_payload, array['site_id', 'department_id', 'request_id', 'focus', 'scope', 'starts_on',
    'ends_on', 'publish_due_on', 'inspector_ids', 'template_codes']);
  v_site := private.val_uuid(p_payload, 'site_id');
  v_dept := private.val_uuid(p_payload, 'department_id');
  v_request := private.val_uuid(p_payload, 'request_id');
  v_focus := private.val_text(p_payload, 'focus', 200);
  v_scope := private.val_text(p_payload, 'scope', 1000);
  v_starts := private.val_date(p_payload, 'starts_on');
  v_ends := private.val_date(p_payload, 'ends_on');
  v_publish := private.val_date(p_payload, 'publish_due_on');
  v_inspectors := private.val_photo_ids(p_payload, 'inspector_ids');
  if pg_catalog.jsonb_typeof(p_payload -> 'template_codes') is distinct from 'array'
     or pg_catalog.jsonb_array_length(p_payload -> 'template_codes') not between 1 and 10
     or exists (select 1 from pg_catalog.jsonb_array_elements(p_payload -> 'template_codes') x
                where pg_catalog.jsonb_typeof(x) <> 'string' or (x #>> '{}') !~ '^[a-z][a-z0-9_]{0,63}$') then
    perform private.sync_refuse('invalid', 'template_codes: 1 to 10 checklist codes');
  end if;
  select pg_catalog.array_agg(x order by n) into v_codes
  from pg_catalog.jsonb_array_elements_text(p_payload -> 'template_codes') with ordinality as t (x, n);
  if pg_catalog.cardinality(v_inspectors) = 0 then
    perform private.sync_refuse('invalid', 'inspector_ids: at least one inspector');
  end if;
  if v_ends < v_starts then
    perform private.sync_refuse('invalid', 'ends_on: not before starts_on');
  end if;
  if v_ends - v_starts > 366 then
    perform private.sync_refuse('invalid', 'ends_on: at most a year after starts_on');
  end if;
  if v_publish < v_ends then
    perform private.sync_refuse('invalid', 'publish_due_on: not before ends_on');
  end if;
  if not (public.has_role_at('inspector', v_site) or public.has_role_at('admin_head', v_site)) then
    perform private.sync_refuse('forbidden', 'supervision_plan.create: an inspector or the admin head of the site');
  end if;
  perform 1 from public.departments d where d.id = v_dept and d.site_id = v_site and d.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'department_id: no such department at the site');
  end if;
  if (select count(*) from public.profiles p where p.id = any (v_inspectors) and p.deleted_at is null) <> pg_catalog.cardinality(v_inspectors) then
    perform private.sync_refuse('not_found', 'inspector_ids: no such person');
  end if;
  if exists (select 1 from unnest(v_codes) c
             where not exists (select 1 from public.checklist_templates t where t.code = c and t.deleted_at is null)) then
    perform private.sync_refuse('not_found', 'template_codes: no such checklist');
  end if;
  perform 1 from public.requests r where r.id = v_request and r.type = 'inspection_plan' and r.applicant_id = v_uid and r.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'request_id: no inspection-plan application of yours (push it first)');
  end if;

  select * into v_existing from public.supervision_plans p where p.id = p_entity_id;
  if found then
    if (v_existing.site_id, v_existing.department_id, v_existing.request_id, v_existing.created_by, v_existing.focus, v_existing.scope,
        v_existing.starts_on, v_existing.ends_on, v_existing.publish_due_on, v_existing.inspector_ids, v_existing.template_codes)
       is distinct from (v_site, v_dept, v_request, v_uid, v_focus, v_scope, v_starts, v_ends, v_publish, v_inspectors, v_codes) then
      perform private.sync_refuse('invalid', 'id: a different plan was already made with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  if exists (select 1 from public.supervision_plans p where p.request_id = v_request) then
    perform private.sync_refuse('invalid', 'request_id: already the application of another plan');
  end if;
  insert into public.supervision_plans (id, site_id, department_id, request_id, created_by, focus, scope, starts_on, ends_on,
    publish_due_on, inspector_ids, template_codes)
  values (p_entity_id, v_site, v_dept, v_request, v_uid, v_focus, v_scope, v_starts, v_ends, v_publish, v_inspectors, v_codes);
  return '{}'::jsonb;
end;
$$;

-- supervision_plan.act, entity_id = the fact's id: { plan_id, type, ... } by type:
--   notice {note} · report {summary, findings [{text 1..200, days 1..60}] (≤ 50), inspection_ids (≤ 10)}
--   review {decision accept|return, note?} · publish {}
create function private.sync_apply_supervision_plan_act(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_type text;
  p public.supervision_plans;
  v_data jsonb;
  v_fits boolean;
  v_ids uuid[];
  v_decision text;
  v_zone text := coalesce((select c.timezone from public.company c where c.deleted_at is null limit 1), 'Asia/Shanghai');
  v_existing record;
begin
  v_type := private.val_enum(p_payload, 'type', array['notice', 'report', 'review', 'publish']);
  perform private.sync_only_fields(p_payload, array['type', 'plan_id'] || case v_type
    when 'notice' then array['note']
    when 'report' then array['summary', 'findings', 'inspection_ids']
    when 'review' then array['decision', 'note']
    else array[]::text[] end);
  select * into p from public.supervision_plans x where x.id = private.val_uuid(p_payload, 'plan_id') and x.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', 'plan_id: no such plan (push it first)');
  end if;

  -- Who (supervision domain mayActOnPlan).
  if v_type in ('review', 'publish') then
    if not public.has_role_at('admin_head', p.site_id) then
      perform private.sync_refuse('forbidden', 'supervision_plan.act: the admin head of the site ' || v_type || 's');
    end if;
  elsif not (v_uid = any (p.inspector_ids) or v_uid = p.created_by or (v_type = 'notice' and public.has_role_at('admin_head', p.site_id))) then
    perform private.sync_refuse('forbidden', 'supervision_plan.act: an inspector of the plan');
  end if;

  -- What (the payload as the domain's zod schemas).
  if v_type = 'notice' then
    v_data := pg_catalog.jsonb_build_object('note', private.val_text(p_payload, 'note', 1000));
  elsif v_type = 'report' then
    if pg_catalog.jsonb_typeof(p_payload -> 'findings') is distinct from 'array'
       or pg_catalog.jsonb_array_length(p_payload -> 'findings') > 50
       or exists (
         select 1 from pg_catalog.jsonb_array_elements(p_payload -> 'findings') f
         where pg_catalog.jsonb_typeof(f) <> 'object'
            or exists (select 1 from pg_catalog.jsonb_object_keys(f) k where k not in ('text', 'days'))
            or pg_catalog.jsonb_typeof(f -> 'text') is distinct from 'string'
            or pg_catalog.char_length(pg_catalog.btrim(f ->> 'text')) not between 1 and 200
            or pg_catalog.jsonb_typeof(f -> 'days') is distinct from 'number'
            or (f ->> 'days') !~ '^[0-9]+$' or (f ->> 'days')::int not between 1 and 60) then
      perform private.sync_refuse('invalid', 'findings: up to 50 of {text 1..200 characters, days 1..60}');
    end if;
    v_ids := private.val_photo_ids(p_payload, 'inspection_ids');
    if (select count(*) from public.inspections i join public.areas a on a.id = i.area_id
        where i.id = any (v_ids) and a.department_id = p.department_id) <> pg_catalog.cardinality(v_ids) then
      perform private.sync_refuse('not_found', 'inspection_ids: not an inspection of the inspected department''s areas');
    end if;
    v_data := pg_catalog.jsonb_build_object('summary', private.val_text(p_payload, 'summary', 4000),
      'findings', (select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('text', pg_catalog.btrim(f ->> 'text'), 'days', (f ->> 'days')::int) order by n), '[]')
                   from pg_catalog.jsonb_array_elements(p_payload -> 'findings') with ordinality as t (f, n)),
      'inspection_ids', pg_catalog.to_jsonb(v_ids));
  elsif v_type = 'review' then
    v_decision := private.val_enum(p_payload, 'decision', array['accept', 'return']);
    v_data := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('decision', v_decision,
      'note', private.val_text(p_payload, 'note', 1000, '', v_decision = 'return')));
  else
    v_data := '{}'::jsonb;
  end if;

  select x.plan_id, x.type, x.actor_id, x.data into v_existing from public.supervision_events x where x.id = p_entity_id;
  if found then
    if (v_existing.plan_id, v_existing.type, v_existing.actor_id, v_existing.data) is distinct from (p.id, v_type, v_uid, v_data) then
      perform private.sync_refuse('invalid', 'id: a different fact was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;

  -- Whether it fits the plan's stage now (supervision domain applyPlanEvent).
  v_fits := case v_type
    when 'notice' then p.stage = 'planned'
      and exists (select 1 from public.requests r where r.id = p.request_id and r.status = 'approved')
    when 'report' then p.stage = 'notified'
    when 'review' then p.stage = 'reported'
    else p.stage = 'reviewed' end;
  insert into public.supervision_events (id, plan_id, type, actor_id, device_time, data, flagged)
  values (p_entity_id, p.id, v_type, v_uid, v_at, v_data, not v_fits);
  if not v_fits then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail',
      pg_catalog.format('supervision_plan: %s does not fit its stage (kept; stage %s)', v_type, p.stage));
  end if;

  if v_type = 'notice' then
    update public.supervision_plans x set stage = 'notified', notice = v_data ->> 'note', notified_at = v_at where x.id = p.id;
    update public.requests r set fulfilled_at = v_at, fulfilled_by = v_uid where r.id = p.request_id and r.fulfilled_at is null;
  elsif v_type = 'report' then
    update public.supervision_plans x set stage = 'reported', summary = v_data ->> 'summary', findings = v_data -> 'findings',
      inspection_ids = v_ids, reported_by = v_uid, reported_at = v_at where x.id = p.id;
  elsif v_type = 'review' then
    update public.supervision_plans x set stage = case when v_decision = 'accept' then 'reviewed' else 'notified' end,
      review_note = v_data ->> 'note', reviewed_by = v_uid, reviewed_at = v_at where x.id = p.id;
  else
    update public.supervision_plans x set stage = 'published', published_by = v_uid, published_at = v_at,
      published_on_time = (v_at at time zone v_zone)::date <= p.publish_due_on where x.id = p.id;
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_supervision_plan_create(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_supervision_plan_act(uuid, jsonb) from public, anon, authenticated;
