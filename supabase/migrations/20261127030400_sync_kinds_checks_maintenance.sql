-- Op kinds vehicle_check.submit, maintenance.request, maintenance.update. Payloads in
-- supabase/README.md.

-- vehicle_check.submit, entity_id = the check's id:
--   { id?, vehicle_id, template_id, started_at, submitted_at, answers, score, grade,
--     critical_failed, maintenance_request_ids?: [{ id, item_key }] (one per failed item),
--     driver_id? (= caller) }
-- Scored by private.checklist_score, the inspections' function (one scoring rule for both
-- engines' runs). Each failed item becomes a maintenance request with the device's id
-- (like inspections' rectifications); a failed critical item puts the vehicle out of
-- service until that request is completed. Append-only: the same check again is a
-- duplicate, another one with its id 'invalid'.
create function private.sync_apply_vehicle_check_submit(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_vehicle uuid;
  v_template record;
  v_template_id uuid;
  v_started timestamptz;
  v_submitted timestamptz;
  v_score numeric;
  v_grade text;
  v_critical boolean;
  v_answers jsonb;
  v_result jsonb;
  v_failed jsonb;
  v_reqs jsonb;
  v_req jsonb;
  v_req_by_key jsonb := '{}'::jsonb;
  v_req_ids uuid[] := '{}';
  v_req_id uuid;
  v_key text;
  v_existing record;
  v_flags text[] := '{}';
  i int;
begin
  perform private.sync_only_fields(p_payload, array['id', 'vehicle_id', 'template_id', 'started_at', 'submitted_at',
    'answers', 'score', 'grade', 'critical_failed', 'maintenance_request_ids', 'driver_id']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  if p_payload ? 'driver_id' and private.val_uuid(p_payload, 'driver_id', '', false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', 'driver_id: you submit checks as yourself');
  end if;
  v_template_id := private.val_uuid(p_payload, 'template_id');
  v_started := private.val_time(p_payload, 'started_at');
  v_submitted := private.val_time(p_payload, 'submitted_at');
  if v_submitted < v_started then
    perform private.sync_refuse('invalid', 'submitted_at: before started_at');
  end if;
  v_score := private.val_number(p_payload, 'score', 0, 100, false, '', false);
  v_grade := private.val_text(p_payload, 'grade', 20, '', false);
  v_critical := private.val_bool(p_payload, 'critical_failed');
  v_answers := p_payload -> 'answers';
  perform private.vehicle_site(p_payload);
  v_vehicle := private.val_uuid(p_payload, 'vehicle_id');
  if not private.vehicle_may_use(v_vehicle) then
    perform private.sync_refuse('forbidden', 'vehicle_check.submit: a driver or fleet manager of the vehicle''s site, or its holder');
  end if;
  select t.id, t.sections, t.grading into v_template from public.checklist_templates t where t.id = v_template_id;
  if not found then
    perform private.sync_refuse('not_found', 'template_id: no such template version');
  end if;

  v_result := private.checklist_score(v_template.sections, v_template.grading, v_answers);
  v_failed := v_result -> 'failed_items';

  -- Exactly one device-made request id per failed item; none when nothing failed.
  v_reqs := coalesce(p_payload -> 'maintenance_request_ids', '[]'::jsonb);
  if pg_catalog.jsonb_typeof(v_reqs) = 'null' then
    v_reqs := '[]'::jsonb;
  end if;
  if pg_catalog.jsonb_typeof(v_reqs) <> 'array' then
    perform private.sync_refuse('invalid', 'maintenance_request_ids: must be an array (one { id, item_key } per failed item)');
  end if;
  for v_req, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(v_reqs) with ordinality e (value, n) loop
    if pg_catalog.jsonb_typeof(v_req) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('maintenance_request_ids[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_req, array['id', 'item_key']);
    v_req_id := private.val_uuid(v_req, 'id', pg_catalog.format('maintenance_request_ids[%s].', i));
    v_key := private.val_text(v_req, 'item_key', 64, pg_catalog.format('maintenance_request_ids[%s].', i));
    if v_req_by_key ? v_key then
      perform private.sync_refuse('invalid', 'maintenance_request_ids.' || v_key || ': more than one for this item');
    end if;
    if v_req_id = any (v_req_ids) or v_req_id = p_entity_id then
      perform private.sync_refuse('invalid', pg_catalog.format('maintenance_request_ids[%s].id: used twice', i));
    end if;
    if not exists (select 1 from pg_catalog.jsonb_array_elements(v_failed) f where f ->> 'key' = v_key) then
      perform private.sync_refuse('invalid', 'maintenance_request_ids.' || v_key || ': this item did not fail');
    end if;
    v_req_by_key := v_req_by_key || pg_catalog.jsonb_build_object(v_key, v_req_id);
    v_req_ids := v_req_ids || v_req_id;
  end loop;
  for v_key in select f ->> 'key' from pg_catalog.jsonb_array_elements(v_failed) f loop
    if not v_req_by_key ? v_key then
      perform private.sync_refuse('invalid', 'maintenance_request_ids.' || v_key || ': missing for this failed item');
    end if;
  end loop;

  select c.vehicle_id, c.template_id, c.driver_id, c.started_at, c.submitted_at, c.answers, c.score, c.grade
  into v_existing from public.vehicle_checks c where c.id = p_entity_id;
  if found then
    if (v_existing.vehicle_id, v_existing.template_id, v_existing.driver_id, v_existing.started_at,
        v_existing.submitted_at, v_existing.answers, v_existing.score, v_existing.grade)
         is distinct from
       (v_vehicle, v_template_id, v_uid, v_started, v_submitted, v_answers, v_score, v_grade)
       or exists (
         select 1 from public.maintenance_requests m
         where m.vehicle_check_id = p_entity_id and (v_req_by_key ->> m.item_key) is distinct from m.id::text) then
      perform private.sync_refuse('invalid', 'id: a different check was already submitted with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  perform 1 from public.maintenance_requests m where m.id = any (v_req_ids);
  if found then
    perform private.sync_refuse('invalid', 'maintenance_request_ids: an id is already used by another request');
  end if;

  insert into public.vehicle_checks (id, vehicle_id, template_id, driver_id, started_at, submitted_at, answers,
    score, grade, critical_failed, server_score, server_grade)
  values (p_entity_id, v_vehicle, v_template_id, v_uid, v_started, v_submitted, v_answers,
    v_score, v_grade, (v_result ->> 'critical_failed')::boolean,
    (v_result ->> 'percent')::numeric, v_result ->> 'grade');

  -- A failed critical item is urgent; the answer's note (else the item's text) and photos
  -- go with the request, as the device makes it (features/vehicles/data/checks.ts).
  insert into public.maintenance_requests (id, vehicle_id, requested_by, requested_at, vehicle_check_id, item_key,
    description, urgency, photo_ids)
  select (v_req_by_key ->> (f ->> 'key'))::uuid, v_vehicle, v_uid, v_submitted, p_entity_id, f ->> 'key',
         pg_catalog.left(coalesce(nullif(pg_catalog.btrim((
           select a ->> 'note' from pg_catalog.jsonb_array_elements(v_answers) a where a ->> 'item_key' = f ->> 'key')), ''),
           f ->> 'text_zh'), 1000),
         case when (f ->> 'critical')::boolean then 'urgent' else 'normal' end,
         coalesce((
           select pg_catalog.array_agg(x::uuid order by n)
           from pg_catalog.jsonb_array_elements(v_answers) a
           cross join lateral pg_catalog.jsonb_array_elements_text(
             case when pg_catalog.jsonb_typeof(a -> 'photo_ids') = 'array' then a -> 'photo_ids' else '[]'::jsonb end)
             with ordinality p (x, n)
           where a ->> 'item_key' = f ->> 'key'), '{}')
  from pg_catalog.jsonb_array_elements(v_failed) f;

  perform private.vehicle_state_derive(v_vehicle);

  -- The server's figures stand; say where the device's differ.
  if v_score is distinct from (v_result ->> 'percent')::numeric then
    v_flags := v_flags || pg_catalog.format('score: device %s, server %s', coalesce(v_score::text, 'null'), coalesce(v_result ->> 'percent', 'null'));
  end if;
  if v_grade is distinct from (v_result ->> 'grade') then
    v_flags := v_flags || pg_catalog.format('grade: device %s, server %s', coalesce(v_grade, 'null'), coalesce(v_result ->> 'grade', 'null'));
  end if;
  if v_critical is distinct from (v_result ->> 'critical_failed')::boolean then
    v_flags := v_flags || pg_catalog.format('critical_failed: device %s, server %s', v_critical::text, v_result ->> 'critical_failed');
  end if;
  if pg_catalog.cardinality(v_flags) > 0 then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.array_to_string(v_flags, '; '));
  end if;
  return '{}'::jsonb;
end;
$$;

-- maintenance.request, entity_id = the request's id:
--   { id?, vehicle_id, description, urgency: 'low'|'normal'|'urgent', photo_ids,
--     vehicle_check_id?, item_key? (with vehicle_check_id), requested_by? (= caller) }
-- requested_at = the op's device_time. A driver or fleet manager of the vehicle's site, or its holder.
create function private.sync_apply_maintenance_request(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_vehicle uuid;
  v_desc text;
  v_urgency text;
  v_photos uuid[];
  v_check uuid;
  v_key text;
  v_existing record;
begin
  perform private.sync_only_fields(p_payload, array['id', 'vehicle_id', 'description', 'urgency', 'photo_ids',
    'vehicle_check_id', 'item_key', 'requested_by']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  if p_payload ? 'requested_by' and private.val_uuid(p_payload, 'requested_by', '', false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', 'requested_by: you request repairs as yourself');
  end if;
  v_desc := private.val_text(p_payload, 'description', 1000);
  v_urgency := private.val_enum(p_payload, 'urgency', array['low', 'normal', 'urgent']);
  v_photos := private.val_photo_ids(p_payload, 'photo_ids');
  v_check := private.val_uuid(p_payload, 'vehicle_check_id', '', false);
  v_key := private.val_text(p_payload, 'item_key', 64, '', false);
  if v_key is not null and (v_check is null or v_key !~ '^[a-z][a-z0-9_]{0,63}$') then
    perform private.sync_refuse('invalid', 'item_key: an item key of the check named by vehicle_check_id');
  end if;
  perform private.vehicle_site(p_payload);
  v_vehicle := private.val_uuid(p_payload, 'vehicle_id');
  if not private.vehicle_may_use(v_vehicle) then
    perform private.sync_refuse('forbidden', 'maintenance.request: a driver or fleet manager of the vehicle''s site, or its holder');
  end if;
  if v_check is not null then
    perform 1 from public.vehicle_checks c where c.id = v_check;
    if not found then
      perform private.sync_refuse('not_found', 'vehicle_check_id: no such check (push it first)');
    end if;
    perform 1 from public.vehicle_checks c where c.id = v_check and c.vehicle_id = v_vehicle;
    if not found then
      perform private.sync_refuse('invalid', 'vehicle_check_id: a check of another vehicle');
    end if;
  end if;

  select m.vehicle_id, m.requested_by, m.description, m.urgency, m.photo_ids, m.vehicle_check_id, m.item_key
  into v_existing from public.maintenance_requests m where m.id = p_entity_id;
  if found then
    if (v_existing.vehicle_id, v_existing.requested_by, v_existing.description, v_existing.urgency,
        v_existing.photo_ids, v_existing.vehicle_check_id, v_existing.item_key)
       is distinct from (v_vehicle, v_uid, v_desc, v_urgency, v_photos, v_check, v_key) then
      perform private.sync_refuse('invalid', 'id: a different request was already made with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;

  insert into public.maintenance_requests (id, vehicle_id, requested_by, requested_at, vehicle_check_id, item_key,
    description, urgency, photo_ids)
  values (p_entity_id, v_vehicle, v_uid, private.sync_op_device_time(), v_check, v_key, v_desc, v_urgency, v_photos);
  return '{}'::jsonb;
end;
$$;

-- maintenance.update, entity_id = the request's id (the payload's request_id names it):
--   { request_id, status, garage?, cost?, completed_at?, note? }
-- The fleet manager of the vehicle's site. Forward moves requested → approved → in_progress
-- → completed (steps may be skipped), requested|approved → rejected, or the same status
-- (to correct garage/cost/note). A move back (e.g. completed → in_progress) does not fit
-- the request's state: nothing changes and the op answers 'flagged'. completed_at defaults
-- to the op's device_time. A completed repair of a failed critical item may return the
-- vehicle to service (vehicle_states is derived again).
create function private.sync_apply_maintenance_update(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_id uuid;
  v_req public.maintenance_requests;
  v_status text;
  v_completed timestamptz;
  v_rank constant jsonb := '{"requested":0,"approved":1,"in_progress":2,"completed":3,"rejected":3}';
begin
  perform private.sync_only_fields(p_payload, array['request_id', 'status', 'garage', 'cost', 'completed_at', 'note']);
  v_id := private.val_uuid(p_payload, 'request_id');
  v_status := private.val_enum(p_payload, 'status', array['requested', 'approved', 'in_progress', 'completed', 'rejected']);
  perform private.val_text(p_payload, 'garage', 100, '', false);
  perform private.val_number(p_payload, 'cost', 0, 10000000, false, '', false);
  perform private.val_text(p_payload, 'note', 500, '', false);
  v_completed := private.val_time(p_payload, 'completed_at', '', false);
  if v_completed is not null and v_status <> 'completed' then
    perform private.sync_refuse('invalid', 'completed_at: only with status completed');
  end if;
  select m.* into v_req from public.maintenance_requests m where m.id = v_id and m.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'request_id: no such maintenance request');
  end if;
  if not private.vehicle_is_fleet_manager(v_req.vehicle_id) then
    perform private.sync_refuse('forbidden', 'maintenance.update: the fleet manager of the vehicle''s site');
  end if;

  if v_status <> v_req.status
     and (v_req.status in ('completed', 'rejected') or (v_rank ->> v_status)::int <= (v_rank ->> v_req.status)::int) then
    return pg_catalog.jsonb_build_object('status', 'flagged',
      'detail', pg_catalog.format('status: %s → %s does not fit', v_req.status, v_status));
  end if;

  update public.maintenance_requests m
  set status = v_status,
      decided_by = case when v_req.status = 'requested' and v_status <> 'requested' then v_uid else m.decided_by end,
      garage = case when p_payload ? 'garage' then private.val_text(p_payload, 'garage', 100, '', false) else m.garage end,
      cost = case when p_payload ? 'cost' then private.val_number(p_payload, 'cost', 0, 10000000, false, '', false) else m.cost end,
      note = case when p_payload ? 'note' then private.val_text(p_payload, 'note', 500, '', false) else m.note end,
      completed_at = case when v_status = 'completed'
                          then coalesce(v_completed, m.completed_at, private.sync_op_device_time()) end
  where m.id = v_id;
  perform private.vehicle_state_derive(v_req.vehicle_id);
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_vehicle_check_submit(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_maintenance_request(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_maintenance_update(uuid, jsonb) from public, anon, authenticated;
