-- Op kinds of the dormitories (payloads as the device's domain, src/features/dorms/domain):
--   dorm_building.upsert (entity = building)  { site_id, name, floors, rules? }
--   dorm_room.upsert     (entity = room)      { building_id, floor, number, room_type, gender, fee_fen,
--                                               furniture: [{ name, qty }], beds: [{ id, code, label_token }] }
--   dorm_bed.record      (entity = the event) { bed_id, type, payload, photo_ids? }
-- Rooms and buildings by the dorm manager or the head of administration of the site. Bed events by
-- them too, except that the occupant checks themselves in (and out). An allocation of a bed someone
-- already holds, or of a bed under repair, or against the room's gender is KEPT and answered
-- 'flagged' (invariant 2); the bed shows the conflict until the dorm manager resolves it.

create function private.sync_apply_dorm_building_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_site uuid;
  v_old uuid;
begin
  perform private.sync_only_fields(p_payload, array['id', 'site_id', 'name', 'floors', 'rules']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_site := private.val_uuid(p_payload, 'site_id');
  perform 1 from public.sites s where s.id = v_site and s.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'site_id: no such site');
  end if;
  if not (public.has_role_at('dorm_manager', v_site) or public.has_role_at('admin_head', v_site)) then
    perform private.sync_refuse('forbidden', 'dorm_building.upsert: the dorm manager or the admin head of the site');
  end if;
  select b.site_id into v_old from public.dorm_buildings b where b.id = p_entity_id for update;
  if v_old is not null and v_old <> v_site then
    perform private.sync_refuse('invalid', 'site_id: a building does not move to another site');
  end if;
  insert into public.dorm_buildings (id, site_id, name, floors, rules)
  values (p_entity_id, v_site, private.val_text(p_payload, 'name', 60),
    private.val_number(p_payload, 'floors', 1, 60, true)::int, private.val_text(p_payload, 'rules', 4000, '', false))
  on conflict (id) do update
    set name = excluded.name, floors = excluded.floors, rules = excluded.rules, deleted_at = null;
  return '{}'::jsonb;
end;
$$;

create function private.sync_apply_dorm_room_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_building public.dorm_buildings;
  v_old public.dorm_rooms;
  v_type int;
  v_furniture jsonb := '[]'::jsonb;
  v_item jsonb;
  v_bed jsonb;
  v_bed_id uuid;
  v_code text;
  v_token text;
  v_owner text;
  v_existing public.dorm_beds;
  v_ids uuid[] := '{}';
  v_codes text[] := '{}';
  v_tokens text[] := '{}';
  i int;
  w text;
begin
  perform private.sync_only_fields(p_payload, array['id', 'building_id', 'floor', 'number', 'room_type', 'gender',
    'fee_fen', 'furniture', 'beds']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  select * into v_building from public.dorm_buildings b where b.id = private.val_uuid(p_payload, 'building_id') and b.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'building_id: no such building');
  end if;
  if not (public.has_role_at('dorm_manager', v_building.site_id) or public.has_role_at('admin_head', v_building.site_id)) then
    perform private.sync_refuse('forbidden', 'dorm_room.upsert: the dorm manager or the admin head of the site');
  end if;
  select * into v_old from public.dorm_rooms r where r.id = p_entity_id for update;
  if found and v_old.building_id <> v_building.id then
    perform private.sync_refuse('invalid', 'building_id: a room does not move to another building');
  end if;
  v_type := private.val_number(p_payload, 'room_type', 1, 6, true)::int;
  if v_type not in (1, 2, 4, 6) then
    perform private.sync_refuse('invalid', 'room_type: 1, 2, 4 or 6 beds');
  end if;
  if pg_catalog.jsonb_typeof(p_payload -> 'furniture') is distinct from 'array' or pg_catalog.jsonb_array_length(p_payload -> 'furniture') > 40 then
    perform private.sync_refuse('invalid', 'furniture: up to 40 { name, qty }');
  end if;
  for v_item, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'furniture') with ordinality e (value, n) loop
    w := pg_catalog.format('furniture[%s].', i);
    if pg_catalog.jsonb_typeof(v_item) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('furniture[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_item, array['name', 'qty']);
    v_furniture := v_furniture || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
      'name', private.val_text(v_item, 'name', 40, w), 'qty', private.val_number(v_item, 'qty', 1, 99, true, w)::int));
  end loop;
  if pg_catalog.jsonb_typeof(p_payload -> 'beds') is distinct from 'array' or pg_catalog.jsonb_array_length(p_payload -> 'beds') <> v_type then
    perform private.sync_refuse('invalid', 'beds: one { id, code, label_token } per bed of the room type');
  end if;

  insert into public.dorm_rooms (id, building_id, site_id, floor, number, room_type, gender, fee_fen, furniture)
  values (p_entity_id, v_building.id, v_building.site_id,
    private.val_number(p_payload, 'floor', -3, 60, true)::int, private.val_text(p_payload, 'number', 20), v_type,
    private.val_enum(p_payload, 'gender', array['male', 'female']),
    private.val_number(p_payload, 'fee_fen', 0, 10000000, true)::int, v_furniture)
  on conflict (id) do update
    set floor = excluded.floor, number = excluded.number, room_type = excluded.room_type, gender = excluded.gender,
        fee_fen = excluded.fee_fen, furniture = excluded.furniture, deleted_at = null;

  for v_bed, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'beds') with ordinality e (value, n) loop
    w := pg_catalog.format('beds[%s].', i);
    if pg_catalog.jsonb_typeof(v_bed) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('beds[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_bed, array['id', 'code', 'label_token']);
    v_bed_id := private.val_uuid(v_bed, 'id', w);
    v_code := private.val_text(v_bed, 'code', 4, w);
    v_token := private.val_text(v_bed, 'label_token', 17, w);
    if v_code !~ '^[A-Z0-9]{1,4}$' then
      perform private.sync_refuse('invalid', w || 'code: 1 to 4 of A-Z, 0-9');
    end if;
    if not private.is_label_token(v_token) then
      perform private.sync_refuse('invalid', w || 'label_token: not a label token (16 symbols + check)');
    end if;
    if v_bed_id = any (v_ids) or v_code = any (v_codes) or v_token = any (v_tokens) then
      perform private.sync_refuse('invalid', w || 'a bed, code or label given twice');
    end if;
    v_ids := v_ids || v_bed_id; v_codes := v_codes || v_code; v_tokens := v_tokens || v_token;
    select * into v_existing from public.dorm_beds b where b.id = v_bed_id for update;
    if found and v_existing.room_id <> p_entity_id then
      perform private.sync_refuse('invalid', w || 'id: a bed of another room');
    end if;
    if found and v_existing.label_token <> v_token then
      perform private.sync_refuse('invalid', w || 'label_token: the bed has a label; reprint keeps it');
    end if;
    -- A scanned token must name one thing: not another bed, not an area, not an asset.
    v_owner := private.label_token_owner(v_token);
    if v_owner is not null and v_owner <> 'bed:' || v_bed_id then
      perform private.sync_refuse('invalid', w || 'label_token: already used by ' || pg_catalog.split_part(v_owner, ':', 1));
    end if;
    insert into public.dorm_beds (id, room_id, building_id, site_id, code, label_token)
    values (v_bed_id, p_entity_id, v_building.id, v_building.site_id, v_code, v_token)
    on conflict (id) do update set code = excluded.code, deleted_at = null;
  end loop;
  -- Beds the room no longer lists go, unless someone holds them.
  if exists (select 1 from public.dorm_beds b where b.room_id = p_entity_id and b.deleted_at is null
             and not (b.id = any (v_ids)) and b.stay_id is not null) then
    perform private.sync_refuse('invalid', 'beds: a bed left out still has someone on it; check them out first');
  end if;
  update public.dorm_beds b set deleted_at = pg_catalog.now()
  where b.room_id = p_entity_id and b.deleted_at is null and not (b.id = any (v_ids));
  return '{}'::jsonb;
end;
$$;

-- Records one bed event (validated, authorised), re-derives the bed and answers as an op does:
-- '{}' applied, or flagged with the dorms.flags.* reasons. Shared by dorm_bed.record and the check-in.
create function private.dorm_bed_event(p_event_id uuid, p_bed_id uuid, p_type text, p_payload jsonb, p_photo_ids uuid[], p_at timestamptz)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_bed public.dorm_beds;
  v_room public.dorm_rooms;
  v_stay public.dorm_stays;
  v_stay_id uuid;
  v_manager boolean;
  v_flags text[] := '{}';
  v_gender text;
  v_dept uuid;
  v_request uuid;
  v_starts date;
  v_ends date;
  v_id uuid;
  v_derived jsonb;
  v_existing record;
  v_req record;
begin
  select * into v_bed from public.dorm_beds b where b.id = p_bed_id and b.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', 'bed_id: no such bed');
  end if;
  select * into v_room from public.dorm_rooms r where r.id = v_bed.room_id;
  v_manager := public.has_role_at('dorm_manager', v_bed.site_id) or public.has_role_at('admin_head', v_bed.site_id);

  select be.bed_id, be.type, be.payload, be.device_time into v_existing from public.dorm_bed_events be where be.id = p_event_id;
  if found then
    if (v_existing.bed_id, v_existing.type, v_existing.payload) is distinct from (p_bed_id, p_type, p_payload) then
      perform private.sync_refuse('invalid', 'id: a different event was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;

  case p_type
    when 'allocate' then
      perform private.sync_only_fields(p_payload, array['stay_id', 'occupant_id', 'gender', 'department_id', 'shift',
        'starts_on', 'ends_on', 'request_id', 'note']);
      if not v_manager then
        perform private.sync_refuse('forbidden', 'dorm_bed.record: the dorm manager or the admin head allocates beds');
      end if;
      v_stay_id := private.val_uuid(p_payload, 'stay_id', 'payload.');
      perform private.val_person(private.val_uuid(p_payload, 'occupant_id', 'payload.'), 'payload.occupant_id');
      v_gender := private.val_enum(p_payload, 'gender', array['male', 'female'], 'payload.');
      v_dept := private.val_uuid(p_payload, 'department_id', 'payload.', false);
      v_starts := private.val_date(p_payload, 'starts_on', 'payload.');
      v_ends := private.val_date(p_payload, 'ends_on', 'payload.', false);
      v_request := private.val_uuid(p_payload, 'request_id', 'payload.', false);
      perform private.val_text(p_payload, 'note', 500, 'payload.', false);
      if v_ends < v_starts then
        perform private.sync_refuse('invalid', 'payload.ends_on: before starts_on');
      end if;
      -- The 入住申请 it carries out: an approved one is marked fulfilled; one not (or no longer)
      -- approved is kept and flagged for the manager, never refused.
      if v_request is not null then
        select q.type, q.status, q.fulfilled_at into v_req from public.requests q where q.id = v_request for update;
        if not found then
          perform private.sync_refuse('not_found', 'payload.request_id: no such application');
        end if;
        if v_req.type <> 'dorm_stay' then
          perform private.sync_refuse('invalid', 'payload.request_id: not a dorm application');
        end if;
        if v_req.status <> 'approved' then
          v_flags := v_flags || 'dorms.flags.requestNotApproved'::text;
        elsif v_req.fulfilled_at is null then
          update public.requests q set fulfilled_at = p_at, fulfilled_by = v_uid where q.id = v_request;
        end if;
      end if;
      if exists (select 1 from public.dorm_stays s where s.id = v_stay_id) then
        perform private.sync_refuse('invalid', 'payload.stay_id: already used');
      end if;
      insert into public.dorm_stays (id, bed_id, room_id, building_id, site_id, occupant_id, gender, department_id, shift,
        starts_on, ends_on, request_id, allocated_by, allocated_at)
      values (v_stay_id, p_bed_id, v_bed.room_id, v_bed.building_id, v_bed.site_id, (p_payload ->> 'occupant_id')::uuid, v_gender,
        v_dept, private.val_text(p_payload, 'shift', 20, 'payload.', false), v_starts, v_ends, v_request, v_uid, p_at);
      if v_gender <> v_room.gender then
        v_flags := v_flags || 'dorms.flags.genderMismatch'::text;
      end if;
    when 'cancel', 'check_in', 'check_out' then
      perform private.sync_only_fields(p_payload, case when p_type = 'check_in' then array['stay_id', 'occupant_id'] else array['stay_id', 'note'] end);
      v_stay_id := private.val_uuid(p_payload, 'stay_id', 'payload.');
      select * into v_stay from public.dorm_stays s where s.id = v_stay_id;
      if not found or v_stay.bed_id <> p_bed_id then
        perform private.sync_refuse('not_found', 'payload.stay_id: no such stay on this bed');
      end if;
      if p_type = 'check_in' and private.val_uuid(p_payload, 'occupant_id', 'payload.') <> v_stay.occupant_id then
        perform private.sync_refuse('invalid', 'payload.occupant_id: not the stay''s occupant');
      end if;
      perform private.val_text(p_payload, 'note', 500, 'payload.', false);
      if not v_manager and not (p_type in ('check_in', 'check_out') and v_stay.occupant_id = v_uid) then
        perform private.sync_refuse('forbidden', 'dorm_bed.record: the dorm manager, the admin head or the occupant');
      end if;
    when 'repair_start', 'repair_end' then
      perform private.sync_only_fields(p_payload, array['note']);
      perform private.val_text(p_payload, 'note', 500, 'payload.', false);
      if not v_manager then
        perform private.sync_refuse('forbidden', 'dorm_bed.record: the dorm manager or the admin head');
      end if;
    when 'resolve_conflict' then
      perform private.sync_only_fields(p_payload, array['conflict_ids', 'keep_stay_id', 'note']);
      perform private.val_text(p_payload, 'note', 500, 'payload.', false);
      if not v_manager then
        perform private.sync_refuse('forbidden', 'dorm_bed.record: the dorm manager or the admin head resolves');
      end if;
      if pg_catalog.jsonb_typeof(p_payload -> 'conflict_ids') is distinct from 'array'
         or pg_catalog.jsonb_array_length(p_payload -> 'conflict_ids') not between 1 and 50 then
        perform private.sync_refuse('invalid', 'payload.conflict_ids: 1 to 50 event ids');
      end if;
      for v_id in select private.val_uuid(pg_catalog.jsonb_build_object('id', x), 'id', 'payload.conflict_ids.')
                  from pg_catalog.jsonb_array_elements(p_payload -> 'conflict_ids') x loop
        perform 1 from public.dorm_bed_events be where be.id = v_id and be.bed_id = p_bed_id;
        if not found then
          perform private.sync_refuse('not_found', 'payload.conflict_ids: not an event of this bed');
        end if;
      end loop;
      v_stay_id := private.val_uuid(p_payload, 'keep_stay_id', 'payload.', false);
      if v_stay_id is not null and not exists (select 1 from public.dorm_stays s where s.id = v_stay_id and s.bed_id = p_bed_id) then
        perform private.sync_refuse('not_found', 'payload.keep_stay_id: no such stay on this bed');
      end if;
      v_stay_id := null;
    else
      perform private.sync_refuse('invalid', 'type: one of allocate, cancel, check_in, check_out, repair_start, repair_end, resolve_conflict');
  end case;

  insert into public.dorm_bed_events (id, bed_id, site_id, stay_id, type, actor_id, device_time, payload, photo_ids)
  values (p_event_id, p_bed_id, v_bed.site_id, v_stay_id, p_type, v_uid, p_at, p_payload, coalesce(p_photo_ids, '{}'));
  v_derived := private.dorm_bed_derive(p_bed_id);
  -- Flagged when this event raised a conflict, or is one side of a conflict still open (the earlier
  -- of two offline allocations arriving second reveals it just the same).
  v_flags := v_flags || array(
    select distinct case c ->> 'kind' when 'in_repair' then 'dorms.flags.inRepair' else 'dorms.flags.doubleBooking' end
    from pg_catalog.jsonb_array_elements(v_derived -> 'conflicts') c
    where (c ->> 'id')::uuid = p_event_id
       or ((c ->> 'open')::boolean and v_stay_id is not null and c -> 'stay_ids' ? v_stay_id::text));
  if pg_catalog.cardinality(v_flags) > 0 then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.array_to_string(v_flags, '; '));
  end if;
  return '{}'::jsonb;
end;
$$;

create function private.sync_apply_dorm_bed_record(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  perform private.sync_only_fields(p_payload, array['bed_id', 'type', 'payload', 'photo_ids']);
  if pg_catalog.jsonb_typeof(p_payload -> 'payload') is distinct from 'object' then
    perform private.sync_refuse('invalid', 'payload: must be an object');
  end if;
  return private.dorm_bed_event(p_entity_id, private.val_uuid(p_payload, 'bed_id'), private.val_text(p_payload, 'type', 20),
    p_payload -> 'payload', private.val_photo_ids(p_payload, 'photo_ids'), private.sync_op_device_time());
end;
$$;

revoke execute on function private.sync_apply_dorm_building_upsert(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_dorm_room_upsert(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.dorm_bed_event(uuid, uuid, text, jsonb, uuid[], timestamptz) from public, anon, authenticated;
revoke execute on function private.sync_apply_dorm_bed_record(uuid, jsonb) from public, anon, authenticated;
