-- Op kind asset.upsert: a keeper creates or edits an asset (assetKinds.ts
-- assetInputSchema). Derived columns (status, holder, ...) are never taken from
-- the payload.
--
-- payload: { kind, number, name, site_id, keeper_id?, notes?, details, label_token?, id?: entity_id }

-- Per-kind fields, checked and normalised like the domain's zod schemas
-- (trimmed text, optional fields as null, plate in canonical form).
create function private.asset_details(p_kind text, p jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  w constant text := 'details.';
  v_from date;
  v_to date;
  v_plate text;
  v_fuel text;
  v_tank numeric;
  provinces constant text := '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
begin
  if pg_catalog.jsonb_typeof(p) is distinct from 'object' then
    perform private.sync_refuse('invalid', 'details: must be an object');
  end if;
  case p_kind
    when 'seal' then
      perform private.sync_only_fields(p, array['seal_type', 'cabinet', 'enabled_on', 'retired_on']);
      v_from := private.val_date(p, 'enabled_on', w);
      v_to := private.val_date(p, 'retired_on', w, false);
      if v_to < v_from then
        perform private.sync_refuse('invalid', 'details.retired_on: before enabled_on');
      end if;
      return pg_catalog.jsonb_build_object(
        'seal_type', private.val_enum(p, 'seal_type', array['official', 'contract', 'finance', 'legal_rep', 'department', 'other'], w),
        'cabinet', private.val_text(p, 'cabinet', 100, w),
        'enabled_on', v_from,
        'retired_on', v_to);
    when 'licence' then
      perform private.sync_only_fields(p, array['licence_type', 'licence_number', 'issuing_authority', 'valid_from',
        'valid_to', 'annual_inspection_on', 'original_or_copy']);
      v_from := private.val_date(p, 'valid_from', w);
      v_to := private.val_date(p, 'valid_to', w, false);
      if v_to < v_from then
        perform private.sync_refuse('invalid', 'details.valid_to: before valid_from');
      end if;
      return pg_catalog.jsonb_build_object(
        'licence_type', private.val_enum(p, 'licence_type', array['business_licence', 'bank_account_licence',
          'operating_permit', 'qualification', 'certification', 'trademark', 'other'], w),
        'licence_number', private.val_text(p, 'licence_number', 100, w),
        'issuing_authority', private.val_text(p, 'issuing_authority', 100, w),
        'valid_from', v_from,
        'valid_to', v_to,
        'annual_inspection_on', private.val_date(p, 'annual_inspection_on', w, false),
        'original_or_copy', private.val_enum(p, 'original_or_copy', array['original', 'copy'], w));
    when 'equipment' then
      perform private.sync_only_fields(p, array['model', 'serial_number', 'location', 'purchase_date', 'warranty_end']);
      v_from := private.val_date(p, 'purchase_date', w);
      v_to := private.val_date(p, 'warranty_end', w, false);
      if v_to < v_from then
        perform private.sync_refuse('invalid', 'details.warranty_end: before purchase_date');
      end if;
      return pg_catalog.jsonb_build_object(
        'model', private.val_text(p, 'model', 100, w),
        'serial_number', private.val_text(p, 'serial_number', 100, w, false),
        'location', private.val_text(p, 'location', 100, w),
        'purchase_date', v_from,
        'warranty_end', v_to);
    when 'vehicle' then
      perform private.sync_only_fields(p, array['plate', 'model', 'fuel_type', 'tank_size_l', 'odometer_km',
        'insurance_end', 'annual_inspection_on']);
      -- plate.ts normalizePlate: NFKC, upper case, no spaces, dots, hyphens (沪A·D12345 → 沪AD12345).
      v_plate := pg_catalog.regexp_replace(
        pg_catalog.upper(normalize(private.val_text(p, 'plate', 20, w), NFKC)), '[[:space:]·•._-]', '', 'g');
      if not (
        v_plate ~ ('^[' || provinces || '][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]$')
        or v_plate ~ ('^[' || provinces || '][A-HJ-NP-Z][ABCDEFGHJK][A-HJ-NP-Z0-9][0-9]{4}$')
        or v_plate ~ ('^[' || provinces || '][A-HJ-NP-Z][0-9]{5}[ABCDEFGHJK]$')
      ) then
        perform private.sync_refuse('invalid', 'details.plate: not a Chinese plate');
      end if;
      v_fuel := private.val_enum(p, 'fuel_type', array['gasoline', 'diesel', 'electric', 'hybrid', 'plug_in_hybrid', 'natural_gas'], w);
      v_tank := private.val_number(p, 'tank_size_l', 0, 500, false, w, false);
      if v_tank = 0 then
        perform private.sync_refuse('invalid', 'details.tank_size_l: must be positive');
      end if;
      -- A battery-electric vehicle has no tank; every other one has.
      if (v_fuel = 'electric') <> (v_tank is null) then
        perform private.sync_refuse('invalid', 'details.tank_size_l: null exactly for an electric vehicle');
      end if;
      return pg_catalog.jsonb_build_object(
        'plate', v_plate,
        'model', private.val_text(p, 'model', 100, w),
        'fuel_type', v_fuel,
        'tank_size_l', v_tank,
        'odometer_km', private.val_number(p, 'odometer_km', 0, 9999999, true, w)::int,
        'insurance_end', private.val_date(p, 'insurance_end', w),
        'annual_inspection_on', private.val_date(p, 'annual_inspection_on', w));
    when 'uniform' then
      perform private.sync_only_fields(p, array['uniform_type', 'size', 'quantity']);
      return pg_catalog.jsonb_build_object(
        'uniform_type', private.val_text(p, 'uniform_type', 50, w),
        'size', private.val_text(p, 'size', 20, w),
        'quantity', private.val_number(p, 'quantity', 1, 999, true, w)::int);
    else
      perform private.sync_refuse('invalid', 'kind: unknown');
  end case;
  return null;
end;
$$;

create function private.sync_apply_asset_upsert(p_entity_id uuid, p_payload jsonb)
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
  v_kind := private.val_enum(p_payload, 'kind', array['seal', 'licence', 'equipment', 'vehicle', 'uniform']);
  v_keeper_role := case v_kind when 'seal' then 'seal_keeper' when 'vehicle' then 'fleet_manager' else 'asset_keeper' end;
  if not public.has_any_role(array['admin_head', v_keeper_role]) then
    perform private.sync_refuse('forbidden', 'asset.upsert: admin_head or ' || v_keeper_role || ' only');
  end if;

  -- Trimmed and upper-cased like the domain's assetNumber(); the prefix names the kind.
  v_number := pg_catalog.upper(private.val_text(p_payload, 'number', 20));
  if v_number !~ '^(SEAL|LIC|EQP|VEH|UNI)-[0-9]{4,6}$' then
    perform private.sync_refuse('invalid', 'number: bad format (e.g. SEAL-0001)');
  end if;
  if pg_catalog.split_part(v_number, '-', 1) <> (case v_kind when 'seal' then 'SEAL' when 'licence' then 'LIC'
       when 'equipment' then 'EQP' when 'vehicle' then 'VEH' else 'UNI' end) then
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

revoke execute on function private.asset_details(text, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_asset_upsert(uuid, jsonb) from public, anon, authenticated;
