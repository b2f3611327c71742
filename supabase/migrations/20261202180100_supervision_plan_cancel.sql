-- Supervisory inspections (issue 11): a plan whose 'inspection_plan' application was rejected (or
-- withdrawn by its drafter) is called off — stage 'cancelled' — instead of waiting forever at
-- 'planned'. The act is a fact like the others (supervision_events type 'cancel', with the reason):
--   cancel   planned -> cancelled   the plan's drafter or the admin head of the site; only when
--                                   the application is rejected or withdrawn (otherwise kept, flagged).
-- A cancelled plan never reached its notice, so the inspected department still does not see it.
-- The device's twin: applyPlanAct / nextPlanAct (src/features/supervision/domain/plan.ts).
-- Re-created: private.sync_apply_supervision_plan_act (20261202100200) and the plans' select policy.

alter table public.supervision_plans drop constraint supervision_plans_stage_check;
alter table public.supervision_plans add constraint supervision_plans_stage_check
  check (stage in ('planned', 'notified', 'reported', 'reviewed', 'published', 'cancelled'));
alter table public.supervision_plans add column cancelled_at timestamptz;
alter table public.supervision_plans add column cancel_note text check (char_length(cancel_note) <= 1000);
alter table public.supervision_plans add constraint supervision_plans_cancelled_check
  check ((stage = 'cancelled') = (cancelled_at is not null));
alter table public.supervision_events drop constraint supervision_events_type_check;
alter table public.supervision_events add constraint supervision_events_type_check
  check (type in ('notice', 'report', 'review', 'publish', 'cancel'));

drop policy supervision_plans_select on public.supervision_plans;
create policy supervision_plans_select on public.supervision_plans for select to authenticated
  using (
    created_by = (select auth.uid())
    or (select auth.uid()) = any (inspector_ids)
    or (stage not in ('planned', 'cancelled') and department_id = (select p.department_id from public.profiles p where p.id = (select auth.uid())))
    or site_id = any ((
      select coalesce(array_agg(s.id), '{}') from public.sites s
      where exists (
        select 1 from public.user_roles r
        where r.user_id = (select auth.uid()) and r.deleted_at is null
          and r.role in ('admin_head', 'executive')
          and (r.site_id is null or r.site_id = s.id))
    )::uuid[])
  );

-- supervision_plan.act as in 20261202100200, plus 'cancel' { plan_id, note }.
create or replace function private.sync_apply_supervision_plan_act(p_entity_id uuid, p_payload jsonb)
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
  v_type := private.val_enum(p_payload, 'type', array['notice', 'report', 'review', 'publish', 'cancel']);
  perform private.sync_only_fields(p_payload, array['type', 'plan_id'] || case v_type
    when 'notice' then array['note']
    when 'cancel' then array['note']
    when 'report' then array['summary', 'findings', 'inspection_ids']
    when 'review' then array['decision', 'note']
    else array[]::text[] end);
  select * into p from public.supervision_plans x where x.id = private.val_uuid(p_payload, 'plan_id') and x.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', 'plan_id: no such plan (push it first)');
  end if;

  -- Who (supervision domain mayActOnPlan).
  if v_type = 'cancel' then
    if not (v_uid = p.created_by or public.has_role_at('admin_head', p.site_id)) then
      perform private.sync_refuse('forbidden', 'supervision_plan.act: the plan''s drafter or the admin head of the site cancels it');
    end if;
  elsif v_type in ('review', 'publish') then
    if not public.has_role_at('admin_head', p.site_id) then
      perform private.sync_refuse('forbidden', 'supervision_plan.act: the admin head of the site ' || v_type || 's');
    end if;
  elsif not (v_uid = any (p.inspector_ids) or v_uid = p.created_by or (v_type = 'notice' and public.has_role_at('admin_head', p.site_id))) then
    perform private.sync_refuse('forbidden', 'supervision_plan.act: an inspector of the plan');
  end if;

  -- What (the payload as the domain's zod schemas).
  if v_type in ('notice', 'cancel') then
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
    -- Only a plan not under way, and only once its application was turned down or withdrawn.
    when 'cancel' then p.stage = 'planned'
      and exists (select 1 from public.requests r where r.id = p.request_id and r.status in ('rejected', 'withdrawn'))
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
  elsif v_type = 'cancel' then
    update public.supervision_plans x set stage = 'cancelled', cancelled_at = v_at, cancel_note = v_data ->> 'note' where x.id = p.id;
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

revoke execute on function private.sync_apply_supervision_plan_act(uuid, jsonb) from public, anon, authenticated;
