-- The checklists engine's tables (issue 4): areas with QR labels, versioned checklist
-- templates, inspections (append-only facts, scored in SQL), cleaners' rounds
-- (保洁记录) with their remote reviews, rectifications (整改) with their fix/verify
-- facts, reward rules and the published reward/penalty ledger (卫生奖惩).
-- Column names of the synced tables match src/platform/db/rows.ts. Written only by
-- the sync op kinds of the later migrations; clients read through RLS.

create table public.areas (
  id uuid primary key,
  site_id uuid not null references public.sites (id),
  -- '' where the level does not apply (a lawn has no floor).
  building text not null default '' check (char_length(building) <= 60 and building = btrim(building)),
  floor text not null default '' check (char_length(floor) <= 20 and floor = btrim(floor)),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  area_type text not null check (area_type in (
    'office', 'washroom', 'canteen', 'corridor', 'stairwell', 'dormitory', 'outdoor',
    'green_belt', 'lawn', 'trees_shrubs'
  )),
  responsible_id uuid references public.profiles (id) on delete set null,
  department_id uuid references public.departments (id),
  frequency text not null check (frequency in ('daily', 'weekly', 'monthly')),
  -- The template family (checklist_templates.code) that inspects it.
  template_code text not null check (template_code ~ '^[a-z][a-z0-9_]{0,63}$'),
  -- Same token format as asset labels; one token names one thing.
  label_token text unique check (label_token is null or private.is_label_token(label_token)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
create index areas_site_id_idx on public.areas (site_id);
create index areas_responsible_id_idx on public.areas (responsible_id) where responsible_id is not null;
create index areas_row_xid_idx on public.areas (row_xid, id);

-- One version of a template. A new version is a new row; a version an inspection
-- used never changes (template.upsert refuses), so old scores stay explainable.
create table public.checklist_templates (
  id uuid primary key,
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,63}$'),
  version int not null check (version between 1 and 1000000),
  name_zh text not null check (char_length(btrim(name_zh)) between 1 and 100),
  name_en text not null check (char_length(btrim(name_en)) between 1 and 100),
  sections jsonb not null check (jsonb_typeof(sections) = 'array'),
  grading jsonb not null check (jsonb_typeof(grading) = 'object'),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  unique (code, version)
);
create index checklist_templates_row_xid_idx on public.checklist_templates (row_xid, id);

-- The facts. Append-only (trigger below): a submitted inspection never changes.
-- score/grade are the device's; server_score/server_grade/critical_failed are
-- computed by private.checklist_score in the transaction that records it.
create table public.inspections (
  id uuid primary key,
  area_id uuid not null references public.areas (id),
  template_id uuid not null references public.checklist_templates (id),
  inspector_id uuid not null references public.profiles (id),
  started_at timestamptz not null,
  submitted_at timestamptz not null,
  via text not null check (via in ('scan', 'list')),
  answers jsonb not null check (jsonb_typeof(answers) = 'array'),
  score numeric check (score between 0 and 100),
  grade text check (char_length(grade) between 1 and 20),
  critical_failed boolean not null,
  server_score numeric(4, 1) check (server_score between 0 and 100),
  server_grade text check (char_length(server_grade) between 1 and 20),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (submitted_at >= started_at)
);
create index inspections_area_submitted_idx on public.inspections (area_id, submitted_at);
create index inspections_inspector_id_idx on public.inspections (inspector_id);
create index inspections_template_id_idx on public.inspections (template_id);
create index inspections_row_xid_idx on public.inspections (row_xid, id);

-- 保洁记录. The round is a fact; review_* are derived from round_reviews.
create table public.cleaning_rounds (
  id uuid primary key,
  area_id uuid not null references public.areas (id),
  cleaner_id uuid not null references public.profiles (id),
  done_at timestamptz not null,
  via text not null check (via in ('scan', 'list')),
  -- The "after" photo(s) the review scores.
  photo_ids uuid[] not null check (cardinality(photo_ids) between 1 and 10),
  note text check (char_length(note) <= 500),
  review_status text not null default 'pending' check (review_status in ('pending', 'accepted', 'sent_back')),
  review_score numeric check (review_score between 0 and 100),
  review_comment text check (char_length(review_comment) <= 500),
  reviewed_by uuid references public.profiles (id),
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((review_status = 'pending') = (reviewed_by is null) and (reviewed_by is null) = (reviewed_at is null)
         and (reviewed_by is null) = (review_score is null))
);
create index cleaning_rounds_area_done_idx on public.cleaning_rounds (area_id, done_at);
create index cleaning_rounds_cleaner_id_idx on public.cleaning_rounds (cleaner_id);
create index cleaning_rounds_row_xid_idx on public.cleaning_rounds (row_xid, id);

-- Each review of a round (photo scoring), append-only. Not synced: the round carries
-- the standing review (the latest by the reviewer's device time).
create table public.round_reviews (
  id uuid primary key,
  round_id uuid not null references public.cleaning_rounds (id),
  reviewer_id uuid not null references public.profiles (id),
  reviewed_at timestamptz not null,
  server_time timestamptz not null default now(),
  score int not null check (score between 0 and 100),
  comment text check (char_length(comment) <= 500),
  decision text not null check (decision in ('accepted', 'sent_back')),
  created_at timestamptz not null default now()
);
create index round_reviews_round_idx on public.round_reviews (round_id, reviewed_at, server_time, id);

-- 整改. Made with its inspection (ids from the device); status and the fix_/verified_
-- columns are derived from rectification_events by private.rectification_derive.
create table public.rectifications (
  id uuid primary key,
  inspection_id uuid not null references public.inspections (id),
  area_id uuid not null references public.areas (id),
  item_key text not null check (item_key ~ '^[a-z][a-z0-9_]{0,63}$'),
  item_text text not null check (char_length(item_text) between 1 and 200),
  assignee_id uuid references public.profiles (id) on delete set null,
  severity text not null check (severity in ('critical', 'normal')),
  due_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'fixed', 'closed', 'reopened')),
  fix_note text check (char_length(fix_note) <= 500),
  fix_photo_ids uuid[] not null default '{}' check (cardinality(fix_photo_ids) <= 10),
  fixed_at timestamptz,
  verified_by uuid references public.profiles (id),
  verified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  unique (inspection_id, item_key)
);
create index rectifications_assignee_id_idx on public.rectifications (assignee_id) where assignee_id is not null;
create index rectifications_area_id_idx on public.rectifications (area_id);
create index rectifications_row_xid_idx on public.rectifications (row_xid, id);

