-- The monthly meter-reading round (月度抄表, issue 10): the dorm manager goes room by room and records the
-- water and electricity readings, each with a photo of the dial. A round reading belongs to a month (its
-- month-end reading): taken in that month or in the first days of the next, so the month's utilities
-- run from the previous month's round to this one's (src/features/dorms/domain/payroll.ts, roomUnits).
-- Readings are facts (append-only): reading a room again for the same month adds a row; the latest wins.
--
-- Op kind dorm_meter.record (entity = the reading) { room_id, month: 'YYYY-MM', meters: [{ meter, reading,
-- photo_id, replaced? }] (water and electricity once each, as at check-in: private.dorm_meters; a meter
-- replaced since the last reading says so with replaced: { old_final, new_start }, the reading being the
-- new meter's), note? }; by the dorm manager or the admin head of the room's site; month is the company
-- month of the device time or the one before. The device's twin is src/features/dorms/domain/meterRound.ts.

create table public.dorm_meter_readings (
  id uuid primary key,
  room_id uuid not null references public.dorm_rooms (id),
  building_id uuid not null references public.dorm_buildings (id),
  site_id uuid not null references public.sites (id),
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  read_at timestamptz not null,
  recorded_by uuid not null references public.profiles (id),
  -- [{ meter: 'water' | 'electricity', reading, photo_id, replaced?: { old_final, new_start } }]
  meters jsonb not null check (jsonb_typeof(meters) = 'array'),
  note text check (char_length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index dorm_meter_readings_room_idx on public.dorm_meter_readings (room_id, month);
create index dorm_meter_readings_building_idx on public.dorm_meter_readings (building_id);
create index dorm_meter_readings_site_idx on public.dorm_meter_readings (site_id);
create index dorm_meter_readings_recorded_by_idx on public.dorm_meter_readings (recorded_by);
create index dorm_meter_readings_row_xid_idx on public.dorm_meter_readings (row_xid, id);
create trigger dorm_meter_readings_append_only before update or delete on public.dorm_meter_readings
  for each row execute function private.tg_append_only();
create trigger dorm_meter_readings_no_truncate before truncate on public.dorm_meter_readings
  for each statement execute function private.tg_append_only();
create trigger stamp_sync_row before insert or update on public.dorm_meter_readings
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.dorm_meter_readings
  for each row execute function private.tg_audit_row();
alter table public.dorm_meter_readings enable row level security;

-- Those who manage the site's dormitories; residents see their charges, not the room's dials.
create policy dorm_meter_readings_select on public.dorm_meter_readings for select to authenticated
  using (
    array['dorm_manager:*', 'admin_head:*', 'executive:*',
          'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
  );
grant select on public.dorm_meter_readings to authenticated;
insert into private.synced_tables (name) values ('dorm_meter_readings');

create function private.dorm_can_see_meter_reading(p_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from public.dorm_meter_readings m where m.id = p_id and private.dorm_manages(m.site_id));
$$;
revoke execute on function private.dorm_can_see_meter_reading(uuid) from public, anon, authenticated;
insert into private.photo_owners (owner_table, can_see) values ('dorm_meter_readings', 'private.dorm_can_see_meter_reading(uuid)');

-- The round's meters: as private.dorm_meters, each may carry replaced: { old_final, new_start } (2 decimals).
create function private.dorm_round_meters(p_meters jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_plain jsonb := '[]'::jsonb;
  v_out jsonb;
  v_m jsonb;
  v_r jsonb;
  v_f text;
  i int;
  w text;
begin
  if pg_catalog.jsonb_typeof(p_meters) is distinct from 'array' then
    perform private.sync_refuse('invalid', 'meters: water and electricity, each { meter, reading, photo_id, replaced? }');
  end if;
  for v_m in select e.value from pg_catalog.jsonb_array_elements(p_meters) e loop
    v_plain := v_plain || pg_catalog.jsonb_build_array(case when pg_catalog.jsonb_typeof(v_m) = 'object' then v_m - 'replaced' else v_m end);
  end loop;
  v_out := private.dorm_meters(v_plain);
  for v_m, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_meters) with ordinality e (value, n) loop
    continue when not v_m ? 'replaced';
    w := pg_catalog.format('meters[%s].replaced.', i);
    v_r := v_m -> 'replaced';
    if pg_catalog.jsonb_typeof(v_r) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('meters[%s].replaced: { old_final, new_start }', i));
    end if;
    perform private.sync_only_fields(v_r, array['old_final', 'new_start']);
    foreach v_f in array array['old_final', 'new_start'] loop
      if private.val_number(v_r, v_f, 0, 9999999, false, w) <> pg_catalog.round((v_r ->> v_f)::numeric, 2) then
        perform private.sync_refuse('invalid', w || v_f || ': at most 2 decimals');
      end if;
    end loop;
    v_out := pg_catalog.jsonb_set(v_out, array[i::text, 'replaced'],
      pg_catalog.jsonb_build_object('old_final', v_r -> 'old_final', 'new_start', v_r -> 'new_start'));
  end loop;
  return v_out;
end;
$$;
revoke execute on function private.dorm_round_meters(jsonb) from public, anon, authenticated;

create function private.sync_apply_dorm_meter_record(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_room public.dorm_rooms;
  v_month text;
  v_today date;
  v_meters jsonb;
  v_note text;
  v_old public.dorm_meter_readings;
begin
  perform private.sync_only_fields(p_payload, array['room_id', 'month', 'meters', 'note']);
  select * into v_room from public.dorm_rooms r where r.id = private.val_uuid(p_payload, 'room_id') and r.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'room_id: no such room');
  end if;
  if not (public.has_role_at('dorm_manager', v_room.site_id) or public.has_role_at('admin_head', v_room.site_id)) then
    perform private.sync_refuse('forbidden', 'dorm_meter.record: the dorm manager or the admin head of the site');
  end if;
  v_month := private.val_text(p_payload, 'month', 7);
  v_today := private.company_date(v_at);
  if v_month !~ '^\d{4}-(0[1-9]|1[0-2])$'
     or v_month not in (pg_catalog.to_char(v_today, 'YYYY-MM'), pg_catalog.to_char(v_today - interval '1 month', 'YYYY-MM')) then
    perform private.sync_refuse('invalid', 'month: this month or the last (YYYY-MM)');
  end if;
  v_meters := private.dorm_round_meters(p_payload -> 'meters');
  v_note := private.val_text(p_payload, 'note', 500, '', false);

  select * into v_old from public.dorm_meter_readings m where m.id = p_entity_id;
  if found then
    if (v_old.room_id, v_old.month, v_old.meters) is distinct from (v_room.id, v_month, v_meters) then
      perform private.sync_refuse('invalid', 'id: a different reading was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  insert into public.dorm_meter_readings (id, room_id, building_id, site_id, month, read_at, recorded_by, meters, note)
  values (p_entity_id, v_room.id, v_room.building_id, v_room.site_id, v_month, v_at, v_uid, v_meters, nullif(pg_catalog.btrim(v_note), ''));
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_meter_record(uuid, jsonb) from public, anon, authenticated;
