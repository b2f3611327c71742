-- Op kinds rectification.fix and rectification.verify (整改).
--
-- The fix and verify acts are facts (rectification_events, append-only); the task's
-- status, fix_* and verified_* columns are derived by folding them in device-time order:
--   open/reopened --fix--> fixed --verify closed--> closed
--                                --verify reopened--> reopened
-- An act that does not fit the state at its device time (a verify before any fix, a
-- second verify, a fix of a closed task) is kept, marked flagged, changes nothing, and
-- its op answers 'flagged' (DESIGN.md invariant 2). A fix synced after the verify that
-- followed it on site refolds cleanly: order is by device time, not arrival.

-- Refolds one task; returns whether the event p_event_id ended up flagged.
create function private.rectification_derive(p_id uuid, p_event_id uuid)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_status text := 'open';
  v_fix_note text;
  v_fix_photos uuid[] := '{}';
  v_fixed_at timestamptz;
  v_verified_by uuid;
  v_verified_at timestamptz;
  v_ok boolean;
  v_flagged boolean := false;
  e record;
begin
  for e in
    select x.id, x.type, x.actor_id, x.device_time, x.decision, x.note, x.photo_ids, x.flagged
    from public.rectification_events x where x.rectification_id = p_id
    order by x.device_time, x.server_time, x.id
  loop
    v_ok := case e.type when 'fix' then v_status in ('open', 'reopened') else v_status = 'fixed' end;
    if v_ok and e.type = 'fix' then
      v_status := 'fixed';
      v_fix_note := e.note;
      v_fix_photos := e.photo_ids;
      v_fixed_at := e.device_time;
    elsif v_ok then
      v_status := e.decision;
      v_verified_by := e.actor_id;
      v_verified_at := e.device_time;
    end if;
    if e.flagged is distinct from not v_ok then
      update public.rectification_events set flagged = not v_ok where id = e.id;
    end if;
    if e.id = p_event_id then
      v_flagged := not v_ok;
    end if;
  end loop;
  update public.rectifications r
  set status = v_status, fix_note = v_fix_note, fix_photo_ids = v_fix_photos, fixed_at = v_fixed_at,
      verified_by = v_verified_by, verified_at = v_verified_at
  where r.id = p_id
    and (r.status, r.fix_note, r.fix_photo_ids, r.fixed_at, r.verified_by, r.verified_at)
        is distinct from (v_status, v_fix_note, v_fix_photos, v_fixed_at, v_verified_by, v_verified_at);
  return v_flagged;
end;
$$;

-- Records one act (idempotent by event id) and refolds the task.
create function private.rectification_act(p_event_id uuid, p_rect_id uuid, p_type text, p_decision text,
  p_note text, p_photos uuid[])
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_existing record;
begin
  select x.rectification_id, x.type, x.actor_id, x.decision, x.note, x.photo_ids into v_existing
  from public.rectification_events x where x.id = p_event_id;
  if found then
    if (v_existing.rectification_id, v_existing.type, v_existing.actor_id, v_existing.decision, v_existing.note, v_existing.photo_ids)
       is distinct from (p_rect_id, p_type, v_uid, p_decision, p_note, p_photos) then
      perform private.sync_refuse('invalid', 'id: a different act was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  insert into public.rectification_events (id, rectification_id, type, actor_id, device_time, decision, note, photo_ids)
  values (p_event_id, p_rect_id, p_type, v_uid, private.sync_op_device_time(), p_decision, p_note, p_photos);
  if private.rectification_derive(p_rect_id, p_event_id) then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.format(
      'rectification: %s does not fit its state at that time (kept; status %s)', p_type,
      (select r.status from public.rectifications r where r.id = p_rect_id)));
  end if;
  return '{}'::jsonb;
end;
$$;

-- rectification.fix, entity_id = the act's id:
--   { rectification_id, note?, photo_ids: uuid[1..10] ("after" photos) }
-- The assignee only.
create function private.sync_apply_rectification_fix(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_rect_id uuid;
  v_photos uuid[];
  v_assignee uuid;
begin
  perform private.sync_only_fields(p_payload, array['rectification_id', 'note', 'photo_ids']);
  v_rect_id := private.val_uuid(p_payload, 'rectification_id');
  v_photos := private.val_photo_ids(p_payload, 'photo_ids');
  if pg_catalog.cardinality(v_photos) = 0 then
    perform private.sync_refuse('invalid', 'photo_ids: at least one "after" photo');
  end if;
  select r.assignee_id into v_assignee from public.rectifications r where r.id = v_rect_id for update;
  if not found then
    perform private.sync_refuse('not_found', 'rectification_id: no such rectification');
  end if;
  if v_assignee is distinct from auth.uid() then
    perform private.sync_refuse('forbidden', 'rectification.fix: the assignee only');
  end if;
  return private.rectification_act(p_entity_id, v_rect_id, 'fix', null,
    private.val_text(p_payload, 'note', 500, '', false), v_photos);
end;
$$;

-- rectification.verify, entity_id = the act's id:
--   { rectification_id, decision: 'closed'|'reopened', note? }
-- An inspector or the admin head of the area's site.
create function private.sync_apply_rectification_verify(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_rect_id uuid;
  v_site uuid;
  v_decision text;
begin
  perform private.sync_only_fields(p_payload, array['rectification_id', 'decision', 'note']);
  v_rect_id := private.val_uuid(p_payload, 'rectification_id');
  v_decision := private.val_enum(p_payload, 'decision', array['closed', 'reopened']);
  select a.site_id into v_site
  from public.rectifications r join public.areas a on a.id = r.area_id where r.id = v_rect_id
  for update of r;
  if not found then
    perform private.sync_refuse('not_found', 'rectification_id: no such rectification');
  end if;
  if not (public.has_role_at('inspector', v_site) or public.has_role_at('admin_head', v_site)) then
    perform private.sync_refuse('forbidden', 'rectification.verify: inspector or admin_head of the area''s site only');
  end if;
  return private.rectification_act(p_entity_id, v_rect_id, 'verify', v_decision,
    private.val_text(p_payload, 'note', 500, '', false), '{}');
end;
$$;

revoke execute on function private.rectification_derive(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.rectification_act(uuid, uuid, text, text, text, uuid[]) from public, anon, authenticated;
revoke execute on function private.sync_apply_rectification_fix(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_rectification_verify(uuid, jsonb) from public, anon, authenticated;
