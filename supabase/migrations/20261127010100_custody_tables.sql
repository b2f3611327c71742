-- The custody engine's tables (issue 3): assets, their QR labels, the append-only
-- custody event log, the seal-use register (用印登记) and photo metadata.
-- The pure reference is src/features/assets/domain/; column names match
-- src/platform/db/rows.ts. Every table is synced (created_at, updated_at,
-- deleted_at, row_xid + the stamp and audit triggers) and written only by the
-- sync op kinds of the later migrations.

-- A label token as the domain's isLabelToken accepts it (canonical form): 16
-- Crockford base32 data symbols, then the mod-37 check symbol of their value.
create function private.is_label_token(p text)
returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
  v_rest int := 0;
  i int;
begin
  if p is null or p !~ '^[0-9A-HJKMNP-TV-Z]{16}[0-9A-HJKMNP-TV-Z*~$=U]$' then
    return false;
  end if;
  -- Digit by digit, like crockfordCheckSymbol, so no big integers are needed.
  for i in 1..16 loop
    v_rest := (v_rest * 32 + pg_catalog.strpos(alphabet, pg_catalog.substr(p, i, 1)) - 1) % 37;
  end loop;
  return pg_catalog.substr(alphabet, v_rest + 1, 1) = pg_catalog.substr(p, 17, 1);
end;
$$;

