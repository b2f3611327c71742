-- Keys and access cards handed over at check-in as custody items (issue 10): dorm_check_in.submit's
-- keys are now either { label } (a key without a label, as before) or { asset_id, event_id }: a dorm_key
-- asset (20261202130100) of the stay's site and room (or of no room), handed to the resident by a custody
-- check_out (event id made on the device) in the check-in's transaction. The same helper hands them back
-- at check-out (custody check_in, 20261202130300). The resident sees the keys of the room they live in
-- or are about to (so their phone can list them at check-in), as well as what they hold.

-- Records one custody event of a dormitory key for a stay, like custody.record does (insert, the people
-- named on it, the derivation), on the authority of the check-in or check-out that carries it (the
-- resident or the dorm manager: the op has already checked who may). Returns null, or the flag to
-- answer when the key's fold shows an open conflict naming this event.
create function private.dorm_key_hand(p_event_id uuid, p_asset_id uuid, p_stay public.dorm_stays, p_type text,
  p_at timestamptz, p_where text)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_asset record;
  v_existing record;
  v_payload jsonb;
  v_out jsonb;
begin
  select a.id, a.kind, a.site_id, a.details into v_asset
  from public.assets a where a.id = p_asset_id and a.deleted_at is null for update;
  if not found or v_asset.kind <> 'dorm_key' then
    perform private.sync_refuse('not_found', p_where || 'asset_id: no such dormitory key');
  end if;
  if v_asset.site_id <> p_stay.site_id or (v_asset.details ->> 'room_id')::uuid <> p_stay.room_id then
    perform private.sync_refuse('invalid', p_where || 'asset_id: a key of another room');
  end if;
  select ce.asset_id, ce.type into v_existing from public.custody_events ce where ce.id = p_event_id;
  if found then
    if (v_existing.asset_id, v_existing.type) is distinct from (p_asset_id, p_type) then
      perform private.sync_refuse('invalid', p_where || 'event_id: already used by another event');
    end if;
    return null;
  end if;
  v_payload := case p_type
    when 'check_out' then pg_catalog.jsonb_build_object('to_person', p_stay.occupant_id, 'due_at', null,
      'purpose', '宿舍入住 dorm stay ' || p_stay.id::text, 'condition', 'good')
    else pg_catalog.jsonb_build_object('condition', 'good', 'note', '宿舍退宿 dorm check-out ' || p_stay.id::text) end;
  insert into public.custody_events (id, asset_id, type, actor_id, device_time, payload, photo_ids)
  values (p_event_id, p_asset_id, p_type, v_uid, p_at, v_payload, '{}');
  insert into private.asset_people (person_id, asset_id)
  select x, p_asset_id from (values (v_uid), (p_stay.occupant_id)) as t (x) where x is not null
  on conflict do nothing;
  v_out := private.custody_derive(p_asset_id);
  if exists (select 1 from pg_catalog.jsonb_array_elements(v_out -> 'conflicts') c
             where c -> 'event_ids' ? p_event_id::text and (v_out -> 'open') ? (c ->> 'id')) then
    return 'dorms.flags.keyConflict';
  end if;
  return null;
end;
$$;
revoke execute on function private.dorm_key_hand(uuid, uuid, public.dorm_stays, text, timestamptz, text) from public, anon, authenticated;

-- The keys of the rooms the caller lives in (or is about to): listed on their phone at check-in.
drop policy assets_select on public.assets;
create policy assets_select on public.assets for select to authenticated
  using (
    holder_id = (select auth.uid())
    or (kind || ':*') = any ((select authz.my_asset_scopes())::text[])
    or (kind || ':' || site_id::text) = any ((select authz.my_asset_scopes())::text[])
    or id = any ((select authz.my_involved_asset_ids())::uuid[])
    or (kind = 'dorm_key' and (details ->> 'room_id')::uuid = any ((select authz.my_dorm_rooms())::uuid[]))
  );
