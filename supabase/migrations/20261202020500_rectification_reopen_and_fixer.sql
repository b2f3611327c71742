-- Rectification (issue #12 point 7), as the device's domain (src/features/inspections/domain/
-- rectification.ts) has it:
-- - A reopened task gets a new deadline: the verifier's (rectification.verify `due_at`, after
--   the verification), else 24 h (critical) / 72 h (normal) from the verification. Before, it
--   kept its old deadline and was overdue the moment it was reopened.
-- - The person who recorded the fix never verifies it: rectifications.fixed_by (derived from the
--   fix act); a verify by them is refused, and one that a late-arriving fix of theirs would make
--   fit is kept but flagged (it does not close the task).

alter table public.rectifications add column fixed_by uuid references public.profiles (id);
alter table public.rectification_events add column due_at timestamptz
  check (due_at is null or (type = 'verify' and decision = 'reopened'));

-- The new column is a fact too: only `flagged` may change.
create or replace function private.tg_rectification_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.rectification_id, new.type, new.actor_id, new.device_time, new.server_time,
          new.decision, new.note, new.photo_ids, new.due_at)
         is not distinct from
         (old.id, old.rectification_id, old.type, old.actor_id, old.device_time, old.server_time,
          old.decision, old.note, old.photo_ids, old.due_at) then
    return new;
  end if;
  raise exception 'rectification_events is append-only (% refused)', pg_catalog.lower(tg_op) using errcode = 'P0001';
end;
$$;

-- Hours from the act to the due time, by severity (RECTIFICATION_DUE_HOURS on the device).
create function private.rectification_due_hours(p_severity text)
returns interval
language sql immutable
set search_path = ''
as $$
  select case when p_severity = 'critical' then interval '24 hours' else interval '72 hours' end;
$$;

