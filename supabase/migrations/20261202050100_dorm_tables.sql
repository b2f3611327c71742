-- Dormitories (员工宿舍, issue 10): buildings → rooms → beds with QR labels, stays (入住: an
-- allocation, then check-in, then check-out) and the append-only bed events they come from.
-- Bed status, holder and conflicts, and each stay's status, are DERIVED from dorm_bed_events by
-- private.dorm_bed_derive in the transaction of the op that brings an event (invariant 3);
-- src/features/dorms/domain/bedFold.ts is the same fold on the device. Column names match
-- src/platform/db/rows/dorms.ts. Written only by the sync op kinds of 20261202050300.

-- One label token names one thing, whatever its kind: beds join the one-owner token registry of
-- 20261202010500_label_tokens_one_owner.sql (assets and areas), so a bed cannot take an area's or
-- an asset's token (nor the other way round), even when two ops race.
alter table private.label_tokens drop constraint label_tokens_owner_kind_check;
alter table private.label_tokens add constraint label_tokens_owner_kind_check check (owner_kind in ('asset', 'area', 'bed'));

-- Who holds a token now, as '<kind>:<id>' (null: free).
create function private.label_token_owner(p_token text)
returns text
language sql stable
set search_path = ''
as $$
  select t.owner_kind || ':' || t.owner_id from private.label_tokens t where t.token = p_token;
$$;
revoke execute on function private.label_token_owner(text) from public, anon, authenticated;

-- The claim trigger of 20261202010500, now also for beds (label_token, id).
create or replace function private.tg_label_token_claim()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_token text;
  v_kind text;
  v_owner uuid;
  v_have record;
begin
  if tg_table_name = 'asset_labels' then
    v_token := new.token;
    v_kind := 'asset';
    v_owner := new.asset_id;
  else
    v_token := new.label_token;
    v_kind := case tg_table_name when 'dorm_beds' then 'bed' else 'area' end;
    v_owner := new.id;
  end if;
  if v_token is null then
    return new;
  end if;
  -- A concurrent claim of the same token waits here for the other transaction.
  insert into private.label_tokens (token, owner_kind, owner_id) values (v_token, v_kind, v_owner)
  on conflict (token) do nothing;
  select r.owner_kind, r.owner_id into v_have from private.label_tokens r where r.token = v_token;
  if (v_have.owner_kind, v_have.owner_id) is distinct from (v_kind, v_owner) then
    perform private.sync_refuse('invalid', 'label_token: already used by '
      || case v_have.owner_kind when v_kind then 'another ' || v_kind when 'area' then 'an area' when 'bed' then 'a bed' else 'an asset' end);
  end if;
  return new;
end;
$$;

