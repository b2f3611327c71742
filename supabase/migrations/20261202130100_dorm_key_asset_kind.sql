-- Keys and access cards of the dormitories as custody items (issue 10): a sixth asset kind, dorm_key
-- (钥匙/门禁卡, number KEY-0001), kept by the dorm manager (keeper_role 'dorm_manager'), with the room
-- it opens (details.room_id, optional: a master key opens none in particular). Handed over at check-in
-- (a custody check_out to the resident) and handed back at check-out (custody check_in): see
-- 20261202130200. src/features/assets/domain/assetKinds.ts is the device's side.

alter table public.assets drop constraint assets_kind_check;
alter table public.assets add constraint assets_kind_check
  check (kind in ('seal', 'licence', 'equipment', 'vehicle', 'uniform', 'dorm_key'));
alter table public.assets drop constraint assets_check;
alter table public.assets add constraint assets_number_check check (
  number ~ '^(SEAL|LIC|EQP|VEH|UNI|KEY)-[0-9]{4,6}$'
  and pg_catalog.split_part(number, '-', 1) = case kind
    when 'seal' then 'SEAL' when 'licence' then 'LIC' when 'equipment' then 'EQP'
    when 'vehicle' then 'VEH' when 'uniform' then 'UNI' when 'dorm_key' then 'KEY' end
);
-- The keeper role stays fixed by the kind (a generated column cannot be altered in place: re-made).
alter table public.assets drop column keeper_role;
alter table public.assets add column keeper_role text not null generated always as (
  case kind when 'seal' then 'seal_keeper' when 'vehicle' then 'fleet_manager' when 'dorm_key' then 'dorm_manager'
    else 'asset_keeper' end
) stored;

