-- Device clocks get a plausibility window against the server's receipt (issue 8, point 2;
-- DESIGN.md "Roles and time"). One phone whose clock said 9999-12-31 used to freeze an asset
-- for good: its check-out sorted after every later fact, so later check-outs clashed and even a
-- keeper's resolve_conflict (sorted before it) could not bring the asset back; the same with a
-- rectification fix from the far future, and year 1 put a fact before all history.
--
-- The window, in one place (private.device_time_plausible): from 5 years before the receipt
-- (paper records entered late and long offline spells are real; a clock reset to 1970 or year 1
-- is not) to 1 hour after it (phones drift and get set by hand; an act cannot happen after the
-- server received it). Outside it:
-- - the fact is kept, nothing refused;
-- - the op is flagged: status 'flagged', detail 'clock: <field> <time> is outside ...', the
--   ledger row too. Every device time that enters is checked: the op's own device_time
--   (sync_push) and every act time a payload carries (private.val_time; deadlines `due_at` and
--   request form fields are plans, not clock readings, and are not checked);
-- - on the fact tables whose order derives state (custody, dorm beds, rectifications, tasks,
--   round reviews, request acts) the row's time is the receipt and what the device said is kept
--   in claimed_time, so the fact sorts where the server received it. Later facts, and a keeper's
--   resolution, then sort after it: the state stays correctable. The derivations and the
--   device's folds read the time column as before; nothing else changes.
--
-- public.sync_push below is 20261202120100_sync_push_ordered_locks.sql's with the clock notes
-- read after each op; private.val_time is 20261127010300_payload_validators.sql's with the note.

create function private.device_time_plausible(p_time timestamptz, p_received timestamptz)
returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select p_time between p_received - interval '5 years' and p_received + interval '1 hour'
$$;

-- Notes a device time outside the window for the op being applied (sync_push reads the notes
-- after the op and flags it). Harmless outside sync_push: the notes are transaction-local.
create function private.device_time_note(p_field text, p_time timestamptz)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_note text;
  v_notes text := coalesce(pg_catalog.current_setting('app.clock_notes', true), '');
begin
  if p_time is null or private.device_time_plausible(p_time, pg_catalog.now()) then
    return;
  end if;
  v_note := p_field || ' ' || pg_catalog.to_char(p_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  if pg_catalog.strpos(v_notes, v_note) = 0 then
    perform pg_catalog.set_config('app.clock_notes', case when v_notes = '' then v_note else v_notes || ', ' || v_note end, true);
  end if;
end;
$$;

revoke execute on function private.device_time_plausible(timestamptz, timestamptz) from public, anon, authenticated;
revoke execute on function private.device_time_note(text, timestamptz) from public, anon, authenticated;

create or replace function private.val_time(p jsonb, p_field text, p_where text default '', p_required boolean default true)
returns timestamptz
language plpgsql
set search_path = ''
as $$
declare
  v timestamptz;
  v_ok boolean := false;
begin
  if p is null or pg_catalog.jsonb_typeof(p -> p_field) is null or pg_catalog.jsonb_typeof(p -> p_field) = 'null' then
    if p_required then
      perform private.sync_refuse('invalid', p_where || p_field || ': must be an ISO timestamp with offset');
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p -> p_field) = 'string'
     and (p ->> p_field) ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$' then
    begin
      v := (p ->> p_field)::timestamptz;
      v_ok := true;
    exception when data_exception then
      v_ok := false;
    end;
  end if;
  if not v_ok then
    perform private.sync_refuse('invalid', p_where || p_field || ': must be an ISO timestamp with offset');
  end if;
  -- An act's time by the device clock (not a deadline, not a form's planned time).
  if p_field <> 'due_at' and p_where not like 'form.%' then
    perform private.device_time_note(p_where || p_field, v);
  end if;
  return v;
end;
$$;

-- Before a fact row is stored: a time outside the window becomes the receipt, the device's
-- own kept in claimed_time. tg_argv: the time column, the receipt column.
create function private.tg_device_time_window()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_row jsonb := pg_catalog.to_jsonb(new);
  v_time timestamptz := (v_row ->> tg_argv[0])::timestamptz;
  v_received timestamptz := coalesce((v_row ->> tg_argv[1])::timestamptz, pg_catalog.now());
begin
  if v_time is not null and not private.device_time_plausible(v_time, v_received) then
    new := pg_catalog.jsonb_populate_record(new, pg_catalog.jsonb_build_object(
      tg_argv[0], v_received, tg_argv[1], v_received, 'claimed_time', v_time));
  end if;
  return new;
end;
$$;

revoke execute on function private.tg_device_time_window() from public, anon, authenticated;

alter table public.custody_events add column claimed_time timestamptz;
alter table public.dorm_bed_events add column claimed_time timestamptz;
alter table public.rectification_events add column claimed_time timestamptz;
alter table public.task_events add column claimed_time timestamptz;
alter table public.round_reviews add column claimed_time timestamptz;
alter table public.request_events add column claimed_time timestamptz;

create trigger device_time_window before insert on public.custody_events
  for each row execute function private.tg_device_time_window('device_time', 'server_time');
create trigger device_time_window before insert on public.dorm_bed_events
  for each row execute function private.tg_device_time_window('device_time', 'server_time');
create trigger device_time_window before insert on public.rectification_events
  for each row execute function private.tg_device_time_window('device_time', 'server_time');
create trigger device_time_window before insert on public.task_events
  for each row execute function private.tg_device_time_window('device_time', 'server_time');
create trigger device_time_window before insert on public.round_reviews
  for each row execute function private.tg_device_time_window('reviewed_at', 'server_time');
create trigger device_time_window before insert on public.request_events
  for each row execute function private.tg_device_time_window('at', 'received_at');

comment on column public.custody_events.claimed_time is
  'The device time as sent when it was outside the window around the receipt (private.device_time_plausible); device_time is then the receipt.';

create or replace function public.sync_push(ops jsonb)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_results jsonb := '[]'::jsonb;
  v_op jsonb;
  v_res jsonb;
  v_notes text;
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
  -- Every row the batch will lock, in one order, before any op runs (no crossing batches).
  perform private.sync_lock_batch(ops);
  for v_op in select e.value from pg_catalog.jsonb_array_elements(ops) with ordinality as e (value, n) order by e.n loop
    perform pg_catalog.set_config('app.clock_notes', '', true);
    v_res := private.sync_push_one(v_uid, v_op);
    -- A fact kept with a clock outside the window is flagged (a refused op's notes rolled back).
    if v_res ->> 'status' in ('applied', 'flagged') then
      perform private.device_time_note('device_time', (v_op ->> 'device_time')::timestamptz);
      v_notes := pg_catalog.current_setting('app.clock_notes', true);
      if v_notes <> '' then
        v_res := v_res || pg_catalog.jsonb_build_object('status', 'flagged', 'detail',
          coalesce((v_res ->> 'detail') || '; ', '') || 'clock: ' || v_notes
          || ' is outside the window around the server''s receipt (5 years before to 1 hour after); kept, ordered by its receipt');
        update public.sync_ops set status = 'flagged' where op_id = (v_res ->> 'op_id')::uuid and status <> 'flagged';
      end if;
    end if;
    v_results := v_results || pg_catalog.jsonb_build_array(v_res);
  end loop;
  perform pg_catalog.set_config('app.op_id', '', true);
  perform pg_catalog.set_config('app.clock_notes', '', true);
  return v_results;
end;
$$;

revoke execute on function public.sync_push(jsonb) from public, anon;
grant execute on function public.sync_push(jsonb) to authenticated;
