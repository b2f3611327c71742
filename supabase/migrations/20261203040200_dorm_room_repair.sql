-- "Under repair" for a whole room, and from a 报修 task (issue 10). Until now a bed was put under repair
-- one at a time (dorm_bed.record 'repair_start'), even with someone living on it.
--   * A bed someone lives on (occupied) or is about to move onto (reserved) is never put under repair:
--     refused with the bed named, on every path (the trigger below guards dorm_bed_events).
--   * dorm_room.repair (entity = the room) { action: 'start' | 'end', beds: [{ bed_id, event_id }] (1..6),
--     task_id?, note? }: the dorm manager (or the admin head) of the site marks the listed beds of the room
--     under repair, or back in use, in one act — the device lists the room's vacant beds for 'start'.
--     With task_id (a 报修 task of this room, not yet done), the bed events carry it.
--   * When that task is done (completed, scored) or cancelled, every bed whose repair it started and
--     that is still under repair is freed (a repair_end carrying the task_id), in the task's transaction.
-- The device's twin: src/features/dorms/domain/roomRepair.ts.

create function private.tg_dorm_repair_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_bed public.dorm_beds;
begin
  if new.type <> 'repair_start' then
    return new;
  end if;
  select * into v_bed from public.dorm_beds b where b.id = new.bed_id;
  if v_bed.status = 'occupied' then
    perform private.sync_refuse('invalid', pg_catalog.format(
      'bed_id: bed %s is occupied; a bed someone lives on cannot be put under repair (move or check them out first)', v_bed.code));
  elsif v_bed.status = 'reserved' then
    perform private.sync_refuse('invalid', pg_catalog.format(
      'bed_id: bed %s is reserved for someone; cancel or move the allocation first', v_bed.code));
  end if;
  return new;
end;
$$;
revoke execute on function private.tg_dorm_repair_guard() from public, anon, authenticated;
create trigger dorm_repair_guard before insert on public.dorm_bed_events
  for each row execute function private.tg_dorm_repair_guard();