-- Refolds one task (as before, plus fixed_by, the fixer's own verify not fitting, and the due
-- time: the original one, then each reopen's); returns whether p_event_id ended up flagged.
create or replace function private.rectification_derive(p_id uuid, p_event_id uuid)
returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_status text := 'open';
  v_fix_note text;
  v_fix_photos uuid[] := '{}';
  v_fixed_at timestamptz;
  v_fixed_by uuid;
  v_verified_by uuid;
  v_verified_at timestamptz;
  v_severity text;
  v_due timestamptz;
  v_ok boolean;
  v_flagged boolean := false;
  e record;
begin
  select r.severity, i.submitted_at + private.rectification_due_hours(r.severity) into v_severity, v_due
  from public.rectifications r join public.inspections i on i.id = r.inspection_id where r.id = p_id;
  for e in
    select x.id, x.type, x.actor_id, x.device_time, x.decision, x.note, x.photo_ids, x.flagged, x.due_at
    from public.rectification_events x where x.rectification_id = p_id
    order by x.device_time, x.server_time, x.id
  loop
    v_ok := case e.type when 'fix' then v_status in ('open', 'reopened')
                        else v_status = 'fixed' and e.actor_id is distinct from v_fixed_by end;
    if v_ok and e.type = 'fix' then
      v_status := 'fixed';
      v_fix_note := e.note;
      v_fix_photos := e.photo_ids;
      v_fixed_at := e.device_time;
      v_fixed_by := e.actor_id;
    elsif v_ok then
      v_status := e.decision;
      v_verified_by := e.actor_id;
      v_verified_at := e.device_time;
      if e.decision = 'reopened' then
        v_due := coalesce(e.due_at, e.device_time + private.rectification_due_hours(v_severity));
      end if;
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
      fixed_by = v_fixed_by, verified_by = v_verified_by, verified_at = v_verified_at, due_at = v_due
  where r.id = p_id
    and (r.status, r.fix_note, r.fix_photo_ids, r.fixed_at, r.fixed_by, r.verified_by, r.verified_at, r.due_at)
        is distinct from (v_status, v_fix_note, v_fix_photos, v_fixed_at, v_fixed_by, v_verified_by, v_verified_at, v_due);
  return v_flagged;
end;
$$;

-- Records one act (idempotent by event id, due_at included) and refolds the task.
create function private.rectification_act(p_event_id uuid, p_rect_id uuid, p_type text, p_decision text,
  p_note text, p_photos uuid[], p_due timestamptz)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_existing record;
begin
  select x.rectification_id, x.type, x.actor_id, x.decision, x.note, x.photo_ids, x.due_at into v_existing
  from public.rectification_events x where x.id = p_event_id;
  if found then
    if (v_existing.rectification_id, v_existing.type, v_existing.actor_id, v_existing.decision, v_existing.note,
        v_existing.photo_ids, v_existing.due_at)
       is distinct from (p_rect_id, p_type, v_uid, p_decision, p_note, p_photos, p_due) then
      perform private.sync_refuse('invalid', 'id: a different act was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  insert into public.rectification_events (id, rectification_id, type, actor_id, device_time, decision, note, photo_ids, due_at)
  values (p_event_id, p_rect_id, p_type, v_uid, private.sync_op_device_time(), p_decision, p_note, p_photos, p_due);
  if private.rectification_derive(p_rect_id, p_event_id) then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.format(
      'rectification: %s does not fit its state at that time (kept; status %s)', p_type,
      (select r.status from public.rectifications r where r.id = p_rect_id)));
  end if;
  return '{}'::jsonb;
end;
$$;

-- The six-argument form (rectification.fix calls it) records no due time.
create or replace function private.rectification_act(p_event_id uuid, p_rect_id uuid, p_type text, p_decision text,
  p_note text, p_photos uuid[])
returns jsonb
language sql
set search_path = ''
as $$
  select private.rectification_act(p_event_id, p_rect_id, p_type, p_decision, p_note, p_photos, null::timestamptz);
$$;

-- rectification.verify, entity_id = the act's id:
--   { rectification_id, decision: 'closed'|'reopened', note?, due_at? (reopened only: the new
--     due time, after the op's device time; default 24 h critical / 72 h normal from it) }
-- An inspector or the admin head of the area's site, who did not record the task's fix.
create or replace function private.sync_apply_rectification_verify(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_rect_id uuid;
  v_site uuid;
  v_status text;
  v_fixed_by uuid;
  v_decision text;
  v_due timestamptz;
begin
  perform private.sync_only_fields(p_payload, array['rectification_id', 'decision', 'note', 'due_at']);
  v_rect_id := private.val_uuid(p_payload, 'rectification_id');
  v_decision := private.val_enum(p_payload, 'decision', array['closed', 'reopened']);
  v_due := private.val_time(p_payload, 'due_at', '', false);
  if v_due is not null and v_decision <> 'reopened' then
    perform private.sync_refuse('invalid', 'due_at: only when reopening');
  end if;
  if v_due is not null and v_due <= private.sync_op_device_time() then
    perform private.sync_refuse('invalid', 'due_at: the new due time must be after the verification');
  end if;
  select a.site_id, r.status, r.fixed_by into v_site, v_status, v_fixed_by
  from public.rectifications r join public.areas a on a.id = r.area_id where r.id = v_rect_id
  for update of r;
  if not found then
    perform private.sync_refuse('not_found', 'rectification_id: no such rectification');
  end if;
  if not (public.has_role_at('inspector', v_site) or public.has_role_at('admin_head', v_site)) then
    perform private.sync_refuse('forbidden', 'rectification.verify: inspector or admin_head of the area''s site only');
  end if;
  if v_status = 'fixed' and v_fixed_by = auth.uid() then
    perform private.sync_refuse('forbidden', 'rectification.verify: you fixed it; someone else verifies it');
  end if;
  return private.rectification_act(p_entity_id, v_rect_id, 'verify', v_decision,
    private.val_text(p_payload, 'note', 500, '', false), '{}', v_due);
end;
$$;

-- Tasks fixed before: who fixed them (the refold also moves nothing else for them).
update public.rectifications r
set fixed_by = (select x.actor_id from public.rectification_events x
                where x.rectification_id = r.id and x.type = 'fix' and not x.flagged
                order by x.device_time desc, x.server_time desc, x.id desc limit 1)
where r.fixed_at is not null;

revoke execute on function private.rectification_due_hours(text) from public, anon, authenticated;
revoke execute on function private.rectification_derive(uuid, uuid) from public, anon, authenticated;
revoke execute on function private.rectification_act(uuid, uuid, text, text, text, uuid[], timestamptz) from public, anon, authenticated;
revoke execute on function private.rectification_act(uuid, uuid, text, text, text, uuid[]) from public, anon, authenticated;
revoke execute on function private.sync_apply_rectification_verify(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.tg_rectification_events_append_only() from public, anon, authenticated;
