-- Concurrent batches no longer deadlock (issue 8, point 1). Each op locked its row (the asset
-- of a custody event...) when it ran, in payload order, and held it to the end of the batch:
-- two devices whose batches crossed the same assets in different orders deadlocked, and with
-- 20 devices pushing over 10 shared assets nothing ever committed (each retry deadlocked again).
--
-- Now sync_push first locks every row the batch will lock, in one global order (table name,
-- then id), then applies the ops in payload order as before. Batches over the same rows queue
-- behind each other instead of crossing, so each one commits; batches over other rows run side
-- by side. What an op kind locks is data: private.sync_op_locks (kind, table, the payload field
-- holding the row's id, or null for the op's entity_id).
--
-- Adding a kind that locks a row (select ... for update) of a table other kinds also lock:
--     insert into private.sync_op_locks (kind, rel, field) values ('my.kind', 'public.things', 'thing_id');
--
-- public.sync_push below is 20261127000700_sync_push.sql's with the private.sync_lock_batch call.

create table private.sync_op_locks (
  kind text not null check (kind ~ '^[a-z][a-z_]*\.[a-z]+$'),
  rel regclass not null,
  field text check (field ~ '^[a-z][a-z_]*$'),
  primary key (kind, rel)
);
alter table private.sync_op_locks enable row level security;
revoke all on private.sync_op_locks from public, anon, authenticated;
comment on table private.sync_op_locks is
  'Rows an op kind locks (rel.id = payload ->> field, or the op''s entity_id when field is null); sync_push locks a batch''s rows in (rel, id) order before applying it.';

insert into private.sync_op_locks (kind, rel, field) values
  ('asset.upsert', 'public.assets', null),
  ('custody.record', 'public.assets', 'asset_id'),
  ('seal_usage.record', 'public.assets', 'seal_id'),
  ('dorm_bed.record', 'public.dorm_beds', 'bed_id'),
  ('request.act', 'public.requests', 'request_id'),
  ('task.act', 'public.tasks', 'task_id');

-- Locks the rows the ops of p_ops will lock, table by table in name order, each table's rows
-- in id order. Malformed ops and ids name nothing (sync_push_one refuses them afterwards);
-- rows that do not exist yet (created by the batch) are not locked.
create function private.sync_lock_batch(p_ops jsonb)
returns void
language plpgsql
set search_path = ''
as $$
declare
  r record;
  v_n int;
begin
  for r in
    select l.rel, pg_catalog.array_agg(distinct x.id order by x.id) as ids
    from pg_catalog.jsonb_array_elements(p_ops) o (op)
    join private.sync_op_locks l on l.kind = (case when pg_catalog.jsonb_typeof(o.op) = 'object' then o.op ->> 'kind' end)
    cross join lateral (
      select case when l.field is null then o.op ->> 'entity_id'
                  when pg_catalog.jsonb_typeof(o.op -> 'payload') = 'object' then o.op -> 'payload' ->> l.field end as v
    ) t
    cross join lateral (
      select t.v::uuid as id
      where t.v ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    ) x
    group by l.rel
    order by l.rel::text
  loop
    execute pg_catalog.format(
      'select count(*) from (select 1 from %s t where t.id = any ($1) order by t.id for update of t) s', r.rel)
      into v_n using r.ids;
  end loop;
end;
$$;

revoke execute on function private.sync_lock_batch(jsonb) from public, anon, authenticated;

create or replace function public.sync_push(ops jsonb)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_results jsonb := '[]'::jsonb;
  v_op jsonb;
begin
  if v_uid is null then
    raise exception 'sync_push: not signed in' using errcode = '28000';
  end if;
  if ops is null or pg_catalog.jsonb_typeof(ops) <> 'array' then
    raise exception 'sync_push: ops must be a JSON array' using errcode = '22023';
  end if;
  if pg_catalog.jsonb_array_length(ops) > 1000 then
    raise exception 'sync_push: at most 1000 ops per call' using errcode = '54000';
  end if;
  -- Every row the batch will lock, in one order, before any op runs (no crossing batches).
  perform private.sync_lock_batch(ops);
  for v_op in select e.value from pg_catalog.jsonb_array_elements(ops) with ordinality as e (value, n) order by e.n loop
    v_results := v_results || pg_catalog.jsonb_build_array(private.sync_push_one(v_uid, v_op));
  end loop;
  perform pg_catalog.set_config('app.op_id', '', true);
  return v_results;
end;
$$;

revoke execute on function public.sync_push(jsonb) from public, anon;
grant execute on function public.sync_push(jsonb) to authenticated;
