-- Vehicles and drivers (issue 5, 车辆与司机管理): trips (出车), fuel logs (加油),
-- pre-trip checks (a checklist run on a vehicle), maintenance requests (车辆维修),
-- accidents (车辆肇事处理), renewal rules (车辆年检, insurance, service) and the derived
-- vehicle_states. Vehicles are custody assets (assets.kind = 'vehicle').
-- Column names match src/platform/db/rows.ts. Written only by the sync op kinds of
-- the later 202611270301xx migrations; clients read through RLS.

-- A pre-trip check: facts, append-only like inspections. score/grade are the device's;
-- server_score/server_grade/critical_failed come from private.checklist_score.
create table public.vehicle_checks (
  id uuid primary key,
  vehicle_id uuid not null references public.assets (id),
  template_id uuid not null references public.checklist_templates (id),
  driver_id uuid not null references public.profiles (id),
  started_at timestamptz not null,
  submitted_at timestamptz not null,
  answers jsonb not null check (jsonb_typeof(answers) = 'array'),
  score numeric check (score between 0 and 100),
  grade text check (char_length(grade) between 1 and 20),
  critical_failed boolean not null,
  server_score numeric(4, 1) check (server_score between 0 and 100),
  server_grade text check (char_length(server_grade) between 1 and 20),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (submitted_at >= started_at)
);
create index vehicle_checks_vehicle_submitted_idx on public.vehicle_checks (vehicle_id, submitted_at);
create index vehicle_checks_driver_id_idx on public.vehicle_checks (driver_id);
create index vehicle_checks_row_xid_idx on public.vehicle_checks (row_xid, id);

create table public.trips (
  id uuid primary key,
  vehicle_id uuid not null references public.assets (id),
  driver_id uuid not null references public.profiles (id),
  started_at timestamptz not null,
  ended_at timestamptz,
  purpose text not null check (char_length(btrim(purpose)) between 1 and 200),
  destination text not null check (char_length(btrim(destination)) between 1 and 200),
  passengers text check (char_length(passengers) <= 500),
  odometer_start int not null check (odometer_start between 0 and 9999999),
  odometer_end int check (odometer_end between 0 and 9999999),
  vehicle_check_id uuid references public.vehicle_checks (id),
  notes text check (char_length(notes) <= 1000),
  -- Derived facts about the trip, never refusals: out_of_service, backwards, implausible.
  flags text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((ended_at is null) = (odometer_end is null)),
  check (ended_at is null or ended_at >= started_at)
);
create index trips_vehicle_started_idx on public.trips (vehicle_id, started_at);
create index trips_driver_id_idx on public.trips (driver_id);
create index trips_row_xid_idx on public.trips (row_xid, id);

