-- 用印申请 → 用印登记: each register line says which approved application it carried out, or why
-- there was none (an emergency reason). One row per register line (id = seal_usages.id), written by
-- op seal_usage.link right after seal_usage.record, in the same device transaction. Append-only like
-- the register. The application is marked carried out (requests.fulfilled_at) by its first line.
-- Kept, never refused: a line linked to an application that is not an approved seal use, or stamped
-- with a seal that is retired, lost or out with someone, is flagged for the admin head.

create table public.seal_usage_requests (
  id uuid primary key references public.seal_usages (id),
  request_id uuid references public.requests (id),
  emergency_reason text check (char_length(btrim(emergency_reason)) between 1 and 500),
  -- requests.flags.* style keys: why the admin head should look.
  flag text check (flag in ('seals.flags.noApplication', 'seals.flags.applicationNotApproved', 'seals.flags.sealUnavailable')),
  linked_by uuid not null references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (request_id is not null or emergency_reason is not null)
);
create index seal_usage_requests_request_idx on public.seal_usage_requests (request_id);
create index seal_usage_requests_linked_by_idx on public.seal_usage_requests (linked_by);
create index seal_usage_requests_row_xid_idx on public.seal_usage_requests (row_xid, id);

create trigger seal_usage_requests_append_only before update or delete on public.seal_usage_requests
  for each row execute function private.tg_append_only();
create trigger stamp_sync_row before insert or update on public.seal_usage_requests
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.seal_usage_requests
  for each row execute function private.tg_audit_row();
alter table public.seal_usage_requests enable row level security;
-- Whoever reads the register line reads its link.
create policy seal_usage_requests_select on public.seal_usage_requests for select to authenticated
  using (exists (select 1 from public.seal_usages u where u.id = seal_usage_requests.id));
grant select on public.seal_usage_requests to authenticated;
insert into private.synced_tables (name) values ('seal_usage_requests');

create function private.sync_apply_seal_usage_link(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_usage public.seal_usages;
  v_request public.requests;
  v_request_id uuid;
  v_reason text;
  v_status text;
  v_flag text;
begin
  perform private.sync_only_fields(p_payload, array['request_id', 'emergency_reason']);
  v_request_id := private.val_uuid(p_payload, 'request_id', '', false);
  v_reason := private.val_text(p_payload, 'emergency_reason', 500, '', v_request_id is null);
  select * into v_usage from public.seal_usages u where u.id = p_entity_id;
  if not found then
    perform private.sync_refuse('not_found', 'seal usage: no such register line (push seal_usage.record first)');
  end if;
  if v_usage.recorded_by <> v_uid then
    perform private.sync_refuse('forbidden', 'seal_usage.link: only who recorded the line');
  end if;
  if exists (select 1 from public.seal_usage_requests l where l.id = p_entity_id) then
    if exists (select 1 from public.seal_usage_requests l where l.id = p_entity_id
               and l.request_id is not distinct from v_request_id and l.emergency_reason is not distinct from v_reason) then
      return '{}'::jsonb;
    end if;
    perform private.sync_refuse('invalid', 'seal usage: already linked otherwise');
  end if;

  if v_request_id is null then
    v_flag := 'seals.flags.noApplication';
  else
    select * into v_request from public.requests r where r.id = v_request_id for update;
    if not found then
      perform private.sync_refuse('not_found', 'request_id: no such application');
    end if;
    if v_request.type <> 'seal_use' or v_request.status <> 'approved' then
      v_flag := 'seals.flags.applicationNotApproved';
    elsif v_request.fulfilled_at is null then
      update public.requests r set fulfilled_at = v_usage.used_at, fulfilled_by = v_uid where r.id = v_request_id;
    end if;
  end if;
  -- Stamped here with a seal that is not in its cabinet (retired, lost, out with someone).
  if v_usage.mode = 'stamp_here' then
    select a.status into v_status from public.assets a where a.id = v_usage.seal_id;
    if v_status is distinct from 'in_stock' then
      v_flag := coalesce(v_flag, 'seals.flags.sealUnavailable');
    end if;
  end if;

  insert into public.seal_usage_requests (id, request_id, emergency_reason, flag, linked_by)
  values (p_entity_id, v_request_id, v_reason, v_flag, v_uid);
  -- No application is a matter for the admin head's review, not a conflict: applied, marked on the line.
  if v_flag is not null and v_flag <> 'seals.flags.noApplication' then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', v_flag);
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_seal_usage_link(uuid, jsonb) from public, anon, authenticated;
