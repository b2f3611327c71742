-- The 卫生奖惩 ledger (issue #12 point 5): only a period that has ended is published; a
-- correction is a new publication linked to the one it corrects; the server recomputes every
-- entry from the rules and the inspections and refuses one that does not match.
--
-- The recomputation is the device's, in SQL (src/features/inspections/domain/rankings.ts and
-- rewards.ts; change both together):
-- - the period's live, scored inspections (server_score, else score), in the company zone;
-- - per subject: area; the area's department now; the person responsible at the time
--   (inspections.responsible_id, else the area's person now);
-- - average in tenths, half-up; fewer inspections than the company's minimum: not ranked,
--   no entry; a subject with a critical failure ranks after the clean ones (competition
--   ranks, ties share) and gets no reward (positive points); bottom ranks count from the end;
-- - active, undeleted rules of the period kind: average_below (<), average_at_least (>=),
--   top_rank / bottom_rank (<= rank_n). The entry: the rule's points, the average, the
--   inspections behind it (compared as a set).

-- One row per publication (server-only: devices see publications through their entries).
create table private.ledger_publications (
  id uuid primary key,
  period_key text not null check (period_key ~ '^[0-9]{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4][0-9]|5[0-3]))$'),
  -- The publication this one corrects (null: the period's first).
  corrects uuid unique references private.ledger_publications (id),
  published_by uuid not null references public.profiles (id),
  published_at timestamptz not null default now()
);
-- One first publication per period; each publication corrected at most once: a chain.
create unique index ledger_publications_first_key on private.ledger_publications (period_key) where corrects is null;
alter table private.ledger_publications enable row level security;
revoke all on private.ledger_publications from public, anon, authenticated;

alter table public.ledger_entries
  add column publication_id uuid,
  add column corrects_publication_id uuid,
  -- The publication that replaced this entry (the period's ledger is the entries without it).
  add column superseded_by uuid;

-- Entries published before: one publication per period.
insert into private.ledger_publications (id, period_key, published_by, published_at)
select distinct on (l.period_key) pg_catalog.md5('ledger-legacy:' || l.period_key)::uuid, l.period_key, l.published_by, l.published_at
from public.ledger_entries l
order by l.period_key, l.published_at;
update public.ledger_entries l set publication_id = pg_catalog.md5('ledger-legacy:' || l.period_key)::uuid;
alter table public.ledger_entries alter column publication_id set not null;

drop index public.ledger_entries_rule_period_subject_key;
create unique index ledger_entries_rule_period_subject_key on public.ledger_entries (rule_id, period_key, subject_type, subject_id)
  where deleted_at is null and superseded_by is null;
create index ledger_entries_publication_idx on public.ledger_entries (publication_id);

-- The company's zone (default Asia/Shanghai).
create function private.company_zone()
returns text
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select c.timezone from public.company c where c.deleted_at is null order by c.created_at limit 1),
    'Asia/Shanghai');
$$;

-- [p_from, p_to) of a period key ('YYYY-MM' or ISO week 'YYYY-Www') in the company zone.
create function private.period_bounds(p_key text, out p_from timestamptz, out p_to timestamptz)
language plpgsql stable
set search_path = ''
as $$
declare
  v_start date;
  v_end date;
begin
  if p_key ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' then
    v_start := pg_catalog.to_date(p_key || '-01', 'YYYY-MM-DD');
    v_end := (v_start + interval '1 month')::date;
  elsif p_key ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$' then
    v_start := pg_catalog.to_date(p_key, 'IYYY-"W"IW');
    v_end := v_start + 7;
  else
    raise exception 'period_bounds: % is not a period key', p_key using errcode = '22023';
  end if;
  p_from := v_start::timestamp at time zone private.company_zone();
  p_to := v_end::timestamp at time zone private.company_zone();
end;
$$;

-- What the rules give for a period, as the device's evaluateRules does.
create function private.ledger_expected(p_period_key text)
returns table (rule_id uuid, subject_type text, subject_id uuid, points int, value numeric, inspection_ids uuid[])
language sql stable
set search_path = ''
as $$
  with b as (select * from private.period_bounds(p_period_key)),
  k as (select case when p_period_key like '%W%' then 'week' else 'month' end as kind),
  m as (
    select greatest(1, coalesce((
      select case (select k.kind from k) when 'week' then c.rank_min_week else c.rank_min_month end
      from public.company c where c.deleted_at is null order by c.created_at limit 1), 1)) as min_count
  ),
  ins as (
    select i.id, pg_catalog.round(coalesce(i.server_score, i.score) * 10)::bigint as tenths, i.critical_failed,
           i.area_id, a.department_id, coalesce(i.responsible_id, a.responsible_id) as person
    from public.inspections i
    cross join b
    left join public.areas a on a.id = i.area_id
    where i.deleted_at is null and coalesce(i.server_score, i.score) is not null
      and i.submitted_at >= b.p_from and i.submitted_at < b.p_to
  ),
  subj as (
    select 'area'::text as st, ins.area_id as sid, ins.id, ins.tenths, ins.critical_failed from ins
    union all
    select 'department', ins.department_id, ins.id, ins.tenths, ins.critical_failed from ins where ins.department_id is not null
    union all
    select 'person', ins.person, ins.id, ins.tenths, ins.critical_failed from ins where ins.person is not null
  ),
  agg as (
    select subj.st, subj.sid, count(*) as n, sum(subj.tenths) as s,
           count(*) filter (where subj.critical_failed) as crit,
           pg_catalog.array_agg(subj.id order by subj.id) as ids
    from subj group by subj.st, subj.sid
  ),
  ranked as (
    select agg.st, agg.sid, agg.crit, agg.ids,
           pg_catalog.floor((2 * agg.s + agg.n)::numeric / (2 * agg.n))::bigint as avg_tenths
    from agg cross join m where agg.n >= m.min_count
  ),
  placed as (
    select ranked.*,
           rank() over (partition by ranked.st order by (ranked.crit > 0), ranked.avg_tenths desc) as top_place,
           rank() over (partition by ranked.st order by (ranked.crit > 0) desc, ranked.avg_tenths) as bottom_place
    from ranked
  )
  select r.id, p.st, p.sid, r.points, p.avg_tenths / 10.0, p.ids
  from placed p
  join public.reward_rules r on r.scope = p.st and r.active and r.deleted_at is null
  cross join k
  where r.period = k.kind
    and not (r.points > 0 and p.crit > 0)
    and case r.kind
          when 'average_below' then p.avg_tenths < r.threshold * 10
          when 'average_at_least' then p.avg_tenths >= r.threshold * 10
          when 'top_rank' then p.top_place <= r.rank_n
          else p.bottom_place <= r.rank_n
        end;
$$;

-- ledger.publish, entity_id = any id for the op (a fresh UUID per batch):
--   { publication_id, period_key, corrects: uuid|null (the publication this corrects; null for
--     the period's first), entries: [{ id, rule_id, period_key (= the op's), subject_type (= the
--     rule's scope), subject_id, points, value, inspection_ids }] (0..1000; 0 only in a correction) }
-- The admin head only. The period must have ended (company zone). A publication of more than
-- 1,000 entries travels as several ops with one publication_id. A new publication must correct
-- the period's latest one (none for the first): its entries then replace the corrected ones
-- (superseded_by). Each entry must be what the rules give now (ledger_expected), else the op is
-- refused with what the server found. Idempotent by entry id.
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
  if not public.has_role('admin_head') then
    perform private.sync_refuse('forbidden', 'ledger.publish: admin_head only');
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

revoke execute on function private.company_zone() from public, anon, authenticated;
revoke execute on function private.period_bounds(text) from public, anon, authenticated;
revoke execute on function private.ledger_expected(text) from public, anon, authenticated;
revoke execute on function private.sync_apply_ledger_publish(uuid, jsonb) from public, anon, authenticated;
