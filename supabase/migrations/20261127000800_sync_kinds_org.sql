-- Op kinds for the organisation: department.upsert, department.delete, profile.update.
-- Run only through sync_push (as its owner); auth.uid() is the pushing user.

create function private.sync_apply_department_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_site_id uuid;
  v_code text;
  v_name text;
  v_old_site uuid;
begin
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'department.upsert: admin_head only');
  end if;
  perform private.sync_only_fields(p_payload, array['site_id', 'code', 'name']);
  v_site_id := private.sync_field_uuid(p_payload, 'site_id');
  v_code := private.sync_field_text(p_payload, 'code', 1, 20, '^[A-Za-z0-9_-]+$');
  v_name := private.sync_field_text(p_payload, 'name', 1, 60);

  perform 1 from public.sites s where s.id = v_site_id and s.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'site_id: no such site');
  end if;
  -- A site-scoped head may manage only that site's departments (both ends of a move).
  select d.site_id into v_old_site from public.departments d where d.id = p_entity_id for update;
  if not public.has_role_at('admin_head', v_site_id)
     or (v_old_site is not null and not public.has_role_at('admin_head', v_old_site)) then
    perform private.sync_refuse('forbidden', 'department.upsert: not admin_head at this site');
  end if;
  perform 1 from public.departments d
  where d.site_id = v_site_id and d.code = v_code and d.deleted_at is null and d.id <> p_entity_id;
  if found then
    perform private.sync_refuse('invalid', 'code: already used at this site');
  end if;

  -- Upsert means "make it exist like this": it also revives a deleted department.
  insert into public.departments (id, site_id, code, name)
  values (p_entity_id, v_site_id, v_code, v_name)
  on conflict (id) do update
    set site_id = excluded.site_id, code = excluded.code, name = excluded.name, deleted_at = null;
  return '{}'::jsonb;
end;
$$;

create function private.sync_apply_department_delete(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_site_id uuid;
  v_deleted_at timestamptz;
begin
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'department.delete: admin_head only');
  end if;
  perform private.sync_only_fields(p_payload, '{}');
  select d.site_id, d.deleted_at into v_site_id, v_deleted_at
  from public.departments d where d.id = p_entity_id for update;
  if not found then
    perform private.sync_refuse('not_found', 'department: no such department');
  end if;
  if not public.has_role_at('admin_head', v_site_id) then
    perform private.sync_refuse('forbidden', 'department.delete: not admin_head at this site');
  end if;
  -- Tombstone, so devices learn of the removal; deleting twice keeps the first time.
  if v_deleted_at is null then
    update public.departments set deleted_at = pg_catalog.now() where id = p_entity_id;
  end if;
  return '{}'::jsonb;
end;
$$;

create function private.sync_apply_profile_update(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_name text;
  v_phone text;
begin
  if p_entity_id is distinct from auth.uid() then
    perform private.sync_refuse('forbidden', 'profile.update: only your own profile');
  end if;
  perform private.sync_only_fields(p_payload, array['display_name', 'phone']);
  if not (p_payload ? 'display_name' or p_payload ? 'phone') then
    perform private.sync_refuse('invalid', 'payload: nothing to update');
  end if;
  if p_payload ? 'display_name' then
    v_name := private.sync_field_text(p_payload, 'display_name', 1, 40);
  end if;
  -- null or '' clears the phone.
  if p_payload ? 'phone' and pg_catalog.jsonb_typeof(p_payload -> 'phone') <> 'null'
     and pg_catalog.btrim(coalesce(p_payload ->> 'phone', '')) <> '' then
    v_phone := private.sync_field_text(p_payload, 'phone', 5, 20, '^[0-9+ -]+$');
  end if;

  update public.profiles p
  set display_name = case when p_payload ? 'display_name' then v_name else p.display_name end,
      phone = case when p_payload ? 'phone' then v_phone else p.phone end
  where p.id = p_entity_id and p.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'profile: no such profile');
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_department_upsert(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_department_delete(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_profile_update(uuid, jsonb) from public, anon, authenticated;