create function private.sync_apply_dorm_room_repair(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_room public.dorm_rooms;
  v_action text;
  v_type text;
  v_task record;
  v_task_id uuid;
  v_task_status text;
  v_note text;
  v_payload jsonb;
  v_item jsonb;
  v_bed public.dorm_beds;
  v_bed_id uuid;
  v_event uuid;
  v_seen uuid[] := '{}';
  v_events uuid[] := '{}';
  v_existing record;
  v_new int := 0;
  i int;
  w text;
begin
  perform private.sync_only_fields(p_payload, array['action', 'beds', 'task_id', 'note']);
  select * into v_room from public.dorm_rooms r where r.id = p_entity_id and r.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'entity_id: no such room');
  end if;
  if not (public.has_role_at('dorm_manager', v_room.site_id) or public.has_role_at('admin_head', v_room.site_id)) then
    perform private.sync_refuse('forbidden', 'dorm_room.repair: the dorm manager or the admin head of the site');
  end if;
  v_action := private.val_enum(p_payload, 'action', array['start', 'end']);
  v_type := 'repair_' || v_action;
  v_note := private.val_text(p_payload, 'note', 500, '', false);
  v_task_id := private.val_uuid(p_payload, 'task_id', '', false);
  if v_task_id is not null then
    select t.source, t.source_ref, t.status into v_task from public.tasks t where t.id = v_task_id;
    if not found or v_task.source <> 'repair' or v_task.source_ref <> p_entity_id::text then
      perform private.sync_refuse('not_found', 'task_id: no 报修 task of this room');
    end if;
    v_task_status := v_task.status;
  end if;
  if pg_catalog.jsonb_typeof(p_payload -> 'beds') is distinct from 'array'
     or pg_catalog.jsonb_array_length(p_payload -> 'beds') not between 1 and 6 then
    perform private.sync_refuse('invalid', 'beds: 1 to 6 { bed_id, event_id } of the room');
  end if;
  v_payload := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('note', v_note, 'task_id', v_task_id));

  -- Validate every bed first (named by its place in the list); replays answer duplicate.
  for v_item, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'beds') with ordinality e (value, n) loop
    w := pg_catalog.format('beds[%s].', i);
    if pg_catalog.jsonb_typeof(v_item) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('beds[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_item, array['bed_id', 'event_id']);
    v_bed_id := private.val_uuid(v_item, 'bed_id', w);
    v_event := private.val_uuid(v_item, 'event_id', w);
    if v_bed_id = any (v_seen) or v_event = any (v_events) then
      perform private.sync_refuse('invalid', w || 'a bed or an event given twice');
    end if;
    v_seen := v_seen || v_bed_id;
    v_events := v_events || v_event;
    select be.bed_id, be.type, be.payload into v_existing from public.dorm_bed_events be where be.id = v_event;
    if found then
      if (v_existing.bed_id, v_existing.type, v_existing.payload) is distinct from (v_bed_id, v_type, v_payload) then
        perform private.sync_refuse('invalid', w || 'event_id: a different event was already recorded with this id');
      end if;
      continue;
    end if;
    v_new := v_new + 1;
  end loop;
  if v_new = 0 then
    return '{"status":"duplicate"}'::jsonb;
  end if;
  if v_action = 'start' and v_task_status in ('completed', 'scored', 'cancelled') then
    perform private.sync_refuse('invalid', 'task_id: the 报修 task is done already');
  end if;

  -- The beds in a fixed order (two acts on one room never deadlock).
  for v_bed in select b.* from public.dorm_beds b where b.id = any (v_seen) order by b.id for update loop
    null;
  end loop;
  for v_item, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'beds') with ordinality e (value, n) loop
    w := pg_catalog.format('beds[%s].', i);
    v_bed_id := (v_item ->> 'bed_id')::uuid;
    v_event := (v_item ->> 'event_id')::uuid;
    continue when exists (select 1 from public.dorm_bed_events be where be.id = v_event);
    select * into v_bed from public.dorm_beds b where b.id = v_bed_id and b.room_id = p_entity_id and b.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', w || 'bed_id: not a bed of the room');
    end if;
    if v_action = 'start' and v_bed.status = 'occupied' then
      perform private.sync_refuse('invalid', pg_catalog.format(
        '%sbed_id: bed %s is occupied; a bed someone lives on cannot be put under repair (move or check them out first)', w, v_bed.code));
    elsif v_action = 'start' and v_bed.status = 'reserved' then
      perform private.sync_refuse('invalid', pg_catalog.format(
        '%sbed_id: bed %s is reserved for someone; cancel or move the allocation first', w, v_bed.code));
    end if;
    insert into public.dorm_bed_events (id, bed_id, site_id, stay_id, type, actor_id, device_time, payload)
    values (v_event, v_bed_id, v_bed.site_id, null, v_type, v_uid, v_at, v_payload);
    perform private.dorm_bed_derive(v_bed_id);
  end loop;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_room_repair(uuid, jsonb) from public, anon, authenticated;

-- A 报修 task done (or cancelled) frees the beds it put under repair: those whose latest repair_start
-- carries its id and that are still under repair.
create function private.tg_dorm_repair_task_done()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_bed record;
  v_at timestamptz;
begin
  if new.source <> 'repair' or new.status not in ('completed', 'scored', 'cancelled')
     or old.status in ('completed', 'scored', 'cancelled') then
    return null;
  end if;
  for v_bed in
    select b.id, b.site_id, s.device_time
    from public.dorm_beds b
    cross join lateral (
      select be.payload, be.device_time from public.dorm_bed_events be
      where be.bed_id = b.id and be.type = 'repair_start' and be.deleted_at is null
      order by pg_catalog.date_trunc('milliseconds', be.device_time) desc, pg_catalog.date_trunc('milliseconds', be.server_time) desc, be.id desc
      limit 1) s
    where b.room_id::text = new.source_ref and b.deleted_at is null and b.in_repair
      and s.payload ->> 'task_id' = new.id::text
    order by b.id
    for update of b
  loop
    -- After the start it ends, by the task's own clock when it has one.
    v_at := greatest(coalesce(new.completed_at, pg_catalog.now()), v_bed.device_time + interval '1 millisecond');
    insert into public.dorm_bed_events (id, bed_id, site_id, stay_id, type, actor_id, device_time, payload)
    values (gen_random_uuid(), v_bed.id, v_bed.site_id, null, 'repair_end', coalesce(auth.uid(), new.assignee_id, new.assigner_id), v_at,
      pg_catalog.jsonb_build_object('task_id', new.id));
    perform private.dorm_bed_derive(v_bed.id);
  end loop;
  return null;
end;
$$;
revoke execute on function private.tg_dorm_repair_task_done() from public, anon, authenticated;
create trigger dorm_repair_task_done after update of status on public.tasks
  for each row execute function private.tg_dorm_repair_task_done();
