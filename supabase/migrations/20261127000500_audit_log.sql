-- Who changed what. Filled by triggers on every business table, so no write
-- path (RPC, dashboard, migration) escapes it. op_id links a row to the sync op.

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  -- null for writes made outside a user session (migrations, seed, service).
  actor uuid,
  table_name text not null,
  row_id uuid not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  old_row jsonb,
  new_row jsonb,
  op_id uuid
);
create index audit_log_table_row_idx on public.audit_log (table_name, row_id);
create index audit_log_op_id_idx on public.audit_log (op_id) where op_id is not null;
create index audit_log_actor_idx on public.audit_log (actor, at);

create function private.tg_audit_row()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then pg_catalog.to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then pg_catalog.to_jsonb(new) end;
begin
  insert into public.audit_log (actor, table_name, row_id, action, old_row, new_row, op_id)
  values (
    auth.uid(),
    tg_table_name,
    (coalesce(v_new, v_old) ->> 'id')::uuid,
    pg_catalog.lower(tg_op),
    v_old,
    v_new,
    nullif(pg_catalog.current_setting('app.op_id', true), '')::uuid
  );
  return null;
end;
$$;

revoke execute on function private.tg_audit_row() from public, anon, authenticated;

create trigger audit_row after insert or update or delete on public.company
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.sites
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.departments
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.profiles
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.user_roles
  for each row execute function private.tg_audit_row();

alter table public.audit_log enable row level security;

create policy audit_log_select on public.audit_log for select to authenticated
  using ((select public.has_any_role(array['admin_head', 'executive'])));
