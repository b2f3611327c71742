-- Op kinds of the requests engine:
--   request.submit   (entity = the application)  the applicant's new application and its submit event;
--   request.act      (entity = the event)        resubmit / withdraw by the applicant, approve / reject /
--                                                return by whoever has authority at the step;
--   delegation.upsert (entity = the delegation)  代理审批 by the delegator, the admin head or the executive.
-- A decision on an application that changed meanwhile is kept, flagged 'requests.flags.stale', and
-- changes nothing (invariant 2); a decision by someone without authority is refused.

create function private.sync_apply_request_submit(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_type text;
  v_form jsonb;
  v_event uuid;
  v_at timestamptz := private.sync_op_device_time();
  v_profile public.profiles;
  v_fulfiller text;
begin
  perform private.sync_only_fields(p_payload, array['event_id', 'type', 'form', 'photo_ids']);
  v_event := private.val_uuid(p_payload, 'event_id');
  v_type := private.val_text(p_payload, 'type', 40);
  select t.fulfiller into v_fulfiller from private.request_types t where t.type = v_type;
  if v_fulfiller is null then
    perform private.sync_refuse('invalid', 'type: unknown request type');
  end if;
  v_form := private.request_validate_form(v_type, p_payload -> 'form');
  if exists (select 1 from public.requests r where r.id = p_entity_id) then
    perform private.sync_refuse('invalid', 'id: already used');
  end if;
  select * into v_profile from public.profiles p where p.id = v_uid and p.deleted_at is null;
  if not found then
    perform private.sync_refuse('forbidden', 'request.submit: no profile');
  end if;
  -- Site and department are the applicant's own, as the server knows them.
  insert into public.requests (id, type, site_id, department_id, applicant_id, title, form, photo_ids, status, revision,
    step, chain, waiting_role, fulfiller_role, submitted_at, status_at)
  values (p_entity_id, v_type, v_profile.site_id, v_profile.department_id, v_uid, '', v_form,
    private.val_photo_ids(p_payload, 'photo_ids'), 'withdrawn', 1, 0, '[]', null, v_fulfiller, v_at, v_at);
  perform private.request_open(p_entity_id, v_form, v_at);
  insert into public.request_events (id, request_id, action, actor_id, step, revision, form, at)
  values (v_event, p_entity_id, 'submit', v_uid, null, 1, v_form, v_at);
  return '{}'::jsonb;
end;
$$;

create function private.sync_apply_request_act(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_action text;
  v_req public.requests;
  v_step int;
  v_revision int;
  v_note text;
  v_form jsonb;
  v_auth record;
  v_on_behalf uuid;
  v_assignment jsonb;
  v_applied boolean;
begin
  perform private.sync_only_fields(p_payload, array['request_id', 'action', 'step', 'revision', 'note', 'form', 'assignment']);
  v_action := private.val_enum(p_payload, 'action', array['resubmit', 'withdraw', 'approve', 'reject', 'return']);
  v_revision := private.val_number(p_payload, 'revision', 1, 1000, true)::int;
  v_note := private.val_text(p_payload, 'note', 500, '', v_action in ('reject', 'return'));
  select * into v_req from public.requests r where r.id = private.val_uuid(p_payload, 'request_id') and r.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', 'request_id: no such application');
  end if;
  if v_action in ('resubmit', 'withdraw') then
    if v_req.applicant_id <> v_uid then
      perform private.sync_refuse('forbidden', 'request.act: only the applicant may ' || v_action);
    end if;
    if v_action = 'resubmit' then
      v_form := private.request_validate_form(v_req.type, p_payload -> 'form');
    elsif p_payload ? 'form' then
      perform private.sync_refuse('invalid', 'form: only with resubmit');
    end if;
    if p_payload ? 'step' then
      perform private.sync_refuse('invalid', 'step: only with a decision');
    end if;
  else
    v_step := private.val_number(p_payload, 'step', 0, 20, true)::int;
    if p_payload ? 'form' then
      perform private.sync_refuse('invalid', 'form: only with resubmit');
    end if;
    -- Authority for the role of the step the approver saw (same roles whatever happened since).
    select * into v_auth from private.request_authority(v_uid, v_req.chain -> v_step ->> 'role', v_req.site_id, v_req.applicant_id, v_at);
    if not v_auth.ok then
      perform private.sync_refuse('forbidden', 'request.act: not an approver of this step');
    end if;
    v_on_behalf := v_auth.on_behalf_of;
    -- 用车申请: approving at the fleet manager's step assigns a vehicle and a driver.
    if v_req.type = 'vehicle_dispatch' and v_action = 'approve' and (v_req.chain -> v_step ->> 'role') = 'fleet_manager' then
      v_assignment := private.val_object(p_payload, 'assignment', array['vehicle_id', 'driver_id']);
      perform 1 from public.assets a where a.id = private.val_uuid(v_assignment, 'vehicle_id', 'assignment.') and a.kind = 'vehicle' and a.deleted_at is null;
      if not found then
        perform private.sync_refuse('not_found', 'assignment.vehicle_id: no such vehicle');
      end if;
      if not ('driver' = any (private.roles_at(private.val_uuid(v_assignment, 'driver_id', 'assignment.'), v_req.site_id))) then
        perform private.sync_refuse('invalid', 'assignment.driver_id: not a driver at this site');
      end if;
    end if;
  end if;
  if v_assignment is null and p_payload ? 'assignment' then
    perform private.sync_refuse('invalid', 'assignment: only when the fleet manager approves a dispatch');
  end if;

  v_applied := private.request_apply(v_req.id, v_action, v_step, v_revision, v_form, v_at, v_uid);
  if v_applied and v_assignment is not null then
    update public.requests r set assignment = v_assignment where r.id = v_req.id;
  end if;
  insert into public.request_events (id, request_id, action, actor_id, on_behalf_of, step, revision, note, form, assignment, at, flag)
  values (p_entity_id, v_req.id, v_action, v_uid, v_on_behalf, v_step, v_revision, v_note, v_form, v_assignment, v_at,
    case when not v_applied then 'requests.flags.stale' end);
  if not v_applied then
    return pg_catalog.jsonb_build_object('status', 'flagged',
      'detail', pg_catalog.format('requests.flags.stale: the application is %s (revision %s, step %s)', v_req.status, v_req.revision, v_req.step));
  end if;
  return '{}'::jsonb;
end;
$$;

create function private.sync_apply_delegation_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_from uuid;
  v_to uuid;
  v_starts date;
  v_ends date;
  v_deleted boolean;
  v_old public.approval_delegations;
begin
  perform private.sync_only_fields(p_payload, array['from_user', 'to_user', 'starts_on', 'ends_on', 'deleted']);
  v_from := private.val_uuid(p_payload, 'from_user');
  v_to := private.val_uuid(p_payload, 'to_user');
  v_starts := private.val_date(p_payload, 'starts_on');
  v_ends := private.val_date(p_payload, 'ends_on');
  v_deleted := coalesce(private.val_bool(p_payload, 'deleted', '', false), false);
  perform private.val_person(v_from, 'from_user');
  perform private.val_person(v_to, 'to_user');
  if v_from = v_to then
    perform private.sync_refuse('invalid', 'to_user: cannot be the delegator');
  end if;
  if v_ends < v_starts or v_ends - v_starts > 366 then
    perform private.sync_refuse('invalid', 'ends_on: on or after starts_on, within a year');
  end if;
  select * into v_old from public.approval_delegations d where d.id = p_entity_id;
  if found and v_old.from_user <> v_from then
    perform private.sync_refuse('invalid', 'from_user: cannot change');
  end if;
  -- The delegator, or the head of administration of their site, or the executive.
  if v_uid <> v_from
     and not public.has_role('executive')
     and not public.has_role_at('admin_head', (select p.site_id from public.profiles p where p.id = v_from)) then
    perform private.sync_refuse('forbidden', 'delegation.upsert: the delegator, the admin head or the executive');
  end if;
  insert into public.approval_delegations (id, from_user, to_user, starts_on, ends_on, created_by, deleted_at)
  values (p_entity_id, v_from, v_to, v_starts, v_ends, v_uid, case when v_deleted then pg_catalog.now() end)
  on conflict (id) do update
  set to_user = excluded.to_user, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
      deleted_at = case when v_deleted then coalesce(public.approval_delegations.deleted_at, pg_catalog.now()) end;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_request_submit(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_request_act(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_delegation_upsert(uuid, jsonb) from public, anon, authenticated;
