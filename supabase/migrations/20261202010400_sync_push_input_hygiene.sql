-- Hostile input at the one write door (issue 8, point 7), for every op kind at once:
-- - one name per kind: the action after the dot is one word ('seal.usage_record', an old
--   alias that reached sync_apply_seal_usage_record like 'seal_usage.record', is unknown);
-- - no control or bidirectional-formatting characters in any text of a payload (names, notes,
--   purposes...): refused 'invalid' naming the field, as zodFields' text fields refuse them on
--   the device. Tabs and line breaks stay allowed; emoji joiners are not controls;
-- - numbers bounded: |n| < 10^15 and at most 17 significant digits (what a phone's double
--   holds), so no 5,000-digit threshold reaches a numeric column. Fields keep their own ranges.
--
-- private.sync_push_one below is 20261202010200_sync_op_body_hash.sql's with the payload
-- check after the idempotency check and the one-word action in the kind pattern.

-- The characters text may not hold: C0 controls but tab, line feed and carriage return; DEL
-- and the C1 controls; the bidirectional marks, embeddings, overrides and isolates.
create function private.text_is_clean(p text)
returns boolean
language sql immutable strict parallel safe
set search_path = ''
as $$
  select p !~ '[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]'
$$;

create function private.number_is_bounded(p numeric)
returns boolean
language sql immutable strict parallel safe
set search_path = ''
as $$
  select pg_catalog.abs(p) < 1e15
    and pg_catalog.length(pg_catalog.ltrim(pg_catalog.replace(pg_catalog.trim_scale(pg_catalog.abs(p))::text, '.', ''), '0')) <= 17
$$;

-- The first text or number of a payload that breaks the rules above, as 'path: why', or null.
-- A quick scan first (jsonpath in C); the walk that names the path runs only on a problem.
create function private.sync_payload_problem(p jsonb, p_path text default '')
returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  v record;
  v_out text;
begin
  if p_path = '' and not exists (
    select 1 from pg_catalog.jsonb_path_query(p, 'strict $.**') x
    where (pg_catalog.jsonb_typeof(x) = 'string' and not private.text_is_clean(x #>> '{}'))
       or (pg_catalog.jsonb_typeof(x) = 'number' and not private.number_is_bounded((x #>> '{}')::numeric))
  ) then
    return null;
  end if;
  case pg_catalog.jsonb_typeof(p)
    when 'object' then
      for v in select e.key, e.value from pg_catalog.jsonb_each(p) e order by e.key loop
        v_out := private.sync_payload_problem(v.value, p_path || v.key || '.');
        if v_out is not null then
          return v_out;
        end if;
      end loop;
    when 'array' then
      for v in select (e.n - 1)::text as key, e.value from pg_catalog.jsonb_array_elements(p) with ordinality e (value, n) order by e.n loop
        v_out := private.sync_payload_problem(v.value, p_path || v.key || '.');
        if v_out is not null then
          return v_out;
        end if;
      end loop;
    when 'string' then
      if not private.text_is_clean(p #>> '{}') then
        return pg_catalog.rtrim(p_path, '.') || ': control or bidirectional characters are not allowed';
      end if;
    when 'number' then
      if not private.number_is_bounded((p #>> '{}')::numeric) then
        return pg_catalog.rtrim(p_path, '.') || ': number out of range (less than 10^15, at most 17 significant digits)';
      end if;
    else
      null;
  end case;
  return null;
end;
$$;

revoke execute on function private.text_is_clean(text) from public, anon, authenticated;
revoke execute on function private.number_is_bounded(numeric) from public, anon, authenticated;
revoke execute on function private.sync_payload_problem(jsonb, text) from public, anon, authenticated;

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

  -- Text and numbers of the payload (after idempotency: an op applied before these rules
  -- still answers 'duplicate' when its device re-pushes it).
  v_detail := private.sync_payload_problem(p_op -> 'payload');
  if v_detail is not null then
    return pg_catalog.jsonb_build_object('op_id', v_op_id, 'status', 'refused', 'reason', 'invalid', 'detail', v_detail);
  end if;

  -- Kind -> apply function by convention ('department.upsert' -> sync_apply_department_upsert).
  -- The action after the dot is one word, so each function has one kind ('seal.usage_record',
  -- an old spelling of 'seal_usage.record', names the same function and is unknown).
  if v_kind ~ '^[a-z][a-z_]*\.[a-z]+$' then
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
