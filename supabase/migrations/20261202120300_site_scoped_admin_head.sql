-- A site-scoped admin head acts for their site only (issue 8, point 4). Before, any admin head
-- (has_role: at any site) created the company's reward rules and checklist templates, published
-- the company's ledger and set its ranking minimum, and read every audit row (the audit log's
-- policy only asked for the role), including the other site's records that the tables hide.
-- - Company-wide things belong to company-wide roles: authz.has_company_role (a role held with
--   site_id null), as request_settings.update already asked. The four functions below are their
--   latest versions with only the role check changed.
-- - The audit log: company-wide admin heads and executives read it all; a site-scoped one reads
--   the rows of records that the record's own table shows them (its RLS, asked as the reader).

create function authz.has_company_role(p_roles text[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.user_roles r
    where r.user_id = auth.uid() and r.role = any (p_roles) and r.site_id is null and r.deleted_at is null
  );
$$;
revoke execute on function authz.has_company_role(text[]) from public, anon;
grant execute on function authz.has_company_role(text[]) to authenticated;

-- Whether the reader sees the audited record in its own table (security invoker: the table's
-- RLS decides). A table the reader may not read at all, or a record gone, shows nothing.
create function authz.audit_row_visible(p_table text, p_row uuid)
returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  v boolean;
begin
  if pg_catalog.to_regclass(pg_catalog.format('public.%I', p_table)) is null then
    return false;
  end if;
  execute pg_catalog.format('select exists (select 1 from public.%I t where t.id = $1)', p_table) into v using p_row;
  return v;
exception when insufficient_privilege or undefined_column then
  return false;
end;
$$;
revoke execute on function authz.audit_row_visible(text, uuid) from public, anon;
grant execute on function authz.audit_row_visible(text, uuid) to authenticated;

drop policy audit_log_select on public.audit_log;
create policy audit_log_select on public.audit_log for select to authenticated
  using (
    (select authz.has_company_role(array['admin_head', 'executive']))
    or ((select public.has_any_role(array['admin_head', 'executive'])) and authz.audit_row_visible(table_name, row_id))
  );

-- reward_rule.upsert (from 20261127020700_sync_kinds_rewards.sql; only the role check changed)
create or replace function private.sync_apply_reward_rule_upsert(p_entity_id uuid, p_payload jsonb)
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
  if not authz.has_company_role(array['admin_head']) then
    perform private.sync_refuse('forbidden', 'reward_rule.upsert: a company-wide admin head only (this is company-wide)');
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

revoke execute on function private.sync_apply_reward_rule_upsert(uuid, jsonb) from public, anon, authenticated;

-- template.upsert (from 20261127020300_sync_kinds_area_template.sql; only the role check changed)
create or replace function private.sync_apply_template_upsert(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_code text;
  v_version int;
  v_json jsonb;
  v_name_zh text;
  v_name_en text;
  v_active boolean;
  v_old record;
begin
  if not authz.has_company_role(array['admin_head']) then
    perform private.sync_refuse('forbidden', 'template.upsert: a company-wide admin head only (this is company-wide)');
  end if;
  perform private.sync_only_fields(p_payload, array['id', 'code', 'version', 'name_zh', 'name_en', 'sections', 'grading', 'active']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_code := private.val_text(p_payload, 'code', 64);
  if v_code !~ '^[a-z][a-z0-9_]{0,63}$' then
    perform private.sync_refuse('invalid', 'code: a-z, 0-9, _ (starting with a letter)');
  end if;
  v_version := private.val_number(p_payload, 'version', 1, 1000000, true)::int;
  v_name_zh := private.val_text(p_payload, 'name_zh', 100);
  v_name_en := private.val_text(p_payload, 'name_en', 100);
  v_active := coalesce(private.val_bool(p_payload, 'active', '', false), true);
  v_json := private.checklist_template_json(p_payload -> 'sections', p_payload -> 'grading');

  perform 1 from public.checklist_templates t where t.code = v_code and t.version = v_version and t.id <> p_entity_id;
  if found then
    perform private.sync_refuse('invalid', 'version: this code and version already exist; make a new version');
  end if;
  select t.code, t.version, t.name_zh, t.name_en, t.sections, t.grading into v_old
  from public.checklist_templates t where t.id = p_entity_id for update;
  if found then
    if (v_old.code, v_old.version) is distinct from (v_code, v_version) then
      perform private.sync_refuse('invalid', 'code, version: a template version keeps its code and number');
    end if;
    if (v_old.name_zh, v_old.name_en, v_old.sections, v_old.grading)
         is distinct from (v_name_zh, v_name_en, v_json -> 'sections', v_json -> 'grading') then
      perform 1 from public.inspections i where i.template_id = p_entity_id limit 1;
      if found then
        perform private.sync_refuse('invalid', 'template: this version is used by inspections; make a new version');
      end if;
    end if;
  end if;

  insert into public.checklist_templates (id, code, version, name_zh, name_en, sections, grading, active)
  values (p_entity_id, v_code, v_version, v_name_zh, v_name_en, v_json -> 'sections', v_json -> 'grading', v_active)
  on conflict (id) do update
    set name_zh = excluded.name_zh, name_en = excluded.name_en, sections = excluded.sections,
        grading = excluded.grading, active = excluded.active, deleted_at = null;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_template_upsert(uuid, jsonb) from public, anon, authenticated;

-- ledger.publish (from 20261202020400_ledger_publications.sql; only the role check changed)
create or replace function private.sync_apply_ledger_publish(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_pub uuid;
  v_period text;
  v_corrects uuid;
  v_to timestamptz;
  v_known record;
  v_latest uuid;
  v_expected jsonb;
  v_exp jsonb;
  v_entry jsonb;
  v_rule record;
  v_id uuid;
  v_subject_type text;
  v_subject uuid;
  v_points int;
  v_value numeric;
  v_inspections uuid[];
  v_existing record;
  v_ids uuid[] := '{}';
  v_ok boolean;
  v_n int;
  w text;
  i int;
begin
  if not authz.has_company_role(array['admin_head']) then
    perform private.sync_refuse('forbidden', 'ledger.publish: a company-wide admin head only (this is company-wide)');
  end if;
  perform private.sync_only_fields(p_payload, array['publication_id', 'period_key', 'corrects', 'entries']);
  v_pub := private.val_uuid(p_payload, 'publication_id');
  v_period := private.val_text(p_payload, 'period_key', 8);
  if v_period !~ '^[0-9]{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4][0-9]|5[0-3]))$' then
    perform private.sync_refuse('invalid', 'period_key: YYYY-MM or YYYY-Www');
  end if;
  v_corrects := private.val_uuid(p_payload, 'corrects', '', false);
  if pg_catalog.jsonb_typeof(p_payload -> 'entries') is distinct from 'array' then
    perform private.sync_refuse('invalid', 'entries: an array of up to 1000 entries');
  end if;
  v_n := pg_catalog.jsonb_array_length(p_payload -> 'entries');
  if v_n > 1000 or (v_n = 0 and v_corrects is null) then
    perform private.sync_refuse('invalid', 'entries: 1 to 1000 entries (none only in a correction)');
  end if;
  select b.p_to into v_to from private.period_bounds(v_period) b;
  if v_to > pg_catalog.now() then
    perform private.sync_refuse('invalid', pg_catalog.format('period_key: %s has not ended (it ends %s)', v_period, v_to));
  end if;

  -- The publication: a later batch of a known one, or a new one that corrects the latest.
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('ledger.publish:' || v_period));
  select p.period_key, p.corrects into v_known from private.ledger_publications p where p.id = v_pub;
  if found then
    if (v_known.period_key, v_known.corrects) is distinct from (v_period, v_corrects) then
      perform private.sync_refuse('invalid', 'publication_id: already used for another period or correction');
    end if;
  else
    select p.id into v_latest from private.ledger_publications p
    where p.period_key = v_period and not exists (select 1 from private.ledger_publications q where q.corrects = p.id);
    if v_latest is distinct from v_corrects then
      if v_corrects is null then
        perform private.sync_refuse('invalid', pg_catalog.format(
          'corrects: %s is already published (publication %s): publish a correction of it', v_period, v_latest));
      end if;
      perform private.sync_refuse('invalid', pg_catalog.format(
        'corrects: not the latest publication of %s (that is %s)', v_period, coalesce(v_latest::text, 'none')));
    end if;
    insert into private.ledger_publications (id, period_key, corrects, published_by) values (v_pub, v_period, v_corrects, v_uid);
    update public.ledger_entries l set superseded_by = v_pub
    where l.publication_id = v_latest and l.superseded_by is null and l.deleted_at is null;
  end if;

  select coalesce(pg_catalog.jsonb_object_agg(x.rule_id::text || '|' || x.subject_type || '|' || x.subject_id::text,
           pg_catalog.jsonb_build_object('points', x.points, 'value', x.value, 'ids', pg_catalog.to_jsonb(x.inspection_ids))),
         '{}'::jsonb)
  into v_expected from private.ledger_expected(v_period) x;

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
    select r.id, r.scope, r.period, r.points into v_rule from public.reward_rules r
    where r.id = private.val_uuid(v_entry, 'rule_id', w) and r.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', w || 'rule_id: no such rule');
    end if;
    if private.val_text(v_entry, 'period_key', 8, w) <> v_period then
      perform private.sync_refuse('invalid', w || 'period_key: must be the publication''s (' || v_period || ')');
    end if;
    v_ok := case v_rule.period when 'month' then v_period !~ 'W' else v_period ~ 'W' end;
    if not v_ok then
      perform private.sync_refuse('invalid', w || 'period_key: ' ||
        case v_rule.period when 'month' then 'YYYY-MM for a monthly rule' else 'YYYY-Www for a weekly rule' end);
    end if;
    v_subject_type := private.val_enum(v_entry, 'subject_type', array['area', 'department', 'person'], w);
    if v_subject_type <> v_rule.scope then
      perform private.sync_refuse('invalid', w || 'subject_type: must be the rule''s scope (' || v_rule.scope || ')');
    end if;
    v_subject := private.val_uuid(v_entry, 'subject_id', w);
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

    -- What the rules give for this rule and subject, recomputed here.
    v_exp := v_expected -> (v_rule.id::text || '|' || v_subject_type || '|' || v_subject::text);
    if v_exp is null then
      perform private.sync_refuse('invalid', w || 'subject_id: the rule gives this subject no entry for '
        || v_period || ' (recomputed from the inspections)');
    end if;
    if v_points <> (v_exp ->> 'points')::int then
      perform private.sync_refuse('invalid', pg_catalog.format('%spoints: %s, the rule gives %s', w, v_points, v_exp ->> 'points'));
    end if;
    if v_value is distinct from (v_exp ->> 'value')::numeric then
      perform private.sync_refuse('invalid', pg_catalog.format('%svalue: %s, the inspections give %s', w,
        coalesce(v_value::text, 'null'), v_exp ->> 'value'));
    end if;
    if (select coalesce(pg_catalog.array_agg(x order by x), '{}') from pg_catalog.unnest(v_inspections) x)
       is distinct from
       (select coalesce(pg_catalog.array_agg(x::uuid order by x::uuid), '{}') from pg_catalog.jsonb_array_elements_text(v_exp -> 'ids') x) then
      perform private.sync_refuse('invalid', w || 'inspection_ids: not the inspections behind the figure');
    end if;

    select l.rule_id, l.period_key, l.subject_type, l.subject_id, l.points, l.value, l.inspection_ids, l.publication_id
    into v_existing from public.ledger_entries l where l.id = v_id;
    if found then
      if (v_existing.rule_id, v_existing.period_key, v_existing.subject_type, v_existing.subject_id, v_existing.points,
          v_existing.value, v_existing.inspection_ids, v_existing.publication_id)
         is distinct from (v_rule.id, v_period, v_subject_type, v_subject, v_points, v_value, v_inspections, v_pub) then
        perform private.sync_refuse('invalid', w || 'id: a different entry was already published with this id');
      end if;
      continue;
    end if;
    perform 1 from public.ledger_entries l
    where l.rule_id = v_rule.id and l.period_key = v_period and l.subject_type = v_subject_type
      and l.subject_id = v_subject and l.deleted_at is null and l.superseded_by is null;
    if found then
      perform private.sync_refuse('invalid', w || 'already published for this rule, period and subject');
    end if;
    insert into public.ledger_entries (id, rule_id, period_key, subject_type, subject_id, points, value,
      inspection_ids, published_by, publication_id, corrects_publication_id)
    values (v_id, v_rule.id, v_period, v_subject_type, v_subject, v_points, v_value, v_inspections, v_uid,
      v_pub, v_corrects);
  end loop;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.sync_apply_ledger_publish(uuid, jsonb) from public, anon, authenticated;

-- ranking_settings.update (from 20261202020200_ranking_minimum.sql; only the role check changed)
create or replace function private.sync_apply_ranking_settings_update(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_week int;
  v_month int;
begin
  if not authz.has_company_role(array['admin_head']) then
    perform private.sync_refuse('forbidden', 'ranking_settings.update: a company-wide admin head only (this is company-wide)');
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
