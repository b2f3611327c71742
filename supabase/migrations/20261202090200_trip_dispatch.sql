-- A trip without a dispatch needs a reason and is marked for the fleet manager; a driver's trip
-- starts from their assignment (issue 9, 用车申请). trip.start takes either request_id (the approved
-- vehicle_dispatch assigned to this driver and vehicle, marked carried out by the trip) or
-- no_dispatch_reason. Kept, never refused for it: without a dispatch the trip is marked 'no_dispatch'
-- (applied; the fleet manager reads the site's trips and sees it with the reason); with a dispatch
-- not approved or assigned to someone else, 'dispatch_mismatch' (flagged). The device does the same
-- (features/vehicles/domain/trips.ts dispatchFlags).

alter table public.trips
  add column request_id uuid references public.requests (id),
  add column no_dispatch_reason text check (char_length(btrim(no_dispatch_reason)) between 1 and 200);
create index trips_request_idx on public.trips (request_id);

create or replace function private.sync_apply_trip_start(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_vehicle uuid;
  v_started timestamptz;
  v_purpose text;
  v_destination text;
  v_passengers text;
  v_odo int;
  v_check uuid;
  v_prev int;
  v_flags text[] := '{}';
  v_existing record;
  v_request_id uuid;
  v_reason text;
  v_request public.requests;
begin
  perform private.sync_only_fields(p_payload, array['id', 'vehicle_id', 'started_at', 'purpose', 'destination',
    'passengers', 'odometer_start', 'vehicle_check_id', 'driver_id', 'request_id', 'no_dispatch_reason']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  if p_payload ? 'driver_id' and private.val_uuid(p_payload, 'driver_id', '', false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', 'driver_id: you start trips as yourself');
  end if;
  v_started := private.val_time(p_payload, 'started_at');
  v_purpose := private.val_text(p_payload, 'purpose', 200);
  v_destination := private.val_text(p_payload, 'destination', 200);
  v_passengers := private.val_text(p_payload, 'passengers', 500, '', false);
  v_odo := private.val_number(p_payload, 'odometer_start', 0, 9999999, true)::int;
  v_check := private.val_uuid(p_payload, 'vehicle_check_id', '', false);
  v_request_id := private.val_uuid(p_payload, 'request_id', '', false);
  v_reason := private.val_text(p_payload, 'no_dispatch_reason', 200, '', false);
  if v_request_id is not null and v_reason is not null then
    perform private.sync_refuse('invalid', 'no_dispatch_reason: only for a trip without a dispatch');
  end if;
  perform private.vehicle_site(p_payload);
  v_vehicle := private.val_uuid(p_payload, 'vehicle_id');
  if not private.vehicle_may_use(v_vehicle) then
    perform private.sync_refuse('forbidden', 'trip.start: a driver or fleet manager of the vehicle''s site, or its holder');
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

  select t.vehicle_id, t.driver_id, t.started_at, t.purpose, t.destination, t.passengers, t.odometer_start,
         t.vehicle_check_id into v_existing
  from public.trips t where t.id = p_entity_id;
  if found then
    if (v_existing.vehicle_id, v_existing.driver_id, v_existing.started_at, v_existing.purpose, v_existing.destination,
        v_existing.passengers, v_existing.odometer_start, v_existing.vehicle_check_id)
       is distinct from (v_vehicle, v_uid, v_started, v_purpose, v_destination, v_passengers, v_odo, v_check) then
      perform private.sync_refuse('invalid', 'id: a different trip was already started with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;

  -- 用车申请: the trip carries out the dispatch assigned to this driver and vehicle. With none it is
  -- kept and marked for the fleet manager (no_dispatch, with the driver's reason); with one that is
  -- not approved, or assigned to another driver or vehicle, kept and flagged (dispatch_mismatch).
  if v_request_id is not null then
    select * into v_request from public.requests r where r.id = v_request_id and r.deleted_at is null for update;
    if not found then
      perform private.sync_refuse('not_found', 'request_id: no such application');
    end if;
    if v_request.type <> 'vehicle_dispatch' then
      perform private.sync_refuse('invalid', 'request_id: not a vehicle dispatch');
    end if;
    if v_request.status <> 'approved' or (v_request.assignment ->> 'driver_id') is distinct from v_uid::text
       or (v_request.assignment ->> 'vehicle_id') is distinct from v_vehicle::text then
      v_flags := v_flags || 'dispatch_mismatch'::text;
    elsif v_request.fulfilled_at is null then
      update public.requests r set fulfilled_at = v_started, fulfilled_by = v_uid where r.id = v_request_id;
    end if;
  else
    v_flags := v_flags || 'no_dispatch'::text;
  end if;

  -- Facts about the start: the vehicle was out of service; the reading is below the one before it.
  perform 1 from public.vehicle_states s where s.id = v_vehicle and s.out_of_service;
  if found then
    v_flags := v_flags || 'out_of_service'::text;
  end if;
  select r.km into v_prev
  from public.trips t
  cross join lateral (values (t.started_at, t.odometer_start, 0), (t.ended_at, t.odometer_end, 1)) as r (at, km, ord)
  where t.vehicle_id = v_vehicle and t.deleted_at is null and r.km is not null and r.at <= v_started
  order by r.at desc, r.ord desc, t.id desc
  limit 1;
  if v_prev is not null and v_odo < v_prev then
    v_flags := v_flags || 'backwards'::text;
  end if;

  insert into public.trips (id, vehicle_id, driver_id, started_at, purpose, destination, passengers, odometer_start,
    vehicle_check_id, flags, request_id, no_dispatch_reason)
  values (p_entity_id, v_vehicle, v_uid, v_started, v_purpose, v_destination, v_passengers, v_odo, v_check, v_flags,
    v_request_id, v_reason);
  perform private.vehicle_state_derive(v_vehicle);

  -- No dispatch is for the fleet manager's review (marked on the trip), not a conflict.
  if pg_catalog.cardinality(pg_catalog.array_remove(v_flags, 'no_dispatch')) > 0 then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.array_to_string(pg_catalog.array_remove(v_flags, 'no_dispatch'), ', '));
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_trip_start(uuid, jsonb) from public, anon, authenticated;