create index assets_dorm_key_room_idx on public.assets (((details ->> 'room_id')::uuid)) where kind = 'dorm_key';

-- dorm_check_in.submit as 20261202050400, keys as above.
create or replace function private.sync_apply_dorm_check_in_submit(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_stay public.dorm_stays;
  v_bed uuid;
  v_event uuid;
  v_template record;
  v_started timestamptz;
  v_score jsonb;
  v_meters jsonb := '[]'::jsonb;
  v_keys jsonb := '[]'::jsonb;
  v_hand jsonb := '[]'::jsonb;
  v_key_ids uuid[] := '{}';
  v_asset uuid;
  v_flag text;
  v_flags text[] := '{}';
  v_m jsonb;
  v_seen text[] := '{}';
  v_kind text;
  v_out jsonb;
  i int;
  w text;
begin
  perform private.sync_only_fields(p_payload, array['stay_id', 'bed_id', 'event_id', 'template_id', 'started_at', 'answers',
    'meters', 'keys', 'rules_ack', 'signature_photo_id']);
  select * into v_stay from public.dorm_stays s where s.id = private.val_uuid(p_payload, 'stay_id');
  if not found then
    perform private.sync_refuse('not_found', 'stay_id: no such stay');
  end if;
  v_bed := private.val_uuid(p_payload, 'bed_id');
  if v_bed <> v_stay.bed_id then
    perform private.sync_refuse('invalid', 'bed_id: not the stay''s bed');
  end if;
  if v_uid <> v_stay.occupant_id and not (public.has_role_at('dorm_manager', v_stay.site_id) or public.has_role_at('admin_head', v_stay.site_id)) then
    perform private.sync_refuse('forbidden', 'dorm_check_in.submit: the resident, the dorm manager or the admin head');
  end if;
  v_event := private.val_uuid(p_payload, 'event_id');
  v_started := private.val_time(p_payload, 'started_at');
  if v_started > v_at then
    perform private.sync_refuse('invalid', 'started_at: after the check-in was saved');
  end if;
  if private.val_bool(p_payload, 'rules_ack') is not true then
    perform private.sync_refuse('invalid', 'rules_ack: the dorm rules must be acknowledged');
  end if;
  perform private.val_uuid(p_payload, 'signature_photo_id');
  select t.id, t.sections, t.grading, t.code into v_template from public.checklist_templates t
  where t.id = private.val_uuid(p_payload, 'template_id');
  if not found or v_template.code <> 'dorm_inventory' then
    perform private.sync_refuse('not_found', 'template_id: no such dorm inventory template');
  end if;
  v_score := private.checklist_score(v_template.sections, v_template.grading, p_payload -> 'answers');
  if pg_catalog.jsonb_typeof(p_payload -> 'meters') is distinct from 'array' then
    perform private.sync_refuse('invalid', 'meters: water and electricity, each { meter, reading, photo_id }');
  end if;
  for v_m, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'meters') with ordinality e (value, n) loop
    w := pg_catalog.format('meters[%s].', i);
    if pg_catalog.jsonb_typeof(v_m) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('meters[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_m, array['meter', 'reading', 'photo_id']);
    v_kind := private.val_enum(v_m, 'meter', array['water', 'electricity'], w);
    if v_kind = any (v_seen) then
      perform private.sync_refuse('invalid', w || 'meter: ' || v_kind || ' twice');
    end if;
    v_seen := v_seen || v_kind;
    if private.val_number(v_m, 'reading', 0, 9999999, false, w) <> pg_catalog.round((v_m ->> 'reading')::numeric, 2) then
      perform private.sync_refuse('invalid', w || 'reading: at most 2 decimals');
    end if;
    v_meters := v_meters || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
      'meter', v_kind, 'reading', v_m -> 'reading', 'photo_id', private.val_uuid(v_m, 'photo_id', w)));
  end loop;
  if pg_catalog.cardinality(v_seen) <> 2 then
    perform private.sync_refuse('invalid', 'meters: water and electricity, each { meter, reading, photo_id }');
  end if;
  if pg_catalog.jsonb_typeof(p_payload -> 'keys') is distinct from 'array' or pg_catalog.jsonb_array_length(p_payload -> 'keys') > 10 then
    perform private.sync_refuse('invalid', 'keys: up to 10 { label }');
  end if;
  for v_m, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'keys') with ordinality e (value, n) loop
    if pg_catalog.jsonb_typeof(v_m) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('keys[%s]: must be an object', i));
    end if;
    w := pg_catalog.format('keys[%s].', i);
    if v_m ? 'asset_id' then
      -- A labelled key or card of the custody engine: handed over as a custody check_out below.
      perform private.sync_only_fields(v_m, array['asset_id', 'event_id']);
      v_asset := private.val_uuid(v_m, 'asset_id', w);
      if v_asset = any (v_key_ids) then
        perform private.sync_refuse('invalid', w || 'asset_id: the same key twice');
      end if;
      v_key_ids := v_key_ids || v_asset;
      v_hand := v_hand || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'asset_id', v_asset, 'event_id', private.val_uuid(v_m, 'event_id', w), 'w', w));
      v_keys := v_keys || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'asset_id', v_asset, 'event_id', (v_m ->> 'event_id')::uuid));
    else
      perform private.sync_only_fields(v_m, array['label']);
      v_keys := v_keys || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'label', private.val_text(v_m, 'label', 40, w)));
    end if;
  end loop;

  if exists (select 1 from public.dorm_check_ins c where c.id = p_entity_id) then
    if exists (select 1 from public.dorm_check_ins c where c.id = p_entity_id and c.stay_id = v_stay.id and c.bed_event_id = v_event) then
      return '{"status":"duplicate"}'::jsonb;
    end if;
    perform private.sync_refuse('invalid', 'id: a different check-in was already recorded with this id');
  end if;

  -- The bed's fact first (it checks who may, and flags a conflict), then the record that goes with it.
  v_out := private.dorm_bed_event(v_event, v_bed, 'check_in',
    pg_catalog.jsonb_build_object('stay_id', v_stay.id, 'occupant_id', v_stay.occupant_id), '{}', v_at);
  insert into public.dorm_check_ins (id, stay_id, bed_id, site_id, occupant_id, recorded_by, bed_event_id, template_id,
    started_at, submitted_at, answers, failed_items, meters, keys, signature_photo_id)
  values (p_entity_id, v_stay.id, v_bed, v_stay.site_id, v_stay.occupant_id, v_uid, v_event, v_template.id,
    v_started, v_at, p_payload -> 'answers', pg_catalog.jsonb_array_length(v_score -> 'failed_items'), v_meters, v_keys,
    (p_payload ->> 'signature_photo_id')::uuid);
  -- The keys and cards handed over: each a custody check_out to the resident (a key someone else
  -- still holds is handed over all the same, and flagged on the key and on this op).
  for v_m in select e.value from pg_catalog.jsonb_array_elements(v_hand) e loop
    v_flag := private.dorm_key_hand((v_m ->> 'event_id')::uuid, (v_m ->> 'asset_id')::uuid, v_stay, 'check_out', v_at, v_m ->> 'w');
    if v_flag is not null and not (v_flag = any (v_flags)) then
      v_flags := v_flags || v_flag;
    end if;
  end loop;
  if pg_catalog.cardinality(v_flags) > 0 then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail',
      pg_catalog.array_to_string(array(select x from pg_catalog.unnest(
        pg_catalog.string_to_array(nullif(v_out ->> 'detail', ''), '; ') || v_flags) x), '; '));
  end if;
  return v_out;
end;
$$;

revoke execute on function private.sync_apply_dorm_check_in_submit(uuid, jsonb) from public, anon, authenticated;
