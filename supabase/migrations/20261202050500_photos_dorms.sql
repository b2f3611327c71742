-- (Also keeps the tasks owners of 20261202030400: each photo migration re-creates the whole list.)
-- Photos of dorm check-ins (the inventory's damage photos, the meter photos and the signature under
-- the dorm rules): the same rules as every photo (20261127030600): it follows its owner record,
-- photo.register needs that record on the server and readable by the caller
-- (private.dorm_can_see_check_in), and Storage lets only readers of a registered photo upload or read it.
-- (Everything below is 20261127030600 with 'dorm_check_ins' added.)

alter table public.photos drop constraint photos_owner_table_check;
alter table public.photos add constraint photos_owner_table_check check (owner_table in (
  'custody_events', 'seal_usages', 'inspections', 'cleaning_rounds', 'rectifications',
  'fuel_logs', 'vehicle_checks', 'maintenance_requests', 'accidents', 'tasks', 'task_events', 'dorm_check_ins'));

drop policy photos_select on public.photos;
create policy photos_select on public.photos for select to authenticated
  using (
    taken_by = (select auth.uid())
    or (owner_table = 'custody_events' and exists (select 1 from public.custody_events e where e.id = photos.owner_id))
    or (owner_table = 'seal_usages' and exists (select 1 from public.seal_usages u where u.id = photos.owner_id))
    or (owner_table = 'inspections' and exists (select 1 from public.inspections i where i.id = photos.owner_id))
    or (owner_table = 'cleaning_rounds' and exists (select 1 from public.cleaning_rounds c where c.id = photos.owner_id))
    or (owner_table = 'rectifications' and exists (select 1 from public.rectifications x where x.id = photos.owner_id))
    or (owner_table = 'fuel_logs' and exists (select 1 from public.fuel_logs f where f.id = photos.owner_id))
    or (owner_table = 'vehicle_checks' and exists (select 1 from public.vehicle_checks c where c.id = photos.owner_id))
    or (owner_table = 'maintenance_requests' and exists (select 1 from public.maintenance_requests m where m.id = photos.owner_id))
    or (owner_table = 'accidents' and exists (select 1 from public.accidents a where a.id = photos.owner_id))
    or (owner_table = 'tasks' and exists (select 1 from public.tasks t where t.id = photos.owner_id))
    or (owner_table = 'task_events' and exists (select 1 from public.task_events e where e.id = photos.owner_id))
    or (owner_table = 'dorm_check_ins' and exists (select 1 from public.dorm_check_ins c where c.id = photos.owner_id))
  );

drop policy photos_bucket_insert on storage.objects;
create policy photos_bucket_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'photos'
    and (storage.foldername(name))[1] in ('custody_events', 'seal_usages', 'inspections', 'cleaning_rounds', 'rectifications',
      'fuel_logs', 'vehicle_checks', 'maintenance_requests', 'accidents', 'tasks', 'task_events', 'dorm_check_ins')
    and exists (select 1 from public.photos p where p.storage_path = storage.objects.name and p.deleted_at is null)
  );

-- photo.register, now for the dorm check-in records too (payload unchanged).
create or replace function private.sync_apply_photo_register(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_table text;
  v_owner uuid;
  v_path text;
  v_existing record;
begin
  perform private.sync_only_fields(p_payload, array['id', 'owner_table', 'owner_id', 'mime', 'bytes', 'width',
    'height', 'taken_at', 'taken_by', 'storage_path']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  if p_payload ? 'taken_by' and private.val_uuid(p_payload, 'taken_by', '', false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', 'taken_by: you register your own photos');
  end if;
  v_table := private.val_enum(p_payload, 'owner_table',
    array['custody_events', 'seal_usages', 'inspections', 'cleaning_rounds', 'rectifications',
      'fuel_logs', 'vehicle_checks', 'maintenance_requests', 'accidents', 'tasks', 'task_events', 'dorm_check_ins']);
  v_owner := private.val_uuid(p_payload, 'owner_id');
  -- Fixed by the id, so a retried upload lands on the same object.
  v_path := v_table || '/' || p_entity_id::text || '.jpg';
  if p_payload ? 'storage_path' and p_payload ->> 'storage_path' is distinct from v_path then
    perform private.sync_refuse('invalid', 'storage_path: must be ' || v_path);
  end if;

  case v_table
    when 'custody_events' then perform 1 from public.custody_events e where e.id = v_owner;
    when 'seal_usages' then perform 1 from public.seal_usages u where u.id = v_owner;
    when 'inspections' then perform 1 from public.inspections i where i.id = v_owner;
    when 'cleaning_rounds' then perform 1 from public.cleaning_rounds c where c.id = v_owner;
    when 'rectifications' then perform 1 from public.rectifications x where x.id = v_owner;
    when 'fuel_logs' then perform 1 from public.fuel_logs f where f.id = v_owner;
    when 'vehicle_checks' then perform 1 from public.vehicle_checks c where c.id = v_owner;
    when 'maintenance_requests' then perform 1 from public.maintenance_requests m where m.id = v_owner;
    when 'accidents' then perform 1 from public.accidents x where x.id = v_owner;
    when 'tasks' then perform 1 from public.tasks t where t.id = v_owner;
    when 'task_events' then perform 1 from public.task_events e where e.id = v_owner;
    else perform 1 from public.dorm_check_ins x where x.id = v_owner;
  end case;
  if not found then
    perform private.sync_refuse('not_found', 'owner_id: no such ' || v_table || ' row (push it first)');
  end if;
  if not (case v_table
            when 'custody_events' then private.can_see_custody_event(v_owner)
            when 'seal_usages' then private.can_see_seal_usage(v_owner)
            when 'inspections' then private.can_see_inspection(v_owner)
            when 'cleaning_rounds' then private.can_see_round(v_owner)
            when 'rectifications' then private.can_see_rectification(v_owner)
            when 'tasks' then private.can_see_task(v_owner)
            when 'task_events' then private.can_see_task_event(v_owner)
            when 'dorm_check_ins' then private.dorm_can_see_check_in(v_owner)
            else private.can_see_vehicle_record(v_table, v_owner) end) then
    perform private.sync_refuse('forbidden', 'photo.register: you may not see its owner record');
  end if;

  select ph.owner_table, ph.owner_id into v_existing from public.photos ph where ph.id = p_entity_id;
  if found then
    if (v_existing.owner_table, v_existing.owner_id) is distinct from (v_table, v_owner) then
      perform private.sync_refuse('invalid', 'id: already used by another photo');
    end if;
    return '{}'::jsonb;
  end if;

  insert into public.photos (id, owner_table, owner_id, mime, bytes, width, height, taken_at, taken_by, storage_path)
  values (
    p_entity_id, v_table, v_owner,
    private.val_enum(p_payload, 'mime', array['image/jpeg']),
    private.val_number(p_payload, 'bytes', 1, 10485760, true)::int,
    private.val_number(p_payload, 'width', 1, 10000, true)::int,
    private.val_number(p_payload, 'height', 1, 10000, true)::int,
    private.val_time(p_payload, 'taken_at'),
    v_uid, v_path);
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_photo_register(uuid, jsonb) from public, anon, authenticated;
