-- The audit log shows no phone numbers (issue 8, point 5 after point 4). A profile's audited row
-- (old_row/new_row, the whole row as JSON) carried its phone, and the audit log's policy gives a
-- site-scoped admin head every row of a record their tables show them: profiles are shown to all,
-- so such a head read the phone numbers of the other site's people, which authz.profile_phone
-- withholds from them. RLS chooses rows, not keys inside a JSON column, so the values are kept
-- apart instead:
-- - private.audit_withheld_columns names the columns kept out of old_row/new_row (profiles.phone);
-- - private.tg_audit_row (from 20261127000500_audit_log.sql) moves those keys into
--   private.audit_withheld (one row per audit row, no client grant: the service role and the
--   dashboard read the history of phone numbers); everything else is audited as before;
-- - the audit rows written so far are split the same way.
-- The current phone stays where it was: authz.profile_phone, for those with a work need.

create table private.audit_withheld_columns (
  table_name text not null,
  column_name text not null,
  primary key (table_name, column_name)
);
alter table private.audit_withheld_columns enable row level security;
comment on table private.audit_withheld_columns is
  'Columns kept out of public.audit_log''s old_row/new_row (into private.audit_withheld): contact details.';
insert into private.audit_withheld_columns (table_name, column_name) values ('profiles', 'phone');

create table private.audit_withheld (
  audit_id bigint primary key references public.audit_log (id) on delete cascade,
  old_values jsonb,
  new_values jsonb
);
alter table private.audit_withheld enable row level security;
comment on table private.audit_withheld is
  'The withheld columns'' values of an audit row (private.audit_withheld_columns); no client reads them.';

-- The keys of p_row named in p_cols, as an object (null when none is there).
create function private.audit_pick(p_row jsonb, p_cols text[])
returns jsonb
language sql immutable
set search_path = ''
as $$
  select pg_catalog.jsonb_object_agg(k, p_row -> k)
  from pg_catalog.unnest(p_cols) as k
  where p_row ? k
$$;
revoke execute on function private.audit_pick(jsonb, text[]) from public, anon, authenticated;

create or replace function private.tg_audit_row()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then pg_catalog.to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then pg_catalog.to_jsonb(new) end;
  v_cols text[];
  v_old_withheld jsonb;
  v_new_withheld jsonb;
  v_id bigint;
begin
  select pg_catalog.array_agg(w.column_name) into v_cols
  from private.audit_withheld_columns w where w.table_name = tg_table_name;
  if v_cols is not null then
    v_old_withheld := private.audit_pick(v_old, v_cols);
    v_new_withheld := private.audit_pick(v_new, v_cols);
    v_old := v_old - v_cols;
    v_new := v_new - v_cols;
  end if;
  insert into public.audit_log (actor, table_name, row_id, action, old_row, new_row, op_id)
  values (
    auth.uid(),
    tg_table_name,
    (coalesce(v_new, v_old) ->> 'id')::uuid,
    pg_catalog.lower(tg_op),
    v_old,
    v_new,
    nullif(pg_catalog.current_setting('app.op_id', true), '')::uuid
  )
  returning id into v_id;
  if v_old_withheld is not null or v_new_withheld is not null then
    insert into private.audit_withheld (audit_id, old_values, new_values) values (v_id, v_old_withheld, v_new_withheld);
  end if;
  return null;
end;
$$;
revoke execute on function private.tg_audit_row() from public, anon, authenticated;

-- The rows written so far.
insert into private.audit_withheld (audit_id, old_values, new_values)
select a.id, private.audit_pick(a.old_row, c.cols), private.audit_pick(a.new_row, c.cols)
from public.audit_log a
join (
  select w.table_name, array_agg(w.column_name) as cols from private.audit_withheld_columns w group by w.table_name
) c on c.table_name = a.table_name
where private.audit_pick(a.old_row, c.cols) is not null or private.audit_pick(a.new_row, c.cols) is not null;

update public.audit_log a
set old_row = a.old_row - c.cols, new_row = a.new_row - c.cols
from (
  select w.table_name, array_agg(w.column_name) as cols from private.audit_withheld_columns w group by w.table_name
) c
where c.table_name = a.table_name and (a.old_row ?| c.cols or a.new_row ?| c.cols);
