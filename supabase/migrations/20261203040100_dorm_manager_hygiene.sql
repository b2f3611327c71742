-- 宿舍卫生检查 by the dorm manager (issue 10): inspection.submit was open to the inspector and the admin
-- head of the area's site only. The dorm manager may now submit inspections of the DORMITORY areas
-- (area_type 'dormitory') of the sites whose dormitories they manage (a company-wide dorm manager: every
-- site's) — never an office, a washroom or a lawn. private.inspection_may_submit is the one rule; the
-- device's twin is canInspectArea in src/features/inspections/roles.ts.
-- Re-created here: private.sync_apply_inspection_submit (last 20261202110100); only the role check
-- changed (and the area's type is read with it).

create function private.inspection_may_submit(p_site uuid, p_area_type text)
returns boolean
language sql stable
set search_path = ''
as $$
  select public.has_role_at('inspector', p_site) or public.has_role_at('admin_head', p_site)
    or (p_area_type = 'dormitory' and public.has_role_at('dorm_manager', p_site));
$$;
revoke execute on function private.inspection_may_submit(uuid, text) from public, anon, authenticated;

-- A dorm manager reads the dormitory areas of their sites (to inspect them), not only those they answer for.
create policy areas_select_dorm_manager on public.areas for select to authenticated
  using (
    area_type = 'dormitory'
    and array['dorm_manager:*', 'dorm_manager:' || site_id] && (select authz.my_role_scopes())::text[]
  );

create or replace function private.sync_apply_inspection_submit(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_area record;
  v_template record;
  v_area_id uuid;
  v_template_id uuid;
  v_started timestamptz;
  v_submitted timestamptz;
  v_via text;
  v_score numeric;
  v_grade text;
  v_critical boolean;
  v_answers jsonb;
  v_result jsonb;
  v_rects jsonb;
  v_rect jsonb;
  v_rect_by_key jsonb := '{}'::jsonb;
  v_rect_ids uuid[] := '{}';
  v_rect_id uuid;
  v_failed jsonb;
  v_key text;
  v_existing record;
  v_flags text[] := '{}';
  i int;
begin
  perform private.sync_only_fields(p_payload, array['id', 'area_id', 'template_id', 'started_at', 'submitted_at',
    'via', 'answers', 'score', 'grade', 'critical_failed', 'rectifications', 'inspector_id']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  if p_payload ? 'inspector_id' and private.val_uuid(p_payload, 'inspector_id', '', false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', 'inspector_id: you submit inspections as yourself');
  end if;
  v_area_id := private.val_uuid(p_payload, 'area_id');
  v_template_id := private.val_uuid(p_payload, 'template_id');
  v_started := private.val_time(p_payload, 'started_at');
  v_submitted := private.val_time(p_payload, 'submitted_at');
  if v_submitted < v_started then
    perform private.sync_refuse('invalid', 'submitted_at: before started_at');
  end if;
  v_via := private.val_enum(p_payload, 'via', array['scan', 'list']);
  v_score := private.val_number(p_payload, 'score', 0, 100, false, '', false);
  v_grade := private.val_text(p_payload, 'grade', 20, '', false);
  v_critical := private.val_bool(p_payload, 'critical_failed');
  v_answers := p_payload -> 'answers';

  select a.id, a.site_id, a.responsible_id, a.area_type into v_area from public.areas a where a.id = v_area_id;
  if not found then
    perform private.sync_refuse('not_found', 'area_id: no such area');
  end if;
  if not private.inspection_may_submit(v_area.site_id, v_area.area_type) then
    perform private.sync_refuse('forbidden', 'inspection.submit: the inspector or the admin head of the area''s site, or its dorm manager for a dormitory area');
  end if;
  -- The version the device used, even if it is no longer active (it inspected offline).
  select t.id, t.sections, t.grading into v_template from public.checklist_templates t where t.id = v_template_id;
  if not found then
    perform private.sync_refuse('not_found', 'template_id: no such template version');
  end if;

  v_result := private.checklist_score(v_template.sections, v_template.grading, v_answers);
  v_failed := v_result -> 'failed_items';

  -- Exactly one device-made rectification id per failed item.
  v_rects := p_payload -> 'rectifications';
  if pg_catalog.jsonb_typeof(v_rects) is distinct from 'array' then
    perform private.sync_refuse('invalid', 'rectifications: must be an array (one { id, item_key } per failed item)');
  end if;
  for v_rect, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(v_rects) with ordinality e (value, n) loop
    if pg_catalog.jsonb_typeof(v_rect) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('rectifications[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_rect, array['id', 'item_key']);
    v_rect_id := private.val_uuid(v_rect, 'id', pg_catalog.format('rectifications[%s].', i));
    v_key := private.val_text(v_rect, 'item_key', 64, pg_catalog.format('rectifications[%s].', i));
    if v_rect_by_key ? v_key then
      perform private.sync_refuse('invalid', 'rectifications.' || v_key || ': more than one for this item');
    end if;
    if v_rect_id = any (v_rect_ids) or v_rect_id = p_entity_id then
      perform private.sync_refuse('invalid', pg_catalog.format('rectifications[%s].id: used twice', i));
    end if;
    if not exists (select 1 from pg_catalog.jsonb_array_elements(v_failed) f where f ->> 'key' = v_key) then
      perform private.sync_refuse('invalid', 'rectifications.' || v_key || ': this item did not fail');
    end if;
    v_rect_by_key := v_rect_by_key || pg_catalog.jsonb_build_object(v_key, v_rect_id);
    v_rect_ids := v_rect_ids || v_rect_id;
  end loop;
  for v_key in select f ->> 'key' from pg_catalog.jsonb_array_elements(v_failed) f loop
    if not v_rect_by_key ? v_key then
      perform private.sync_refuse('invalid', 'rectifications.' || v_key || ': missing for this failed item');
    end if;
  end loop;

  -- The same inspection pushed again (another op) is a duplicate; another one with this id is refused.
  select i.area_id, i.template_id, i.inspector_id, i.started_at, i.submitted_at, i.via, i.answers,
         i.score, i.grade, i.critical_failed into v_existing
  from public.inspections i where i.id = p_entity_id;
  if found then
    if (v_existing.area_id, v_existing.template_id, v_existing.inspector_id, v_existing.started_at,
        v_existing.submitted_at, v_existing.via, v_existing.answers, v_existing.score, v_existing.grade)
         is distinct from
       (v_area_id, v_template_id, v_uid, v_started, v_submitted, v_via, v_answers, v_score, v_grade)
       or exists (
         select 1 from public.rectifications x
         where x.inspection_id = p_entity_id and (v_rect_by_key ->> x.item_key) is distinct from x.id::text) then
      perform private.sync_refuse('invalid', 'id: a different inspection was already submitted with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  perform 1 from public.rectifications x where x.id = any (v_rect_ids);
  if found then
    perform private.sync_refuse('invalid', 'rectifications: an id is already used by another rectification');
  end if;

  insert into public.inspections (id, area_id, template_id, inspector_id, started_at, submitted_at, via, answers,
    score, grade, critical_failed, server_score, server_grade, responsible_id)
  values (p_entity_id, v_area_id, v_template_id, v_uid, v_started, v_submitted, v_via, v_answers,
    v_score, v_grade, (v_result ->> 'critical_failed')::boolean,
    (v_result ->> 'percent')::numeric, v_result ->> 'grade', v_area.responsible_id);

  insert into public.rectifications (id, inspection_id, area_id, item_key, item_text, assignee_id, severity, due_at)
  select (v_rect_by_key ->> (f ->> 'key'))::uuid, p_entity_id, v_area_id, f ->> 'key', f ->> 'text_zh',
         v_area.responsible_id,
         case when (f ->> 'critical')::boolean then 'critical' else 'normal' end,
         private.rectification_due(v_submitted, case when (f ->> 'critical')::boolean then 'critical' else 'normal' end, v_area.site_id)
  from pg_catalog.jsonb_array_elements(v_failed) f;

  -- The server's figures stand; say where the device's differ.
  if v_score is distinct from (v_result ->> 'percent')::numeric then
    v_flags := v_flags || pg_catalog.format('score: device %s, server %s', coalesce(v_score::text, 'null'), coalesce(v_result ->> 'percent', 'null'));
  end if;
  if v_grade is distinct from (v_result ->> 'grade') then
    v_flags := v_flags || pg_catalog.format('grade: device %s, server %s', coalesce(v_grade, 'null'), coalesce(v_result ->> 'grade', 'null'));
  end if;
  if v_critical is distinct from (v_result ->> 'critical_failed')::boolean then
    v_flags := v_flags || pg_catalog.format('critical_failed: device %s, server %s', v_critical::text, v_result ->> 'critical_failed');
  end if;
  if pg_catalog.cardinality(v_flags) > 0 then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.array_to_string(v_flags, '; '));
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_inspection_submit(uuid, jsonb) from public, anon, authenticated;
