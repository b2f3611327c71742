-- One registry of the records a photo may belong to (issue 8's follow-up; like private.synced_tables).
-- Until now every engine's photo migration re-created the whole owner list in four places (the
-- photos check constraint, photos_select, the Storage insert policy and photo.register), and two
-- branches doing so at once silently dropped each other's owners. Now an engine adds one row:
--
--   insert into private.photo_owners (owner_table, can_see)
--   values ('my_table', 'private.can_see_my_row(uuid)');
--
-- can_see is a private function (uuid) returns boolean: may the caller (auth.uid()) read that
-- owner row. The rules stay the same as before: a photo follows its owner record, photo.register
-- needs that record on the server and readable by the caller, Storage lets only readers of a
-- registered photo upload or read its object.

create table private.photo_owners (
  owner_table text primary key check (owner_table ~ '^[a-z][a-z_]*$'),
  can_see regprocedure not null
);
alter table private.photo_owners enable row level security; -- no policies: only definer code reads it
revoke all on private.photo_owners from public, anon, authenticated;

-- The vehicle records share one two-argument rule; the registry wants one (uuid) function each.
create function private.can_see_fuel_log(p_id uuid) returns boolean
language sql stable set search_path = '' as $$ select private.can_see_vehicle_record('fuel_logs', p_id) $$;
create function private.can_see_vehicle_check(p_id uuid) returns boolean
language sql stable set search_path = '' as $$ select private.can_see_vehicle_record('vehicle_checks', p_id) $$;
create function private.can_see_maintenance_request(p_id uuid) returns boolean
language sql stable set search_path = '' as $$ select private.can_see_vehicle_record('maintenance_requests', p_id) $$;
create function private.can_see_accident(p_id uuid) returns boolean
language sql stable set search_path = '' as $$ select private.can_see_vehicle_record('accidents', p_id) $$;
revoke execute on function private.can_see_fuel_log(uuid), private.can_see_vehicle_check(uuid),
  private.can_see_maintenance_request(uuid), private.can_see_accident(uuid) from public, anon, authenticated;

insert into private.photo_owners (owner_table, can_see) values
  ('custody_events', 'private.can_see_custody_event(uuid)'),
  ('seal_usages', 'private.can_see_seal_usage(uuid)'),
  ('inspections', 'private.can_see_inspection(uuid)'),
  ('cleaning_rounds', 'private.can_see_round(uuid)'),
  ('rectifications', 'private.can_see_rectification(uuid)'),
  ('fuel_logs', 'private.can_see_fuel_log(uuid)'),
  ('vehicle_checks', 'private.can_see_vehicle_check(uuid)'),
  ('maintenance_requests', 'private.can_see_maintenance_request(uuid)'),
  ('accidents', 'private.can_see_accident(uuid)'),
  ('tasks', 'private.can_see_task(uuid)'),
  ('task_events', 'private.can_see_task_event(uuid)'),
  ('dorm_check_ins', 'private.dorm_can_see_check_in(uuid)');

-- Does the owner row exist (whoever may read it)? Table names come only from the registry.
create function private.photo_owner_exists(p_table text, p_id uuid)
returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  v_found boolean;
begin
  perform 1 from private.photo_owners o where o.owner_table = p_table;
  if not found then return false; end if;
  execute pg_catalog.format('select exists (select 1 from public.%I where id = $1)', p_table) into v_found using p_id;
  return v_found;
end;
$$;

-- May the caller read the owner row? Used by photos_select (so it lives in authz: policies run as
-- the caller) and by photo.register.
create function authz.photo_visible(p_table text, p_id uuid)
returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_can_see regprocedure;
  v_ok boolean;
begin
  select o.can_see into v_can_see from private.photo_owners o where o.owner_table = p_table;
  if not found then return false; end if;
  execute pg_catalog.format('select %s($1)', v_can_see::regproc) into v_ok using p_id;
  return coalesce(v_ok, false);
end;
$$;
revoke execute on function authz.photo_visible(text, uuid) from public, anon;
grant execute on function authz.photo_visible(text, uuid) to authenticated;
revoke execute on function private.photo_owner_exists(text, uuid) from public, anon, authenticated;

-- The owner table must be registered (a foreign key instead of a hand-kept check list).
alter table public.photos drop constraint photos_owner_table_check;
alter table public.photos add constraint photos_owner_table_fkey
  foreign key (owner_table) references private.photo_owners (owner_table);

drop policy photos_select on public.photos;
create policy photos_select on public.photos for select to authenticated
  using (taken_by = (select auth.uid()) or authz.photo_visible(owner_table, owner_id));

-- Upload only to the path of a registered photo the caller may read (photos RLS applies inside).
drop policy photos_bucket_insert on storage.objects;
create policy photos_bucket_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'photos'
    and exists (select 1 from public.photos p
                where p.storage_path = storage.objects.name and p.deleted_at is null
                  and (storage.foldername(storage.objects.name))[1] = p.owner_table)
  );

-- photo.register over the registry (payload unchanged).
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
    (select pg_catalog.array_agg(o.owner_table order by o.owner_table) from private.photo_owners o));
  v_owner := private.val_uuid(p_payload, 'owner_id');
  -- Fixed by the id, so a retried upload lands on the same object.
  v_path := v_table || '/' || p_entity_id::text || '.jpg';
  if p_payload ? 'storage_path' and p_payload ->> 'storage_path' is distinct from v_path then
    perform private.sync_refuse('invalid', 'storage_path: must be ' || v_path);
  end if;

  if not private.photo_owner_exists(v_table, v_owner) then
    perform private.sync_refuse('not_found', 'owner_id: no such ' || v_table || ' row (push it first)');
  end if;
  if not authz.photo_visible(v_table, v_owner) then
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
