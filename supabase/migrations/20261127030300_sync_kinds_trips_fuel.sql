-- Op kinds trip.start, trip.end, fuel.record. Payloads in supabase/README.md.
-- Odometer and out-of-service conflicts are facts about a trip (DESIGN.md invariant 2):
-- the trip is stored with trips.flags and the op answers 'flagged'; only unauthorised or
-- malformed ops are refused.

-- The odometer flags of a finished trip, as the domain's checkTripOdometer
-- (features/vehicles/domain/odometer.ts): 'backwards' when the end reading is below the
-- start; 'implausible' when the distance exceeds min(150 km/h × hours, 1,500 km × max(1, days))
-- + 10 km of slack (clock rounding on short hops). Change both together.
create function private.trip_odometer_flags(p_started timestamptz, p_ended timestamptz, p_start int, p_end int)
returns text[]
language sql immutable
set search_path = ''
as $$
  select case
    when p_end is null then '{}'::text[]
    when p_end < p_start then array['backwards']
    when (p_end - p_start) > least(
        150 * greatest(0, pg_catalog.date_part('epoch', p_ended - p_started) / 3600),
        1500 * greatest(1, pg_catalog.date_part('epoch', p_ended - p_started) / 86400)) + 10
      then array['implausible']
    else '{}'::text[]
  end;
$$;

-- trip.start, entity_id = the trip's id:
--   { id?, vehicle_id, started_at, purpose, destination, passengers?, odometer_start,
--     vehicle_check_id?, driver_id? (= caller) }
create function private.sync_apply_trip_start(p_entity_id uuid, p_payload jsonb)
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
begin
  perform private.sync_only_fields(p_payload, array['id', 'vehicle_id', 'started_at', 'purpose', 'destination',
    'passengers', 'odometer_start', 'vehicle_check_id', 'driver_id']);
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
    vehicle_check_id, flags)
  values (p_entity_id, v_vehicle, v_uid, v_started, v_purpose, v_destination, v_passengers, v_odo, v_check, v_flags);
  perform private.vehicle_state_derive(v_vehicle);

  if pg_catalog.cardinality(v_flags) > 0 then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.array_to_string(v_flags, ', '));
  end if;
  return '{}'::jsonb;
end;
$$;

-- trip.end, entity_id = the trip's id (the payload's trip_id names it):
--   { trip_id, ended_at, odometer_end, notes? }
-- The trip's driver or the fleet manager of its site. An already ended trip: the same end
-- again is a duplicate; a different one is flagged 'already_ended' and changes nothing.
create function private.sync_apply_trip_end(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_trip record;
  v_trip_id uuid;
  v_ended timestamptz;
  v_odo int;
  v_notes text;
  v_end_flags text[];
begin
  perform private.sync_only_fields(p_payload, array['trip_id', 'ended_at', 'odometer_end', 'notes']);
  v_trip_id := private.val_uuid(p_payload, 'trip_id');
  v_ended := private.val_time(p_payload, 'ended_at');
  v_odo := private.val_number(p_payload, 'odometer_end', 0, 9999999, true)::int;
  v_notes := private.val_text(p_payload, 'notes', 1000, '', false);
  select t.* into v_trip from public.trips t where t.id = v_trip_id and t.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'trip_id: no such trip (push trip.start first)');
  end if;
  if not (v_trip.driver_id = v_uid or private.vehicle_is_fleet_manager(v_trip.vehicle_id)) then
    perform private.sync_refuse('forbidden', 'trip.end: the trip''s driver or the fleet manager of its site');
  end if;
  if v_ended < v_trip.started_at then
    perform private.sync_refuse('invalid', 'ended_at: before the trip''s started_at');
  end if;

  if v_trip.ended_at is not null then
    if (v_trip.ended_at, v_trip.odometer_end, v_trip.notes) is not distinct from (v_ended, v_odo, v_notes) then
      return '{"status":"duplicate"}'::jsonb;
    end if;
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', 'already_ended');
  end if;

  v_end_flags := private.trip_odometer_flags(v_trip.started_at, v_ended, v_trip.odometer_start, v_odo);
  update public.trips t
  set ended_at = v_ended, odometer_end = v_odo, notes = v_notes,
      flags = (select coalesce(pg_catalog.array_agg(distinct f order by f), '{}') from pg_catalog.unnest(t.flags || v_end_flags) f)
  where t.id = v_trip_id;
  perform private.vehicle_state_derive(v_trip.vehicle_id);

  if pg_catalog.cardinality(v_end_flags) > 0 then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.array_to_string(v_end_flags, ', '));
  end if;
  return '{}'::jsonb;
end;
$$;

