-- KPIs (issue 14), part 3: targets (目标值). The seed gives 100% for some indicators and leaves
-- others blank ("_%": the company sets it); the admin head sets or changes them. Every change is
-- a new row with who and when (the history is the table; the latest row per KPI is in force, a
-- row with target null returns to the seed's). src/features/kpis/domain/targets.ts is the twin.
-- Op kpi_target.set (entity = the new row): { kpi, target (0..100, two decimals, or null), note? }.

-- The catalogue's codes (KPI_CODES in src/features/kpis/domain/catalogue.ts; tests/db/kpis.test.ts
-- checks both lists agree).
create function private.kpi_codes()
returns text[]
language sql immutable
set search_path = ''
as $$
  select array['affairs_on_time', 'affairs_summary_on_time', 'affairs_score', 'follow_up_reminder_on_time',
    'follow_up_first_success', 'rectification_on_time', 'inspection_score', 'seal_request_first_pass',
    'licence_request_first_pass', 'seal_use_first_pass', 'approval_on_time', 'seal_returned_on_time',
    'licence_returned_on_time'];
$$;
revoke execute on function private.kpi_codes() from public, anon, authenticated;

create table public.kpi_targets (
  id uuid primary key,
  kpi text not null check (kpi = any (private.kpi_codes())),
  target numeric(5, 2) check (target between 0 and 100),
  note text check (char_length(note) <= 200),
  set_by uuid not null references public.profiles (id),
  set_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index kpi_targets_kpi_idx on public.kpi_targets (kpi, set_at);
create index kpi_targets_row_xid_idx on public.kpi_targets (row_xid, id);

create trigger stamp_sync_row before insert or update on public.kpi_targets
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.kpi_targets
  for each row execute function private.tg_audit_row();
-- History is never rewritten.
create trigger kpi_targets_no_truncate before truncate on public.kpi_targets
  for each statement execute function private.tg_append_only();

alter table public.kpi_targets enable row level security;
-- Targets are the company's published standard: every signed-in user reads them.
create policy kpi_targets_select on public.kpi_targets for select to authenticated
  using ((select auth.uid()) is not null);
revoke all on public.kpi_targets from anon, authenticated;
grant select on public.kpi_targets to authenticated;

create function private.sync_apply_kpi_target_set(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_kpi text;
  v_target numeric;
  v_note text;
begin
  perform private.sync_only_fields(p_payload, array['kpi', 'target', 'note']);
  v_kpi := private.val_enum(p_payload, 'kpi', private.kpi_codes());
  if not (p_payload ? 'target') then
    perform private.sync_refuse('invalid', 'target: required (a number, or null for the seed''s)');
  end if;
  v_target := private.val_number(p_payload, 'target', 0, 100, false, '', false);
  if v_target is not null and v_target <> pg_catalog.round(v_target, 2) then
    perform private.sync_refuse('invalid', 'target: at most two decimals');
  end if;
  v_note := private.val_text(p_payload, 'note', 200, '', false);
  if not exists (
    select 1 from public.user_roles r where r.user_id = auth.uid() and r.deleted_at is null and r.role = 'admin_head'
  ) then
    perform private.sync_refuse('forbidden', 'kpi_target.set: the admin head');
  end if;
  insert into public.kpi_targets (id, kpi, target, note, set_by)
  values (p_entity_id, v_kpi, v_target, v_note, auth.uid())
  on conflict (id) do nothing;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_kpi_target_set(uuid, jsonb) from public, anon, authenticated;

insert into private.synced_tables (name) values ('kpi_targets');
