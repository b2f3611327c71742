-- Roles live in a table and are checked fresh by helpers (a device offline for
-- days holds an old JWT, so claims are never trusted for authorisation).

create table public.user_roles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  role text not null check (role in (
    'admin_head', 'executive', 'seal_keeper', 'asset_keeper', 'driver',
    'fleet_manager', 'cleaner', 'inspector', 'dorm_manager', 'employee'
  )),
  -- null = the role holds at every site.
  site_id uuid references public.sites (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create unique index user_roles_user_role_site_live_key on public.user_roles (user_id, role, site_id)
  nulls not distinct where deleted_at is null;
create index user_roles_user_id_idx on public.user_roles (user_id) where deleted_at is null;
create index user_roles_site_id_idx on public.user_roles (site_id);
create index user_roles_row_xid_idx on public.user_roles (row_xid, id);

create trigger stamp_sync_row before insert or update on public.user_roles
  for each row execute function private.tg_stamp_sync_row();

-- Helpers: security definer so policies can call them without a policy on
-- user_roles recursing; search_path '' so nothing can be shadowed.

create function public.has_role(p_role text)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.user_roles r
    where r.user_id = auth.uid() and r.role = p_role and r.deleted_at is null
  );
$$;

create function public.has_any_role(p_roles text[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.user_roles r
    where r.user_id = auth.uid() and r.role = any (p_roles) and r.deleted_at is null
  );
$$;

-- True when the role holds at that site (a role with site_id null holds everywhere).
create function public.has_role_at(p_role text, p_site_id uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.user_roles r
    where r.user_id = auth.uid() and r.role = p_role and r.deleted_at is null
      and (r.site_id is null or r.site_id = p_site_id)
  );
$$;

-- Sites where the user holds any role; every live site if one role is unscoped.
create function public.current_user_site_ids()
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(s.id order by s.id), '{}')
  from public.sites s
  where s.deleted_at is null
    and exists (
      select 1 from public.user_roles r
      where r.user_id = auth.uid() and r.deleted_at is null
        and (r.site_id is null or r.site_id = s.id)
    );
$$;

revoke execute on function public.has_role(text) from public, anon;
revoke execute on function public.has_any_role(text[]) from public, anon;
revoke execute on function public.has_role_at(text, uuid) from public, anon;
revoke execute on function public.current_user_site_ids() from public, anon;
grant execute on function public.has_role(text) to authenticated;
grant execute on function public.has_any_role(text[]) to authenticated;
grant execute on function public.has_role_at(text, uuid) to authenticated;
grant execute on function public.current_user_site_ids() to authenticated;

alter table public.user_roles enable row level security;

-- Own roles; the head of administration and the executive see everyone's.
create policy user_roles_select on public.user_roles for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select public.has_any_role(array['admin_head', 'executive']))
  );