create table public.assets (
  id uuid primary key,
  kind text not null check (kind in ('seal', 'licence', 'equipment', 'vehicle', 'uniform')),
  -- SEAL-0001: the prefix names the kind (assetNumber.ts).
  number text not null check (
    number ~ '^(SEAL|LIC|EQP|VEH|UNI)-[0-9]{4,6}$'
    and pg_catalog.split_part(number, '-', 1) = case kind
      when 'seal' then 'SEAL' when 'licence' then 'LIC' when 'equipment' then 'EQP'
      when 'vehicle' then 'VEH' when 'uniform' then 'UNI' end
  ),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  site_id uuid not null references public.sites (id),
  keeper_id uuid references public.profiles (id) on delete set null,
  -- Fixed by the kind (KEEPER_ROLE_BY_KIND), so it can never disagree with it.
  keeper_role text not null generated always as (
    case kind when 'seal' then 'seal_keeper' when 'vehicle' then 'fleet_manager' else 'asset_keeper' end
  ) stored,
  notes text check (char_length(notes) <= 1000),
  -- Per-kind fields, validated by asset.upsert (assetKinds.ts).
  details jsonb not null default '{}' check (jsonb_typeof(details) = 'object'),
  -- Derived from custody_events by private.custody_derive (never written by clients).
  status text not null default 'in_stock'
    check (status in ('in_stock', 'checked_out', 'in_repair', 'lost', 'damaged', 'retired')),
  holder_id uuid,
  due_at timestamptz,
  condition text check (condition in ('good', 'worn', 'damaged')),
  label_token text check (label_token is null or private.is_label_token(label_token)),
  has_conflict boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
-- A number may be reused once the old asset is deleted.
create unique index assets_kind_number_live_key on public.assets (kind, number) where deleted_at is null;
create index assets_site_kind_idx on public.assets (site_id, kind);
create index assets_holder_id_idx on public.assets (holder_id) where holder_id is not null;
create index assets_row_xid_idx on public.assets (row_xid, id);

-- Every token ever printed for an asset. The label an asset was created with has
-- id = the asset's id; one issued by a label_replaced event has id = that event's id,
-- so a device can make the same row locally before the server answers.
create table public.asset_labels (
  id uuid primary key,
  token text not null unique check (private.is_label_token(token)),
  asset_id uuid not null references public.assets (id),
  status text not null check (status in ('active', 'replaced')),
  issued_at timestamptz not null,
  replaced_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((status = 'replaced') = (replaced_at is not null))
);
-- At most one live label answers for an asset.
create unique index asset_labels_one_active_key on public.asset_labels (asset_id) where status = 'active';
create index asset_labels_asset_id_idx on public.asset_labels (asset_id);
create index asset_labels_row_xid_idx on public.asset_labels (row_xid, id);

-- The facts. Append-only (a trigger refuses every change but the derived `flagged`),
-- so the table can later be partitioned by month of device_time.
create table public.custody_events (
  id uuid primary key,
  asset_id uuid not null references public.assets (id),
  type text not null check (type in (
    'check_out', 'check_in', 'transfer', 'audit_seen', 'report_damaged', 'report_lost',
    'send_to_repair', 'back_from_repair', 'retire', 'label_replaced', 'resolve_conflict'
  )),
  actor_id uuid not null references public.profiles (id),
  -- The act by the device clock (facts are ordered by it); server_time is for audit.
  device_time timestamptz not null,
  server_time timestamptz not null default now(),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  -- Derived: the event did not fit the state it landed on (kept anyway, invariant 2).
  flagged boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index custody_events_asset_order_idx on public.custody_events (asset_id, device_time, server_time, id);
create index custody_events_actor_id_idx on public.custody_events (actor_id);
create index custody_events_row_xid_idx on public.custody_events (row_xid, id);

-- One line of the seal-use register. Append-only like the events it may imply.
create table public.seal_usages (
  id uuid primary key,
  seal_id uuid not null references public.assets (id),
  used_at timestamptz not null,
  recorded_by uuid not null references public.profiles (id),
  document_title text not null check (char_length(btrim(document_title)) between 1 and 200),
  document_type text not null check (document_type in (
    'contract', 'letter', 'certificate', 'financial', 'application', 'personnel', 'other'
  )),
  document_type_note text check (char_length(document_type_note) between 1 and 50),
  copies int not null check (copies between 1 and 999),
  purpose text not null check (char_length(btrim(purpose)) between 1 and 500),
  requester_id uuid references public.profiles (id),
  requester_name text not null check (char_length(btrim(requester_name)) between 1 and 50),
  requester_department text not null check (char_length(btrim(requester_department)) between 1 and 100),
  approver_name text not null check (char_length(btrim(approver_name)) between 1 and 50),
  mode text not null check (mode in ('stamp_here', 'take_out')),
  due_at timestamptz,
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  -- The custody check-out a take-out implies, recorded in the same op.
  check_out_event_id uuid unique references public.custody_events (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  -- A take-out has a requester who holds it, a due time after the use, and its check-out;
  -- a stamp here has none of them (a due time would put it on the overdue list).
  check (case mode
    when 'take_out' then requester_id is not null and due_at > used_at and check_out_event_id is not null
    else due_at is null and check_out_event_id is null end)
);
create index seal_usages_seal_used_idx on public.seal_usages (seal_id, used_at);
create index seal_usages_recorded_by_idx on public.seal_usages (recorded_by);
create index seal_usages_row_xid_idx on public.seal_usages (row_xid, id);

-- Metadata of a photo a device took; the JPEG is in Storage (bucket 'photos') at a
-- path fixed by the id, so an upload retried after a lost answer is the same object.
create table public.photos (
  id uuid primary key,
  owner_table text not null check (owner_table in ('custody_events', 'seal_usages')),
  owner_id uuid not null,
  mime text not null check (mime = 'image/jpeg'),
  bytes int not null check (bytes between 1 and 10485760),
  width int not null check (width between 1 and 10000),
  height int not null check (height between 1 and 10000),
  taken_at timestamptz not null,
  taken_by uuid not null references public.profiles (id),
  storage_path text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (storage_path = owner_table || '/' || id::text || '.jpg')
);
create index photos_owner_idx on public.photos (owner_table, owner_id);
create index photos_taken_by_idx on public.photos (taken_by);
create index photos_row_xid_idx on public.photos (row_xid, id);

-- Who has been named on an asset's events (actor or holder): they keep seeing the
-- asset after handing it back, so the return reaches their device (RLS, next migration).
-- Private: not synced, no RLS needed, filled only by the custody functions.
create table private.asset_people (
  person_id uuid not null,
  asset_id uuid not null references public.assets (id),
  primary key (person_id, asset_id)
);

-- Append-only: only the derivation may change `flagged` (and the stamps follow).
create function private.tg_custody_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.asset_id, new.type, new.actor_id, new.device_time, new.server_time,
          new.payload, new.photo_ids, new.deleted_at)
         is not distinct from
         (old.id, old.asset_id, old.type, old.actor_id, old.device_time, old.server_time,
          old.payload, old.photo_ids, old.deleted_at) then
    return new;
  end if;
  raise exception 'custody_events is append-only (% refused)', pg_catalog.lower(tg_op)
    using errcode = 'P0001';
end;
$$;

create function private.tg_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception '% is append-only (% refused)', tg_table_name, pg_catalog.lower(tg_op)
    using errcode = 'P0001';
end;
$$;

revoke execute on function private.is_label_token(text) from public, anon, authenticated;
revoke execute on function private.tg_custody_events_append_only() from public, anon, authenticated;
revoke execute on function private.tg_append_only() from public, anon, authenticated;

-- "custody_events_append_only" sorts before "stamp_sync_row": it sees the row as sent.
create trigger custody_events_append_only before update or delete on public.custody_events
  for each row execute function private.tg_custody_events_append_only();
create trigger custody_events_no_truncate before truncate on public.custody_events
  for each statement execute function private.tg_append_only();
create trigger seal_usages_append_only before update or delete on public.seal_usages
  for each row execute function private.tg_append_only();
create trigger seal_usages_no_truncate before truncate on public.seal_usages
  for each statement execute function private.tg_append_only();

create trigger stamp_sync_row before insert or update on public.assets
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.asset_labels
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.custody_events
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.seal_usages
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.photos
  for each row execute function private.tg_stamp_sync_row();

create trigger audit_row after insert or update or delete on public.assets
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.asset_labels
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.custody_events
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.seal_usages
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.photos
  for each row execute function private.tg_audit_row();

alter table public.assets enable row level security;
alter table public.asset_labels enable row level security;
alter table public.custody_events enable row level security;
alter table public.seal_usages enable row level security;
alter table public.photos enable row level security;

-- Clients read through RLS (policies in the next migration); writes go through sync_push.
revoke all on public.assets, public.asset_labels, public.custody_events, public.seal_usages, public.photos
  from anon, authenticated;
grant select on public.assets, public.asset_labels, public.custody_events, public.seal_usages, public.photos
  to authenticated;
