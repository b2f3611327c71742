-- A former holder cannot act (issue 8, point 3). custody.record let anyone who had ever been
-- handed an asset before the event's time check it in or report it damaged or lost, even
-- while someone else held it. Now the holder's steps follow the domain's roleMayRecord with
-- holderAt (custodyAccess.ts): allowed for the holder now, or the holder when the event
-- happened; once the asset is back, the person it was last handed to may record the
-- hand-back again (a second record of it changes nothing), nothing else. Anyone else is
-- refused 'forbidden' (the op lands in their needs-attention list); the keeper and the
-- roles the rules name (the kind's keeper role, admin_head, a driver for vehicles) are unchanged.
--
-- private.custody_record below is 20261127010600_sync_kind_custody_record.sql's with that
-- branch changed.

-- holderAt (custodyAccess.ts): the asset's position by its events ordered before an event at
-- p_time (device time to the ms; an event not yet stored sorts after those of the same ms),
-- folded with the holder part of custody_derive's effects: who held it, and who last did.
create function private.custody_holder_at(p_asset_id uuid, p_time timestamptz)
returns table (holder_id uuid, last_holder_id uuid)
language plpgsql stable
set search_path = ''
as $$
declare
  e record;
  v_status text := 'in_stock';
  v_holder uuid;
  v_last uuid;
begin
  for e in
    select ce.type, ce.payload
    from public.custody_events ce
    where ce.asset_id = p_asset_id
      and pg_catalog.date_trunc('milliseconds', ce.device_time) <= pg_catalog.date_trunc('milliseconds', p_time)
    order by pg_catalog.date_trunc('milliseconds', ce.device_time),
             pg_catalog.date_trunc('milliseconds', ce.server_time), ce.id
  loop
    case e.type
      when 'check_out', 'transfer' then
        v_status := 'checked_out';
        v_holder := (e.payload ->> 'to_person')::uuid;
      when 'check_in', 'back_from_repair' then
        v_status := case when e.payload ->> 'condition' = 'damaged' then 'damaged' else 'in_stock' end;
        v_holder := null;
      when 'audit_seen' then
        if v_status = 'lost' then
          v_status := 'in_stock';
          v_holder := null;
        end if;
      when 'report_damaged' then
        v_status := 'damaged';
      when 'report_lost' then
        v_status := 'lost';
      when 'send_to_repair' then
        v_status := 'in_repair';
        v_holder := null;
      when 'retire' then
        v_status := 'retired';
        v_holder := null;
      when 'resolve_conflict' then
        v_status := e.payload ->> 'status';
        v_holder := (e.payload ->> 'holder_id')::uuid;
      else
        null; -- label_replaced keeps the position
    end case;
    if v_holder is not null then
      v_last := v_holder;
    end if;
  end loop;
  holder_id := v_holder;
  last_holder_id := v_last;
  return next;
end;
$$;

revoke execute on function private.custody_holder_at(uuid, timestamptz) from public, anon, authenticated;

create or replace function private.custody_record(p_event_id uuid, p_event jsonb, p_where text default '')
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
  v_at record;
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
    -- The holder (roleMayRecord with holderAt): the holder now (a phone clock running
    -- behind), or the holder when the event happened (an offline hand-back before the
    -- next check-out); once it is back, the person it was last handed to may only record
    -- the hand-back again. A former holder of what someone else holds now may not.
    select h.holder_id, h.last_holder_id into v_at from private.custody_holder_at(v_asset_id, v_time) h;
    v_allowed := v_asset.holder_id = v_uid
      or v_at.holder_id = v_uid
      or (v_at.holder_id is null and v_type = 'check_in' and v_at.last_holder_id = v_uid);
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

revoke execute on function private.custody_record(uuid, jsonb, text) from public, anon, authenticated;
