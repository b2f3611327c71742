-- The fewest inspections a subject needs in a period to be ranked (issue #12 point 4), set by
-- the admin head, per period kind; below it a subject is "not ranked" and no reward rule
-- applies to it (src/features/inspections/domain/rankings.ts; ledger.publish recomputes the
-- same). On the company row, which every device already pulls.
alter table public.company
  add column rank_min_week int not null default 1 check (rank_min_week between 1 and 100),
  add column rank_min_month int not null default 1 check (rank_min_month between 1 and 100);

-- ranking_settings.update, entity_id = the company's id:
--   { rank_min_week?: 1..100, rank_min_month?: 1..100 } (fields left out keep their value)
-- The admin head only (rankings are company-wide).
create function private.sync_apply_ranking_settings_update(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_week int;
  v_month int;
begin
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'ranking_settings.update: admin_head only');
  end if;
  perform private.sync_only_fields(p_payload, array['rank_min_week', 'rank_min_month']);
  v_week := private.val_number(p_payload, 'rank_min_week', 1, 100, true, '', false)::int;
  v_month := private.val_number(p_payload, 'rank_min_month', 1, 100, true, '', false)::int;
  update public.company c
  set rank_min_week = coalesce(v_week, c.rank_min_week),
      rank_min_month = coalesce(v_month, c.rank_min_month)
  where c.id = p_entity_id and c.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'entity_id: no such company');
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_ranking_settings_update(uuid, jsonb) from public, anon, authenticated;
