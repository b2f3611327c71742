-- Photos on an edited and resubmitted application (issue 9, after 退回修改). request.act's resubmit
-- takes the resubmitted version's photo_ids: the ones kept and the new ones (up to 10). The new photos
-- are registered as before with photo.register, owned by the application ('requests' is already in
-- private.photo_owners, 20261202090300), in the ops after the resubmit. A listed photo already on the
-- server must be one of this application's; photo_ids is refused with any other action; left out, the
-- photos stay as they were (ops queued by older clients). A stale resubmit changes no photos.
--
-- Re-creates private.sync_apply_request_act (20261202040300) with only these lines added.

create or replace function private.sync_apply_request_act(p_entity_id uuid, p_payload jsonb)
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
  v_photos uuid[];
begin
  perform private.sync_only_fields(p_payload, array['request_id', 'action', 'step', 'revision', 'note', 'form', 'assignment', 'photo_ids']);
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
      -- The resubmitted version's photos (kept ones and new ones); left out: unchanged.
      if p_payload ? 'photo_ids' then
        v_photos := private.val_photo_ids(p_payload, 'photo_ids');
        if exists (select 1 from public.photos ph where ph.id = any (v_photos)
                   and (ph.owner_table, ph.owner_id) is distinct from ('requests', v_req.id)) then
          perform private.sync_refuse('invalid', 'photo_ids: a photo of another record');
        end if;
      end if;
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
  if v_action <> 'resubmit' and p_payload ? 'photo_ids' then
    perform private.sync_refuse('invalid', 'photo_ids: only with resubmit');
  end if;
  if v_assignment is null and p_payload ? 'assignment' then
    perform private.sync_refuse('invalid', 'assignment: only when the fleet manager approves a dispatch');
  end if;

  v_applied := private.request_apply(v_req.id, v_action, v_step, v_revision, v_form, v_at, v_uid);
  if v_applied and v_assignment is not null then
    update public.requests r set assignment = v_assignment where r.id = v_req.id;
  end if;
  if v_applied and v_photos is not null then
    update public.requests r set photo_ids = v_photos where r.id = v_req.id;
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

revoke execute on function private.sync_apply_request_act(uuid, jsonb) from public, anon, authenticated;
