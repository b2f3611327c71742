-- The department head (部门负责人, departments.head_id) set by the admin head in the app (issue 11):
-- department.upsert now carries an optional head_id. Absent = the head stays as it is (older
-- devices' ops and a plain rename never touch it); null = no head; a UUID = that person, who must
-- be a live (not deleted) profile of the department's site or a company-wide one (no site).
-- Only an admin head of that site (or company-wide) may do it, as for the rest of the upsert.
-- The device's twin: headChoiceIssue (src/features/admin/domain/department.ts).
-- Re-created here: private.sync_apply_department_upsert (20261127000800_sync_kinds_org.sql).

create or replace function private.sync_apply_department_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_site_id uuid;
  v_code text;
  v_name text;
  v_old_site uuid;
  v_old_head uuid;
  v_has_head boolean := p_payload ? 'head_id';
  v_head uuid;
begin
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'department.upsert: admin_head only');
  end if;
  perform private.sync_only_fields(p_payload, array['site_id', 'code', 'name', 'head_id']);
  v_site_id := private.sync_field_uuid(p_payload, 'site_id');
  v_code := private.sync_field_text(p_payload, 'code', 1, 20, '^[A-Za-z0-9_-]+$');
  v_name := private.sync_field_text(p_payload, 'name', 1, 60);
  if v_has_head and pg_catalog.jsonb_typeof(p_payload -> 'head_id') <> 'null' then
    v_head := private.sync_field_uuid(p_payload, 'head_id');
  end if;

  perform 1 from public.sites s where s.id = v_site_id and s.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'site_id: no such site');
  end if;
  -- A site-scoped head may manage only that site's departments (both ends of a move).
  select d.site_id, d.head_id into v_old_site, v_old_head from public.departments d where d.id = p_entity_id for update;
  if not public.has_role_at('admin_head', v_site_id)
     or (v_old_site is not null and not public.has_role_at('admin_head', v_old_site)) then
    perform private.sync_refuse('forbidden', 'department.upsert: not admin_head at this site');
  end if;
  perform 1 from public.departments d
  where d.site_id = v_site_id and d.code = v_code and d.deleted_at is null and d.id <> p_entity_id;
  if found then
    perform private.sync_refuse('invalid', 'code: already used at this site');
  end if;
  if v_head is not null then
    perform 1 from public.profiles p where p.id = v_head and p.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', 'head_id: no such person');
    end if;
    perform 1 from public.profiles p where p.id = v_head and (p.site_id is null or p.site_id = v_site_id);
    if not found then
      perform private.sync_refuse('invalid', 'head_id: works at another site');
    end if;
  end if;
  if not v_has_head then
    v_head := v_old_head;
  end if;

  -- Upsert means "make it exist like this": it also revives a deleted department.
  insert into public.departments (id, site_id, code, name, head_id)
  values (p_entity_id, v_site_id, v_code, v_name, v_head)
  on conflict (id) do update
    set site_id = excluded.site_id, code = excluded.code, name = excluded.name, head_id = excluded.head_id,
        deleted_at = null;
  return '{}'::jsonb;
end;
$$;