-- A draft is a quick entry (a receipt photo now, the numbers later).
create table public.fuel_logs (
  id uuid primary key,
  vehicle_id uuid not null references public.assets (id),
  driver_id uuid not null references public.profiles (id),
  filled_at timestamptz not null,
  odometer_km int check (odometer_km between 0 and 9999999),
  litres numeric check (litres > 0 and litres <= 500),
  unit_price numeric check (unit_price > 0 and unit_price <= 1000),
  amount numeric check (amount > 0 and amount <= 100000),
  full_tank boolean not null,
  missed_previous boolean not null,
  fuel_type text check (char_length(fuel_type) <= 40),
  station text check (char_length(station) <= 100),
  fuel_card text check (char_length(fuel_card) <= 40),
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  status text not null check (status in ('draft', 'complete')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  -- A complete fill-up has two of the three figures (the device computes the third).
  check (status = 'draft' or (litres is not null)::int + (unit_price is not null)::int + (amount is not null)::int >= 2)
);
create index fuel_logs_vehicle_filled_idx on public.fuel_logs (vehicle_id, filled_at);
create index fuel_logs_driver_id_idx on public.fuel_logs (driver_id);
create index fuel_logs_row_xid_idx on public.fuel_logs (row_xid, id);

create table public.maintenance_requests (
  id uuid primary key,
  vehicle_id uuid not null references public.assets (id),
  requested_by uuid not null references public.profiles (id),
  requested_at timestamptz not null,
  vehicle_check_id uuid references public.vehicle_checks (id),
  item_key text check (item_key ~ '^[a-z][a-z0-9_]{0,63}$'),
  description text not null check (char_length(btrim(description)) between 1 and 1000),
  urgency text not null check (urgency in ('low', 'normal', 'urgent')),
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  status text not null default 'requested' check (status in ('requested', 'approved', 'in_progress', 'completed', 'rejected')),
  decided_by uuid references public.profiles (id),
  garage text check (char_length(garage) <= 100),
  cost numeric check (cost between 0 and 10000000),
  completed_at timestamptz,
  note text check (char_length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (item_key is null or vehicle_check_id is not null),
  check ((status = 'completed') = (completed_at is not null))
);
-- One request per failed item of a check.
create unique index maintenance_requests_check_item_key on public.maintenance_requests (vehicle_check_id, item_key)
  where vehicle_check_id is not null and item_key is not null;
create index maintenance_requests_vehicle_idx on public.maintenance_requests (vehicle_id, requested_at);
create index maintenance_requests_requested_by_idx on public.maintenance_requests (requested_by);
create index maintenance_requests_row_xid_idx on public.maintenance_requests (row_xid, id);

create table public.accidents (
  id uuid primary key,
  vehicle_id uuid not null references public.assets (id),
  driver_id uuid not null references public.profiles (id),
  occurred_at timestamptz not null,
  place text not null check (char_length(btrim(place)) between 1 and 200),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  description text not null check (char_length(btrim(description)) between 1 and 2000),
  injuries text check (char_length(injuries) <= 500),
  other_party text check (char_length(other_party) <= 500),
  police_report_no text check (char_length(police_report_no) <= 50),
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  status text not null default 'reported' check (status in ('reported', 'under_review', 'claim_filed', 'closed')),
  claim_no text check (char_length(claim_no) <= 50),
  cost numeric check (cost between 0 and 10000000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((latitude is null) = (longitude is null))
);
create index accidents_vehicle_occurred_idx on public.accidents (vehicle_id, occurred_at);
create index accidents_driver_id_idx on public.accidents (driver_id);
create index accidents_row_xid_idx on public.accidents (row_xid, id);

-- Due by date or by distance, whichever first. vehicle_id null = every vehicle.
-- last_done_at is a calendar day (company time zone).
create table public.renewal_rules (
  id uuid primary key,
  vehicle_id uuid references public.assets (id),
  kind text not null check (kind in ('service', 'annual_inspection', 'insurance')),
  every_km int check (every_km between 1 and 1000000),
  every_months int check (every_months between 1 and 120),
  last_done_at date,
  last_done_km int check (last_done_km between 0 and 9999999),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (every_km is not null or every_months is not null)
);
-- One live rule per kind for a vehicle, and one default per kind.
create unique index renewal_rules_vehicle_kind_live_key on public.renewal_rules (vehicle_id, kind)
  nulls not distinct where deleted_at is null;
create index renewal_rules_row_xid_idx on public.renewal_rules (row_xid, id);

-- Derived by private.vehicle_state_derive (id = the vehicle's id), in the transaction
-- of the op that changes its inputs. Never written by clients.
create table public.vehicle_states (
  id uuid primary key references public.assets (id),
  out_of_service boolean not null default false,
  reason_check_id uuid references public.vehicle_checks (id),
  since timestamptz,
  last_odometer_km int,
  active_trip_id uuid references public.trips (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (out_of_service = (reason_check_id is not null))
);
create index vehicle_states_row_xid_idx on public.vehicle_states (row_xid, id);

-- A submitted check never changes.
create trigger vehicle_checks_append_only before update or delete on public.vehicle_checks
  for each row execute function private.tg_append_only();
create trigger vehicle_checks_no_truncate before truncate on public.vehicle_checks
  for each statement execute function private.tg_append_only();

create trigger stamp_sync_row before insert or update on public.vehicle_checks
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.trips
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.fuel_logs
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.maintenance_requests
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.accidents
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.renewal_rules
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.vehicle_states
  for each row execute function private.tg_stamp_sync_row();

create trigger audit_row after insert or update or delete on public.vehicle_checks
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.trips
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.fuel_logs
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.maintenance_requests
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.accidents
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.renewal_rules
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.vehicle_states
  for each row execute function private.tg_audit_row();

alter table public.vehicle_checks enable row level security;
alter table public.trips enable row level security;
alter table public.fuel_logs enable row level security;
alter table public.maintenance_requests enable row level security;
alter table public.accidents enable row level security;
alter table public.renewal_rules enable row level security;
alter table public.vehicle_states enable row level security;

-- Who reads what (issue 5 "RLS"):
-- - trips, fuel logs, checks, accidents: the driver's own; the fleet manager of the
--   vehicle's site (a 'vehicle:<site>' asset scope, which the head and the executive hold
--   for every site);
-- - vehicle states, maintenance, per-vehicle renewal rules: whoever reads the vehicle
--   (the assets policy: keepers by scope, holders, people named on it), plus the requester
--   of a repair; default rules (vehicle_id null): the fleet's roles.
-- The scope list is an initplan (once per query); the assets subquery runs under its own policy.
create policy vehicle_checks_select on public.vehicle_checks for select to authenticated
  using (
    driver_id = (select auth.uid())
    or exists (
      select 1 from public.assets a
      where a.id = vehicle_checks.vehicle_id
        and ('vehicle:*' = any ((select authz.my_asset_scopes())::text[])
             or ('vehicle:' || a.site_id::text) = any ((select authz.my_asset_scopes())::text[])))
  );

create policy trips_select on public.trips for select to authenticated
  using (
    driver_id = (select auth.uid())
    or exists (
      select 1 from public.assets a
      where a.id = trips.vehicle_id
        and ('vehicle:*' = any ((select authz.my_asset_scopes())::text[])
             or ('vehicle:' || a.site_id::text) = any ((select authz.my_asset_scopes())::text[])))
  );

create policy fuel_logs_select on public.fuel_logs for select to authenticated
  using (
    driver_id = (select auth.uid())
    or exists (
      select 1 from public.assets a
      where a.id = fuel_logs.vehicle_id
        and ('vehicle:*' = any ((select authz.my_asset_scopes())::text[])
             or ('vehicle:' || a.site_id::text) = any ((select authz.my_asset_scopes())::text[])))
  );

create policy accidents_select on public.accidents for select to authenticated
  using (
    driver_id = (select auth.uid())
    or exists (
      select 1 from public.assets a
      where a.id = accidents.vehicle_id
        and ('vehicle:*' = any ((select authz.my_asset_scopes())::text[])
             or ('vehicle:' || a.site_id::text) = any ((select authz.my_asset_scopes())::text[])))
  );

create policy maintenance_requests_select on public.maintenance_requests for select to authenticated
  using (
    requested_by = (select auth.uid())
    or exists (select 1 from public.assets a where a.id = maintenance_requests.vehicle_id)
  );

create policy vehicle_states_select on public.vehicle_states for select to authenticated
  using (exists (select 1 from public.assets a where a.id = vehicle_states.id));

create policy renewal_rules_select on public.renewal_rules for select to authenticated
  using (
    (vehicle_id is null and (select public.has_any_role(array['driver', 'fleet_manager', 'admin_head', 'executive'])))
    or exists (select 1 from public.assets a where a.id = renewal_rules.vehicle_id)
  );

-- The same rules for the definer side (apply functions run past RLS).
-- tests/db/vehicles-rls.test.ts checks they agree with the policies.
create function private.fleet_scope_covers(p_vehicle_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.assets a
    where a.id = p_vehicle_id
      and ('vehicle:*' = any (authz.my_asset_scopes()) or ('vehicle:' || a.site_id::text) = any (authz.my_asset_scopes()))
  );
$$;

-- The assets policy, definer-side.
create function private.can_see_vehicle(p_vehicle_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.assets a
    where a.id = p_vehicle_id
      and (a.holder_id = auth.uid()
           or (a.kind || ':*') = any (authz.my_asset_scopes())
           or (a.kind || ':' || a.site_id::text) = any (authz.my_asset_scopes())
           or a.id = any (authz.my_involved_asset_ids()))
  );
$$;

create function private.can_see_vehicle_record(p_table text, p_id uuid)
returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  v_vehicle uuid;
  v_person uuid;
begin
  case p_table
    when 'trips' then select t.vehicle_id, t.driver_id into v_vehicle, v_person from public.trips t where t.id = p_id;
    when 'fuel_logs' then select f.vehicle_id, f.driver_id into v_vehicle, v_person from public.fuel_logs f where f.id = p_id;
    when 'vehicle_checks' then select c.vehicle_id, c.driver_id into v_vehicle, v_person from public.vehicle_checks c where c.id = p_id;
    when 'accidents' then select x.vehicle_id, x.driver_id into v_vehicle, v_person from public.accidents x where x.id = p_id;
    when 'maintenance_requests' then
      select m.vehicle_id, m.requested_by into v_vehicle, v_person from public.maintenance_requests m where m.id = p_id;
      return found and (v_person = auth.uid() or private.can_see_vehicle(v_vehicle));
    else return false;
  end case;
  return found and (v_person = auth.uid() or private.fleet_scope_covers(v_vehicle));
end;
$$;

-- Who may drive, fuel, check or report on a vehicle: its holder, or a driver or fleet
-- manager of its site (DESIGN: roles by site; site_id null = every site).
create function private.vehicle_may_use(p_vehicle_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.assets a
    where a.id = p_vehicle_id
      and (a.holder_id = auth.uid()
           or public.has_role_at('driver', a.site_id)
           or public.has_role_at('fleet_manager', a.site_id))
  );
$$;

-- The fleet manager of the vehicle's site: approves repairs, handles claims, corrects fuel logs.
create function private.vehicle_is_fleet_manager(p_vehicle_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.assets a
    where a.id = p_vehicle_id and public.has_role_at('fleet_manager', a.site_id)
  );
$$;

-- A live vehicle by id, refusing not_found otherwise; returns its site.
create function private.vehicle_site(p jsonb, p_field text default 'vehicle_id')
returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_id uuid := private.val_uuid(p, p_field);
  v_site uuid;
begin
  select a.site_id into v_site from public.assets a where a.id = v_id and a.kind = 'vehicle' and a.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', p_field || ': no such vehicle');
  end if;
  return v_site;
end;
$$;

revoke execute on function private.fleet_scope_covers(uuid) from public, anon, authenticated;
revoke execute on function private.can_see_vehicle(uuid) from public, anon, authenticated;
revoke execute on function private.can_see_vehicle_record(text, uuid) from public, anon, authenticated;
revoke execute on function private.vehicle_may_use(uuid) from public, anon, authenticated;
revoke execute on function private.vehicle_is_fleet_manager(uuid) from public, anon, authenticated;
revoke execute on function private.vehicle_site(jsonb, text) from public, anon, authenticated;

-- Clients read through RLS; writes go through sync_push.
revoke all on public.vehicle_checks, public.trips, public.fuel_logs, public.maintenance_requests,
  public.accidents, public.renewal_rules, public.vehicle_states
  from anon, authenticated;
grant select on public.vehicle_checks, public.trips, public.fuel_logs, public.maintenance_requests,
  public.accidents, public.renewal_rules, public.vehicle_states
  to authenticated;
