-- Op kinds reward_rule.upsert and ledger.publish (卫生奖惩). The client computes the
-- ledger from the rules and the scores; the server checks and records what is published.

-- reward_rule.upsert, entity_id = the rule's id:
--   { name, scope: 'area'|'department'|'person', period: 'week'|'month',
--     kind: 'average_below'|'average_at_least'|'top_rank'|'bottom_rank',
--     threshold: 0..100 (average kinds, else null/absent), rank_n: 1..100 (rank kinds, else null/absent),
--     points: integer -1000..1000, not 0 (positive = reward), active?: boolean (default true), id? }
-- The admin head only (rules are company-wide).
create function private.sync_apply_reward_rule_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_kind text;
  v_threshold numeric;
  v_rank int;
  v_points int;
begin
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'reward_rule.upsert: admin_head only');
  end if;
  perform private.sync_only_fields(p_payload, array['id', 'name', 'scope', 'period', 'kind', 'threshold', 'rank_n', 'points', 'active']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_kind := private.val_enum(p_payload, 'kind', array['average_below', 'average_at_least', 'top_rank', 'bottom_rank']);
  v_threshold := private.val_number(p_payload, 'threshold', 0, 100, false, '', false);
  v_rank := private.val_number(p_payload, 'rank_n', 1, 100, true, '', false)::int;
  if v_kind in ('average_below', 'average_at_least') then
    if v_threshold is null then
      perform private.sync_refuse('invalid', 'threshold: required for ' || v_kind);
    end if;
    if v_rank is not null then
      perform private.sync_refuse('invalid', 'rank_n: only for rank rules');
    end if;
  else
    if v_rank is null then
      perform private.sync_refuse('invalid', 'rank_n: required for ' || v_kind);
    end if;
    if v_threshold is not null then
      perform private.sync_refuse('invalid', 'threshold: only for average rules');
    end if;
  end if;
  v_points := private.val_number(p_payload, 'points', -1000, 1000, true)::int;
  if v_points = 0 then
    perform private.sync_refuse('invalid', 'points: not 0 (positive = reward, negative = penalty)');
  end if;

  insert into public.reward_rules (id, name, scope, period, kind, threshold, rank_n, points, active)
  values (
    p_entity_id,
    private.val_text(p_payload, 'name', 100),
    private.val_enum(p_payload, 'scope', array['area', 'department', 'person']),
    private.val_enum(p_payload, 'period', array['week', 'month']),
    v_kind, v_threshold, v_rank, v_points,
    coalesce(private.val_bool(p_payload, 'active', '', false), true))
  on conflict (id) do update
    set name = excluded.name, scope = excluded.scope, period = excluded.period, kind = excluded.kind,
        threshold = excluded.threshold, rank_n = excluded.rank_n, points = excluded.points,
        active = excluded.active, deleted_at = null;
  return '{}'::jsonb;
end;
$$;

-- ledger.publish, entity_id = any id for the batch (e.g. a fresh UUID):
--   { entries: [{ id, rule_id, period_key: 'YYYY-MM' (month rules) | 'YYYY-Www' (week rules),
--                 subject_type (= the rule's scope), subject_id, points: integer, value?: number|null,
--                 inspection_ids?: uuid[] }] (1..1000) }
-- The admin head only. published_by = the caller, published_at = server time. Idempotent
-- by entry id: an entry already published as sent is skipped; one with its id but other
-- content, or a second entry for the same rule, period and subject, is refused.
create function private.sync_apply_ledger_publish(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_entry jsonb;
  v_rule record;
  v_id uuid;
  v_subject_type text;
  v_subject uuid;
  v_period text;
  v_points int;
  v_value numeric;
  v_inspections uuid[];
  v_existing record;
  v_ids uuid[] := '{}';
  v_ok boolean;
  w text;
  i int;
begin
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'ledger.publish: admin_head only');
  end if;
  perform private.sync_only_fields(p_payload, array['entries']);
  if pg_catalog.jsonb_typeof(p_payload -> 'entries') is distinct from 'array'
     or pg_catalog.jsonb_array_length(p_payload -> 'entries') not between 1 and 1000 then
    perform private.sync_refuse('invalid', 'entries: 1 to 1000 entries');
  end if;
  for v_entry, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_payload -> 'entries') with ordinality e (value, n) loop
    w := pg_catalog.format('entries[%s].', i);
    if pg_catalog.jsonb_typeof(v_entry) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('entries[%s]: must be an object', i));
    end if;
    perform private.sync_only_fields(v_entry, array['id', 'rule_id', 'period_key', 'subject_type', 'subject_id',
      'points', 'value', 'inspection_ids', 'published_by', 'published_at']);
    if v_entry ? 'published_by' and private.val_uuid(v_entry, 'published_by', w, false) is distinct from v_uid then
      perform private.sync_refuse('forbidden', w || 'published_by: you publish as yourself');
    end if;
    v_id := private.val_uuid(v_entry, 'id', w);
    if v_id = any (v_ids) then
      perform private.sync_refuse('invalid', w || 'id: used twice');
    end if;
    v_ids := v_ids || v_id;
    select r.id, r.scope, r.period into v_rule from public.reward_rules r
    where r.id = private.val_uuid(v_entry, 'rule_id', w) and r.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', w || 'rule_id: no such rule');
    end if;
    v_period := private.val_text(v_entry, 'period_key', 8, w);
    -- (A CASE inside IF would end the condition at its first THEN.)
    v_ok := case v_rule.period when 'month' then v_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
                               else v_period ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$' end;
    if not v_ok then
      perform private.sync_refuse('invalid', w || 'period_key: ' ||
        case v_rule.period when 'month' then 'YYYY-MM for a monthly rule' else 'YYYY-Www for a weekly rule' end);
    end if;
    v_subject_type := private.val_enum(v_entry, 'subject_type', array['area', 'department', 'person'], w);
    if v_subject_type <> v_rule.scope then
      perform private.sync_refuse('invalid', w || 'subject_type: must be the rule''s scope (' || v_rule.scope || ')');
    end if;
    v_subject := private.val_uuid(v_entry, 'subject_id', w);
    v_ok := case v_subject_type
         when 'area' then exists (select 1 from public.areas a where a.id = v_subject)
         when 'department' then exists (select 1 from public.departments d where d.id = v_subject)
         else exists (select 1 from public.profiles p where p.id = v_subject) end;
    if not v_ok then
      perform private.sync_refuse('not_found', w || 'subject_id: no such ' || v_subject_type);
    end if;
    v_points := private.val_number(v_entry, 'points', -1000, 1000, true, w)::int;
    v_value := private.val_number(v_entry, 'value', -1000000, 1000000, false, w, false);
    if v_entry ? 'inspection_ids' and pg_catalog.jsonb_typeof(v_entry -> 'inspection_ids') <> 'null' then
      if pg_catalog.jsonb_typeof(v_entry -> 'inspection_ids') <> 'array'
         or pg_catalog.jsonb_array_length(v_entry -> 'inspection_ids') > 10000
         or exists (select 1 from pg_catalog.jsonb_array_elements(v_entry -> 'inspection_ids') x
                    where pg_catalog.jsonb_typeof(x) <> 'string'
                       or (x #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
        perform private.sync_refuse('invalid', w || 'inspection_ids: UUIDs');
      end if;
      select coalesce(pg_catalog.array_agg(x::uuid order by n), '{}') into v_inspections
      from pg_catalog.jsonb_array_elements_text(v_entry -> 'inspection_ids') with ordinality t (x, n);
    else
      v_inspections := '{}';
    end if;
    -- Each entry traces back to real inspections.
    if exists (select 1 from pg_catalog.unnest(v_inspections) x (id)
               where not exists (select 1 from public.inspections ins where ins.id = x.id)) then
      perform private.sync_refuse('not_found', w || 'inspection_ids: no such inspection');
    end if;

    select l.rule_id, l.period_key, l.subject_type, l.subject_id, l.points, l.value, l.inspection_ids into v_existing
    from public.ledger_entries l where l.id = v_id;
    if found then
      if (v_existing.rule_id, v_existing.period_key, v_existing.subject_type, v_existing.subject_id, v_existing.points,
          v_existing.value, v_existing.inspection_ids)
         is distinct from (v_rule.id, v_period, v_subject_type, v_subject, v_points, v_value, v_inspections) then
        perform private.sync_refuse('invalid', w || 'id: a different entry was already published with this id');
      end if;
      continue;
    end if;
    perform 1 from public.ledger_entries l
    where l.rule_id = v_rule.id and l.period_key = v_period and l.subject_type = v_subject_type
      and l.subject_id = v_subject and l.deleted_at is null;
    if found then
      perform private.sync_refuse('invalid', w || 'already published for this rule, period and subject');
    end if;
    insert into public.ledger_entries (id, rule_id, period_key, subject_type, subject_id, points, value,
      inspection_ids, published_by)
    values (v_id, v_rule.id, v_period, v_subject_type, v_subject, v_points, v_value, v_inspections, v_uid);
  end loop;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_reward_rule_upsert(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_ledger_publish(uuid, jsonb) from public, anon, authenticated;
