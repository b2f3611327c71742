-- rectification.fix for a task with no assignee (an area without a responsible person, such as
-- the demo's green belts): the admin head of the area's site may record the fix, so such a task
-- can ever be closed. An assigned task is still fixed by its assignee only.
create or replace function private.sync_apply_rectification_fix(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_rect_id uuid;
  v_photos uuid[];
  v_assignee uuid;
  v_site uuid;
begin
  perform private.sync_only_fields(p_payload, array['rectification_id', 'note', 'photo_ids']);
  v_rect_id := private.val_uuid(p_payload, 'rectification_id');
  v_photos := private.val_photo_ids(p_payload, 'photo_ids');
  if pg_catalog.cardinality(v_photos) = 0 then
    perform private.sync_refuse('invalid', 'photo_ids: at least one "after" photo');
  end if;
  select r.assignee_id, a.site_id into v_assignee, v_site
  from public.rectifications r join public.areas a on a.id = r.area_id
  where r.id = v_rect_id
  for update of r;
  if not found then
    perform private.sync_refuse('not_found', 'rectification_id: no such rectification');
  end if;
  if v_assignee is null then
    if not public.has_role_at('admin_head', v_site) then
      perform private.sync_refuse('forbidden', 'rectification.fix: an unassigned task is fixed by the admin head of its site');
    end if;
  elsif v_assignee is distinct from auth.uid() then
    perform private.sync_refuse('forbidden', 'rectification.fix: the assignee only');
  end if;
  return private.rectification_act(p_entity_id, v_rect_id, 'fix', null,
    private.val_text(p_payload, 'note', 500, '', false), v_photos);
end;
$$;

revoke execute on function private.sync_apply_rectification_fix(uuid, jsonb) from public, anon, authenticated;