-- The fix and verify facts, append-only except the derived `flagged` (the act did not
-- fit the task's state at its device time: kept anyway, DESIGN.md invariant 2).
create table public.rectification_events (
  id uuid primary key,
  rectification_id uuid not null references public.rectifications (id),
  type text not null check (type in ('fix', 'verify')),
  actor_id uuid not null references public.profiles (id),
  device_time timestamptz not null,
  server_time timestamptz not null default now(),
  decision text check (decision in ('closed', 'reopened')),
  note text check (char_length(note) <= 500),
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  flagged boolean not null default false,
  created_at timestamptz not null default now(),
  check ((type = 'verify') = (decision is not null)),
  check (type <> 'fix' or cardinality(photo_ids) >= 1)
);
create index rectification_events_order_idx on public.rectification_events (rectification_id, device_time, server_time, id);

create table public.reward_rules (
  id uuid primary key,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  scope text not null check (scope in ('area', 'department', 'person')),
  period text not null check (period in ('week', 'month')),
  kind text not null check (kind in ('average_below', 'average_at_least', 'top_rank', 'bottom_rank')),
  threshold numeric check (threshold between 0 and 100),
  rank_n int check (rank_n between 1 and 100),
  -- Positive = reward, negative = penalty.
  points int not null check (points between -1000 and 1000 and points <> 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  -- An average rule has a threshold, a rank rule a rank; never both.
  check (case when kind in ('average_below', 'average_at_least') then threshold is not null and rank_n is null
              else rank_n is not null and threshold is null end)
);
create index reward_rules_row_xid_idx on public.reward_rules (row_xid, id);

create table public.ledger_entries (
  id uuid primary key,
  rule_id uuid not null references public.reward_rules (id),
  period_key text not null check (period_key ~ '^[0-9]{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4][0-9]|5[0-3]))$'),
  subject_type text not null check (subject_type in ('area', 'department', 'person')),
  subject_id uuid not null,
  points int not null check (points between -1000 and 1000),
  value numeric,
  inspection_ids uuid[] not null default '{}' check (cardinality(inspection_ids) <= 10000),
  published_by uuid not null references public.profiles (id),
  published_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id()
);
-- One entry per rule, period and subject (a republish must reuse the entry's id).
create unique index ledger_entries_rule_period_subject_key on public.ledger_entries (rule_id, period_key, subject_type, subject_id)
  where deleted_at is null;
create index ledger_entries_subject_idx on public.ledger_entries (subject_id);
create index ledger_entries_row_xid_idx on public.ledger_entries (row_xid, id);

-- Append-only facts: inspections, round reviews, rectification events (but `flagged`),
-- and rounds (but their derived review_* columns).
create function private.tg_cleaning_rounds_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.area_id, new.cleaner_id, new.done_at, new.via, new.photo_ids, new.note, new.deleted_at)
         is not distinct from
         (old.id, old.area_id, old.cleaner_id, old.done_at, old.via, old.photo_ids, old.note, old.deleted_at) then
    return new;
  end if;
  raise exception 'cleaning_rounds is append-only (% refused)', pg_catalog.lower(tg_op) using errcode = 'P0001';
end;
$$;

create function private.tg_rectification_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.rectification_id, new.type, new.actor_id, new.device_time, new.server_time,
          new.decision, new.note, new.photo_ids)
         is not distinct from
         (old.id, old.rectification_id, old.type, old.actor_id, old.device_time, old.server_time,
          old.decision, old.note, old.photo_ids) then
    return new;
  end if;
  raise exception 'rectification_events is append-only (% refused)', pg_catalog.lower(tg_op) using errcode = 'P0001';
end;
$$;

revoke execute on function private.tg_cleaning_rounds_append_only() from public, anon, authenticated;
revoke execute on function private.tg_rectification_events_append_only() from public, anon, authenticated;

create trigger inspections_append_only before update or delete on public.inspections
  for each row execute function private.tg_append_only();
create trigger inspections_no_truncate before truncate on public.inspections
  for each statement execute function private.tg_append_only();
-- "cleaning_rounds_append_only" sorts before "stamp_sync_row": it sees the row as sent.
create trigger cleaning_rounds_append_only before update or delete on public.cleaning_rounds
  for each row execute function private.tg_cleaning_rounds_append_only();
create trigger cleaning_rounds_no_truncate before truncate on public.cleaning_rounds
  for each statement execute function private.tg_append_only();
create trigger round_reviews_append_only before update or delete on public.round_reviews
  for each row execute function private.tg_append_only();
create trigger round_reviews_no_truncate before truncate on public.round_reviews
  for each statement execute function private.tg_append_only();
create trigger rectification_events_append_only before update or delete on public.rectification_events
  for each row execute function private.tg_rectification_events_append_only();
create trigger rectification_events_no_truncate before truncate on public.rectification_events
  for each statement execute function private.tg_append_only();

create trigger stamp_sync_row before insert or update on public.areas
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.checklist_templates
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.inspections
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.cleaning_rounds
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.rectifications
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.reward_rules
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.ledger_entries
  for each row execute function private.tg_stamp_sync_row();

create trigger audit_row after insert or update or delete on public.areas
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.checklist_templates
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.inspections
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.cleaning_rounds
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.round_reviews
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.rectifications
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.rectification_events
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.reward_rules
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.ledger_entries
  for each row execute function private.tg_audit_row();

alter table public.areas enable row level security;
alter table public.checklist_templates enable row level security;
alter table public.inspections enable row level security;
alter table public.cleaning_rounds enable row level security;
alter table public.round_reviews enable row level security;
alter table public.rectifications enable row level security;
alter table public.rectification_events enable row level security;
alter table public.reward_rules enable row level security;
alter table public.ledger_entries enable row level security;

-- Who reads what (issue 4 "RLS"):
-- - areas: the person responsible for it; admin_head, executive and inspectors of its
--   site (a role with site_id null holds at every site). A cleaner sees only its own
--   areas, so another site's areas, rounds and tasks never reach its phone;
-- - inspections, rounds, rectifications: whoever sees the area, plus their own
--   (the inspector's inspections, the cleaner's rounds, the assignee's tasks);
-- - review and fix/verify facts follow their round / task;
-- - templates and reward rules: every signed-in user;
-- - ledger entries: admin_head, executive, and the person an entry is about.
-- The site list is an uncorrelated subquery (an initplan: once per query, not per row).
-- It reads user_roles under its own policy, which lets everyone read their own roles.
create policy areas_select on public.areas for select to authenticated
  using (
    responsible_id = (select auth.uid())
    or site_id = any ((
      select coalesce(array_agg(s.id), '{}') from public.sites s
      where exists (
        select 1 from public.user_roles r
        where r.user_id = (select auth.uid()) and r.deleted_at is null
          and r.role in ('admin_head', 'executive', 'inspector')
          and (r.site_id is null or r.site_id = s.id))
    )::uuid[])
  );

create policy checklist_templates_select on public.checklist_templates for select to authenticated
  using ((select auth.uid()) is not null);

create policy inspections_select on public.inspections for select to authenticated
  using (
    inspector_id = (select auth.uid())
    or exists (select 1 from public.areas a where a.id = inspections.area_id)
  );

create policy cleaning_rounds_select on public.cleaning_rounds for select to authenticated
  using (
    cleaner_id = (select auth.uid())
    or exists (select 1 from public.areas a where a.id = cleaning_rounds.area_id)
  );

create policy round_reviews_select on public.round_reviews for select to authenticated
  using (exists (select 1 from public.cleaning_rounds c where c.id = round_reviews.round_id));

create policy rectifications_select on public.rectifications for select to authenticated
  using (
    assignee_id = (select auth.uid())
    or exists (select 1 from public.areas a where a.id = rectifications.area_id)
  );

create policy rectification_events_select on public.rectification_events for select to authenticated
  using (exists (select 1 from public.rectifications x where x.id = rectification_events.rectification_id));

create policy reward_rules_select on public.reward_rules for select to authenticated
  using ((select auth.uid()) is not null);

create policy ledger_entries_select on public.ledger_entries for select to authenticated
  using (
    (subject_type = 'person' and subject_id = (select auth.uid()))
    or (select public.has_any_role(array['admin_head', 'executive']))
  );

-- The same rules for the definer side (apply functions run past RLS).
-- tests/db/inspections-rls.test.ts checks they agree with the policies.
create function private.can_see_area(p_area_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.areas a
    where a.id = p_area_id
      and (a.responsible_id = auth.uid()
           or public.has_role_at('admin_head', a.site_id)
           or public.has_role_at('executive', a.site_id)
           or public.has_role_at('inspector', a.site_id))
  );
$$;

create function private.can_see_inspection(p_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.inspections i
    where i.id = p_id and (i.inspector_id = auth.uid() or private.can_see_area(i.area_id))
  );
$$;

create function private.can_see_round(p_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.cleaning_rounds c
    where c.id = p_id and (c.cleaner_id = auth.uid() or private.can_see_area(c.area_id))
  );
$$;

create function private.can_see_rectification(p_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.rectifications x
    where x.id = p_id and (x.assignee_id = auth.uid() or private.can_see_area(x.area_id))
  );
$$;

revoke execute on function private.can_see_area(uuid) from public, anon, authenticated;
revoke execute on function private.can_see_inspection(uuid) from public, anon, authenticated;
revoke execute on function private.can_see_round(uuid) from public, anon, authenticated;
revoke execute on function private.can_see_rectification(uuid) from public, anon, authenticated;

-- Clients read through RLS; writes go through sync_push.
revoke all on public.areas, public.checklist_templates, public.inspections, public.cleaning_rounds,
  public.round_reviews, public.rectifications, public.rectification_events, public.reward_rules,
  public.ledger_entries
  from anon, authenticated;
grant select on public.areas, public.checklist_templates, public.inspections, public.cleaning_rounds,
  public.round_reviews, public.rectifications, public.rectification_events, public.reward_rules,
  public.ledger_entries
  to authenticated;

-- The op's device time (when the person acted), for kinds whose payload does not carry
-- it: sync_push records the op in sync_ops (and names it in app.op_id) before applying.
create function private.sync_op_device_time()
returns timestamptz
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select s.device_time from public.sync_ops s
     where s.op_id = nullif(pg_catalog.current_setting('app.op_id', true), '')::uuid),
    pg_catalog.now());
$$;

revoke execute on function private.sync_op_device_time() from public, anon, authenticated;