-- The dorm manager (and the head and the executive) see the dormitory keys of their site.
create or replace function authz.my_asset_scopes()
returns text[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(pg_catalog.array_agg(distinct k.kind || ':' || coalesce(r.site_id::text, '*')), '{}')
  from public.user_roles r
  join (values
    ('seal', 'seal_keeper'), ('licence', 'asset_keeper'), ('equipment', 'asset_keeper'),
    ('uniform', 'asset_keeper'), ('vehicle', 'fleet_manager'), ('dorm_key', 'dorm_manager')
  ) as k (kind, keeper) on r.role = k.keeper or r.role in ('admin_head', 'executive')
  where r.user_id = auth.uid() and r.deleted_at is null;
$$;

-- Per-kind fields: dorm_key here, the five earlier kinds as 20261127010500 has them.
alter function private.asset_details(text, jsonb) rename to asset_details_v1;
create function private.asset_details(p_kind text, p jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_room uuid;
begin
  if p_kind <> 'dorm_key' then
    return private.asset_details_v1(p_kind, p);
  end if;
  if pg_catalog.jsonb_typeof(p) is distinct from 'object' then
    perform private.sync_refuse('invalid', 'details: must be an object');
  end if;
  perform private.sync_only_fields(p, array['key_type', 'room_id']);
  v_room := private.val_uuid(p, 'room_id', 'details.', false);
  if v_room is not null and not exists (select 1 from public.dorm_rooms r where r.id = v_room and r.deleted_at is null) then
    perform private.sync_refuse('not_found', 'details.room_id: no such room');
  end if;
  return pg_catalog.jsonb_build_object(
    'key_type', private.val_enum(p, 'key_type', array['room_key', 'access_card', 'cabinet_key'], 'details.'),
    'room_id', v_room);
end;
$$;
revoke execute on function private.asset_details_v1(text, jsonb) from public, anon, authenticated;
revoke execute on function private.asset_details(text, jsonb) from public, anon, authenticated;

-- asset.upsert as 20261127010500, with dorm_key (KEY-, kept by the dorm manager).
create or replace function private.sync_apply_asset_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_kind text;
  v_number text;
  v_name text;
  v_site_id uuid;
  v_keeper_id uuid;
  v_notes text;
  v_details jsonb;
  v_token text;
  v_keeper_role text;
  v_old record;
begin
  perform private.sync_only_fields(p_payload,
    array['id', 'kind', 'number', 'name', 'site_id', 'keeper_id', 'notes', 'details', 'label_token']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_kind := private.val_enum(p_payload, 'kind', array['seal', 'licence', 'equipment', 'vehicle', 'uniform', 'dorm_key']);
  v_keeper_role := case v_kind when 'seal' then 'seal_keeper' when 'vehicle' then 'fleet_manager' when 'dorm_key' then 'dorm_manager' else 'asset_keeper' end;
  if not public.has_any_role(array['admin_head', v_keeper_role]) then
    perform private.sync_refuse('forbidden', 'asset.upsert: admin_head or ' || v_keeper_role || ' only');
  end if;

  -- Trimmed and upper-cased like the domain's assetNumber(); the prefix names the kind.
  v_number := pg_catalog.upper(private.val_text(p_payload, 'number', 20));
  if v_number !~ '^(SEAL|LIC|EQP|VEH|UNI|KEY)-[0-9]{4,6}$' then
    perform private.sync_refuse('invalid', 'number: bad format (e.g. SEAL-0001)');
  end if;
  if pg_catalog.split_part(v_number, '-', 1) <> (case v_kind when 'seal' then 'SEAL' when 'licence' then 'LIC'
       when 'equipment' then 'EQP' when 'vehicle' then 'VEH' when 'dorm_key' then 'KEY' else 'UNI' end) then
    perform private.sync_refuse('invalid', 'number: prefix does not match kind');
  end if;
  v_name := private.val_text(p_payload, 'name', 100);
  v_site_id := private.val_uuid(p_payload, 'site_id');
  v_keeper_id := private.val_uuid(p_payload, 'keeper_id', '', false);
  v_notes := private.val_text(p_payload, 'notes', 1000, '', false);
  if not (p_payload ? 'details') then
    perform private.sync_refuse('invalid', 'details: required');
  end if;
  v_details := private.asset_details(v_kind, p_payload -> 'details');
  if p_payload ? 'label_token' and pg_catalog.jsonb_typeof(p_payload -> 'label_token') <> 'null' then
    v_token := private.val_text(p_payload, 'label_token', 17);
    if not private.is_label_token(v_token) then
      perform private.sync_refuse('invalid', 'label_token: not a label token (16 symbols + check)');
    end if;
  end if;

  perform 1 from public.sites s where s.id = v_site_id and s.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'site_id: no such site');
  end if;
  perform private.val_person(v_keeper_id, 'keeper_id');

  select a.kind, a.site_id, a.label_token into v_old from public.assets a where a.id = p_entity_id for update;
  -- A site-scoped keeper manages only that site's assets (both ends of a move).
  if not (public.has_role_at('admin_head', v_site_id) or public.has_role_at(v_keeper_role, v_site_id))
     or (v_old.site_id is not null
         and not (public.has_role_at('admin_head', v_old.site_id) or public.has_role_at(v_keeper_role, v_old.site_id))) then
    perform private.sync_refuse('forbidden', 'asset.upsert: not keeper at this site');
  end if;
  if v_old.kind is not null and v_old.kind <> v_kind then
    perform private.sync_refuse('invalid', 'kind: cannot change');
  end if;
  perform 1 from public.assets a
  where a.kind = v_kind and a.number = v_number and a.deleted_at is null and a.id <> p_entity_id;
  if found then
    perform private.sync_refuse('invalid', 'number: already used');
  end if;

  if v_token is not null then
    if v_old.label_token is not null and v_old.label_token <> v_token then
      perform private.sync_refuse('invalid', 'label_token: the asset has a label; replace it with a label_replaced event');
    end if;
    perform 1 from public.asset_labels l where l.token = v_token and l.asset_id <> p_entity_id;
    if found then
      perform private.sync_refuse('invalid', 'label_token: already used by another asset');
    end if;
  end if;

  -- Upsert = "make it exist like this"; it also revives a deleted asset.
  insert into public.assets (id, kind, number, name, site_id, keeper_id, notes, details)
  values (p_entity_id, v_kind, v_number, v_name, v_site_id, v_keeper_id, v_notes, v_details)
  on conflict (id) do update
    set number = excluded.number, name = excluded.name, site_id = excluded.site_id,
        keeper_id = excluded.keeper_id, notes = excluded.notes, details = excluded.details, deleted_at = null;

  -- The first label has the asset's id (see asset_labels); the derivation makes it current.
  if v_token is not null and v_old.label_token is null then
    insert into public.asset_labels (id, token, asset_id, status, issued_at)
    values (p_entity_id, v_token, p_entity_id, 'active', pg_catalog.now())
    on conflict (id) do nothing;
    perform private.custody_derive(p_entity_id);
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_asset_upsert(uuid, jsonb) from public, anon, authenticated;
