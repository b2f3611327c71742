-- 证照办理 / 变更 / 年检 carried out (manual 2.3 nodes 2–4, issue 9): once a 'licence_affair'
-- application is approved, the asset keeper (or the admin head) of its site does the work, each step a
-- fact in public.licence_work_events (append-only, op licence_work.record):
--   material  (node 2)  one line of the materials checklist ticked or unticked (with an optional photo);
--   collect   (node 3)  the licence collected and checked against the application: pass, or the errors
--                       found (name, number, dates, scope, other) — errors send it back for correction
--                       and the corrected licence is collected and checked again;
--   file      (node 4)  where the original is filed (cabinet, keeper) and how many copies, to whom;
--   validity  (node 4)  issued / valid until / next annual inspection written onto the licence asset
--                       (assets.details valid_from, valid_to, annual_inspection_on, licence_number): the
--                       existing expiry list (features/licences) reads exactly these; the application is
--                       then carried out (fulfilled).
-- Order: materials any time while it is open; collect until a pass; file after a pass; validity after
-- filing. A fact that does not fit (application not approved, already carried out, out of order) is
-- kept, flagged, and changes nothing (invariant 2). The device folds the same
-- (src/features/licences/domain/work.ts, licenceWorkStage).
-- The checklist's lines per action (obtain/change/renew) are the company's (company.licence_materials,
-- op licence_materials.update by a company-wide admin head or the executive); null = the defaults of
-- DEFAULT_MATERIALS in work.ts.

alter table public.company add column licence_materials jsonb
  check (licence_materials is null or jsonb_typeof(licence_materials) = 'object');

