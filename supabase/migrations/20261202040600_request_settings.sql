-- Op request_settings.update (entity = the company): the amount above which an application also needs
-- the admin head, then the executive. A company-wide setting: a company-wide admin head or the executive.
create function private.sync_apply_request_settings_update(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_threshold numeric;
begin
  perform private.sync_only_fields(p_payload, array['approval_amount_threshold']);
  v_threshold := private.val_number(p_payload, 'approval_amount_threshold', 0, 100000000, false);
  if v_threshold <> pg_catalog.round(v_threshold, 2) then
    perform private.sync_refuse('invalid', 'approval_amount_threshold: at most two decimals');
  end if;
  if not exists (
    select 1 from public.user_roles r
    where r.user_id = auth.uid() and r.deleted_at is null and r.site_id is null and r.role in ('admin_head', 'executive')
  ) then
    perform private.sync_refuse('forbidden', 'request_settings.update: a company-wide admin head or the executive');
  end if;
  update public.company c set approval_amount_threshold = v_threshold where c.id = p_entity_id and c.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'company: no such company');
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_request_settings_update(uuid, jsonb) from public, anon, authenticated;
