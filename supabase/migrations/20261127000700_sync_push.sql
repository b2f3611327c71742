-- public.sync_push(ops): the one write door for devices (DESIGN.md "Sync").
-- Each op is applied in its own subtransaction, so a bad op refuses only itself.
--
-- Adding a kind: create private.sync_apply_<kind with '.' as '_'>(p_entity_id uuid,
-- p_payload jsonb) returns jsonb ('{}' = applied, '{"status":"flagged","detail":..}'
-- = applied with a conflict), revoke execute from public/anon/authenticated, and
-- add it to OP_KINDS in src/platform/sync/protocol.ts. Refuse with private.sync_refuse.

create function private.sync_push_one(p_uid uuid, p_op jsonb)
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
  v_owner uuid;
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

  -- Idempotency: the same op again is a no-op.
  select s.user_id into v_owner from public.sync_ops s where s.op_id = v_op_id;
  if found then
    if v_owner = p_uid then
      return pg_catalog.jsonb_build_object('op_id', v_op_id, 'status', 'duplicate');
    end if;
    return pg_catalog.jsonb_build_object('op_id', v_op_id, 'status', 'refused', 'reason', 'invalid', 'detail', 'op_id: already used');
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
    insert into public.sync_ops (op_id, user_id, kind, entity_id, device_time)
    values (v_op_id, p_uid, v_kind, v_entity_id, v_device_time);
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
        return pg_catalog.jsonb_build_object('op_id', v_op_id, 'status', 'duplicate');
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

create function public.sync_push(ops jsonb)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_results jsonb := '[]'::jsonb;
  v_op jsonb;
begin
  if v_uid is null then
    raise exception 'sync_push: not signed in' using errcode = '28000';
  end if;
  if ops is null or pg_catalog.jsonb_typeof(ops) <> 'array' then
    raise exception 'sync_push: ops must be a JSON array' using errcode = '22023';
  end if;
  if pg_catalog.jsonb_array_length(ops) > 1000 then
    raise exception 'sync_push: at most 1000 ops per call' using errcode = '54000';
  end if;
  for v_op in select e.value from pg_catalog.jsonb_array_elements(ops) with ordinality as e (value, n) order by e.n loop
    v_results := v_results || pg_catalog.jsonb_build_array(private.sync_push_one(v_uid, v_op));
  end loop;
  perform pg_catalog.set_config('app.op_id', '', true);
  return v_results;
end;
$$;

revoke execute on function private.sync_push_one(uuid, jsonb) from public, anon, authenticated;
revoke execute on function public.sync_push(jsonb) from public, anon;
grant execute on function public.sync_push(jsonb) to authenticated;
