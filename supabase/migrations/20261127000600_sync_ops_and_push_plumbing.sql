-- The idempotency ledger and the plumbing sync_push uses to apply one op.

-- One row per applied op (refused ops are not recorded, so a retry after the
-- cause is fixed is judged again). device_time = the act; received_at = audit time.
create table public.sync_ops (
  op_id uuid primary key,
  user_id uuid not null,
  kind text not null check (char_length(kind) between 1 and 60),
  entity_id uuid not null,
  device_time timestamptz not null,
  received_at timestamptz not null default now(),
  status text not null default 'applied' check (status in ('applied', 'flagged'))
);
create index sync_ops_user_received_idx on public.sync_ops (user_id, received_at);

alter table public.sync_ops enable row level security;

create policy sync_ops_select on public.sync_ops for select to authenticated
  using (user_id = (select auth.uid()));

-- Apply functions refuse an op by raising this; sync_push turns it into
-- {status:'refused', reason, detail} and rolls back only that op.
create function private.sync_refuse(p_reason text, p_detail text default null)
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'AF001', message = p_reason, detail = coalesce(p_detail, '');
end;
$$;

-- Payload readers: refuse 'invalid' with the field's name, so the device can say which.
create function private.sync_field_text(p jsonb, p_field text, p_min int, p_max int, p_pattern text default null)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v text;
begin
  if pg_catalog.jsonb_typeof(p -> p_field) is distinct from 'string' then
    perform private.sync_refuse('invalid', p_field || ': required text');
  end if;
  v := pg_catalog.btrim(p ->> p_field);
  if pg_catalog.char_length(v) not between p_min and p_max then
    perform private.sync_refuse('invalid', pg_catalog.format('%s: %s to %s characters', p_field, p_min, p_max));
  end if;
  if p_pattern is not null and v !~ p_pattern then
    perform private.sync_refuse('invalid', p_field || ': bad format');
  end if;
  return v;
end;
$$;

create function private.sync_field_uuid(p jsonb, p_field text)
returns uuid
language plpgsql
set search_path = ''
as $$
begin
  if pg_catalog.jsonb_typeof(p -> p_field) is distinct from 'string'
     or (p ->> p_field) !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform private.sync_refuse('invalid', p_field || ': must be a UUID');
  end if;
  return (p ->> p_field)::uuid;
end;
$$;

-- Refuses keys the kind does not know (a typo must not be silently dropped).
create function private.sync_only_fields(p jsonb, p_allowed text[])
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_key text;
begin
  for v_key in select k from pg_catalog.jsonb_object_keys(p) k loop
    if not (v_key = any (p_allowed)) then
      perform private.sync_refuse('invalid', v_key || ': unexpected field');
    end if;
  end loop;
end;
$$;

revoke execute on function private.sync_refuse(text, text) from public, anon, authenticated;
revoke execute on function private.sync_field_text(jsonb, text, int, int, text) from public, anon, authenticated;
revoke execute on function private.sync_field_uuid(jsonb, text) from public, anon, authenticated;
revoke execute on function private.sync_only_fields(jsonb, text[]) from public, anon, authenticated;