create table public.licence_work_events (
  id uuid primary key,
  request_id uuid not null references public.requests (id),
  site_id uuid references public.sites (id),
  type text not null check (type in ('material', 'collect', 'file', 'validity')),
  actor_id uuid not null references public.profiles (id),
  device_time timestamptz not null,
  received_at timestamptz not null default now(),
  data jsonb not null check (jsonb_typeof(data) = 'object'),
  -- Kept but not applied: it did not fit the application's work when it arrived.
  flagged boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index licence_work_events_request_idx on public.licence_work_events (request_id, device_time);
create index licence_work_events_site_idx on public.licence_work_events (site_id);
create index licence_work_events_actor_idx on public.licence_work_events (actor_id);
create index licence_work_events_row_xid_idx on public.licence_work_events (row_xid, id);

create trigger licence_work_events_append_only before update or delete on public.licence_work_events
  for each row execute function private.tg_append_only();
create trigger licence_work_events_no_truncate before truncate on public.licence_work_events
  for each statement execute function private.tg_append_only();
create trigger stamp_sync_row before insert or update on public.licence_work_events
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.licence_work_events
  for each row execute function private.tg_audit_row();

alter table public.licence_work_events enable row level security;
-- A step is read by whoever reads its application (requests_select: the applicant, the deciders, the
-- admin head and the executive of its site, the asset keepers once approved).
create policy licence_work_events_select on public.licence_work_events for select to authenticated
  using (exists (select 1 from public.requests r where r.id = licence_work_events.request_id));
revoke all on public.licence_work_events from anon, authenticated;
grant select on public.licence_work_events to authenticated;
insert into private.synced_tables (name, pull_rank) values ('licence_work_events', 2);

-- Photos of a ticked material follow the step (and so its application).
create function private.can_see_licence_work_event(p_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from public.licence_work_events e where e.id = p_id and private.can_see_request(e.request_id));
$$;
revoke execute on function private.can_see_licence_work_event(uuid) from public, anon, authenticated;
insert into private.photo_owners (owner_table, can_see) values ('licence_work_events', 'private.can_see_licence_work_event(uuid)');

-- The default materials' codes (DEFAULT_MATERIAL_CODES in work.ts): lines with one of these codes may
-- leave the label out (the app names them); any other line is 'custom_…' with its own label.
create function private.licence_material_code_ok(p_code text, p_label text)
returns boolean
language sql immutable
set search_path = ''
as $$
  select p_code = any (array['application_form', 'legal_rep_id', 'authorization_letter', 'articles', 'premises_proof',
      'old_original', 'old_copy', 'change_resolution', 'annual_report'])
    or (p_code ~ '^custom_[a-z0-9]{1,32}$' and p_label is not null);
$$;
revoke execute on function private.licence_material_code_ok(text, text) from public, anon, authenticated;

-- licence_work.record, entity_id = the step's id: { request_id, type, ... } by type:
--   material {code, label?, done}          · collect {result pass|errors, errors [{field, note?}] (1..5 when errors, none on a pass), note?}
--   file {location, keeper_id, copies 0..20, copy_holders? (required when copies > 0)}
--   validity {asset_id, licence_number, valid_from, valid_to? (null: long-term), annual_inspection_on?}
create function private.sync_apply_licence_work_record(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_type text;
  r public.requests;
  v_data jsonb;
  v_result text;
  v_copies int;
  v_from date;
  v_to date;
  v_inspection date;
  v_asset public.assets;
  v_passed boolean;
  v_filed boolean;
  v_fits boolean;
  v_existing record;
begin
  v_type := private.val_enum(p_payload, 'type', array['material', 'collect', 'file', 'validity']);
  perform private.sync_only_fields(p_payload, array['type', 'request_id'] || case v_type
    when 'material' then array['code', 'label', 'done']
    when 'collect' then array['result', 'errors', 'note']
    when 'file' then array['location', 'keeper_id', 'copies', 'copy_holders']
    else array['asset_id', 'licence_number', 'valid_from', 'valid_to', 'annual_inspection_on'] end);
  select * into r from public.requests q where q.id = private.val_uuid(p_payload, 'request_id') and q.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', 'request_id: no such application (push it first)');
  end if;
  if r.type <> 'licence_affair' then
    perform private.sync_refuse('invalid', 'request_id: not a licence application (证照办理/变更/年检)');
  end if;
  -- Who (work.ts mayDoLicenceWork): the asset keeper or the admin head of the application's site.
  if not (public.has_role_at('asset_keeper', r.site_id) or public.has_role_at('admin_head', r.site_id)) then
    perform private.sync_refuse('forbidden', 'licence_work.record: the asset keeper or the admin head of the site');
  end if;

  -- What (the payload as licenceWorkSchema in work.ts).
  if v_type = 'material' then
    if pg_catalog.jsonb_typeof(p_payload -> 'code') is distinct from 'string' then
      perform private.sync_refuse('invalid', 'code: required text');
    end if;
    v_data := pg_catalog.jsonb_build_object('code', p_payload ->> 'code', 'label', private.val_text(p_payload, 'label', 100, '', false),
      'done', private.val_bool(p_payload, 'done'));
    if not private.licence_material_code_ok(v_data ->> 'code', v_data ->> 'label') then
      perform private.sync_refuse('invalid', 'code: a default material, or custom_… with a label');
    end if;
  elsif v_type = 'collect' then
    v_result := private.val_enum(p_payload, 'result', array['pass', 'errors']);
    if pg_catalog.jsonb_typeof(p_payload -> 'errors') is distinct from 'array'
       or pg_catalog.jsonb_array_length(p_payload -> 'errors') > 5
       or (v_result = 'pass') <> (pg_catalog.jsonb_array_length(p_payload -> 'errors') = 0)
       or exists (
         select 1 from pg_catalog.jsonb_array_elements(p_payload -> 'errors') e
         where pg_catalog.jsonb_typeof(e) <> 'object'
            or exists (select 1 from pg_catalog.jsonb_object_keys(e) k where k not in ('field', 'note'))
            or (e ->> 'field') is null or (e ->> 'field') not in ('name', 'number', 'dates', 'scope', 'other')
            or (pg_catalog.jsonb_typeof(e -> 'note') is not null and pg_catalog.jsonb_typeof(e -> 'note') not in ('string', 'null'))
            or pg_catalog.char_length(pg_catalog.btrim(coalesce(e ->> 'note', ''))) > 200
            or ((e ->> 'field') = 'other' and pg_catalog.btrim(coalesce(e ->> 'note', '')) = '')) then
      perform private.sync_refuse('invalid', 'errors: none on a pass; 1 to 5 of {field name|number|dates|scope|other, note ≤ 200 (required for other)} otherwise');
    end if;
    v_data := pg_catalog.jsonb_build_object('result', v_result,
      'errors', (select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('field', e ->> 'field',
                   'note', nullif(pg_catalog.btrim(coalesce(e ->> 'note', '')), '')) order by n), '[]')
                 from pg_catalog.jsonb_array_elements(p_payload -> 'errors') with ordinality as t (e, n)),
      'note', private.val_text(p_payload, 'note', 500, '', false));
  elsif v_type = 'file' then
    v_copies := private.val_number(p_payload, 'copies', 0, 20, true);
    v_data := pg_catalog.jsonb_build_object('location', private.val_text(p_payload, 'location', 100),
      'keeper_id', private.val_uuid(p_payload, 'keeper_id'), 'copies', v_copies,
      'copy_holders', private.val_text(p_payload, 'copy_holders', 200, '', v_copies > 0));
    perform private.val_person((v_data ->> 'keeper_id')::uuid, 'keeper_id');
  else
    v_from := private.val_date(p_payload, 'valid_from');
    v_to := private.val_date(p_payload, 'valid_to', '', false);
    v_inspection := private.val_date(p_payload, 'annual_inspection_on', '', false);
    if v_to < v_from then
      perform private.sync_refuse('invalid', 'valid_to: before valid_from');
    end if;
    if v_inspection < v_from then
      perform private.sync_refuse('invalid', 'annual_inspection_on: before valid_from');
    end if;
    v_data := pg_catalog.jsonb_build_object('asset_id', private.val_uuid(p_payload, 'asset_id'),
      'licence_number', private.val_text(p_payload, 'licence_number', 100),
      'valid_from', v_from, 'valid_to', v_to, 'annual_inspection_on', v_inspection);
    select * into v_asset from public.assets a where a.id = (v_data ->> 'asset_id')::uuid and a.deleted_at is null for update;
    if not found or v_asset.kind <> 'licence' then
      perform private.sync_refuse('not_found', 'asset_id: no such licence');
    end if;
    if not (public.has_role_at('asset_keeper', v_asset.site_id) or public.has_role_at('admin_head', v_asset.site_id)) then
      perform private.sync_refuse('forbidden', 'asset_id: a licence of another site');
    end if;
  end if;

  select x.request_id, x.type, x.actor_id, x.data into v_existing from public.licence_work_events x where x.id = p_entity_id;
  if found then
    if (v_existing.request_id, v_existing.type, v_existing.actor_id, v_existing.data) is distinct from (r.id, v_type, v_uid, v_data) then
      perform private.sync_refuse('invalid', 'id: a different step was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;

  -- Whether it fits the work now (work.ts licenceWorkStage / fits).
  select coalesce((select e.data ->> 'result' = 'pass' from public.licence_work_events e
                   where e.request_id = r.id and e.type = 'collect' and not e.flagged
                   order by e.device_time desc, e.id desc limit 1), false),
         exists (select 1 from public.licence_work_events e where e.request_id = r.id and e.type = 'file' and not e.flagged)
    into v_passed, v_filed;
  v_fits := r.status = 'approved' and r.fulfilled_at is null and case v_type
    when 'material' then true
    when 'collect' then not v_passed
    when 'file' then v_passed
    else v_passed and v_filed end;
  insert into public.licence_work_events (id, request_id, site_id, type, actor_id, device_time, data, flagged)
  values (p_entity_id, r.id, r.site_id, v_type, v_uid, v_at, v_data, not v_fits);
  if not v_fits then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', 'licences.work.flags.outOfOrder');
  end if;

  if v_type = 'validity' then
    update public.assets a set details = a.details || pg_catalog.jsonb_build_object(
        'licence_number', v_data -> 'licence_number', 'valid_from', v_data -> 'valid_from',
        'valid_to', v_data -> 'valid_to', 'annual_inspection_on', v_data -> 'annual_inspection_on')
    where a.id = v_asset.id;
    update public.requests q set fulfilled_at = v_at, fulfilled_by = v_uid where q.id = r.id;
  end if;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_licence_work_record(uuid, jsonb) from public, anon, authenticated;

-- licence_materials.update, entity_id = the company: {obtain, change, renew}, each 1..30 lines
-- {code, label} with distinct codes (a default code may leave the label null). A company-wide admin
-- head or the executive, as the approval threshold.
create function private.sync_apply_licence_materials_update(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_action text;
  v_list jsonb;
  v_out jsonb := '{}'::jsonb;
begin
  perform private.sync_only_fields(p_payload, array['obtain', 'change', 'renew']);
  foreach v_action in array array['obtain', 'change', 'renew'] loop
    v_list := p_payload -> v_action;
    if pg_catalog.jsonb_typeof(v_list) is distinct from 'array'
       or pg_catalog.jsonb_array_length(v_list) not between 1 and 30
       or exists (
         select 1 from pg_catalog.jsonb_array_elements(v_list) e
         where pg_catalog.jsonb_typeof(e) <> 'object'
            or exists (select 1 from pg_catalog.jsonb_object_keys(e) k where k not in ('code', 'label'))
            or pg_catalog.jsonb_typeof(e -> 'code') is distinct from 'string'
            or (pg_catalog.jsonb_typeof(e -> 'label') is not null and pg_catalog.jsonb_typeof(e -> 'label') not in ('string', 'null'))
            or pg_catalog.char_length(pg_catalog.btrim(coalesce(e ->> 'label', ''))) > 100
            or not private.licence_material_code_ok(e ->> 'code', nullif(pg_catalog.btrim(coalesce(e ->> 'label', '')), '')))
       or (select count(distinct e ->> 'code') from pg_catalog.jsonb_array_elements(v_list) e) <> pg_catalog.jsonb_array_length(v_list) then
      perform private.sync_refuse('invalid', v_action || ': 1 to 30 lines {code, label ≤ 100}, codes distinct, custom lines labelled');
    end if;
    v_out := v_out || pg_catalog.jsonb_build_object(v_action,
      (select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('code', e ->> 'code', 'label', nullif(pg_catalog.btrim(coalesce(e ->> 'label', '')), '')) order by n)
       from pg_catalog.jsonb_array_elements(v_list) with ordinality as t (e, n)));
  end loop;
  if not exists (
    select 1 from public.user_roles r
    where r.user_id = auth.uid() and r.deleted_at is null and r.site_id is null and r.role in ('admin_head', 'executive')
  ) then
    perform private.sync_refuse('forbidden', 'licence_materials.update: a company-wide admin head or the executive');
  end if;
  update public.company c set licence_materials = v_out where c.id = p_entity_id and c.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'company: no such company');
  end if;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_licence_materials_update(uuid, jsonb) from public, anon, authenticated;
