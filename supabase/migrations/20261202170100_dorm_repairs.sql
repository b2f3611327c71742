-- 报修 (repair requests) from a dormitory room (issue 10), on the tasks engine (DESIGN.md: tasks serve
-- maintenance): a resident of the room (a live stay: reserved or living there) or whoever manages the
-- site's dormitories reports a defect, with photos; it becomes a task (source 'repair', source_ref = the
-- room's id) assigned to the site's dorm manager (else the site's admin head), due in 3 working days
-- on the company calendar, and tracked to done by the tasks engine (accept, progress, complete, score).
-- The reporter is the task's assigner: they see it, and its timeline, through the tasks policies.
-- A bed out of use meanwhile is marked with the bed events repair_start / repair_end (20261202050300).
--
-- Op kind dorm_repair.report (entity = the task's id): { room_id, bed_id?, what, description?, photo_ids? }.
-- The device's twin is src/features/dorms/domain/repairs.ts (repairTitle, REPAIR_DUE_WORKING_DAYS).

alter table public.tasks drop constraint tasks_source_check;
alter table public.tasks add constraint tasks_source_check
  check (source in ('instruction', 'resolution', 'document', 'inspection', 'repair'));
create index tasks_repair_room_idx on public.tasks (source_ref) where source = 'repair';

-- Who a room's repairs go to: a dorm manager of the site (site-scoped first, then company-wide), else an
-- admin head of the site; null when the site has neither.
create function private.dorm_repair_assignee(p_site uuid)
returns uuid
language sql stable
set search_path = ''
as $$
  select r.user_id
  from public.user_roles r
  join public.profiles p on p.id = r.user_id and p.deleted_at is null
  where r.deleted_at is null and r.role in ('dorm_manager', 'admin_head') and (r.site_id = p_site or r.site_id is null)
  order by r.role = 'admin_head', r.site_id is null, r.user_id
  limit 1;
$$;
revoke execute on function private.dorm_repair_assignee(uuid) from public, anon, authenticated;

-- The task's title, as repairTitle() on the device: '101室-2 报修：空调不制冷'.
create function private.dorm_repair_title(p_room text, p_bed text, p_what text)
returns text
language sql immutable
set search_path = ''
as $$
  select p_room || '室' || coalesce('-' || p_bed, '') || ' 报修：' || p_what;
$$;
revoke execute on function private.dorm_repair_title(text, text, text) from public, anon, authenticated;

create function private.sync_apply_dorm_repair_report(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_room public.dorm_rooms;
  v_bed uuid;
  v_code text;
  v_what text;
  v_description text;
  v_photos uuid[];
  v_assignee uuid;
  v_title text;
  v_due date;
  v_level text;
  v_existing record;
begin
  perform private.sync_only_fields(p_payload, array['room_id', 'bed_id', 'what', 'description', 'photo_ids']);
  select * into v_room from public.dorm_rooms r where r.id = private.val_uuid(p_payload, 'room_id') and r.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'room_id: no such room');
  end if;
  v_bed := private.val_uuid(p_payload, 'bed_id', '', false);
  if v_bed is not null then
    select b.code into v_code from public.dorm_beds b where b.id = v_bed and b.room_id = v_room.id and b.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', 'bed_id: no such bed in the room');
    end if;
  end if;
  v_what := pg_catalog.btrim(private.val_text(p_payload, 'what', 100));
  if v_what = '' then
    perform private.sync_refuse('invalid', 'what: required (up to 100 characters)');
  end if;
  v_description := private.val_text(p_payload, 'description', 2000, '', false);
  v_photos := private.val_photo_ids(p_payload, 'photo_ids');
  if not private.dorm_manages(v_room.site_id)
     and not exists (select 1 from public.dorm_stays s where s.room_id = v_room.id and s.occupant_id = v_uid
                     and s.status in ('reserved', 'active') and s.deleted_at is null) then
    perform private.sync_refuse('forbidden', 'dorm_repair.report: a resident of the room or the dorm manager');
  end if;
  v_title := private.dorm_repair_title(v_room.number, v_code, v_what);

  select t.source, t.source_ref, t.title, t.assigner_id, t.method, t.photo_ids into v_existing from public.tasks t where t.id = p_entity_id;
  if found then
    if (v_existing.source, v_existing.source_ref, v_existing.title, v_existing.assigner_id, v_existing.method, v_existing.photo_ids)
       is distinct from ('repair', v_room.id::text, v_title, v_uid, v_description, v_photos) then
      perform private.sync_refuse('invalid', 'id: a different task was already made with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  v_assignee := private.dorm_repair_assignee(v_room.site_id);
  if v_assignee is null then
    perform private.sync_refuse('not_found', 'room_id: the site has no dorm manager or admin head to repair it');
  end if;
  v_due := private.add_working_days(private.company_date(v_at), 3, v_room.site_id);
  v_level := case when public.has_role_at('executive', v_room.site_id) then 'executive'
                  when public.has_role_at('admin_head', v_room.site_id) then 'admin_head' else 'supervisor' end;
  insert into public.tasks (id, site_id, title, source, source_ref, assigner_id, assigner_level, assigned_to, assignee_id,
    method, assigned_due_on, due_on, priority, photo_ids, assigned_at)
  values (p_entity_id, v_room.site_id, v_title, 'repair', v_room.id::text, v_uid, v_level, v_assignee, v_assignee,
    v_description, v_due, v_due, 'normal', v_photos, v_at);
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_repair_report(uuid, jsonb) from public, anon, authenticated;
