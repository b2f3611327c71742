-- Payload readers for the custody op kinds, mirroring the domain's zod fields
-- (src/features/assets/domain/fields.ts). Each refuses 'invalid' naming the field
-- with its path (p_where, e.g. 'payload.' or 'details.'), so the device can say
-- which. Optional fields: missing or JSON null give SQL null.

create function private.val_text(p jsonb, p_field text, p_max int, p_where text default '', p_required boolean default true)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v text;
begin
  if p is null or pg_catalog.jsonb_typeof(p -> p_field) is null or pg_catalog.jsonb_typeof(p -> p_field) = 'null' then
    if p_required then
      perform private.sync_refuse('invalid', p_where || p_field || ': required text');
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p -> p_field) <> 'string' then
    perform private.sync_refuse('invalid', p_where || p_field || ': must be text');
  end if;
  v := pg_catalog.btrim(p ->> p_field);
  if v = '' then
    if p_required then
      perform private.sync_refuse('invalid', p_where || p_field || ': required text');
    end if;
    return null; -- optionalText: empty becomes null
  end if;
  if pg_catalog.char_length(v) > p_max then
    perform private.sync_refuse('invalid', pg_catalog.format('%s%s: at most %s characters', p_where, p_field, p_max));
  end if;
  return v;
end;
$$;

create function private.val_enum(p jsonb, p_field text, p_values text[], p_where text default '', p_required boolean default true)
returns text
language plpgsql
set search_path = ''
as $$
declare
  v text := private.val_text(p, p_field, 100, p_where, p_required);
begin
  if v is not null and not (v = any (p_values)) then
    perform private.sync_refuse('invalid', p_where || p_field || ': one of ' || pg_catalog.array_to_string(p_values, ', '));
  end if;
  return v;
end;
$$;

create function private.val_uuid(p jsonb, p_field text, p_where text default '', p_required boolean default true)
returns uuid
language plpgsql
set search_path = ''
as $$
begin
  if p is null or pg_catalog.jsonb_typeof(p -> p_field) is null or pg_catalog.jsonb_typeof(p -> p_field) = 'null' then
    if p_required then
      perform private.sync_refuse('invalid', p_where || p_field || ': must be a UUID');
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p -> p_field) <> 'string'
     or (p ->> p_field) !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform private.sync_refuse('invalid', p_where || p_field || ': must be a UUID');
  end if;
  return (p ->> p_field)::uuid;
end;
$$;

-- An instant with its offset, like z.iso.datetime({ offset: true }).
create function private.val_time(p jsonb, p_field text, p_where text default '', p_required boolean default true)
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
  return v;
end;
$$;

-- A calendar day YYYY-MM-DD that exists.
create function private.val_date(p jsonb, p_field text, p_where text default '', p_required boolean default true)
returns date
language plpgsql
set search_path = ''
as $$
declare
  v date;
  v_ok boolean := false;
begin
  if p is null or pg_catalog.jsonb_typeof(p -> p_field) is null or pg_catalog.jsonb_typeof(p -> p_field) = 'null' then
    if p_required then
      perform private.sync_refuse('invalid', p_where || p_field || ': must be a date YYYY-MM-DD');
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p -> p_field) = 'string' and (p ->> p_field) ~ '^\d{4}-\d{2}-\d{2}$' then
    begin
      v := (p ->> p_field)::date;
      v_ok := true;
    exception when data_exception then
      v_ok := false;
    end;
  end if;
  if not v_ok then
    perform private.sync_refuse('invalid', p_where || p_field || ': must be a date YYYY-MM-DD');
  end if;
  return v;
end;
$$;

create function private.val_number(p jsonb, p_field text, p_min numeric, p_max numeric, p_integer boolean, p_where text default '', p_required boolean default true)
returns numeric
language plpgsql
set search_path = ''
as $$
declare
  v numeric;
