-- Op kind seal_usage.record: one line of the seal-use register (sealUsage.ts),
-- entity_id = the register line's id. Seal keepers and the head of administration.
--
-- payload: { seal_id, used_at, document_title, document_type, document_type_note?, copies,
--            purpose, requester_id?, requester_name, requester_department, approver_name,
--            mode: 'stamp_here'|'take_out', due_at?, photo_ids?, recorded_by?: the caller,
--            id?: entity_id,
--            check_out_event?: the custody check-out a take-out implies (sealUsageCheckOut):
--              { id, asset_id: seal_id, type: 'check_out', device_time, actor_id?,
--                payload: { to_person: requester_id, due_at: due_at, purpose, condition } } }
-- A take-out records that check-out in the same transaction, so the seal shows as
-- out (and overdue after due_at); if the seal was already out the op is 'flagged'.

create function private.sync_apply_seal_usage_record(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_seal record;
  v_seal_id uuid;
  v_used_at timestamptz;
  v_mode text;
  v_due timestamptz;
  v_requester uuid;
  v_event jsonb;
  v_event_id uuid;
  v_out jsonb := '{}'::jsonb;
  v_existing uuid;
  v_title text;
begin
  perform private.sync_only_fields(p_payload, array['id', 'seal_id', 'used_at', 'recorded_by', 'document_title',
    'document_type', 'document_type_note', 'copies', 'purpose', 'requester_id', 'requester_name',
    'requester_department', 'approver_name', 'mode', 'due_at', 'photo_ids', 'check_out_event']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  if p_payload ? 'recorded_by' and private.val_uuid(p_payload, 'recorded_by', '', false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', 'recorded_by: you record uses as yourself');
  end if;
  v_seal_id := private.val_uuid(p_payload, 'seal_id');
  v_used_at := private.val_time(p_payload, 'used_at');
  v_mode := private.val_enum(p_payload, 'mode', array['stamp_here', 'take_out']);
  v_due := private.val_time(p_payload, 'due_at', '', false);
  v_requester := private.val_uuid(p_payload, 'requester_id', '', false);
  v_title := private.val_text(p_payload, 'document_title', 200);

  select a.id, a.kind, a.site_id into v_seal from public.assets a
  where a.id = v_seal_id and a.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', 'seal_id: no such asset');
  end if;
  if not (public.has_role_at('admin_head', v_seal.site_id) or public.has_role_at('seal_keeper', v_seal.site_id)) then
    perform private.sync_refuse('forbidden', 'seal_usage.record: seal_keeper or admin_head only');
  end if;
  if v_seal.kind <> 'seal' then
    perform private.sync_refuse('invalid', 'seal_id: not a seal');
  end if;

  if v_mode = 'take_out' then
    if v_due is null then
      perform private.sync_refuse('invalid', 'due_at: required for a take-out');
    elsif v_due <= v_used_at then
      perform private.sync_refuse('invalid', 'due_at: not after used_at');
    end if;
    if v_requester is null then
      perform private.sync_refuse('invalid', 'requester_id: required for a take-out (the holder)');
    end if;
    v_event := p_payload -> 'check_out_event';
    if pg_catalog.jsonb_typeof(v_event) is distinct from 'object' then
      perform private.sync_refuse('invalid', 'check_out_event: required for a take-out');
    end if;
    v_event_id := private.val_uuid(v_event, 'id', 'check_out_event.');
    -- The check-out must say what the register line says.
    if v_event ->> 'type' is distinct from 'check_out' then
      perform private.sync_refuse('invalid', 'check_out_event.type: must be check_out');
    end if;
    if private.val_uuid(v_event, 'asset_id', 'check_out_event.') <> v_seal_id then
      perform private.sync_refuse('invalid', 'check_out_event.asset_id: must be seal_id');
    end if;
    if v_event #>> '{payload,to_person}' is distinct from v_requester::text then
      perform private.sync_refuse('invalid', 'check_out_event.payload.to_person: must be requester_id');
    end if;
    if private.val_time(v_event -> 'payload', 'due_at', 'check_out_event.payload.', false) is distinct from v_due then
      perform private.sync_refuse('invalid', 'check_out_event.payload.due_at: must be due_at');
    end if;
  else
    if v_due is not null then
      perform private.sync_refuse('invalid', 'due_at: only for a take-out');
    end if;
    if p_payload ? 'check_out_event' and pg_catalog.jsonb_typeof(p_payload -> 'check_out_event') <> 'null' then
      perform private.sync_refuse('invalid', 'check_out_event: only for a take-out');
    end if;
  end if;
  perform private.val_person(v_requester, 'requester_id');

  -- The same line pushed again (another op) is the same record.
  select u.seal_id into v_existing from public.seal_usages u where u.id = p_entity_id;
  if found then
    if v_existing <> v_seal_id then
      perform private.sync_refuse('invalid', 'id: already used by another register line');
    end if;
    return '{}'::jsonb;
  end if;

  if v_event_id is not null then
    v_out := private.custody_record(v_event_id, v_event, 'check_out_event.');
  end if;

  insert into public.seal_usages (id, seal_id, used_at, recorded_by, document_title, document_type,
    document_type_note, copies, purpose, requester_id, requester_name, requester_department,
    approver_name, mode, due_at, photo_ids, check_out_event_id)
  values (
    p_entity_id, v_seal_id, v_used_at, v_uid, v_title,
    private.val_enum(p_payload, 'document_type',
      array['contract', 'letter', 'certificate', 'financial', 'application', 'personnel', 'other']),
    private.val_text(p_payload, 'document_type_note', 50, '', false),
    private.val_number(p_payload, 'copies', 1, 999, true)::int,
    private.val_text(p_payload, 'purpose', 500),
    v_requester,
    private.val_text(p_payload, 'requester_name', 50),
    private.val_text(p_payload, 'requester_department', 100),
    private.val_text(p_payload, 'approver_name', 50),
    v_mode, v_due,
    private.val_photo_ids(p_payload, 'photo_ids'),
    v_event_id);
  return v_out;
end;
$$;

revoke execute on function private.sync_apply_seal_usage_record(uuid, jsonb) from public, anon, authenticated;