-- fuel.record, entity_id = the fuel log's id (an upsert):
--   { id?, vehicle_id, filled_at, odometer_km?, litres?, unit_price?, amount?, full_tank,
--     missed_previous, fuel_type?, station?, fuel_card?, photo_ids, status: 'draft'|'complete',
--     driver_id? (= the log's driver) }
-- New: a driver or fleet manager of the vehicle's site (or its holder), as the driver.
-- A draft: its driver or the fleet manager completes it. Complete: only the fleet manager
-- corrects it. The same content again answers duplicate.
create function private.sync_apply_fuel_record(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_vehicle uuid;
  v_filled timestamptz;
  v_odo int;
  v_litres numeric;
  v_price numeric;
  v_amount numeric;
  v_full boolean;
  v_missed boolean;
  v_type text;
  v_station text;
  v_card text;
  v_photos uuid[];
  v_status text;
  v_existing public.fuel_logs;
  v_driver uuid;
  v_known int;
begin
  perform private.sync_only_fields(p_payload, array['id', 'vehicle_id', 'filled_at', 'odometer_km', 'litres',
    'unit_price', 'amount', 'full_tank', 'missed_previous', 'fuel_type', 'station', 'fuel_card', 'photo_ids',
    'status', 'driver_id']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_filled := private.val_time(p_payload, 'filled_at');
  v_odo := private.val_number(p_payload, 'odometer_km', 0, 9999999, true, '', false)::int;
  v_litres := private.val_number(p_payload, 'litres', 0, 500, false, '', false);
  v_price := private.val_number(p_payload, 'unit_price', 0, 1000, false, '', false);
  v_amount := private.val_number(p_payload, 'amount', 0, 100000, false, '', false);
  if v_litres = 0 then perform private.sync_refuse('invalid', 'litres: must be positive'); end if;
  if v_price = 0 then perform private.sync_refuse('invalid', 'unit_price: must be positive'); end if;
  if v_amount = 0 then perform private.sync_refuse('invalid', 'amount: must be positive'); end if;
  v_full := private.val_bool(p_payload, 'full_tank');
  v_missed := private.val_bool(p_payload, 'missed_previous');
  v_type := private.val_text(p_payload, 'fuel_type', 40, '', false);
  v_station := private.val_text(p_payload, 'station', 100, '', false);
  v_card := private.val_text(p_payload, 'fuel_card', 40, '', false);
  v_photos := private.val_photo_ids(p_payload, 'photo_ids');
  v_status := private.val_enum(p_payload, 'status', array['draft', 'complete']);
  v_known := (v_litres is not null)::int + (v_price is not null)::int + (v_amount is not null)::int;
  if v_status = 'complete' and v_known < 2 then
    perform private.sync_refuse('invalid', 'amount: a complete fill-up needs two of litres, unit_price and amount');
  end if;
  -- Any two give the third; all three must agree within 1 % (rounding at the pump).
  if v_known = 3 and pg_catalog.abs(v_litres * v_price - v_amount) > 0.01 * v_amount then
    perform private.sync_refuse('invalid', 'amount: differs from litres × unit_price by more than 1 %');
  end if;
  perform private.vehicle_site(p_payload);
  v_vehicle := private.val_uuid(p_payload, 'vehicle_id');

  select f.* into v_existing from public.fuel_logs f where f.id = p_entity_id;
  v_driver := coalesce(v_existing.driver_id, v_uid);
  if p_payload ? 'driver_id' and private.val_uuid(p_payload, 'driver_id', '', false) is distinct from v_driver then
    perform private.sync_refuse('invalid', 'driver_id: the log''s driver (you, for a new one)');
  end if;

  if v_existing.id is not null then
    if (v_existing.vehicle_id, v_existing.filled_at, v_existing.odometer_km, v_existing.litres, v_existing.unit_price,
        v_existing.amount, v_existing.full_tank, v_existing.missed_previous, v_existing.fuel_type, v_existing.station,
        v_existing.fuel_card, v_existing.photo_ids, v_existing.status, v_existing.deleted_at)
       is not distinct from
       (v_vehicle, v_filled, v_odo, v_litres, v_price, v_amount, v_full, v_missed, v_type, v_station, v_card,
        v_photos, v_status, null::timestamptz) then
      return '{"status":"duplicate"}'::jsonb;
    end if;
    if v_existing.status = 'complete' or v_existing.driver_id <> v_uid then
      if not (private.vehicle_is_fleet_manager(v_existing.vehicle_id) and private.vehicle_is_fleet_manager(v_vehicle)) then
        perform private.sync_refuse('forbidden', case when v_existing.status = 'complete'
          then 'fuel.record: a complete fill-up is corrected by the fleet manager'
          else 'fuel.record: another driver''s fill-up' end);
      end if;
    elsif not private.vehicle_may_use(v_vehicle) then
      perform private.sync_refuse('forbidden', 'fuel.record: a driver or fleet manager of the vehicle''s site, or its holder');
    end if;
    update public.fuel_logs
    set vehicle_id = v_vehicle, filled_at = v_filled, odometer_km = v_odo, litres = v_litres, unit_price = v_price,
        amount = v_amount, full_tank = v_full, missed_previous = v_missed, fuel_type = v_type, station = v_station,
        fuel_card = v_card, photo_ids = v_photos, status = v_status, deleted_at = null
    where id = p_entity_id;
    return '{}'::jsonb;
  end if;

  if not private.vehicle_may_use(v_vehicle) then
    perform private.sync_refuse('forbidden', 'fuel.record: a driver or fleet manager of the vehicle''s site, or its holder');
  end if;
  insert into public.fuel_logs (id, vehicle_id, driver_id, filled_at, odometer_km, litres, unit_price, amount,
    full_tank, missed_previous, fuel_type, station, fuel_card, photo_ids, status)
  values (p_entity_id, v_vehicle, v_uid, v_filled, v_odo, v_litres, v_price, v_amount, v_full, v_missed, v_type,
    v_station, v_card, v_photos, v_status);
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.trip_odometer_flags(timestamptz, timestamptz, int, int) from public, anon, authenticated;
revoke execute on function private.sync_apply_trip_start(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_trip_end(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_fuel_record(uuid, jsonb) from public, anon, authenticated;
