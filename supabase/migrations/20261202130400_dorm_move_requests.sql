-- 调宿申请 (room change, issue 10) on the requests engine: the request type 'dorm_move', the same data as
-- REQUEST_TYPES in src/features/requests/domain/types.ts (tests/db/requests.test.ts compares them): the
-- resident applies (reason, when, preferences), the admin head approves, the dorm manager carries it out —
-- an allocation of the new bed carrying the application's id marks it fulfilled (private.dorm_bed_event
-- below, as 20261202050300 with 'dorm_move' accepted beside 'dorm_stay'); then the check-out of the old bed
-- and the check-in of the new one, each the walk-through it always is (keys handed back and over).

insert into private.request_types values
  ('dorm_move', 'reason', '{admin_head}', null, null, 'dorm_manager');

insert into private.request_type_fields (type, ord, key, kind, optional, required_if, max, min, options, after) values
  ('dorm_move', 1, 'reason', 'textarea', false, null, 500, null, null, null),
  ('dorm_move', 2, 'move_at', 'datetime', false, null, 0, null, null, null),
  ('dorm_move', 3, 'preferences', 'textarea', true, null, 500, null, null, null);

create or replace function private.dorm_bed_event(p_event_id uuid, p_bed_id uuid, p_type text, p_payload jsonb, p_photo_ids uuid[], p_at timestamptz)
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
      -- The 入住申请 or 调宿申请 it carries out: an approved one is marked fulfilled; one not (or no longer)
      -- approved is kept and flagged for the manager, never refused.
      if v_request is not null then
        select q.type, q.status, q.fulfilled_at into v_req from public.requests q where q.id = v_request for update;
        if not found then
          perform private.sync_refuse('not_found', 'payload.request_id: no such application');
        end if;
        if v_req.type not in ('dorm_stay', 'dorm_move') then
          perform private.sync_refuse('invalid', 'payload.request_id: not a dorm application (入住申请 or 调宿申请)');
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
