-- Op kinds of the tasks engine (issue 11) and the company calendar (issue 12 point 8):
--   task.assign, task.act, follow_up.open, follow_up.remind, follow_up.review, calendar_day.set.
-- Each validates its payload like the domain's zod schemas (src/features/tasks/domain/events.ts,
-- task.ts) and the caller like its rules.ts, records the fact, and refolds the task
-- (private.task_derive). A fact that does not fit the task's state is kept and answers
-- 'flagged'; only an unauthorised or malformed op is refused.

-- The assignee, or for a department's task nobody has taken, one of its members.
create function private.task_is_assignee(t public.tasks)
returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(t.assignee_id = auth.uid()
      or (t.assignee_id is null and t.department_id is not null
          and t.department_id = (select p.department_id from public.profiles p where p.id = auth.uid())), false);
$$;

-- The task's line: whoever gave it, the admin head of its site, the executive.
create function private.task_in_line(t public.tasks)
returns boolean
language sql stable
set search_path = ''
as $$
  select t.assigner_id = auth.uid() or public.has_role_at('admin_head', t.site_id) or public.has_role_at('executive', t.site_id);
$$;

-- The one the problem waits on, or anyone above them (never below).
create function private.task_handles_problem(t public.tasks)
returns boolean
language sql stable
set search_path = ''
as $$
  select case t.escalation_level
    when 'supervisor' then private.task_in_line(t)
    when 'admin_head' then public.has_role_at('admin_head', t.site_id) or public.has_role_at('executive', t.site_id)
    when 'executive' then public.has_role_at('executive', t.site_id)
    else false end;
$$;

create function private.task_locked(p_task_id uuid, p_field text default 'task_id')
returns public.tasks
language plpgsql
set search_path = ''
as $$
declare
  t public.tasks;
begin
  select * into t from public.tasks x where x.id = p_task_id and x.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', p_field || ': no such task (push it first)');
  end if;
  return t;
end;
$$;

