-- The organisation: company, sites, departments, profiles. All synced to devices.
-- Synced tables share: created_at, updated_at, deleted_at (tombstone, never a
-- hard delete, so devices learn about removals) and row_xid (pull cursor).

create table public.company (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  -- "Today" and due dates are in the company's zone, not the device's.
  timezone text not null default 'Asia/Shanghai'
    check (timezone ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$' and char_length(timezone) <= 64),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);

create table public.sites (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[A-Za-z0-9_-]{1,20}$'),
  name text not null check (char_length(btrim(name)) between 1 and 60),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create unique index sites_code_live_key on public.sites (code) where deleted_at is null;

create table public.departments (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references public.sites (id),
  code text not null check (code ~ '^[A-Za-z0-9_-]{1,20}$'),
  name text not null check (char_length(btrim(name)) between 1 and 60),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
-- A code may be reused once the old department is deleted.
create unique index departments_site_code_live_key on public.departments (site_id, code) where deleted_at is null;
create index departments_site_id_idx on public.departments (site_id);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(btrim(display_name)) between 1 and 40),
  phone text check (phone ~ '^[0-9+ -]{5,20}$'),
  site_id uuid references public.sites (id),
  department_id uuid references public.departments (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index profiles_site_id_idx on public.profiles (site_id);
create index profiles_department_id_idx on public.profiles (department_id);

-- Pull scans each table by (row_xid, id).
create index company_row_xid_idx on public.company (row_xid, id);
create index sites_row_xid_idx on public.sites (row_xid, id);
create index departments_row_xid_idx on public.departments (row_xid, id);
create index profiles_row_xid_idx on public.profiles (row_xid, id);

create trigger stamp_sync_row before insert or update on public.company
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.sites
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.departments
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.profiles
  for each row execute function private.tg_stamp_sync_row();

alter table public.company enable row level security;
alter table public.sites enable row level security;
alter table public.departments enable row level security;
alter table public.profiles enable row level security;

-- The reference data is readable by every signed-in user (tombstones too, so
-- devices receive deletions).
create policy company_select on public.company for select to authenticated
  using ((select auth.uid()) is not null);
create policy sites_select on public.sites for select to authenticated
  using ((select auth.uid()) is not null);
create policy departments_select on public.departments for select to authenticated
  using ((select auth.uid()) is not null);
create policy profiles_select on public.profiles for select to authenticated
  using ((select auth.uid()) is not null);