create table public.dorm_buildings (
  id uuid primary key,
  site_id uuid not null references public.sites (id),
  name text not null check (char_length(btrim(name)) between 1 and 60),
  floors int not null check (floors between 1 and 60),
  -- 宿舍管理规定: what a resident acknowledges with a signature at check-in.
  rules text check (char_length(rules) <= 4000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index dorm_buildings_site_idx on public.dorm_buildings (site_id);
create index dorm_buildings_row_xid_idx on public.dorm_buildings (row_xid, id);

create table public.dorm_rooms (
  id uuid primary key,
  building_id uuid not null references public.dorm_buildings (id),
  -- The building's (it never moves): policies filter on it without a join.
  site_id uuid not null references public.sites (id),
  floor int not null check (floor between -3 and 60),
  number text not null check (char_length(btrim(number)) between 1 and 20),
  room_type int not null check (room_type in (1, 2, 4, 6)),
  gender text not null check (gender in ('male', 'female')),
  -- Per bed per month, in fen (分): exact.
  fee_fen int not null check (fee_fen between 0 and 10000000),
  furniture jsonb not null default '[]' check (jsonb_typeof(furniture) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create unique index dorm_rooms_building_number_key on public.dorm_rooms (building_id, number) where deleted_at is null;
create index dorm_rooms_site_idx on public.dorm_rooms (site_id);
create index dorm_rooms_row_xid_idx on public.dorm_rooms (row_xid, id);

create table public.dorm_beds (
  id uuid primary key,
  room_id uuid not null references public.dorm_rooms (id),
  building_id uuid not null references public.dorm_buildings (id),
  site_id uuid not null references public.sites (id),
  code text not null check (code ~ '^[A-Z0-9]{1,4}$'),
  label_token text not null unique check (private.is_label_token(label_token)),
  -- Derived from dorm_bed_events (never written by clients).
  status text not null default 'vacant' check (status in ('vacant', 'reserved', 'occupied', 'under_repair')),
  stay_id uuid,
  occupant_id uuid references public.profiles (id),
  in_repair boolean not null default false,
  has_conflict boolean not null default false,
  conflicts jsonb not null default '[]' check (jsonb_typeof(conflicts) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create unique index dorm_beds_room_code_key on public.dorm_beds (room_id, code) where deleted_at is null;
create index dorm_beds_room_idx on public.dorm_beds (room_id);
create index dorm_beds_site_status_idx on public.dorm_beds (site_id, status);
create index dorm_beds_occupant_idx on public.dorm_beds (occupant_id) where occupant_id is not null;
create index dorm_beds_row_xid_idx on public.dorm_beds (row_xid, id);
create trigger label_token_claim before insert or update of label_token on public.dorm_beds
  for each row execute function private.tg_label_token_claim();

-- 入住: one person on one bed for a while. The allocation's facts are kept as given; status and
-- the times after it are derived from the bed's events.
create table public.dorm_stays (
  id uuid primary key,
  bed_id uuid not null references public.dorm_beds (id),
  room_id uuid not null references public.dorm_rooms (id),
  building_id uuid not null references public.dorm_buildings (id),
  site_id uuid not null references public.sites (id),
  occupant_id uuid not null references public.profiles (id),
  gender text not null check (gender in ('male', 'female')),
  department_id uuid references public.departments (id),
  shift text check (char_length(shift) between 1 and 20),
  starts_on date not null,
  ends_on date check (ends_on >= starts_on),
  request_id uuid references public.requests (id),
  allocated_by uuid not null references public.profiles (id),
  allocated_at timestamptz not null,
  -- Derived.
  status text not null default 'reserved' check (status in ('reserved', 'active', 'ended', 'cancelled')),
  checked_in_at timestamptz,
  ended_at timestamptz,
  contested boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index dorm_stays_bed_idx on public.dorm_stays (bed_id);
create index dorm_stays_room_live_idx on public.dorm_stays (room_id) where status in ('reserved', 'active');
create index dorm_stays_occupant_idx on public.dorm_stays (occupant_id);
create index dorm_stays_site_idx on public.dorm_stays (site_id);
create index dorm_stays_request_idx on public.dorm_stays (request_id) where request_id is not null;
create index dorm_stays_row_xid_idx on public.dorm_stays (row_xid, id);

-- The facts. Append-only except the derived `flagged` (it raised a conflict, kept anyway).
create table public.dorm_bed_events (
  id uuid primary key,
  bed_id uuid not null references public.dorm_beds (id),
  site_id uuid not null references public.sites (id),
  stay_id uuid references public.dorm_stays (id),
  type text not null check (type in ('allocate', 'cancel', 'check_in', 'check_out', 'repair_start', 'repair_end', 'resolve_conflict')),
  actor_id uuid not null references public.profiles (id),
  device_time timestamptz not null,
  server_time timestamptz not null default now(),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  flagged boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((type in ('allocate', 'cancel', 'check_in', 'check_out')) = (stay_id is not null))
);
create index dorm_bed_events_order_idx on public.dorm_bed_events (bed_id, device_time, server_time, id);
create index dorm_bed_events_stay_idx on public.dorm_bed_events (stay_id) where stay_id is not null;
create index dorm_bed_events_actor_idx on public.dorm_bed_events (actor_id);
create index dorm_bed_events_site_idx on public.dorm_bed_events (site_id);
create index dorm_bed_events_row_xid_idx on public.dorm_bed_events (row_xid, id);

create function private.tg_dorm_bed_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.bed_id, new.site_id, new.stay_id, new.type, new.actor_id, new.device_time, new.server_time,
          new.payload, new.photo_ids, new.deleted_at)
         is not distinct from
         (old.id, old.bed_id, old.site_id, old.stay_id, old.type, old.actor_id, old.device_time, old.server_time,
          old.payload, old.photo_ids, old.deleted_at) then
    return new;
  end if;
  raise exception 'dorm_bed_events is append-only (% refused)', pg_catalog.lower(tg_op) using errcode = 'P0001';
end;
$$;
revoke execute on function private.tg_dorm_bed_events_append_only() from public, anon, authenticated;
create trigger dorm_bed_events_append_only before update or delete on public.dorm_bed_events
  for each row execute function private.tg_dorm_bed_events_append_only();
create trigger dorm_bed_events_no_truncate before truncate on public.dorm_bed_events
  for each statement execute function private.tg_append_only();

create trigger stamp_sync_row before insert or update on public.dorm_buildings
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.dorm_rooms
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.dorm_beds
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.dorm_stays
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.dorm_bed_events
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.dorm_buildings
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.dorm_rooms
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.dorm_beds
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.dorm_stays
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.dorm_bed_events
  for each row execute function private.tg_audit_row();

-- Who reads what: the dorm manager and the head of administration of the site see everything of
-- its dormitories (the executive too); an employee sees their own stays, and while a stay is live
-- (reserved or living there) its building, room and the room's beds (who sleeps where: roommates'
-- names come from profiles; their stays, events and check-in records stay private).
create function authz.my_dorm_rooms()
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(pg_catalog.array_agg(distinct s.room_id), '{}')
  from public.dorm_stays s
  where s.occupant_id = auth.uid() and s.status in ('reserved', 'active') and s.deleted_at is null;
$$;
create function authz.my_dorm_buildings()
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(pg_catalog.array_agg(distinct s.building_id), '{}')
  from public.dorm_stays s
  where s.occupant_id = auth.uid() and s.status in ('reserved', 'active') and s.deleted_at is null;
$$;
-- True when the caller manages the dormitories of the site (dorm manager, admin head, executive).
create function private.dorm_manages(p_site uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select public.has_role_at('dorm_manager', p_site) or public.has_role_at('admin_head', p_site)
    or public.has_role_at('executive', p_site);
$$;
revoke execute on function authz.my_dorm_rooms() from public, anon;
revoke execute on function authz.my_dorm_buildings() from public, anon;
grant execute on function authz.my_dorm_rooms() to authenticated;
grant execute on function authz.my_dorm_buildings() to authenticated;
revoke execute on function private.dorm_manages(uuid) from public, anon, authenticated;

alter table public.dorm_buildings enable row level security;
alter table public.dorm_rooms enable row level security;
alter table public.dorm_beds enable row level security;
alter table public.dorm_stays enable row level security;
alter table public.dorm_bed_events enable row level security;

create policy dorm_buildings_select on public.dorm_buildings for select to authenticated
  using (
    array['dorm_manager:*', 'admin_head:*', 'executive:*',
          'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
    or id = any ((select authz.my_dorm_buildings())::uuid[])
  );
create policy dorm_rooms_select on public.dorm_rooms for select to authenticated
  using (
    array['dorm_manager:*', 'admin_head:*', 'executive:*',
          'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
    or id = any ((select authz.my_dorm_rooms())::uuid[])
  );
create policy dorm_beds_select on public.dorm_beds for select to authenticated
  using (
    array['dorm_manager:*', 'admin_head:*', 'executive:*',
          'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
    or room_id = any ((select authz.my_dorm_rooms())::uuid[])
  );
create policy dorm_stays_select on public.dorm_stays for select to authenticated
  using (
    occupant_id = (select auth.uid())
    or array['dorm_manager:*', 'admin_head:*', 'executive:*',
             'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
  );
create policy dorm_bed_events_select on public.dorm_bed_events for select to authenticated
  using (
    array['dorm_manager:*', 'admin_head:*', 'executive:*',
          'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
    or (stay_id is not null and exists (select 1 from public.dorm_stays s where s.id = dorm_bed_events.stay_id
                                        and s.occupant_id = (select auth.uid())))
  );

grant select on public.dorm_buildings, public.dorm_rooms, public.dorm_beds, public.dorm_stays, public.dorm_bed_events to authenticated;
-- Synced (SYNCED_TABLES in src/platform/sync/protocol.ts).
insert into private.synced_tables (name) values
  ('dorm_buildings'), ('dorm_rooms'), ('dorm_beds'), ('dorm_stays'), ('dorm_bed_events');
