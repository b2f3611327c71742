-- An op id names one op (issue 8, point 6). Until now a known op id answered 'duplicate'
-- whatever came with it, so a different op under a reused id was dropped in silence. The
-- ledger now keeps a hash of the op's body (kind, entity_id, device_time as an instant,
-- payload as jsonb, so key order and time zone spelling do not matter): the same body again
-- is 'duplicate'; another body is refused 'invalid' ("op_id: already used for a different
-- op ..."), which the device shows in needs-attention. Ops recorded before this migration
-- have no hash and stay 'duplicate' on any re-push.
--
-- private.sync_push_one below is 20261127000700_sync_push.sql's with the two idempotency
-- checks going through private.sync_op_seen and the ledger insert storing body_hash.

alter table public.sync_ops add column body_hash bytea;

create function private.sync_op_hash(p_kind text, p_entity_id uuid, p_device_time timestamptz, p_payload jsonb)
returns bytea
language sql immutable
set search_path = ''
as $$
  select pg_catalog.sha256(pg_catalog.convert_to(pg_catalog.jsonb_build_array(
    p_kind, p_entity_id, extract(epoch from p_device_time), p_payload)::text, 'UTF8'))
$$;

-- The answer for an op id already in the ledger, or null when it is new.
create function private.sync_op_seen(p_uid uuid, p_op_id uuid, p_hash bytea)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_owner uuid;
  v_hash bytea;
begin
  select s.user_id, s.body_hash into v_owner, v_hash from public.sync_ops s where s.op_id = p_op_id;
  if not found then
    return null;
  end if;
  if v_owner is distinct from p_uid then
    return pg_catalog.jsonb_build_object('op_id', p_op_id, 'status', 'refused', 'reason', 'invalid', 'detail', 'op_id: already used');
  end if;
  if v_hash is null or v_hash = p_hash then
    return pg_catalog.jsonb_build_object('op_id', p_op_id, 'status', 'duplicate');
  end if;
  return pg_catalog.jsonb_build_object('op_id', p_op_id, 'status', 'refused', 'reason', 'invalid',
    'detail', 'op_id: already used for a different op (kind, entity_id, payload or device_time differ); nothing was changed');
end;
$$;

revoke execute on function private.sync_op_hash(text, uuid, timestamptz, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_op_seen(uuid, uuid, bytea) from public, anon, authenticated;

create or replace function private.sync_push_one(p_uid uuid, p_op jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_raw_id jsonb := case when pg_catalog.jsonb_typeof(p_op) = 'object' then p_op -> 'op_id' end;
  v_op_id uuid;
  v_kind text;
  v_entity_id uuid;
  v_device_time timestamptz;
  v_fn text;
  v_hash bytea;
  v_seen jsonb;
  v_out jsonb;
  v_status text;
  v_reason text;
  v_detail text;
  v_constraint text;
  uuid_re constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
begin
  -- Envelope. The raw op_id is echoed so the device can match even a malformed op.
  if v_raw_id is null or pg_catalog.jsonb_typeof(v_raw_id) <> 'string' or (v_raw_id #>> '{}') !~* uuid_re then
    return pg_catalog.jsonb_build_object('op_id', v_raw_id, 'status', 'refused', 'reason', 'invalid', 'detail', 'op_id: must be a UUID');
  end if;
  v_op_id := (v_raw_id #>> '{}')::uuid;
  v_detail := case
    when pg_catalog.jsonb_typeof(p_op -> 'kind') is distinct from 'string'
      or pg_catalog.char_length(p_op ->> 'kind') not between 1 and 60 then 'kind: required text'
    when pg_catalog.jsonb_typeof(p_op -> 'entity_id') is distinct from 'string'
      or (p_op ->> 'entity_id') !~* uuid_re then 'entity_id: must be a UUID'
    when pg_catalog.jsonb_typeof(p_op -> 'payload') is distinct from 'object' then 'payload: must be an object'
    when pg_catalog.jsonb_typeof(p_op -> 'device_time') is distinct from 'string'
      or (p_op ->> 'device_time') !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}' then 'device_time: must be an ISO timestamp'
  end;
  if v_detail is null then
    begin
      v_device_time := (p_op ->> 'device_time')::timestamptz;
    exception when data_exception then
      v_detail := 'device_time: must be an ISO timestamp';
    end;
  end if;
  if v_detail is not null then
    return pg_catalog.jsonb_build_object('op_id', v_op_id, 'status', 'refused', 'reason', 'invalid', 'detail', v_detail);
  end if;
  v_kind := p_op ->> 'kind';
  v_entity_id := (p_op ->> 'entity_id')::uuid;

  -- Idempotency: the same op again is a no-op; another op under a used id is refused.
  v_hash := private.sync_op_hash(v_kind, v_entity_id, v_device_time, p_op -> 'payload');
  v_seen := private.sync_op_seen(p_uid, v_op_id, v_hash);
  if v_seen is not null then
    return v_seen;
  end if;

  -- Kind -> apply function by convention ('department.upsert' -> sync_apply_department_upsert).
  if v_kind ~ '^[a-z][a-z_]*\.[a-z][a-z_]*$' then
    v_fn := 'sync_apply_' || pg_catalog.replace(v_kind, '.', '_');
  end if;
  if v_fn is null or pg_catalog.to_regprocedure('private.' || v_fn || '(uuid,jsonb)') is null then
    return pg_catalog.jsonb_build_object('op_id', v_op_id, 'status', 'refused', 'reason', 'unknown_kind', 'detail', 'kind: ' || pg_catalog.left(v_kind, 60));
  end if;

  begin
    -- Audit rows written while applying link back to this op.
    perform pg_catalog.set_config('app.op_id', v_op_id::text, true);
    -- Ledger first: a concurrent push of the same op waits here, then sees a duplicate.
    insert into public.sync_ops (op_id, user_id, kind, entity_id, device_time, body_hash)
    values (v_op_id, p_uid, v_kind, v_entity_id, v_device_time, v_hash);
    execute pg_catalog.format('select private.%I($1, $2)', v_fn) into v_out using v_entity_id, p_op -> 'payload';
    v_status := coalesce(v_out ->> 'status', 'applied');
    if v_status = 'flagged' then
      update public.sync_ops set status = 'flagged' where op_id = v_op_id;
    end if;
    return pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'op_id', v_op_id, 'status', v_status, 'detail', v_out ->> 'detail'));
  exception
    when sqlstate 'AF001' then
      get stacked diagnostics v_reason = message_text, v_detail = pg_exception_detail;
    when unique_violation then
      get stacked diagnostics v_constraint = constraint_name;
      if v_constraint = 'sync_ops_pkey' then
        -- A concurrent push of this op id committed first: judge it as above.
        return coalesce(private.sync_op_seen(p_uid, v_op_id, v_hash),
          pg_catalog.jsonb_build_object('op_id', v_op_id, 'status', 'duplicate'));
      end if;
      v_reason := 'invalid';
      v_detail := 'conflict: ' || v_constraint;
    when foreign_key_violation then
      get stacked diagnostics v_constraint = constraint_name;
      v_reason := 'not_found';
      v_detail := 'reference: ' || v_constraint;
    -- Malformed data the checks above missed; anything else (deadlock, serialization,
    -- a bug) is re-raised so the whole batch fails and the device retries it.
    when integrity_constraint_violation or data_exception then
      get stacked diagnostics v_constraint = constraint_name, v_detail = message_text;
      v_reason := 'invalid';
      v_detail := coalesce(nullif(v_constraint, ''), v_detail);
  end;
  return pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'op_id', v_op_id, 'status', 'refused', 'reason', v_reason, 'detail', nullif(v_detail, '')));
end;
$$;

revoke execute on function private.sync_push_one(uuid, jsonb) from public, anon, authenticated;
