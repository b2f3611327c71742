-- The room and building editor (issue 10): dorm_building.upsert and dorm_room.upsert (20261202050300)
-- gain the checks a building's shape needs, as refusals with the field named (never a raw constraint
-- error), and rooms and buildings can be taken out of use:
--   * a room's floor is within its building (1..floors; basements -1..-3 stay allowed);
--   * a building cannot shrink below a floor that has rooms;
--   * a room number is used once per building (among rooms in use);
--   dorm_room.delete     (entity = room)     {}  the dorm manager or the admin head of the site; refused
--                                                while a bed is held or a stay is reserved or live;
--                                                the room and its beds are marked deleted (labels stay
--                                                spent: a token never names anything else);
--   dorm_building.delete (entity = building) {}  likewise, refused while it has rooms in use.
-- The device's twin is src/features/dorms/domain/editor.ts.

create function private.tg_dorm_room_shape()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_floors int;
begin
  if new.deleted_at is not null then
    return new;
  end if;
  select b.floors into v_floors from public.dorm_buildings b where b.id = new.building_id;
  if new.floor > v_floors then
    perform private.sync_refuse('invalid', pg_catalog.format('floor: the building has %s floors', v_floors));
  end if;
  if exists (select 1 from public.dorm_rooms r where r.building_id = new.building_id and r.id <> new.id
             and r.deleted_at is null and pg_catalog.upper(pg_catalog.btrim(r.number)) = pg_catalog.upper(pg_catalog.btrim(new.number))) then
    perform private.sync_refuse('invalid', 'number: another room of the building has this number');
  end if;
  return new;
end;
$$;
revoke execute on function private.tg_dorm_room_shape() from public, anon, authenticated;
create trigger dorm_room_shape before insert or update on public.dorm_rooms
  for each row execute function private.tg_dorm_room_shape();

create function private.tg_dorm_building_shape()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_top int;
begin
  if new.deleted_at is not null then
    return new;
  end if;
  select pg_catalog.max(r.floor) into v_top from public.dorm_rooms r where r.building_id = new.id and r.deleted_at is null;
  if v_top is not null and v_top > new.floors then
    perform private.sync_refuse('invalid', pg_catalog.format('floors: rooms are on floor %s', v_top));
  end if;
  return new;
end;
$$;
revoke execute on function private.tg_dorm_building_shape() from public, anon, authenticated;
create trigger dorm_building_shape before update of floors, deleted_at on public.dorm_buildings
  for each row execute function private.tg_dorm_building_shape();

-- True when someone holds or is about to take a bed of the room.
create function private.dorm_room_in_use(p_room uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from public.dorm_beds b where b.room_id = p_room and b.deleted_at is null and b.stay_id is not null)
      or exists (select 1 from public.dorm_stays s where s.room_id = p_room and s.deleted_at is null and s.status in ('reserved', 'active'));
$$;
revoke execute on function private.dorm_room_in_use(uuid) from public, anon, authenticated;

create function private.sync_apply_dorm_room_delete(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_room public.dorm_rooms;
begin
  perform private.sync_only_fields(p_payload, array[]::text[]);
  select * into v_room from public.dorm_rooms r where r.id = p_entity_id for update;
  if not found then
    perform private.sync_refuse('not_found', 'entity_id: no such room');
  end if;
  if not (public.has_role_at('dorm_manager', v_room.site_id) or public.has_role_at('admin_head', v_room.site_id)) then
    perform private.sync_refuse('forbidden', 'dorm_room.delete: the dorm manager or the admin head of the site');
  end if;
  if v_room.deleted_at is not null then
    return '{"status":"duplicate"}'::jsonb;
  end if;
  perform 1 from public.dorm_beds b where b.room_id = p_entity_id for update;
  if private.dorm_room_in_use(p_entity_id) then
    perform private.sync_refuse('invalid', 'entity_id: someone holds or is about to take a bed of the room; check them out first');
  end if;
  update public.dorm_beds b set deleted_at = pg_catalog.now() where b.room_id = p_entity_id and b.deleted_at is null;
  update public.dorm_rooms r set deleted_at = pg_catalog.now() where r.id = p_entity_id;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_room_delete(uuid, jsonb) from public, anon, authenticated;

create function private.sync_apply_dorm_building_delete(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_building public.dorm_buildings;
begin
  perform private.sync_only_fields(p_payload, array[]::text[]);
  select * into v_building from public.dorm_buildings b where b.id = p_entity_id for update;
  if not found then
    perform private.sync_refuse('not_found', 'entity_id: no such building');
  end if;
  if not (public.has_role_at('dorm_manager', v_building.site_id) or public.has_role_at('admin_head', v_building.site_id)) then
    perform private.sync_refuse('forbidden', 'dorm_building.delete: the dorm manager or the admin head of the site');
  end if;
  if v_building.deleted_at is not null then
    return '{"status":"duplicate"}'::jsonb;
  end if;
  if exists (select 1 from public.dorm_rooms r where r.building_id = p_entity_id and r.deleted_at is null) then
    perform private.sync_refuse('invalid', 'entity_id: the building still has rooms; take them out of use first');
  end if;
  update public.dorm_buildings b set deleted_at = pg_catalog.now() where b.id = p_entity_id;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_building_delete(uuid, jsonb) from public, anon, authenticated;