-- Records one fact (idempotent by its id) and refolds the task.
create function private.task_record(p_event_id uuid, p_task_id uuid, p_follow_up_id uuid, p_type text, p_data jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_existing record;
  v_flagged boolean;
begin
  select x.task_id, x.follow_up_id, x.type, x.actor_id, x.data into v_existing from public.task_events x where x.id = p_event_id;
  if found then
    if (v_existing.task_id, v_existing.follow_up_id, v_existing.type, v_existing.actor_id, v_existing.data)
       is distinct from (p_task_id, p_follow_up_id, p_type, auth.uid(), p_data) then
      perform private.sync_refuse('invalid', 'id: a different act was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  insert into public.task_events (id, task_id, follow_up_id, type, actor_id, device_time, data)
  values (p_event_id, p_task_id, p_follow_up_id, p_type, auth.uid(), private.sync_op_device_time(), p_data);
  perform private.task_derive(p_task_id);
  select x.flagged into v_flagged from public.task_events x where x.id = p_event_id;
  if v_flagged then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.format(
      'task: %s does not fit its state at that time (kept; status %s)', p_type,
      (select t.status from public.tasks t where t.id = p_task_id)));
  end if;
  return '{}'::jsonb;
end;
$$;

-- task.assign, entity_id = the task's id:
--   { id?, site_id, title, source, source_ref?, assignee_id?, department_id?, co_assignee_ids?,
--     method?, due_on, priority?, photo_ids? }   (assigned_at = the op's device time)
-- The admin head, the executive or administration staff of the site (tasks domain ASSIGNER_ROLES).
create function private.sync_apply_task_assign(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_site uuid;
  v_title text;
  v_source text;
  v_ref text;
  v_assignee uuid;
  v_dept uuid;
  v_co uuid[];
  v_method text;
  v_due date;
  v_priority text;
  v_photos uuid[];
  v_level text;
  v_existing record;
begin
  perform private.sync_only_fields(p_payload, array['id', 'site_id', 'title', 'source', 'source_ref', 'assignee_id',
    'department_id', 'co_assignee_ids', 'method', 'due_on', 'priority', 'photo_ids']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  v_site := private.val_uuid(p_payload, 'site_id');
  v_title := private.val_text(p_payload, 'title', 200);
  v_source := private.val_enum(p_payload, 'source', array['instruction', 'resolution', 'document', 'inspection']);
  v_ref := private.val_text(p_payload, 'source_ref', 200, '', false);
  v_assignee := private.val_uuid(p_payload, 'assignee_id', '', false);
  v_dept := private.val_uuid(p_payload, 'department_id', '', false);
  v_co := private.val_photo_ids(p_payload, 'co_assignee_ids');
  v_method := private.val_text(p_payload, 'method', 2000, '', false);
  v_due := private.val_date(p_payload, 'due_on');
  v_priority := coalesce(private.val_enum(p_payload, 'priority', array['low', 'normal', 'high', 'urgent'], '', false), 'normal');
  v_photos := private.val_photo_ids(p_payload, 'photo_ids');
  if v_assignee is null and v_dept is null then
    perform private.sync_refuse('invalid', 'assignee_id: a person or a department');
  end if;
  if v_assignee = any (v_co) then
    perform private.sync_refuse('invalid', 'co_assignee_ids: the assignee is not their own co-assignee');
  end if;
  perform 1 from public.sites s where s.id = v_site and s.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'site_id: no such site');
  end if;
  if not (public.has_role_at('admin_head', v_site) or public.has_role_at('executive', v_site)
          or exists (select 1 from unnest(array['seal_keeper', 'asset_keeper', 'fleet_manager', 'inspector', 'dorm_manager']) r
                     where public.has_role_at(r, v_site))) then
    perform private.sync_refuse('forbidden', 'task.assign: the admin head, the executive or administration staff of the site');
  end if;
  perform private.val_person(v_assignee, 'assignee_id');
  if v_dept is not null then
    perform 1 from public.departments d where d.id = v_dept and d.site_id = v_site and d.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', 'department_id: no such department at the site');
    end if;
  end if;
  if (select count(*) from public.profiles p where p.id = any (v_co) and p.deleted_at is null) <> pg_catalog.cardinality(v_co) then
    perform private.sync_refuse('not_found', 'co_assignee_ids: no such person');
  end if;
  v_level := case when public.has_role_at('executive', v_site) then 'executive'
                  when public.has_role_at('admin_head', v_site) then 'admin_head' else 'supervisor' end;

  select t.site_id, t.title, t.source, t.source_ref, t.assigner_id, t.assigned_to, t.department_id, t.co_assignee_ids,
         t.method, t.assigned_due_on, t.priority, t.photo_ids
  into v_existing from public.tasks t where t.id = p_entity_id;
  if found then
    if (v_existing.site_id, v_existing.title, v_existing.source, v_existing.source_ref, v_existing.assigner_id,
        v_existing.assigned_to, v_existing.department_id, v_existing.co_assignee_ids, v_existing.method,
        v_existing.assigned_due_on, v_existing.priority, v_existing.photo_ids)
       is distinct from (v_site, v_title, v_source, v_ref, v_uid, v_assignee, v_dept, v_co, v_method, v_due, v_priority, v_photos) then
      perform private.sync_refuse('invalid', 'id: a different task was already assigned with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;
  insert into public.tasks (id, site_id, title, source, source_ref, assigner_id, assigner_level, assigned_to, assignee_id,
    department_id, co_assignee_ids, method, assigned_due_on, due_on, priority, photo_ids, assigned_at)
  values (p_entity_id, v_site, v_title, v_source, v_ref, v_uid, v_level, v_assignee, v_assignee,
    v_dept, v_co, v_method, v_due, v_due, v_priority, v_photos, private.sync_op_device_time());
  return '{}'::jsonb;
end;
$$;

-- task.act, entity_id = the act's id: { type, task_id, ... } by type:
--   accept {note?} · raise {note} · escalate {note?} · resolve {note, due_on?} · progress {note, photo_ids?}
--   handover {to_id, note, due_on?} · handover_confirm {note?} · complete {report, photo_ids?}
--   summary {summary} · score {score 0..100, note?} · cancel {note}
-- Who (rules.ts mayAct): the assignee accepts, raises, completes, writes the summary; co-assignees
-- also report progress; the one handling a problem or anyone above escalates or resolves it;
-- the task's line hands over and cancels; the two sides confirm a handover; the admin head scores.
create function private.sync_apply_task_act(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_type text;
  t public.tasks;
  v_data jsonb;
  v_ok boolean;
begin
  v_type := private.val_enum(p_payload, 'type', array['accept', 'raise', 'escalate', 'resolve', 'progress', 'handover',
    'handover_confirm', 'complete', 'summary', 'score', 'cancel']);
  perform private.sync_only_fields(p_payload, array['type', 'task_id'] || case v_type
    when 'resolve' then array['note', 'due_on']
    when 'progress' then array['note', 'photo_ids']
    when 'handover' then array['to_id', 'note', 'due_on']
    when 'complete' then array['report', 'photo_ids']
    when 'summary' then array['summary']
    when 'score' then array['score', 'note']
    else array['note'] end);
  v_data := pg_catalog.jsonb_strip_nulls(case v_type
    when 'raise' then pg_catalog.jsonb_build_object('note', private.val_text(p_payload, 'note', 1000))
    when 'cancel' then pg_catalog.jsonb_build_object('note', private.val_text(p_payload, 'note', 1000))
    when 'resolve' then pg_catalog.jsonb_build_object('note', private.val_text(p_payload, 'note', 1000),
      'due_on', private.val_date(p_payload, 'due_on', '', false))
    when 'progress' then pg_catalog.jsonb_build_object('note', private.val_text(p_payload, 'note', 1000),
      'photo_ids', pg_catalog.to_jsonb(private.val_photo_ids(p_payload, 'photo_ids')))
    when 'handover' then pg_catalog.jsonb_build_object('to_id', private.val_uuid(p_payload, 'to_id'),
      'note', private.val_text(p_payload, 'note', 4000), 'due_on', private.val_date(p_payload, 'due_on', '', false))
    when 'complete' then pg_catalog.jsonb_build_object('report', private.val_text(p_payload, 'report', 4000),
      'photo_ids', pg_catalog.to_jsonb(private.val_photo_ids(p_payload, 'photo_ids')))
    when 'summary' then pg_catalog.jsonb_build_object('summary', private.val_text(p_payload, 'summary', 4000))
    when 'score' then pg_catalog.jsonb_build_object('score', private.val_number(p_payload, 'score', 0, 100, true)::int,
      'note', private.val_text(p_payload, 'note', 1000, '', false))
    else pg_catalog.jsonb_build_object('note', private.val_text(p_payload, 'note', 1000, '', false)) end);
  t := private.task_locked(private.val_uuid(p_payload, 'task_id'));
  if v_type = 'handover' then
    perform private.val_person((v_data ->> 'to_id')::uuid, 'to_id');
  end if;

  -- Null (an unset column) counts as no.
  v_ok := coalesce(case v_type
    when 'progress' then private.task_is_assignee(t) or auth.uid() = any (t.co_assignee_ids)
    when 'escalate' then case when t.status = 'problem' then private.task_handles_problem(t) else private.task_in_line(t) end
    when 'resolve' then case when t.status = 'problem' then private.task_handles_problem(t) else private.task_in_line(t) end
    when 'handover' then private.task_in_line(t)
    when 'cancel' then private.task_in_line(t)
    -- Outside a pending handover the act will not fit; the fold flags it (kept, not refused).
    when 'handover_confirm' then case when t.status = 'handover' then auth.uid() in (t.handover_from, t.handover_to)
                                      else private.task_is_assignee(t) or private.task_in_line(t) end
    when 'score' then public.has_role_at('admin_head', t.site_id)
    else private.task_is_assignee(t) end, false);
  if not v_ok then
    perform private.sync_refuse('forbidden', pg_catalog.format('task.act %s: %s', v_type, case v_type
      when 'progress' then 'the assignee or a co-assignee'
      when 'escalate' then 'the one handling the problem, or someone above'
      when 'resolve' then 'the one handling the problem, or someone above'
      when 'handover' then 'the task''s giver, the admin head or the executive'
      when 'cancel' then 'the task''s giver, the admin head or the executive'
      when 'handover_confirm' then 'the two sides of the handover'
      when 'score' then 'the admin head of the task''s site'
      else 'the assignee' end));
  end if;
  return private.task_record(p_entity_id, t.id, null, v_type, v_data);
end;
$$;

-- follow_up.open, entity_id = the sheet's id (also its fact's id):
--   { task_id, officer_id, reason: 'late'|'important', instructions }
-- The admin head or the executive of the task's site.
create function private.sync_apply_follow_up_open(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  t public.tasks;
  v_data jsonb;
begin
  perform private.sync_only_fields(p_payload, array['task_id', 'officer_id', 'reason', 'instructions']);
  v_data := pg_catalog.jsonb_build_object(
    'follow_up_id', p_entity_id,
    'officer_id', private.val_uuid(p_payload, 'officer_id'),
    'reason', private.val_enum(p_payload, 'reason', array['late', 'important']),
    'instructions', private.val_text(p_payload, 'instructions', 1000));
  t := private.task_locked(private.val_uuid(p_payload, 'task_id'));
  if not (public.has_role_at('admin_head', t.site_id) or public.has_role_at('executive', t.site_id)) then
    perform private.sync_refuse('forbidden', 'follow_up.open: the admin head or the executive of the task''s site');
  end if;
  perform private.val_person((v_data ->> 'officer_id')::uuid, 'officer_id');
  return private.task_record(p_entity_id, t.id, p_entity_id, 'follow_up', v_data);
end;
$$;

-- The sheet named by follow_up_id and its task, locked; refuses not_found.
create function private.follow_up_task(p_payload jsonb, out f public.follow_ups, out t public.tasks)
language plpgsql
set search_path = ''
as $$
begin
  select * into f from public.follow_ups x where x.id = private.val_uuid(p_payload, 'follow_up_id') and x.deleted_at is null;
  if not found then
    perform private.sync_refuse('not_found', 'follow_up_id: no such 督办 sheet (push it first)');
  end if;
  t := private.task_locked(f.task_id, 'follow_up_id');
end;
$$;

-- follow_up.remind, entity_id = the reminder's id:
--   { follow_up_id, level: 'first'|'second'|'final', channel: 'phone'|'in_person'|'written',
--     reminded_at, note?, reported_to? (second: required), penalty? (final: required), next_on? }
-- The sheet's officer or the admin head of the task's site. Out of order → flagged (kept).
create function private.sync_apply_follow_up_remind(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  s record;
  v_level text;
  v_data jsonb;
begin
  perform private.sync_only_fields(p_payload, array['follow_up_id', 'level', 'channel', 'reminded_at', 'note',
    'reported_to', 'penalty', 'next_on']);
  v_level := private.val_enum(p_payload, 'level', array['first', 'second', 'final']);
  v_data := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'follow_up_id', private.val_uuid(p_payload, 'follow_up_id'),
    'level', v_level,
    'channel', private.val_enum(p_payload, 'channel', array['phone', 'in_person', 'written']),
    'reminded_at', private.val_time(p_payload, 'reminded_at'),
    'note', private.val_text(p_payload, 'note', 1000, '', false),
    'reported_to', private.val_uuid(p_payload, 'reported_to', '', false),
    'penalty', private.val_text(p_payload, 'penalty', 1000, '', false),
    'next_on', private.val_date(p_payload, 'next_on', '', false)));
  if v_level = 'second' and not v_data ? 'reported_to' then
    perform private.sync_refuse('invalid', 'reported_to: the second reminder is reported to the assignee''s superior');
  end if;
  if v_level = 'final' and not v_data ? 'penalty' then
    perform private.sync_refuse('invalid', 'penalty: the final reminder states the penalty');
  end if;
  perform private.val_person((v_data ->> 'reported_to')::uuid, 'reported_to');
  s := private.follow_up_task(p_payload);
  if not ((s.f).officer_id = auth.uid() or public.has_role_at('admin_head', (s.t).site_id)) then
    perform private.sync_refuse('forbidden', 'follow_up.remind: the sheet''s officer or the admin head');
  end if;
  -- reminded_at is stored as the device sent it (ISO with offset), like the domain's.
  v_data := v_data || pg_catalog.jsonb_build_object('reminded_at', p_payload -> 'reminded_at');
  return private.task_record(p_entity_id, (s.t).id, (s.f).id, 'remind', v_data);
end;
$$;

-- follow_up.review, entity_id = the act's id: { follow_up_id, step: 'review'|'approve', note? }
-- 行政部长 reviews, 执行长 approves (of the task's site).
create function private.sync_apply_follow_up_review(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  s record;
  v_step text;
  v_data jsonb;
begin
  perform private.sync_only_fields(p_payload, array['follow_up_id', 'step', 'note']);
  v_step := private.val_enum(p_payload, 'step', array['review', 'approve']);
  v_data := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'follow_up_id', private.val_uuid(p_payload, 'follow_up_id'), 'step', v_step,
    'note', private.val_text(p_payload, 'note', 1000, '', false)));
  s := private.follow_up_task(p_payload);
  if not public.has_role_at(case v_step when 'review' then 'admin_head' else 'executive' end, (s.t).site_id) then
    perform private.sync_refuse('forbidden', case v_step when 'review' then 'follow_up.review: the admin head reviews'
      else 'follow_up.review: the executive approves' end);
  end if;
  return private.task_record(p_entity_id, (s.t).id, (s.f).id, 'review', v_data);
end;
$$;

-- calendar_day.set, entity_id = the day's row id: { day, site_id?, kind: 'off'|'work', note?, deleted? }
-- A company day (site_id null): an admin head or executive for every site; a site's: its admin
-- head or the executive. The same day and scope set again replaces the earlier row.
create function private.sync_apply_calendar_day_set(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_day date;
  v_site uuid;
  v_kind text;
  v_note text;
  v_deleted boolean;
begin
  perform private.sync_only_fields(p_payload, array['day', 'site_id', 'kind', 'note', 'deleted']);
  v_day := private.val_date(p_payload, 'day');
  v_site := private.val_uuid(p_payload, 'site_id', '', false);
  v_kind := private.val_enum(p_payload, 'kind', array['off', 'work']);
  v_note := private.val_text(p_payload, 'note', 100, '', false);
  v_deleted := coalesce(private.val_bool(p_payload, 'deleted', '', false), false);
  if v_site is not null then
    perform 1 from public.sites s where s.id = v_site and s.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', 'site_id: no such site');
    end if;
  end if;
  if not (public.has_role_at('admin_head', v_site) or public.has_role_at('executive', v_site)) then
    perform private.sync_refuse('forbidden', 'calendar_day.set: the admin head or the executive (of every site for a company day)');
  end if;
  if v_deleted then
    update public.calendar_days c set deleted_at = pg_catalog.now() where c.id = p_entity_id and c.deleted_at is null;
    return '{}'::jsonb;
  end if;
  update public.calendar_days c set deleted_at = pg_catalog.now()
  where c.day = v_day and c.site_id is not distinct from v_site and c.id <> p_entity_id and c.deleted_at is null;
  insert into public.calendar_days as c (id, day, site_id, kind, note) values (p_entity_id, v_day, v_site, v_kind, v_note)
  on conflict (id) do update set day = excluded.day, site_id = excluded.site_id, kind = excluded.kind,
    note = excluded.note, deleted_at = null;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.task_is_assignee(public.tasks) from public, anon, authenticated;
revoke execute on function private.task_in_line(public.tasks) from public, anon, authenticated;
revoke execute on function private.task_handles_problem(public.tasks) from public, anon, authenticated;
revoke execute on function private.task_locked(uuid, text) from public, anon, authenticated;
revoke execute on function private.task_record(uuid, uuid, uuid, text, jsonb) from public, anon, authenticated;
revoke execute on function private.follow_up_task(jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_task_assign(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_task_act(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_follow_up_open(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_follow_up_remind(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_follow_up_review(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_calendar_day_set(uuid, jsonb) from public, anon, authenticated;
