-- A 报修 task done frees its beds on the phone at once (issue 10). The device now writes the repair_end
-- events itself, offline, in the act's transaction (src/features/dorms/data/repairDone.ts); so that the
-- device and the server keep one set of facts, the trigger that frees the beds on the server makes the
-- same events the device makes:
--   * the id comes from the repair start it ends (each start is ended once by its task):
--     private.dorm_repair_end_id = md5('dorm_repair_end:' || start id) marked as a version 8 UUID
--     (src/features/dorms/domain/roomRepair.ts repairEndId);
--   * the time is the task's completion, or for a cancel the act's device time (it was the server's clock),
--     and never before the start (1 ms after it at the earliest), as before.
-- Only the trigger function changes; the trigger stays.

create function private.dorm_repair_end_id(p_start uuid)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select (pg_catalog.substr(h, 1, 12) || '8' || pg_catalog.substr(h, 14, 3)
    || pg_catalog.substr('89ab', (pg_catalog.strpos('0123456789abcdef', pg_catalog.substr(h, 17, 1)) - 1) % 4 + 1, 1)
    || pg_catalog.substr(h, 18))::uuid
  from (select pg_catalog.md5('dorm_repair_end:' || p_start::text) as h) x;
$$;
revoke execute on function private.dorm_repair_end_id(uuid) from public, anon, authenticated;

create or replace function private.tg_dorm_repair_task_done()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_bed record;
  v_at timestamptz;
begin
  if new.source <> 'repair' or new.status not in ('completed', 'scored', 'cancelled')
     or old.status in ('completed', 'scored', 'cancelled') then
    return null;
  end if;
  for v_bed in
    select b.id, b.site_id, s.id as start_id, s.device_time
    from public.dorm_beds b
    cross join lateral (
      select be.id, be.payload, be.device_time from public.dorm_bed_events be
      where be.bed_id = b.id and be.type = 'repair_start' and be.deleted_at is null
      order by pg_catalog.date_trunc('milliseconds', be.device_time) desc, pg_catalog.date_trunc('milliseconds', be.server_time) desc, be.id desc
      limit 1) s
    where b.room_id::text = new.source_ref and b.deleted_at is null and b.in_repair
      and s.payload ->> 'task_id' = new.id::text
    order by b.id
    for update of b
  loop
    -- After the start it ends: at the task's completion, or at the act's own device time (a cancel).
    v_at := greatest(coalesce(new.completed_at, private.sync_op_device_time()), v_bed.device_time + interval '1 millisecond');
    insert into public.dorm_bed_events (id, bed_id, site_id, stay_id, type, actor_id, device_time, payload)
    values (private.dorm_repair_end_id(v_bed.start_id), v_bed.id, v_bed.site_id, null, 'repair_end', coalesce(auth.uid(), new.assignee_id, new.assigner_id), v_at,
      pg_catalog.jsonb_build_object('task_id', new.id))
    on conflict (id) do nothing;
    perform private.dorm_bed_derive(v_bed.id);
  end loop;
  return null;
end;
$$;
revoke execute on function private.tg_dorm_repair_task_done() from public, anon, authenticated;
