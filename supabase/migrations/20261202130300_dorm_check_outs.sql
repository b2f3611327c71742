-- Check-out on the phone (退宿登记, issue 10): the same room inventory as at check-in (a run of the
-- dorm_inventory template, scored by private.checklist_score), compared item by item with the stay's
-- check-in (new_damage: items missing or damaged now that were not at check-in; derived here, never
-- taken from the device), the final water and electricity readings each with a photo, the keys and cards
-- handed back (labelled ones as custody check_ins, private.dorm_key_hand of 20261202130200) and the
-- bed's check_out event (private.dorm_bed_event): the bed is free the moment it is saved.
-- src/features/dorms/domain/checkOut.ts is the device's side.

create table public.dorm_check_outs (
  id uuid primary key,
  stay_id uuid not null references public.dorm_stays (id),
  bed_id uuid not null references public.dorm_beds (id),
  site_id uuid not null references public.sites (id),
  occupant_id uuid not null references public.profiles (id),
  recorded_by uuid not null references public.profiles (id),
  bed_event_id uuid not null unique references public.dorm_bed_events (id),
  -- The stay's check-in compared with (null: it was never recorded, every damage counts as new).
  check_in_id uuid references public.dorm_check_ins (id),
  template_id uuid not null references public.checklist_templates (id),
  started_at timestamptz not null,
  submitted_at timestamptz not null,
  answers jsonb not null check (jsonb_typeof(answers) = 'array'),
  failed_items int not null check (failed_items >= 0),
  -- Derived: item keys failed now and not at check-in.
  new_damage jsonb not null default '[]' check (jsonb_typeof(new_damage) = 'array'),
  -- [{ meter: 'water' | 'electricity', reading, photo_id }]
  meters jsonb not null check (jsonb_typeof(meters) = 'array'),
  -- Handed back: [{ asset_id, event_id }] (custody check_in) or [{ label }].
  keys jsonb not null check (jsonb_typeof(keys) = 'array'),
  note text check (char_length(note) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (submitted_at >= started_at)
);
create index dorm_check_outs_stay_idx on public.dorm_check_outs (stay_id);
create index dorm_check_outs_bed_idx on public.dorm_check_outs (bed_id);
create index dorm_check_outs_occupant_idx on public.dorm_check_outs (occupant_id);
create index dorm_check_outs_site_idx on public.dorm_check_outs (site_id);
create index dorm_check_outs_row_xid_idx on public.dorm_check_outs (row_xid, id);
create trigger dorm_check_outs_append_only before update or delete on public.dorm_check_outs
  for each row execute function private.tg_append_only();
create trigger dorm_check_outs_no_truncate before truncate on public.dorm_check_outs
  for each statement execute function private.tg_append_only();
create trigger stamp_sync_row before insert or update on public.dorm_check_outs
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.dorm_check_outs
  for each row execute function private.tg_audit_row();
alter table public.dorm_check_outs enable row level security;

-- As the check-in: the resident's own, and the dorm manager, the admin head and the executive of the site.
create policy dorm_check_outs_select on public.dorm_check_outs for select to authenticated
  using (
    occupant_id = (select auth.uid())
    or array['dorm_manager:*', 'admin_head:*', 'executive:*',
             'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
  );
grant select on public.dorm_check_outs to authenticated;
insert into private.synced_tables (name) values ('dorm_check_outs');

-- The definer twin of the policy; the photos of a check-out follow it (photo-owner registry).
create function private.dorm_can_see_check_out(p_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from public.dorm_check_outs c where c.id = p_id
                 and (c.occupant_id = auth.uid() or private.dorm_manages(c.site_id)));
$$;
revoke execute on function private.dorm_can_see_check_out(uuid) from public, anon, authenticated;
insert into private.photo_owners (owner_table, can_see) values ('dorm_check_outs', 'private.dorm_can_see_check_out(uuid)');

-- Meter readings as at check-in: water and electricity once each, { meter, reading (2 decimals), photo_id }.
create function private.dorm_meters(p_meters jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_out jsonb := '[]'::jsonb;
  v_seen text[] := '{}';
  v_m jsonb;
  v_kind text;
  i int;
  w text;
begin
  if pg_catalog.jsonb_typeof(p_meters) is distinct from 'array' then
    perform private.sync_refuse('invalid', 'meters: water and electricity, each { meter, reading, photo_id }');
  end if;
  for v_m, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_meters) with ordinality e (value, n) loop
    w := pg_catalog.format('meters[%s].', i);
    if pg_catalog.jsonb_typeof(v_m) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('meters[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_m, array['meter', 'reading', 'photo_id']);
    v_kind := private.val_enum(v_m, 'meter', array['water', 'electricity'], w);
    if v_kind = any (v_seen) then
      perform private.sync_refuse('invalid', w || 'meter: ' || v_kind || ' twice');
    end if;
    v_seen := v_seen || v_kind;
    if private.val_number(v_m, 'reading', 0, 9999999, false, w) <> pg_catalog.round((v_m ->> 'reading')::numeric, 2) then
      perform private.sync_refuse('invalid', w || 'reading: at most 2 decimals');
    end if;
    v_out := v_out || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
      'meter', v_kind, 'reading', v_m -> 'reading', 'photo_id', private.val_uuid(v_m, 'photo_id', w)));
  end loop;
  if pg_catalog.cardinality(v_seen) <> 2 then
    perform private.sync_refuse('invalid', 'meters: water and electricity, each { meter, reading, photo_id }');
  end if;
  return v_out;
end;
$$;
revoke execute on function private.dorm_meters(jsonb) from public, anon, authenticated;

-- dorm_check_out.submit, entity_id = the check-out record:
--   { stay_id, bed_id, event_id, template_id, started_at, answers, meters: [{ meter, reading, photo_id }],
--     keys: [{ asset_id, event_id } | { label }] (up to 10), note? }
-- By the resident (their own stay) or the dorm manager / admin head of the site. A stay already ended
-- or cancelled is checked out all the same (the bed's fold ignores it; a fact is kept). The same record
-- again is a duplicate; another one with its id 'invalid'.
create function private.sync_apply_dorm_check_out_submit(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_stay public.dorm_stays;
  v_bed uuid;
  v_event uuid;
  v_template record;
  v_started timestamptz;
  v_score jsonb;
  v_meters jsonb;
  v_keys jsonb := '[]'::jsonb;
  v_hand jsonb := '[]'::jsonb;
  v_key_ids uuid[] := '{}';
  v_asset uuid;
  v_check_in record;
  v_failed text[];
  v_before text[] := '{}';
  v_m jsonb;
  v_flag text;
  v_flags text[] := '{}';
  v_out jsonb;
  i int;
  w text;
begin
  perform private.sync_only_fields(p_payload, array['stay_id', 'bed_id', 'event_id', 'template_id', 'started_at', 'answers',
    'meters', 'keys', 'note']);
  select * into v_stay from public.dorm_stays s where s.id = private.val_uuid(p_payload, 'stay_id');
  if not found then
    perform private.sync_refuse('not_found', 'stay_id: no such stay');
  end if;
  v_bed := private.val_uuid(p_payload, 'bed_id');
  if v_bed <> v_stay.bed_id then
    perform private.sync_refuse('invalid', 'bed_id: not the stay''s bed');
  end if;
  if v_uid <> v_stay.occupant_id and not (public.has_role_at('dorm_manager', v_stay.site_id) or public.has_role_at('admin_head', v_stay.site_id)) then
    perform private.sync_refuse('forbidden', 'dorm_check_out.submit: the resident, the dorm manager or the admin head');
  end if;
  v_event := private.val_uuid(p_payload, 'event_id');
  v_started := private.val_time(p_payload, 'started_at');
  if v_started > v_at then
    perform private.sync_refuse('invalid', 'started_at: after the check-out was saved');
  end if;
  perform private.val_text(p_payload, 'note', 500, '', false);
  select t.id, t.sections, t.grading, t.code into v_template from public.checklist_templates t
  where t.id = private.val_uuid(p_payload, 'template_id');
  if not found or v_template.code <> 'dorm_inventory' then
    perform private.sync_refuse('not_found', 'template_id: no such dorm inventory template');
  end if;
  v_score := private.checklist_score(v_template.sections, v_template.grading, p_payload -> 'answers');
  v_meters := private.dorm_meters(p_payload -> 'meters');
  if pg_catalog.jsonb_typeof(p_payload -> 'keys') is distinct from 'array' or pg_catalog.jsonb_array_length(p_payload -> 'keys') > 10 then
    perform private.sync_refuse('invalid', 'keys: up to 10 { asset_id, event_id } or { label }');
  end if;
  for v_m, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'keys') with ordinality e (value, n) loop
    w := pg_catalog.format('keys[%s].', i);
    if pg_catalog.jsonb_typeof(v_m) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('keys[%s]: must be an object', i));
    end if;
    if v_m ? 'asset_id' then
      perform private.sync_only_fields(v_m, array['asset_id', 'event_id']);
      v_asset := private.val_uuid(v_m, 'asset_id', w);
      if v_asset = any (v_key_ids) then
        perform private.sync_refuse('invalid', w || 'asset_id: the same key twice');
      end if;
      v_key_ids := v_key_ids || v_asset;
      v_hand := v_hand || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'asset_id', v_asset, 'event_id', private.val_uuid(v_m, 'event_id', w), 'w', w));
      v_keys := v_keys || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object('asset_id', v_asset, 'event_id', (v_m ->> 'event_id')::uuid));
    else
      perform private.sync_only_fields(v_m, array['label']);
      v_keys := v_keys || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object('label', private.val_text(v_m, 'label', 40, w)));
    end if;
  end loop;

  if exists (select 1 from public.dorm_check_outs c where c.id = p_entity_id) then
    if exists (select 1 from public.dorm_check_outs c where c.id = p_entity_id and c.stay_id = v_stay.id and c.bed_event_id = v_event) then
      return '{"status":"duplicate"}'::jsonb;
    end if;
    perform private.sync_refuse('invalid', 'id: a different check-out was already recorded with this id');
  end if;

  -- Compared with the stay's check-in (the first recorded, if any).
  select c.id, c.answers into v_check_in from public.dorm_check_ins c where c.stay_id = v_stay.id order by c.submitted_at, c.id limit 1;
  if v_check_in.id is not null then
    v_before := array(select a ->> 'item_key' from pg_catalog.jsonb_array_elements(v_check_in.answers) a where a ->> 'result' = 'fail');
  end if;
  v_failed := array(select x ->> 'key' from pg_catalog.jsonb_array_elements(v_score -> 'failed_items') x);

  v_out := private.dorm_bed_event(v_event, v_bed, 'check_out',
    pg_catalog.jsonb_build_object('stay_id', v_stay.id) || case when p_payload ? 'note' and pg_catalog.jsonb_typeof(p_payload -> 'note') = 'string'
      then pg_catalog.jsonb_build_object('note', p_payload -> 'note') else '{}'::jsonb end, '{}', v_at);
  insert into public.dorm_check_outs (id, stay_id, bed_id, site_id, occupant_id, recorded_by, bed_event_id, check_in_id, template_id,
    started_at, submitted_at, answers, failed_items, new_damage, meters, keys, note)
  values (p_entity_id, v_stay.id, v_bed, v_stay.site_id, v_stay.occupant_id, v_uid, v_event, v_check_in.id, v_template.id,
    v_started, v_at, p_payload -> 'answers', pg_catalog.cardinality(v_failed),
    pg_catalog.to_jsonb(array(select x from pg_catalog.unnest(v_failed) x where not (x = any (v_before)))),
    v_meters, v_keys, private.val_text(p_payload, 'note', 500, '', false));
  -- Keys and cards handed back: custody check_ins (one the resident no longer holds is kept and flagged).
  for v_m in select e.value from pg_catalog.jsonb_array_elements(v_hand) e loop
    v_flag := private.dorm_key_hand((v_m ->> 'event_id')::uuid, (v_m ->> 'asset_id')::uuid, v_stay, 'check_in', v_at, v_m ->> 'w');
    if v_flag is not null and not (v_flag = any (v_flags)) then
      v_flags := v_flags || v_flag;
    end if;
  end loop;
  if pg_catalog.cardinality(v_flags) > 0 then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail',
      pg_catalog.array_to_string(array(select x from pg_catalog.unnest(
        pg_catalog.string_to_array(nullif(v_out ->> 'detail', ''), '; ') || v_flags) x), '; '));
  end if;
  return v_out;
end;
$$;
revoke execute on function private.sync_apply_dorm_check_out_submit(uuid, jsonb) from public, anon, authenticated;