begin
  if p is null or pg_catalog.jsonb_typeof(p -> p_field) is null or pg_catalog.jsonb_typeof(p -> p_field) = 'null' then
    if p_required then
      perform private.sync_refuse('invalid', p_where || p_field || ': required number');
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p -> p_field) <> 'number' then
    perform private.sync_refuse('invalid', p_where || p_field || ': must be a number');
  end if;
  v := (p ->> p_field)::numeric;
  if p_integer and v <> pg_catalog.trunc(v) then
    perform private.sync_refuse('invalid', p_where || p_field || ': must be a whole number');
  end if;
  if v < p_min or v > p_max then
    perform private.sync_refuse('invalid', pg_catalog.format('%s%s: %s to %s', p_where, p_field, p_min, p_max));
  end if;
  return v;
end;
$$;

create function private.val_bool(p jsonb, p_field text, p_where text default '', p_required boolean default true)
returns boolean
language plpgsql
set search_path = ''
as $$
begin
  if p is null or pg_catalog.jsonb_typeof(p -> p_field) is null or pg_catalog.jsonb_typeof(p -> p_field) = 'null' then
    if p_required then
      perform private.sync_refuse('invalid', p_where || p_field || ': must be true or false');
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p -> p_field) <> 'boolean' then
    perform private.sync_refuse('invalid', p_where || p_field || ': must be true or false');
  end if;
  return (p -> p_field)::boolean;
end;
$$;

-- An object, refusing keys it does not know (a typo must not be dropped silently).
create function private.val_object(p jsonb, p_field text, p_allowed text[], p_where text default '')
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_key text;
begin
  if pg_catalog.jsonb_typeof(p -> p_field) is distinct from 'object' then
    perform private.sync_refuse('invalid', p_where || p_field || ': must be an object');
  end if;
  for v_key in select k from pg_catalog.jsonb_object_keys(p -> p_field) k loop
    if not (v_key = any (p_allowed)) then
      perform private.sync_refuse('invalid', p_where || p_field || '.' || v_key || ': unexpected field');
    end if;
  end loop;
  return p -> p_field;
end;
$$;

-- photo_ids: up to 10 UUIDs (photoIds() in fields.ts); missing = none.
create function private.val_photo_ids(p jsonb, p_field text, p_where text default '')
returns uuid[]
language plpgsql
set search_path = ''
as $$
declare
  v_ids uuid[];
begin
  if pg_catalog.jsonb_typeof(p -> p_field) is null or pg_catalog.jsonb_typeof(p -> p_field) = 'null' then
    return '{}';
  end if;
  if pg_catalog.jsonb_typeof(p -> p_field) <> 'array' or pg_catalog.jsonb_array_length(p -> p_field) > 10
     or exists (
       select 1 from pg_catalog.jsonb_array_elements(p -> p_field) x
       where pg_catalog.jsonb_typeof(x) <> 'string'
          or (x #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
     ) then
    perform private.sync_refuse('invalid', p_where || p_field || ': up to 10 UUIDs');
  end if;
  select coalesce(pg_catalog.array_agg(x::uuid order by n), '{}') into v_ids
  from pg_catalog.jsonb_array_elements_text(p -> p_field) with ordinality as t (x, n);
  return v_ids;
end;
$$;

-- A person to hand an asset to must exist.
create function private.val_person(p_id uuid, p_field text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_id is not null then
    perform 1 from public.profiles pr where pr.id = p_id and pr.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', p_field || ': no such person');
    end if;
  end if;
end;
$$;

revoke execute on function private.val_text(jsonb, text, int, text, boolean) from public, anon, authenticated;
revoke execute on function private.val_enum(jsonb, text, text[], text, boolean) from public, anon, authenticated;
revoke execute on function private.val_uuid(jsonb, text, text, boolean) from public, anon, authenticated;
revoke execute on function private.val_time(jsonb, text, text, boolean) from public, anon, authenticated;
revoke execute on function private.val_date(jsonb, text, text, boolean) from public, anon, authenticated;
revoke execute on function private.val_number(jsonb, text, numeric, numeric, boolean, text, boolean) from public, anon, authenticated;
revoke execute on function private.val_bool(jsonb, text, text, boolean) from public, anon, authenticated;
revoke execute on function private.val_object(jsonb, text, text[], text) from public, anon, authenticated;
revoke execute on function private.val_photo_ids(jsonb, text, text) from public, anon, authenticated;
revoke execute on function private.val_person(uuid, text) from public, anon, authenticated;
