-- Op kind custody.record: one custody event (custodyEvents.ts), entity_id = the event's id.
--
-- payload: { asset_id, type, device_time, payload: {...per type}, photo_ids?: uuid[],
--            actor_id?: must be the caller, id?: must be entity_id }
--
-- Refused only when unauthorised (custodyAccess.ts mayRecord: 'forbidden'), about an
-- unknown asset or person ('not_found') or malformed ('invalid'). An event that does
-- not fit the asset's state is applied, kept and flagged (DESIGN.md invariant 2):
-- the op answers 'flagged' and the asset shows has_conflict until a keeper records
-- a resolve_conflict.

-- The event's own payload, checked and normalised per type like the zod schemas.
create function private.custody_payload(p_type text, p jsonb, p_device_time timestamptz, p_where text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  w constant text := p_where || 'payload.';
  conditions constant text[] := array['good', 'worn', 'damaged'];
  v_to uuid;
  v_due timestamptz;
  v_status text;
  v_holder uuid;
  v_ids jsonb;
  v_new text;
  v_old text;
begin
  if pg_catalog.jsonb_typeof(p) is distinct from 'object' then
    perform private.sync_refuse('invalid', p_where || 'payload: must be an object');
  end if;
  case p_type
    when 'check_out', 'transfer' then
      if p_type = 'check_out' then
        perform private.sync_only_fields(p, array['to_person', 'due_at', 'purpose', 'condition']);
      else
        perform private.sync_only_fields(p, array['to_person', 'due_at', 'note']);
      end if;
      v_to := private.val_uuid(p, 'to_person', w);
      v_due := private.val_time(p, 'due_at', w, false);
      -- A deadline before the hand-over is a typing slip (same device clock).
      if v_due <= p_device_time then
        perform private.sync_refuse('invalid', w || 'due_at: not after device_time');
      end if;
      perform private.val_person(v_to, w || 'to_person');
      if p_type = 'check_out' then
        return pg_catalog.jsonb_build_object('to_person', v_to, 'due_at', p -> 'due_at',
          'purpose', private.val_text(p, 'purpose', 200, w),
          'condition', private.val_enum(p, 'condition', conditions, w));
      end if;
      return pg_catalog.jsonb_build_object('to_person', v_to, 'due_at', p -> 'due_at',
        'note', private.val_text(p, 'note', 500, w, false));
    when 'check_in', 'back_from_repair' then
      perform private.sync_only_fields(p, array['condition', 'note']);
      return pg_catalog.jsonb_build_object('condition', private.val_enum(p, 'condition', conditions, w),
        'note', private.val_text(p, 'note', 500, w, false));
    when 'audit_seen' then
      perform private.sync_only_fields(p, array['location', 'condition', 'in_place']);
      return pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
        'location', private.val_text(p, 'location', 200, w),
        'condition', private.val_enum(p, 'condition', conditions, w, false),
        'in_place', private.val_bool(p, 'in_place', w, false)));
    when 'report_damaged', 'report_lost', 'send_to_repair', 'retire' then
      perform private.sync_only_fields(p, array['note']);
      return pg_catalog.jsonb_build_object('note', private.val_text(p, 'note', 500, w, false));
    when 'label_replaced' then
      perform private.sync_only_fields(p, array['new_token', 'old_token']);
      v_new := private.val_text(p, 'new_token', 17, w);
      v_old := private.val_text(p, 'old_token', 17, w, false);
      if not private.is_label_token(v_new) then
        perform private.sync_refuse('invalid', w || 'new_token: not a label token');
      end if;
      if v_old is not null and not private.is_label_token(v_old) then
        perform private.sync_refuse('invalid', w || 'old_token: not a label token');
      end if;
      return pg_catalog.jsonb_build_object('new_token', v_new, 'old_token', v_old);
    when 'resolve_conflict' then
      perform private.sync_only_fields(p, array['conflict_ids', 'status', 'holder_id', 'due_at', 'note']);
      v_ids := p -> 'conflict_ids';
      if pg_catalog.jsonb_typeof(v_ids) is distinct from 'array' or pg_catalog.jsonb_array_length(v_ids) = 0
         or exists (select 1 from pg_catalog.jsonb_array_elements(v_ids) x
                    where pg_catalog.jsonb_typeof(x) <> 'string'
                       or (x #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
        perform private.sync_refuse('invalid', w || 'conflict_ids: one or more UUIDs');
      end if;
      v_status := private.val_enum(p, 'status',
        array['in_stock', 'checked_out', 'in_repair', 'lost', 'damaged', 'retired'], w);
      -- Both keys are required (nullable): the keeper states the whole truth.
      if not (p ? 'holder_id') or not (p ? 'due_at') then
        perform private.sync_refuse('invalid', w || case when p ? 'holder_id' then 'due_at' else 'holder_id' end || ': required (may be null)');
      end if;
      v_holder := private.val_uuid(p, 'holder_id', w, false);
      v_due := private.val_time(p, 'due_at', w, false);
      -- A holder exactly when checked out.
      if (v_status = 'checked_out') <> (v_holder is not null) then
        perform private.sync_refuse('invalid', w || 'holder_id: required exactly when status is checked_out');
      end if;
      perform private.val_person(v_holder, w || 'holder_id');
      return pg_catalog.jsonb_build_object(
        'conflict_ids', (select pg_catalog.jsonb_agg(pg_catalog.lower(x) order by n)
                         from pg_catalog.jsonb_array_elements_text(v_ids) with ordinality as t (x, n)),
        'status', v_status, 'holder_id', v_holder, 'due_at', p -> 'due_at',
        'note', private.val_text(p, 'note', 500, w, false));
    else
      perform private.sync_refuse('invalid', p_where || 'type: unknown');
  end case;
  return null;
end;
$$;

-- Records one event: validate, authorise, insert, derive. Shared by custody.record and
-- seal_usage.record (whose take-out carries its check-out event; p_where names it).
-- Returns '{}' or {"status":"flagged","detail":...}.
create function private.custody_record(p_event_id uuid, p_event jsonb, p_where text default '')
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_asset record;
  v_asset_id uuid;
  v_type text;
  v_time timestamptz;
  v_payload jsonb;
  v_photos uuid[];
  v_person uuid;
  v_existing record;
  v_keeper boolean;
  v_allowed boolean;
  v_token text;
  v_out jsonb;
  v_conflict jsonb;
begin
  if pg_catalog.jsonb_typeof(p_event) is distinct from 'object' then
    perform private.sync_refuse('invalid', coalesce(nullif(pg_catalog.rtrim(p_where, '.'), ''), 'payload') || ': must be an object');
  end if;
  perform private.sync_only_fields(p_event, array['id', 'asset_id', 'actor_id', 'type', 'device_time', 'payload', 'photo_ids']);
  if p_event ? 'id' and private.val_uuid(p_event, 'id', p_where) <> p_event_id then
    perform private.sync_refuse('invalid', p_where || 'id: must be the op''s entity_id');
  end if;
  v_asset_id := private.val_uuid(p_event, 'asset_id', p_where);
  v_type := private.val_enum(p_event, 'type', array['check_out', 'check_in', 'transfer', 'audit_seen',
    'report_damaged', 'report_lost', 'send_to_repair', 'back_from_repair', 'retire', 'label_replaced',
    'resolve_conflict'], p_where);
  v_time := private.val_time(p_event, 'device_time', p_where);
  if p_event ? 'actor_id' and private.val_uuid(p_event, 'actor_id', p_where, false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', p_where || 'actor_id: you record events as yourself');
  end if;
  v_payload := private.custody_payload(v_type, p_event -> 'payload', v_time, p_where);
  v_photos := private.val_photo_ids(p_event, 'photo_ids', p_where);

  -- Lock the asset: events of one asset are recorded and folded one at a time.
  select a.id, a.kind, a.site_id, a.holder_id, a.keeper_role into v_asset
  from public.assets a where a.id = v_asset_id and a.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', p_where || 'asset_id: no such asset');
  end if;

  -- mayRecord (custodyAccess.ts): roles and who holds it, never the status.
  v_keeper := public.has_role_at('admin_head', v_asset.site_id) or public.has_role_at(v_asset.keeper_role, v_asset.site_id);
  if v_keeper then
    v_allowed := true;
  elsif v_asset.kind = 'vehicle' and v_type in ('check_out', 'check_in') and public.has_role_at('driver', v_asset.site_id) then
    if v_type = 'check_out' and (v_payload ->> 'to_person')::uuid is distinct from v_uid then
      perform private.sync_refuse('forbidden', p_where || 'payload.to_person: a driver checks a vehicle out only to themselves');
    end if;
    v_allowed := true;
  elsif v_type in ('check_in', 'report_damaged', 'report_lost') then
    -- The holder as the acting device saw it: the holder now, or whoever it was handed
    -- to up to this event's time (an offline hand-back after someone else's record).
    v_allowed := v_asset.holder_id = v_uid or exists (
      select 1 from public.custody_events ce
      where ce.asset_id = v_asset_id and ce.device_time <= v_time
        and ((ce.type in ('check_out', 'transfer') and ce.payload ->> 'to_person' = v_uid::text)
             or (ce.type = 'resolve_conflict' and ce.payload ->> 'holder_id' = v_uid::text)));
  else
    v_allowed := false;
  end if;
  if not coalesce(v_allowed, false) then
    perform private.sync_refuse('forbidden', pg_catalog.format('custody.record: %s on a %s is not yours to record', v_type, v_asset.kind));
  end if;

  -- Ids are made on the device: the same event pushed again (another op) is the same fact.
  select ce.asset_id, ce.type, ce.flagged into v_existing from public.custody_events ce where ce.id = p_event_id;
  if found then
    if v_existing.asset_id <> v_asset_id or v_existing.type <> v_type then
      perform private.sync_refuse('invalid', p_where || 'id: already used by another event');
    end if;
    return case when v_existing.flagged then '{"status":"flagged","detail":"conflict: recorded before"}'::jsonb else '{}'::jsonb end;
  end if;

  if v_type = 'label_replaced' then
    foreach v_token in array array[v_payload ->> 'new_token', v_payload ->> 'old_token'] loop
      perform 1 from public.asset_labels l where l.token = v_token and l.asset_id <> v_asset_id;
      if found then
        perform private.sync_refuse('invalid', p_where || 'payload.' || case when v_token = v_payload ->> 'new_token'
          then 'new_token' else 'old_token' end || ': a label of another asset');
      end if;
    end loop;
  elsif v_type = 'resolve_conflict' then
    perform 1 from pg_catalog.jsonb_array_elements_text(v_payload -> 'conflict_ids') x
    where not exists (select 1 from public.custody_events ce where ce.id = x::uuid and ce.asset_id = v_asset_id);
    if found then
      perform private.sync_refuse('invalid', p_where || 'payload.conflict_ids: not events of this asset');
    end if;
  end if;

  insert into public.custody_events (id, asset_id, type, actor_id, device_time, payload, photo_ids)
  values (p_event_id, v_asset_id, v_type, v_uid, v_time, v_payload, v_photos);

  -- Everyone named on the asset keeps seeing it (authz.my_involved_asset_ids).
  v_person := coalesce(v_payload ->> 'to_person', v_payload ->> 'holder_id')::uuid;
  insert into private.asset_people (person_id, asset_id)
  select x, v_asset_id from (values (v_uid), (v_person)) as t (x) where x is not null
  on conflict do nothing;

  v_out := private.custody_derive(v_asset_id);
  -- Flagged when an open conflict involves this event: it clashed, or it is the
  -- earlier fact a later-synced one now clashes with.
  select c into v_conflict from pg_catalog.jsonb_array_elements(v_out -> 'conflicts') c
  where c -> 'event_ids' ? p_event_id::text and (v_out -> 'open') ? (c ->> 'id')
  limit 1;
  if v_conflict is not null then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.format(
      'conflict: %s while %s%s', v_conflict ->> 'event_type', v_conflict ->> 'from_status',
      coalesce(' (holder ' || (v_conflict ->> 'from_holder_id') || ')', '')));
  end if;
  return '{}'::jsonb;
end;
$$;

create function private.sync_apply_custody_record(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  return private.custody_record(p_entity_id, p_payload, '');
end;
$$;

revoke execute on function private.custody_payload(text, jsonb, timestamptz, text) from public, anon, authenticated;
revoke execute on function private.custody_record(uuid, jsonb, text) from public, anon, authenticated;
revoke execute on function private.sync_apply_custody_record(uuid, jsonb) from public, anon, authenticated;
