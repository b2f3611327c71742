-- Op kinds accident.report, accident.update, renewal_rule.upsert. Payloads in supabase/README.md.

-- accident.report, entity_id = the accident's id:
--   { id?, vehicle_id, occurred_at, place, latitude?, longitude? (both or neither),
--     description, injuries?, other_party?, police_report_no?, photo_ids, driver_id? (= caller) }
-- A driver or fleet manager of the vehicle's site, or its holder. The report is a fact: the
-- same again is a duplicate, another one with its id 'invalid'.
create function private.sync_apply_accident_report(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_vehicle uuid;
  v_at timestamptz;
  v_place text;
  v_lat numeric;
  v_lon numeric;
  v_desc text;
  v_injuries text;
  v_other text;
  v_police text;
  v_photos uuid[];
  v_existing record;
begin
  perform private.sync_only_fields(p_payload, array['id', 'vehicle_id', 'occurred_at', 'place', 'latitude', 'longitude',
    'description', 'injuries', 'other_party', 'police_report_no', 'photo_ids', 'driver_id']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  if p_payload ? 'driver_id' and private.val_uuid(p_payload, 'driver_id', '', false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', 'driver_id: you report as yourself');
  end if;
  v_at := private.val_time(p_payload, 'occurred_at');
  v_place := private.val_text(p_payload, 'place', 200);
  v_lat := private.val_number(p_payload, 'latitude', -90, 90, false, '', false);
  v_lon := private.val_number(p_payload, 'longitude', -180, 180, false, '', false);
  if (v_lat is null) <> (v_lon is null) then
    perform private.sync_refuse('invalid', 'latitude: a position needs both latitude and longitude');
  end if;
  v_desc := private.val_text(p_payload, 'description', 2000);
  v_injuries := private.val_text(p_payload, 'injuries', 500, '', false);
  v_other := private.val_text(p_payload, 'other_party', 500, '', false);
  v_police := private.val_text(p_payload, 'police_report_no', 50, '', false);
  v_photos := private.val_photo_ids(p_payload, 'photo_ids');
  perform private.vehicle_site(p_payload);
  v_vehicle := private.val_uuid(p_payload, 'vehicle_id');
  if not private.vehicle_may_use(v_vehicle) then
    perform private.sync_refuse('forbidden', 'accident.report: a driver or fleet manager of the vehicle''s site, or its holder');
  end if;

  select x.vehicle_id, x.driver_id, x.occurred_at, x.place, x.latitude, x.longitude, x.description, x.injuries,
         x.other_party, x.police_report_no, x.photo_ids
  into v_existing from public.accidents x where x.id = p_entity_id;
  if found then
    if (v_existing.vehicle_id, v_existing.driver_id, v_existing.occurred_at, v_existing.place, v_existing.latitude,
        v_existing.longitude, v_existing.description, v_existing.injuries, v_existing.other_party,
        v_existing.police_report_no, v_existing.photo_ids)
       is distinct from
       (v_vehicle, v_uid, v_at, v_place, v_lat::double precision, v_lon::double precision, v_desc, v_injuries, v_other,
        v_police, v_photos) then
      perform private.sync_refuse('invalid', 'id: a different accident was already reported with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;

  insert into public.accidents (id, vehicle_id, driver_id, occurred_at, place, latitude, longitude, description,
    injuries, other_party, police_report_no, photo_ids)
  values (p_entity_id, v_vehicle, v_uid, v_at, v_place, v_lat, v_lon, v_desc, v_injuries, v_other, v_police, v_photos);
  return '{}'::jsonb;
end;
$$;

-- accident.update, entity_id = the accident's id (the payload's accident_id names it):
--   { accident_id, status: 'reported'|'under_review'|'claim_filed'|'closed', claim_no?, cost?, note? }
-- The fleet manager of the vehicle's site. Forward moves (steps may be skipped) or the same
-- status (to correct claim_no/cost); claim_filed needs a claim_no (sent or already there).
-- A move back does not fit: nothing changes and the op answers 'flagged'. accidents has no
-- note column: the note is kept in the audit log with the update.
create function private.sync_apply_accident_update(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
  v_acc public.accidents;
  v_status text;
  v_claim text;
  v_note text;
  v_rank constant jsonb := '{"reported":0,"under_review":1,"claim_filed":2,"closed":3}';
begin
  perform private.sync_only_fields(p_payload, array['accident_id', 'status', 'claim_no', 'cost', 'note']);
  v_id := private.val_uuid(p_payload, 'accident_id');
  v_status := private.val_enum(p_payload, 'status', array['reported', 'under_review', 'claim_filed', 'closed']);
  v_claim := private.val_text(p_payload, 'claim_no', 50, '', false);
  perform private.val_number(p_payload, 'cost', 0, 10000000, false, '', false);
  v_note := private.val_text(p_payload, 'note', 500, '', false);
  select x.* into v_acc from public.accidents x where x.id = v_id and x.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'accident_id: no such accident');
  end if;
  if not private.vehicle_is_fleet_manager(v_acc.vehicle_id) then
    perform private.sync_refuse('forbidden', 'accident.update: the fleet manager of the vehicle''s site');
  end if;
  if v_status = 'claim_filed' and coalesce(v_claim, v_acc.claim_no) is null then
    perform private.sync_refuse('invalid', 'claim_no: required to file a claim');
  end if;
  if (v_rank ->> v_status)::int < (v_rank ->> v_acc.status)::int then
    return pg_catalog.jsonb_build_object('status', 'flagged',
      'detail', pg_catalog.format('status: %s → %s does not fit', v_acc.status, v_status));
  end if;

  update public.accidents x
  set status = v_status,
      claim_no = case when p_payload ? 'claim_no' then v_claim else x.claim_no end,
      cost = case when p_payload ? 'cost' then private.val_number(p_payload, 'cost', 0, 10000000, false, '', false) else x.cost end
  where x.id = v_id;
  if v_note is not null then
    insert into public.audit_log (actor, table_name, row_id, action, old_row, new_row, op_id)
    values (auth.uid(), 'accidents', v_id, 'update', null,
      pg_catalog.jsonb_build_object('status', v_status, 'note', v_note),
      nullif(pg_catalog.current_setting('app.op_id', true), '')::uuid);
  end if;
  return '{}'::jsonb;
end;
$$;

-- renewal_rule.upsert, entity_id = the rule's id:
--   { id?, vehicle_id? (null = every vehicle), kind: 'service'|'annual_inspection'|'insurance',
--     every_km? (1..1,000,000), every_months? (1..120) — at least one —, last_done_at? (YYYY-MM-DD),
--     last_done_km?, deleted?: boolean }
-- The fleet manager or the admin head of the vehicle's site; a default rule (no vehicle) needs
-- the role at every site. One live rule per vehicle and kind (and one default per kind).
create function private.sync_apply_renewal_rule_upsert(p_entity_id uuid, p_payload jsonb)
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
  if v_km is null and v_months is null then
    perform private.sync_refuse('invalid', 'every_km: a rule needs every_km or every_months');
  end if;
  v_done := private.val_date(p_payload, 'last_done_at', '', false);
  v_done_km := private.val_number(p_payload, 'last_done_km', 0, 9999999, true, '', false)::int;
  v_deleted := coalesce(private.val_bool(p_payload, 'deleted', '', false), false);
  if private.val_uuid(p_payload, 'vehicle_id', '', false) is not null then
    v_site := private.vehicle_site(p_payload);
    v_vehicle := private.val_uuid(p_payload, 'vehicle_id');
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

revoke execute on function private.sync_apply_accident_report(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_accident_update(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_renewal_rule_upsert(uuid, jsonb) from public, anon, authenticated;
