-- Check-in on the phone (入住登记, issue 10): the check-in record with the room inventory (a run of the
-- checklists engine's template dorm_inventory, scored by private.checklist_score like every run), the
-- meter readings with their photos, the keys and access cards handed over (their numbers, as text) and
-- the signature under the dorm rules (a photo). op dorm_check_in.submit records it together with the
-- bed's check_in event (private.dorm_bed_event) in one transaction: the bed is occupied at once.
-- src/features/dorms/domain/checkIn.ts is the device's side.

-- The inventory template is reference data, not demo data: every database has it (DORM_INVENTORY_V1
-- with DORM_INVENTORY_TEMPLATE_ID; tests/db/dorms.test.ts compares them).
insert into public.checklist_templates (id, code, version, name_zh, name_en, sections, grading, active) values
  ('7b0c6f1e-3d2a-4c8b-9e51-5a1f00000020', 'dorm_inventory', 1, '宿舍物品清点表', 'Dorm room inventory',
   '[{"key":"furniture","title_zh":"家具","title_en":"Furniture","items":[{"key":"bed_mattress","text_zh":"床架、床板、床垫齐全完好","text_en":"Bed frame, boards and mattress present and undamaged","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"wardrobe","text_zh":"衣柜完好，柜门和锁可用","text_en":"Wardrobe undamaged, doors and lock work","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"desk_chair","text_zh":"书桌、椅子齐全完好","text_en":"Desk and chair present and undamaged","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true}]},{"key":"appliances","title_zh":"电器与设施","title_en":"Appliances and fittings","items":[{"key":"air_conditioner","text_zh":"空调及遥控器可用","text_en":"Air conditioner and remote work","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"water_heater","text_zh":"热水器、洗浴设施可用","text_en":"Water heater and shower work","mode":"pass_fail","max_points":10,"allow_na":true,"critical":false,"photo_on_fail":true},{"key":"lights_sockets","text_zh":"灯具、开关、插座正常","text_en":"Lights, switches and sockets work","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true}]},{"key":"room","title_zh":"房间","title_en":"Room","items":[{"key":"door_lock_window","text_zh":"门、门锁、窗户、纱窗完好","text_en":"Door, lock, windows and screens undamaged","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true},{"key":"walls_floor","text_zh":"墙面、地面干净无损坏","text_en":"Walls and floor clean and undamaged","mode":"pass_fail","max_points":10,"allow_na":false,"critical":false,"photo_on_fail":true}]}]',
   '{"thresholds":[{"grade":"excellent","min":90},{"grade":"good","min":80},{"grade":"fair","min":60},{"grade":"poor","min":0}],"pass_mark":60}', true)
on conflict do nothing;

create table public.dorm_check_ins (
  id uuid primary key,
  stay_id uuid not null references public.dorm_stays (id),
  bed_id uuid not null references public.dorm_beds (id),
  site_id uuid not null references public.sites (id),
  occupant_id uuid not null references public.profiles (id),
  recorded_by uuid not null references public.profiles (id),
  bed_event_id uuid not null unique references public.dorm_bed_events (id),
  template_id uuid not null references public.checklist_templates (id),
  started_at timestamptz not null,
  submitted_at timestamptz not null,
  answers jsonb not null check (jsonb_typeof(answers) = 'array'),
  -- Items found missing or damaged (the server's count, from checklist_score).
  failed_items int not null check (failed_items >= 0),
  -- [{ meter: 'water' | 'electricity', reading, photo_id }]
  meters jsonb not null check (jsonb_typeof(meters) = 'array'),
  -- [{ label }]: key and access-card numbers handed over.
  keys jsonb not null check (jsonb_typeof(keys) = 'array'),
  signature_photo_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (submitted_at >= started_at)
);
create index dorm_check_ins_stay_idx on public.dorm_check_ins (stay_id);
create index dorm_check_ins_bed_idx on public.dorm_check_ins (bed_id);
create index dorm_check_ins_occupant_idx on public.dorm_check_ins (occupant_id);
create index dorm_check_ins_site_idx on public.dorm_check_ins (site_id);
create index dorm_check_ins_row_xid_idx on public.dorm_check_ins (row_xid, id);
create trigger dorm_check_ins_append_only before update or delete on public.dorm_check_ins
  for each row execute function private.tg_append_only();
create trigger dorm_check_ins_no_truncate before truncate on public.dorm_check_ins
  for each statement execute function private.tg_append_only();
create trigger stamp_sync_row before insert or update on public.dorm_check_ins
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.dorm_check_ins
  for each row execute function private.tg_audit_row();
alter table public.dorm_check_ins enable row level security;

-- The resident's own record; the dorm manager, the admin head and the executive of the site.
create policy dorm_check_ins_select on public.dorm_check_ins for select to authenticated
  using (
    occupant_id = (select auth.uid())
    or array['dorm_manager:*', 'admin_head:*', 'executive:*',
             'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
  );
grant select on public.dorm_check_ins to authenticated;
insert into private.synced_tables (name) values ('dorm_check_ins');

-- The definer twin of the policy, for photo.register.
create function private.dorm_can_see_check_in(p_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from public.dorm_check_ins c where c.id = p_id
                 and (c.occupant_id = auth.uid() or private.dorm_manages(c.site_id)));
$$;
revoke execute on function private.dorm_can_see_check_in(uuid) from public, anon, authenticated;

-- dorm_check_in.submit, entity_id = the check-in record:
--   { stay_id, bed_id, event_id, template_id, started_at, answers, meters: [{ meter, reading, photo_id }] (water
--     and electricity once each), keys: [{ label }] (up to 10), rules_ack: true, signature_photo_id }
-- By the resident (their own stay) or the dorm manager / admin head of the site. The same record again is a
-- duplicate; another one with its id 'invalid'.
create function private.sync_apply_dorm_check_in_submit(p_entity_id uuid, p_payload jsonb)
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
  v_meters jsonb := '[]'::jsonb;
  v_keys jsonb := '[]'::jsonb;
  v_m jsonb;
  v_seen text[] := '{}';
  v_kind text;
  v_out jsonb;
  i int;
  w text;
begin
  perform private.sync_only_fields(p_payload, array['stay_id', 'bed_id', 'event_id', 'template_id', 'started_at', 'answers',
    'meters', 'keys', 'rules_ack', 'signature_photo_id']);
  select * into v_stay from public.dorm_stays s where s.id = private.val_uuid(p_payload, 'stay_id');
  if not found then
    perform private.sync_refuse('not_found', 'stay_id: no such stay');
  end if;
  v_bed := private.val_uuid(p_payload, 'bed_id');
  if v_bed <> v_stay.bed_id then
    perform private.sync_refuse('invalid', 'bed_id: not the stay''s bed');
  end if;
  if v_uid <> v_stay.occupant_id and not (public.has_role_at('dorm_manager', v_stay.site_id) or public.has_role_at('admin_head', v_stay.site_id)) then
    perform private.sync_refuse('forbidden', 'dorm_check_in.submit: the resident, the dorm manager or the admin head');
  end if;
  v_event := private.val_uuid(p_payload, 'event_id');
  v_started := private.val_time(p_payload, 'started_at');
  if v_started > v_at then
    perform private.sync_refuse('invalid', 'started_at: after the check-in was saved');
  end if;
  if private.val_bool(p_payload, 'rules_ack') is not true then
    perform private.sync_refuse('invalid', 'rules_ack: the dorm rules must be acknowledged');
  end if;
  perform private.val_uuid(p_payload, 'signature_photo_id');
  select t.id, t.sections, t.grading, t.code into v_template from public.checklist_templates t
  where t.id = private.val_uuid(p_payload, 'template_id');
  if not found or v_template.code <> 'dorm_inventory' then
    perform private.sync_refuse('not_found', 'template_id: no such dorm inventory template');
  end if;
  v_score := private.checklist_score(v_template.sections, v_template.grading, p_payload -> 'answers');
  if pg_catalog.jsonb_typeof(p_payload -> 'meters') is distinct from 'array' then
    perform private.sync_refuse('invalid', 'meters: water and electricity, each { meter, reading, photo_id }');
  end if;
  for v_m, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'meters') with ordinality e (value, n) loop
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
    v_meters := v_meters || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
      'meter', v_kind, 'reading', v_m -> 'reading', 'photo_id', private.val_uuid(v_m, 'photo_id', w)));
  end loop;
  if pg_catalog.cardinality(v_seen) <> 2 then
    perform private.sync_refuse('invalid', 'meters: water and electricity, each { meter, reading, photo_id }');
  end if;
  if pg_catalog.jsonb_typeof(p_payload -> 'keys') is distinct from 'array' or pg_catalog.jsonb_array_length(p_payload -> 'keys') > 10 then
    perform private.sync_refuse('invalid', 'keys: up to 10 { label }');
  end if;
  for v_m, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'keys') with ordinality e (value, n) loop
    if pg_catalog.jsonb_typeof(v_m) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('keys[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_m, array['label']);
    v_keys := v_keys || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
      'label', private.val_text(v_m, 'label', 40, pg_catalog.format('keys[%s].', i))));
  end loop;

  if exists (select 1 from public.dorm_check_ins c where c.id = p_entity_id) then
    if exists (select 1 from public.dorm_check_ins c where c.id = p_entity_id and c.stay_id = v_stay.id and c.bed_event_id = v_event) then
      return '{"status":"duplicate"}'::jsonb;
    end if;
    perform private.sync_refuse('invalid', 'id: a different check-in was already recorded with this id');
  end if;

  -- The bed's fact first (it checks who may, and flags a conflict), then the record that goes with it.
  v_out := private.dorm_bed_event(v_event, v_bed, 'check_in',
    pg_catalog.jsonb_build_object('stay_id', v_stay.id, 'occupant_id', v_stay.occupant_id), '{}', v_at);
  insert into public.dorm_check_ins (id, stay_id, bed_id, site_id, occupant_id, recorded_by, bed_event_id, template_id,
    started_at, submitted_at, answers, failed_items, meters, keys, signature_photo_id)
  values (p_entity_id, v_stay.id, v_bed, v_stay.site_id, v_stay.occupant_id, v_uid, v_event, v_template.id,
    v_started, v_at, p_payload -> 'answers', pg_catalog.jsonb_array_length(v_score -> 'failed_items'), v_meters, v_keys,
    (p_payload ->> 'signature_photo_id')::uuid);
  return v_out;
end;
$$;
revoke execute on function private.sync_apply_dorm_check_in_submit(uuid, jsonb) from public, anon, authenticated;
