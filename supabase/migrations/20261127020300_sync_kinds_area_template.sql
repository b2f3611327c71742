-- Op kinds area.upsert and template.upsert (payloads in supabase/README.md).

-- area.upsert, entity_id = the area's id:
--   { site_id, building?, floor?, name, area_type, responsible_id?, department_id?,
--     frequency, template_code, label_token?, id?: entity_id }
-- label_token absent or null keeps the area's token; a new one replaces it.
-- The admin head (site-scoped heads at both ends of a move) only.
create function private.sync_apply_area_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_site_id uuid;
  v_responsible uuid;
  v_department uuid;
  v_code text;
  v_token text;
  v_old_site uuid;
begin
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'area.upsert: admin_head only');
  end if;
  perform private.sync_only_fields(p_payload, array['id', 'site_id', 'building', 'floor', 'name', 'area_type',
    'responsible_id', 'department_id', 'frequency', 'template_code', 'label_token']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_site_id := private.val_uuid(p_payload, 'site_id');
  v_responsible := private.val_uuid(p_payload, 'responsible_id', '', false);
  v_department := private.val_uuid(p_payload, 'department_id', '', false);
  v_code := private.val_text(p_payload, 'template_code', 64);
  if v_code !~ '^[a-z][a-z0-9_]{0,63}$' then
    perform private.sync_refuse('invalid', 'template_code: bad format');
  end if;
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
  select a.site_id into v_old_site from public.areas a where a.id = p_entity_id for update;
  if not public.has_role_at('admin_head', v_site_id)
     or (v_old_site is not null and not public.has_role_at('admin_head', v_old_site)) then
    perform private.sync_refuse('forbidden', 'area.upsert: not admin_head at this site');
  end if;
  perform private.val_person(v_responsible, 'responsible_id');
  if v_department is not null then
    perform 1 from public.departments d where d.id = v_department and d.site_id = v_site_id and d.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', 'department_id: no such department at this site');
    end if;
  end if;
  perform 1 from public.checklist_templates t where t.code = v_code and t.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'template_code: no such template');
  end if;
  -- A scanned token must name one thing: not another area, not an asset.
  if v_token is not null then
    perform 1 from public.areas a where a.label_token = v_token and a.id <> p_entity_id;
    if found then
      perform private.sync_refuse('invalid', 'label_token: already used by another area');
    end if;
    perform 1 from public.asset_labels l where l.token = v_token;
    if found then
      perform private.sync_refuse('invalid', 'label_token: already used by an asset');
    end if;
  end if;

  -- Upsert = "make it exist like this"; it also revives a deleted area.
  insert into public.areas (id, site_id, building, floor, name, area_type, responsible_id, department_id,
    frequency, template_code, label_token)
  values (
    p_entity_id, v_site_id,
    coalesce(private.val_text(p_payload, 'building', 60, '', false), ''),
    coalesce(private.val_text(p_payload, 'floor', 20, '', false), ''),
    private.val_text(p_payload, 'name', 100),
    private.val_enum(p_payload, 'area_type', array['office', 'washroom', 'canteen', 'corridor', 'stairwell',
      'dormitory', 'outdoor', 'green_belt', 'lawn', 'trees_shrubs']),
    v_responsible, v_department,
    private.val_enum(p_payload, 'frequency', array['daily', 'weekly', 'monthly']),
    v_code, v_token)
  on conflict (id) do update
    set site_id = excluded.site_id, building = excluded.building, floor = excluded.floor, name = excluded.name,
        area_type = excluded.area_type, responsible_id = excluded.responsible_id,
        department_id = excluded.department_id, frequency = excluded.frequency,
        template_code = excluded.template_code,
        -- No token in the payload keeps the printed one (an edit form need not resend it).
        label_token = coalesce(excluded.label_token, areas.label_token), deleted_at = null;
  return '{}'::jsonb;
end;
$$;

-- template.upsert, entity_id = the version's id:
--   { code, version, name_zh, name_en, sections, grading, active?: boolean (default true), id? }
-- A new version is a new row (new id). A version an inspection used keeps its content
-- (only `active` may still change); (code, version) names one row forever.
create function private.sync_apply_template_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_code text;
  v_version int;
  v_json jsonb;
  v_name_zh text;
  v_name_en text;
  v_active boolean;
  v_old record;
begin
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'template.upsert: admin_head only');
  end if;
  perform private.sync_only_fields(p_payload, array['id', 'code', 'version', 'name_zh', 'name_en', 'sections', 'grading', 'active']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_code := private.val_text(p_payload, 'code', 64);
  if v_code !~ '^[a-z][a-z0-9_]{0,63}$' then
    perform private.sync_refuse('invalid', 'code: a-z, 0-9, _ (starting with a letter)');
  end if;
  v_version := private.val_number(p_payload, 'version', 1, 1000000, true)::int;
  v_name_zh := private.val_text(p_payload, 'name_zh', 100);
  v_name_en := private.val_text(p_payload, 'name_en', 100);
  v_active := coalesce(private.val_bool(p_payload, 'active', '', false), true);
  v_json := private.checklist_template_json(p_payload -> 'sections', p_payload -> 'grading');

  perform 1 from public.checklist_templates t where t.code = v_code and t.version = v_version and t.id <> p_entity_id;
  if found then
    perform private.sync_refuse('invalid', 'version: this code and version already exist; make a new version');
  end if;
  select t.code, t.version, t.name_zh, t.name_en, t.sections, t.grading into v_old
  from public.checklist_templates t where t.id = p_entity_id for update;
  if found then
    if (v_old.code, v_old.version) is distinct from (v_code, v_version) then
      perform private.sync_refuse('invalid', 'code, version: a template version keeps its code and number');
    end if;
    if (v_old.name_zh, v_old.name_en, v_old.sections, v_old.grading)
         is distinct from (v_name_zh, v_name_en, v_json -> 'sections', v_json -> 'grading') then
      perform 1 from public.inspections i where i.template_id = p_entity_id limit 1;
      if found then
        perform private.sync_refuse('invalid', 'template: this version is used by inspections; make a new version');
      end if;
    end if;
  end if;

  insert into public.checklist_templates (id, code, version, name_zh, name_en, sections, grading, active)
  values (p_entity_id, v_code, v_version, v_name_zh, v_name_en, v_json -> 'sections', v_json -> 'grading', v_active)
  on conflict (id) do update
    set name_zh = excluded.name_zh, name_en = excluded.name_en, sections = excluded.sections,
        grading = excluded.grading, active = excluded.active, deleted_at = null;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_area_upsert(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_template_upsert(uuid, jsonb) from public, anon, authenticated;
