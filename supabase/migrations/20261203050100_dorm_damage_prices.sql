-- The dorm manager's damage price list (损坏赔偿价目表, issue 10): what a damaged or missing item of the
-- room inventory costs the resident, per building or company-wide (a building's own price wins). The
-- check-out prices its new damage from it: each record keeps the lines it was charged (damages) and
-- their total (damage_fen), derived here from the list when it is recorded, never taken from the device.
--
-- Op kinds (the device's twin is src/features/dorms/domain/prices.ts):
--   dorm_price.set    (entity = the price) { item_key, unit_fen, building_id? }  a new price or a changed
--                      one; company-wide (no building_id) by a company-wide dorm manager or admin head,
--                      a building's by the dorm manager or the admin head of its site. One live price per
--                      item and building (or company-wide): a second one is refused naming the field.
--   dorm_price.delete (entity = the price) {}  the item is no longer priced there (by the same people).

create table public.dorm_damage_prices (
  id uuid primary key,
  -- null: company-wide (every building); else the building's site.
  site_id uuid references public.sites (id),
  building_id uuid references public.dorm_buildings (id),
  -- An item of the room inventory template (dorm_inventory).
  item_key text not null check (item_key ~ '^[a-z][a-z0-9_]{0,39}$'),
  unit_fen int not null check (unit_fen between 0 and 10000000),
  updated_by uuid not null references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((site_id is null) = (building_id is null))
);
create unique index dorm_damage_prices_one_live_idx on public.dorm_damage_prices
  (coalesce(building_id, '00000000-0000-0000-0000-000000000000'::uuid), item_key) where deleted_at is null;
create index dorm_damage_prices_site_idx on public.dorm_damage_prices (site_id);
create index dorm_damage_prices_building_idx on public.dorm_damage_prices (building_id);
create index dorm_damage_prices_updated_by_idx on public.dorm_damage_prices (updated_by);
create index dorm_damage_prices_row_xid_idx on public.dorm_damage_prices (row_xid, id);
create trigger stamp_sync_row before insert or update on public.dorm_damage_prices
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.dorm_damage_prices
  for each row execute function private.tg_audit_row();
alter table public.dorm_damage_prices enable row level security;

-- Company-wide prices for everyone; a building's for whoever manages its site and its residents.
create policy dorm_damage_prices_select on public.dorm_damage_prices for select to authenticated
  using (
    site_id is null
    or array['dorm_manager:*', 'admin_head:*', 'executive:*',
             'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
    or building_id = any ((select authz.my_dorm_buildings())::uuid[])
  );
grant select on public.dorm_damage_prices to authenticated;
insert into private.synced_tables (name, pull_rank) values ('dorm_damage_prices', 0);

-- Who may change a price: company-wide ones need a company-wide role.
create function private.dorm_price_editor(p_site uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select public.has_role_at('dorm_manager', p_site) or public.has_role_at('admin_head', p_site);
$$;
revoke execute on function private.dorm_price_editor(uuid) from public, anon, authenticated;

create function private.sync_apply_dorm_price_set(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_building uuid;
  v_site uuid;
  v_key text;
  v_fen int;
  v_old public.dorm_damage_prices;
begin
  perform private.sync_only_fields(p_payload, array['item_key', 'unit_fen', 'building_id']);
  v_building := private.val_uuid(p_payload, 'building_id', '', false);
  if v_building is not null then
    select b.site_id into v_site from public.dorm_buildings b where b.id = v_building and b.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', 'building_id: no such building');
    end if;
  end if;
  if not private.dorm_price_editor(v_site) then
    perform private.sync_refuse('forbidden', case when v_building is null
      then 'dorm_price.set: a company-wide dorm manager or admin head sets company-wide prices'
      else 'dorm_price.set: the dorm manager or the admin head of the site' end);
  end if;
  v_key := private.val_text(p_payload, 'item_key', 40);
  if v_key !~ '^[a-z][a-z0-9_]{0,39}$' or not exists (
    select 1 from public.checklist_templates t, pg_catalog.jsonb_array_elements(t.sections) s, pg_catalog.jsonb_array_elements(s -> 'items') i
    where t.code = 'dorm_inventory' and i ->> 'key' = v_key) then
    perform private.sync_refuse('invalid', 'item_key: not an item of the room inventory');
  end if;
  v_fen := private.val_number(p_payload, 'unit_fen', 0, 10000000, true)::int;
  select * into v_old from public.dorm_damage_prices p where p.id = p_entity_id for update;
  if found and (v_old.building_id is distinct from v_building or v_old.item_key <> v_key) then
    perform private.sync_refuse('invalid', 'item_key: a price keeps its item and building; remove it and add another');
  end if;
  if exists (select 1 from public.dorm_damage_prices p where p.id <> p_entity_id and p.deleted_at is null
             and p.item_key = v_key and p.building_id is not distinct from v_building) then
    perform private.sync_refuse('invalid', 'item_key: already priced there; change that price');
  end if;
  insert into public.dorm_damage_prices (id, site_id, building_id, item_key, unit_fen, updated_by)
  values (p_entity_id, v_site, v_building, v_key, v_fen, v_uid)
  on conflict (id) do update set unit_fen = excluded.unit_fen, updated_by = excluded.updated_by, deleted_at = null;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_price_set(uuid, jsonb) from public, anon, authenticated;

create function private.sync_apply_dorm_price_delete(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_old public.dorm_damage_prices;
begin
  perform private.sync_only_fields(p_payload, array[]::text[]);
  select * into v_old from public.dorm_damage_prices p where p.id = p_entity_id for update;
  if not found then
    perform private.sync_refuse('not_found', 'entity_id: no such price');
  end if;
  if not private.dorm_price_editor(v_old.site_id) then
    perform private.sync_refuse('forbidden', 'dorm_price.delete: whoever may set this price');
  end if;
  if v_old.deleted_at is not null then
    return '{"status":"duplicate"}'::jsonb;
  end if;
  update public.dorm_damage_prices p set deleted_at = pg_catalog.now(), updated_by = auth.uid() where p.id = p_entity_id;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_price_delete(uuid, jsonb) from public, anon, authenticated;

-- The check-out's charge: each new damage priced from the list (the building's price, else the
-- company-wide one); an item the list does not price is left out (the dorm manager settles it).
-- As priceDamages() on the device.
alter table public.dorm_check_outs
  add column damages jsonb not null default '[]' check (jsonb_typeof(damages) = 'array'),
  add column damage_fen int not null default 0 check (damage_fen >= 0);

create function private.tg_dorm_check_out_damages()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_building uuid;
begin
  select b.building_id into v_building from public.dorm_beds b where b.id = new.bed_id;
  new.damages := coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('item_key', d.key, 'fen', pr.unit_fen) order by d.n)
    from pg_catalog.jsonb_array_elements_text(new.new_damage) with ordinality d (key, n)
    cross join lateral (
      select p.unit_fen from public.dorm_damage_prices p
      where p.item_key = d.key and p.deleted_at is null and (p.building_id = v_building or p.building_id is null)
      order by p.building_id is null
      limit 1) pr), '[]'::jsonb);
  new.damage_fen := coalesce((select pg_catalog.sum((x ->> 'fen')::int) from pg_catalog.jsonb_array_elements(new.damages) x), 0);
  return new;
end;
$$;
revoke execute on function private.tg_dorm_check_out_damages() from public, anon, authenticated;
create trigger dorm_check_out_damages before insert on public.dorm_check_outs
  for each row execute function private.tg_dorm_check_out_damages();
