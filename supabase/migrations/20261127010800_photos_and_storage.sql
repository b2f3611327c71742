-- Op kind photo.register and the private Storage bucket 'photos'.
--
-- photo.register, entity_id = the photo's id:
--   payload: { owner_table: 'custody_events'|'seal_usages', owner_id, mime: 'image/jpeg',
--              bytes, width, height, taken_at, taken_by?: the caller, id?: entity_id,
--              storage_path?: must be '<owner_table>/<id>.jpg' }
-- Allowed for whoever may read the owner record, which must already be on the server
-- (push the event or register line first; the same batch is fine, ops apply in order).
-- Then the device uploads the JPEG to photos/<owner_table>/<id>.jpg; "already exists"
-- counts as success.

create function private.sync_apply_photo_register(p_entity_id uuid, p_payload jsonb)
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
  v_table := private.val_enum(p_payload, 'owner_table', array['custody_events', 'seal_usages']);
  v_owner := private.val_uuid(p_payload, 'owner_id');
  -- Fixed by the id, so a retried upload lands on the same object.
  v_path := v_table || '/' || p_entity_id::text || '.jpg';
  if p_payload ? 'storage_path' and p_payload ->> 'storage_path' is distinct from v_path then
    perform private.sync_refuse('invalid', 'storage_path: must be ' || v_path);
  end if;

  if v_table = 'custody_events' then
    perform 1 from public.custody_events e where e.id = v_owner;
  else
    perform 1 from public.seal_usages u where u.id = v_owner;
  end if;
  if not found then
    perform private.sync_refuse('not_found', 'owner_id: no such ' || v_table || ' row (push it first)');
  end if;
  if not (case v_table when 'custody_events' then private.can_see_custody_event(v_owner)
                       else private.can_see_seal_usage(v_owner) end) then
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

-- The bucket: private (no public URLs), JPEGs up to 10 MB.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('photos', 'photos', false, 10485760, array['image/jpeg'])
on conflict (id) do nothing;

-- Read an object only when its photos row is readable (photos RLS: the owner record's
-- readers and the taker). Upload only to a registered path the same rule allows.
create policy photos_bucket_select on storage.objects for select to authenticated
  using (
    bucket_id = 'photos'
    and exists (select 1 from public.photos p where p.storage_path = storage.objects.name and p.deleted_at is null)
  );

create policy photos_bucket_insert on storage.objects for insert to authenticated
  with check (
    bucket_id = 'photos'
    and (storage.foldername(name))[1] in ('custody_events', 'seal_usages')
    and exists (select 1 from public.photos p where p.storage_path = storage.objects.name and p.deleted_at is null)
  );
