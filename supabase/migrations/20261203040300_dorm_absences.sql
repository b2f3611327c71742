-- 长期外出 (long absence, issue 10): a resident away for a while (home leave, a long business trip, a
-- secondment) keeps their bed. The resident records it, or the dorm manager for them: the day they leave
-- and the day they expect to be back; the return ends it (the day they were back).
-- What it changes (decided with the dorm manager's practice, src/features/dorms/domain/absence.ts):
--   * the bed stays theirs (status stays occupied; the occupancy view shows who is away and until when);
--   * the bed fee is charged as usual (the bed is held for them);
--   * the monthly water and electricity split leaves out the days they were away (from the day they
--     left to the day before they were back; an absence not yet ended counts to the end of the period):
--     the roommates who used the water and power pay for it. A room whose residents were ALL away all
--     period is split by days stayed as before (the meters still ran: the bill is not dropped).
-- Op kinds (entity = the absence):
--   dorm_absence.record { stay_id, starts_on, expected_return_on, reason? }  made, or changed while not
--       ended (a later expected return); by the resident of a stay they moved into, or the dorm manager /
--       admin head of the site. Another absence of the stay over the same days is kept and flagged.
--   dorm_absence.return { returned_on }  ends it; the same day again is a duplicate, another day is
--       kept as first recorded and flagged.

create table public.dorm_absences (
  id uuid primary key,
  stay_id uuid not null references public.dorm_stays (id),
  bed_id uuid not null references public.dorm_beds (id),
  room_id uuid not null references public.dorm_rooms (id),
  site_id uuid not null references public.sites (id),
  occupant_id uuid not null references public.profiles (id),
  starts_on date not null,
  expected_return_on date not null check (expected_return_on > starts_on and expected_return_on <= starts_on + 366),
  returned_on date check (returned_on >= starts_on),
  reason text check (char_length(reason) <= 200),
  recorded_by uuid not null references public.profiles (id),
  recorded_at timestamptz not null,
  returned_by uuid references public.profiles (id),
  returned_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((returned_on is null) = (returned_by is null) and (returned_on is null) = (returned_at is null))
);
create index dorm_absences_stay_idx on public.dorm_absences (stay_id);
create index dorm_absences_bed_idx on public.dorm_absences (bed_id);
create index dorm_absences_room_idx on public.dorm_absences (room_id);
create index dorm_absences_site_idx on public.dorm_absences (site_id);
create index dorm_absences_occupant_idx on public.dorm_absences (occupant_id);
create index dorm_absences_recorded_by_idx on public.dorm_absences (recorded_by);
create index dorm_absences_returned_by_idx on public.dorm_absences (returned_by) where returned_by is not null;
create index dorm_absences_row_xid_idx on public.dorm_absences (row_xid, id);
create trigger stamp_sync_row before insert or update on public.dorm_absences
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.dorm_absences
  for each row execute function private.tg_audit_row();
alter table public.dorm_absences enable row level security;

-- As the stay: the resident's own, and the dorm manager, the admin head and the executive of the site.
-- Roommates do not see each other's absences.
create policy dorm_absences_select on public.dorm_absences for select to authenticated
  using (
    occupant_id = (select auth.uid())
    or array['dorm_manager:*', 'admin_head:*', 'executive:*',
             'dorm_manager:' || site_id, 'admin_head:' || site_id, 'executive:' || site_id]
      && (select authz.my_role_scopes())::text[]
  );
grant select on public.dorm_absences to authenticated;
insert into private.synced_tables (name) values ('dorm_absences');

-- The resident of the stay, or whoever manages the site's dormitories (as the check-out).
create function private.dorm_absence_may(p_stay public.dorm_stays)
returns boolean
language sql stable
set search_path = ''
as $$
  select p_stay.occupant_id = auth.uid()
      or public.has_role_at('dorm_manager', p_stay.site_id) or public.has_role_at('admin_head', p_stay.site_id);
$$;
revoke execute on function private.dorm_absence_may(public.dorm_stays) from public, anon, authenticated;

create function private.sync_apply_dorm_absence_record(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_stay public.dorm_stays;
  v_old public.dorm_absences;
  v_starts date;
  v_expected date;
  v_reason text;
begin
  perform private.sync_only_fields(p_payload, array['stay_id', 'starts_on', 'expected_return_on', 'reason']);
  select * into v_stay from public.dorm_stays s where s.id = private.val_uuid(p_payload, 'stay_id') and s.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'stay_id: no such stay');
  end if;
  if not private.dorm_absence_may(v_stay) then
    perform private.sync_refuse('forbidden', 'dorm_absence.record: the resident, the dorm manager or the admin head');
  end if;
  if v_stay.checked_in_at is null then
    perform private.sync_refuse('invalid', 'stay_id: not moved in (a reservation or a cancelled stay has no absence)');
  end if;
  v_starts := private.val_date(p_payload, 'starts_on');
  v_expected := private.val_date(p_payload, 'expected_return_on');
  v_reason := nullif(pg_catalog.btrim(coalesce(private.val_text(p_payload, 'reason', 200, '', false), '')), '');
  if v_starts < v_stay.starts_on then
    perform private.sync_refuse('invalid', 'starts_on: before the stay began');
  end if;
  if v_expected <= v_starts then
    perform private.sync_refuse('invalid', 'expected_return_on: on or before starts_on');
  end if;
  if v_expected > v_starts + 366 then
    perform private.sync_refuse('invalid', 'expected_return_on: more than a year after starts_on');
  end if;

  select * into v_old from public.dorm_absences a where a.id = p_entity_id for update;
  if found then
    if v_old.stay_id <> v_stay.id then
      perform private.sync_refuse('invalid', 'id: an absence of another stay has this id');
    end if;
    if (v_old.starts_on, v_old.expected_return_on, v_old.reason) is not distinct from (v_starts, v_expected, v_reason) then
      return '{"status":"duplicate"}'::jsonb;
    end if;
    if v_old.returned_on is not null then
      perform private.sync_refuse('invalid', 'id: the absence has ended (returned); record a new one');
    end if;
    update public.dorm_absences a set starts_on = v_starts, expected_return_on = v_expected, reason = v_reason
    where a.id = p_entity_id;
  else
    insert into public.dorm_absences (id, stay_id, bed_id, room_id, site_id, occupant_id, starts_on, expected_return_on, reason,
      recorded_by, recorded_at)
    values (p_entity_id, v_stay.id, v_stay.bed_id, v_stay.room_id, v_stay.site_id, v_stay.occupant_id, v_starts, v_expected, v_reason,
      v_uid, v_at);
  end if;
  -- Two absences of one stay over the same days (two phones offline): both kept, the days counted once.
  if exists (select 1 from public.dorm_absences a where a.stay_id = v_stay.id and a.id <> p_entity_id and a.deleted_at is null
             and a.starts_on < v_expected and v_starts < coalesce(a.returned_on, a.expected_return_on)) then
    return '{"status":"flagged","detail":"dorms.flags.absenceOverlap"}'::jsonb;
  end if;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_absence_record(uuid, jsonb) from public, anon, authenticated;

create function private.sync_apply_dorm_absence_return(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_at timestamptz := private.sync_op_device_time();
  v_absence public.dorm_absences;
  v_stay public.dorm_stays;
  v_back date;
begin
  perform private.sync_only_fields(p_payload, array['returned_on']);
  select * into v_absence from public.dorm_absences a where a.id = p_entity_id and a.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', 'entity_id: no such absence');
  end if;
  select * into v_stay from public.dorm_stays s where s.id = v_absence.stay_id;
  if not private.dorm_absence_may(v_stay) then
    perform private.sync_refuse('forbidden', 'dorm_absence.return: the resident, the dorm manager or the admin head');
  end if;
  v_back := private.val_date(p_payload, 'returned_on');
  if v_back < v_absence.starts_on then
    perform private.sync_refuse('invalid', 'returned_on: before the absence began');
  end if;
  if v_absence.returned_on is not null then
    if v_absence.returned_on = v_back then
      return '{"status":"duplicate"}'::jsonb;
    end if;
    -- Two returns recorded apart (the resident and the dorm manager offline): the first stands.
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail',
      'dorms.flags.returnedAlready: ' || v_absence.returned_on::text);
  end if;
  update public.dorm_absences a set returned_on = v_back, returned_by = v_uid, returned_at = v_at where a.id = p_entity_id;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_dorm_absence_return(uuid, jsonb) from public, anon, authenticated;
