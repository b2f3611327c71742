-- Renewals (issue #12 point 2): "last done" is per vehicle, and completing a renewal job
-- updates it. The device keeps the same rules in src/features/vehicles/domain/renewalRecords.ts.
--
-- - A default rule (vehicle_id null) carries an interval only: a last done on it would be
--   applied to every vehicle, so renewal_rule.upsert refuses one. (Rows written before this
--   keep theirs; the device ignores a default's last done.)
-- - A vehicle's own row may carry only its last done, with no interval: the default's
--   interval then applies. A row with neither says nothing and is refused.
-- - maintenance.update completing a job may name the renewal it was ({ renewal_kind,
--   renewal_rule_id, odometer_km? }): the vehicle's own row of that kind gets last_done_at =
--   the completion's calendar day in the company zone and last_done_km = the reading sent
--   (else the vehicle's last known one), unless a later last done is recorded. Without an
--   own row one is made with renewal_rule_id (the device's id) and no interval. If the
--   vehicle already has an own row under another id (another device made it), that row is
--   updated and renewal_rule_id is written as a tombstone, so the device drops its copy.

alter table public.renewal_rules drop constraint renewal_rules_check;
alter table public.renewal_rules add constraint renewal_rules_says_something
  check (every_km is not null or every_months is not null
         or (vehicle_id is not null and (last_done_at is not null or last_done_km is not null)));

-- The company's calendar day of an instant (company.timezone, default Asia/Shanghai).
create function private.company_date(p_at timestamptz)
returns date
language sql stable
set search_path = ''
as $$
  select (p_at at time zone coalesce(
    (select c.timezone from public.company c where c.deleted_at is null order by c.created_at limit 1),
    'Asia/Shanghai'))::date;
$$;

create or replace function private.sync_apply_renewal_rule_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_vehicle uuid;
  v_site uuid;
  v_kind text;
  v_km int;
  v_months int;
  v_done date;
  v_done_km int;
  v_deleted boolean;
  v_old record;
  v_had boolean;
begin
  perform private.sync_only_fields(p_payload, array['id', 'vehicle_id', 'kind', 'every_km', 'every_months',
    'last_done_at', 'last_done_km', 'deleted']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_kind := private.val_enum(p_payload, 'kind', array['service', 'annual_inspection', 'insurance']);
  v_km := private.val_number(p_payload, 'every_km', 1, 1000000, true, '', false)::int;
  v_months := private.val_number(p_payload, 'every_months', 1, 120, true, '', false)::int;
  v_done := private.val_date(p_payload, 'last_done_at', '', false);
  v_done_km := private.val_number(p_payload, 'last_done_km', 0, 9999999, true, '', false)::int;
  v_deleted := coalesce(private.val_bool(p_payload, 'deleted', '', false), false);
  if private.val_uuid(p_payload, 'vehicle_id', '', false) is not null then
    v_site := private.vehicle_site(p_payload);
    v_vehicle := private.val_uuid(p_payload, 'vehicle_id');
  end if;
  if v_vehicle is null then
    if v_done is not null or v_done_km is not null then
      perform private.sync_refuse('invalid', pg_catalog.format(
        '%s: a rule for every vehicle has no last done (last done is per vehicle)',
        case when v_done_km is not null then 'last_done_km' else 'last_done_at' end));
    end if;
    if v_km is null and v_months is null then
      perform private.sync_refuse('invalid', 'every_km: a rule needs every_km or every_months');
    end if;
  elsif v_km is null and v_months is null and v_done is null and v_done_km is null then
    perform private.sync_refuse('invalid', 'every_km: a vehicle''s rule needs an interval or a last done');
  end if;

  -- Rights over the rule's vehicle now, and over the one it had before.
  select r.vehicle_id, a.site_id into v_old
  from public.renewal_rules r left join public.assets a on a.id = r.vehicle_id where r.id = p_entity_id;
  v_had := found;
  if not ((public.has_role_at('fleet_manager', v_site) or public.has_role_at('admin_head', v_site))
          and (not v_had
               or public.has_role_at('fleet_manager', v_old.site_id) or public.has_role_at('admin_head', v_old.site_id))) then
    perform private.sync_refuse('forbidden', 'renewal_rule.upsert: the fleet manager or admin head of the vehicle''s site (of every site for a default rule)');
  end if;

  insert into public.renewal_rules as r (id, vehicle_id, kind, every_km, every_months, last_done_at, last_done_km, deleted_at)
  values (p_entity_id, v_vehicle, v_kind, v_km, v_months, v_done, v_done_km, case when v_deleted then pg_catalog.now() end)
  on conflict (id) do update
    set vehicle_id = excluded.vehicle_id, kind = excluded.kind, every_km = excluded.every_km,
        every_months = excluded.every_months, last_done_at = excluded.last_done_at,
        last_done_km = excluded.last_done_km,
        -- A tombstone keeps its first deletion time; an upsert without deleted revives it.
        deleted_at = case when v_deleted then coalesce(r.deleted_at, excluded.deleted_at) end;
  return '{}'::jsonb;
end;
$$;

-- The vehicle's last done of a kind after a renewal job completed on p_at (renewalDone on
-- the device). p_rule_id: the id the device gave a new own row.
create function private.renewal_done(p_vehicle_id uuid, p_kind text, p_rule_id uuid, p_at timestamptz, p_km int)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_day date := private.company_date(p_at);
  v_km int := coalesce(p_km, (select s.last_odometer_km from public.vehicle_states s where s.id = p_vehicle_id));
  v_own public.renewal_rules;
  v_same record;
begin
  select r.vehicle_id, r.kind into v_same from public.renewal_rules r where r.id = p_rule_id;
  if found and (v_same.vehicle_id is distinct from p_vehicle_id or v_same.kind <> p_kind) then
    perform private.sync_refuse('invalid', 'renewal_rule_id: a rule of another vehicle or kind');
  end if;
  select r.* into v_own from public.renewal_rules r
  where r.vehicle_id = p_vehicle_id and r.kind = p_kind and r.deleted_at is null
  for update;
  if found then
    if v_own.last_done_at is null or v_own.last_done_at <= v_day then
      update public.renewal_rules r set last_done_at = v_day, last_done_km = v_km where r.id = v_own.id;
    end if;
    if v_own.id <> p_rule_id then
      insert into public.renewal_rules (id, vehicle_id, kind, every_km, every_months, last_done_at, last_done_km, deleted_at)
      values (p_rule_id, p_vehicle_id, p_kind, null, null, v_day, v_km, pg_catalog.now())
      on conflict (id) do nothing;
    end if;
    return;
  end if;
  -- No live own row: a new one, or the device's (deleted here meanwhile) brought back.
  insert into public.renewal_rules as r (id, vehicle_id, kind, every_km, every_months, last_done_at, last_done_km)
  values (p_rule_id, p_vehicle_id, p_kind, null, null, v_day, v_km)
  on conflict (id) do update
    set last_done_at = greatest(r.last_done_at, excluded.last_done_at),
        last_done_km = case when r.last_done_at > excluded.last_done_at then r.last_done_km else excluded.last_done_km end,
        deleted_at = null;
end;
$$;

create or replace function private.sync_apply_maintenance_update(p_entity_id uuid, p_payload jsonb)
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
  v_renewal text;
  v_rule uuid;
  v_km int;
  v_done_at timestamptz;
  v_rank constant jsonb := '{"requested":0,"approved":1,"in_progress":2,"completed":3,"rejected":3}';
begin
  perform private.sync_only_fields(p_payload, array['request_id', 'status', 'garage', 'cost', 'completed_at', 'note',
    'renewal_kind', 'renewal_rule_id', 'odometer_km']);
  v_id := private.val_uuid(p_payload, 'request_id');
  v_status := private.val_enum(p_payload, 'status', array['requested', 'approved', 'in_progress', 'completed', 'rejected']);
  perform private.val_text(p_payload, 'garage', 100, '', false);
  perform private.val_number(p_payload, 'cost', 0, 10000000, false, '', false);
  perform private.val_text(p_payload, 'note', 500, '', false);
  v_completed := private.val_time(p_payload, 'completed_at', '', false);
  if v_completed is not null and v_status <> 'completed' then
    perform private.sync_refuse('invalid', 'completed_at: only with status completed');
  end if;
  v_renewal := private.val_enum(p_payload, 'renewal_kind', array['service', 'annual_inspection', 'insurance'], '', false);
  v_km := private.val_number(p_payload, 'odometer_km', 0, 9999999, true, '', false)::int;
  if v_renewal is not null then
    if v_status <> 'completed' then
      perform private.sync_refuse('invalid', 'renewal_kind: only with status completed');
    end if;
    v_rule := private.val_uuid(p_payload, 'renewal_rule_id');
  elsif p_payload ? 'renewal_rule_id' or p_payload ? 'odometer_km' then
    perform private.sync_refuse('invalid', 'renewal_rule_id: only with renewal_kind');
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
  where m.id = v_id
  returning m.completed_at into v_done_at;
  if v_renewal is not null then
    perform private.renewal_done(v_req.vehicle_id, v_renewal, v_rule, v_done_at, v_km);
  end if;
  perform private.vehicle_state_derive(v_req.vehicle_id);
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.company_date(timestamptz) from public, anon, authenticated;
revoke execute on function private.renewal_done(uuid, text, uuid, timestamptz, int) from public, anon, authenticated;
revoke execute on function private.sync_apply_renewal_rule_upsert(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_maintenance_update(uuid, jsonb) from public, anon, authenticated;
