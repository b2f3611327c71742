-- vehicle_states, derived in the transaction of every op that changes its inputs
-- (trip.start, trip.end, vehicle_check.submit, maintenance.update):
-- - out_of_service: a check with a failed critical item whose repair (the maintenance
--   request made for that item) is not completed yet. reason_check_id = the earliest such
--   check, since = its submitted_at. A rejected request does not return the vehicle to
--   service: a repair must be recorded (issue 5).
-- - last_odometer_km: the latest reading by device time over its trips (start and end).
-- - active_trip_id: the latest trip (by started_at) not ended yet.

-- Is the item critical in this template version's sections?
create function private.checklist_item_critical(p_sections jsonb, p_key text)
returns boolean
language sql immutable
set search_path = ''
as $$
  select coalesce((
    select (it.value ->> 'critical')::boolean
    from pg_catalog.jsonb_array_elements(p_sections) s
    cross join lateral pg_catalog.jsonb_array_elements(s.value -> 'items') it
    where it.value ->> 'key' = p_key
    limit 1), false);
$$;

create function private.vehicle_state_derive(p_vehicle_id uuid)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_reason uuid;
  v_since timestamptz;
  v_odo int;
  v_active uuid;
begin
  select c.id, c.submitted_at into v_reason, v_since
  from public.vehicle_checks c
  join public.checklist_templates t on t.id = c.template_id
  where c.vehicle_id = p_vehicle_id and c.critical_failed and c.deleted_at is null
    and exists (
      select 1 from public.maintenance_requests m
      where m.vehicle_check_id = c.id and m.deleted_at is null and m.status <> 'completed'
        and private.checklist_item_critical(t.sections, m.item_key))
  order by c.submitted_at, c.id
  limit 1;

  select r.km into v_odo
  from public.trips t
  cross join lateral (values (t.started_at, t.odometer_start, 0), (t.ended_at, t.odometer_end, 1)) as r (at, km, ord)
  where t.vehicle_id = p_vehicle_id and t.deleted_at is null and r.km is not null
  order by r.at desc, r.ord desc, t.id desc
  limit 1;

  select t.id into v_active
  from public.trips t
  where t.vehicle_id = p_vehicle_id and t.deleted_at is null and t.ended_at is null
  order by t.started_at desc, t.id desc
  limit 1;

  insert into public.vehicle_states as s (id, out_of_service, reason_check_id, since, last_odometer_km, active_trip_id)
  values (p_vehicle_id, v_reason is not null, v_reason, v_since, v_odo, v_active)
  on conflict (id) do update
    set out_of_service = excluded.out_of_service, reason_check_id = excluded.reason_check_id,
        since = excluded.since, last_odometer_km = excluded.last_odometer_km,
        active_trip_id = excluded.active_trip_id
    -- Unchanged state is not rewritten, so it is not pulled again.
    where (s.out_of_service, s.reason_check_id, s.since, s.last_odometer_km, s.active_trip_id)
          is distinct from
          (excluded.out_of_service, excluded.reason_check_id, excluded.since, excluded.last_odometer_km, excluded.active_trip_id);
end;
$$;

revoke execute on function private.checklist_item_critical(jsonb, text) from public, anon, authenticated;
revoke execute on function private.vehicle_state_derive(uuid) from public, anon, authenticated;
