-- private.task_derive: the task's state and its 督办 sheets, folded from its facts in device-time
-- order. The twin of applyEvent / foldTask in src/features/tasks/domain/machine.ts (the unit
-- tests there and tests/db/tasks.test.ts check the same cases):
--   assigned --accept--> accepted --complete--> completed --score--> scored
--   assigned|accepted --raise--> problem (at the assigner's level) --escalate--> one level up
--   problem --resolve--> back where it was (the deadline may move)
--   assigned|accepted|problem --handover--> handover --both sides confirm--> accepted
--   any open status --cancel--> cancelled
--   follow_up (task open, no open sheet) → remind first → second → final (in order, task open)
--   → review (task done) → approve
-- A fact that does not fit is kept, marked flagged, and changes nothing (DESIGN.md invariant 2).

create function private.task_derive(p_task_id uuid)
returns void
language plpgsql
set search_path = ''
as $$
declare
  t public.tasks;
  o public.tasks;
  e record;
  ok boolean;
  v_open boolean;
  v_to uuid;
  v_from_ok boolean;
  v_to_ok boolean;
  v_sheets jsonb := '{}';
  f jsonb;
  v_id text;
  v_rank int;
begin
  select * into o from public.tasks x where x.id = p_task_id for update;
  if not found then
    return;
  end if;
  t := o;
  -- The task as assigned.
  t.assignee_id := o.assigned_to; t.due_on := o.assigned_due_on; t.status := 'assigned'; t.resume_status := null;
  t.accepted_at := null; t.problem_note := null; t.problem_at := null; t.escalation_level := null;
  t.handover_from := null; t.handover_to := null; t.handover_note := null;
  t.handover_from_ok := false; t.handover_to_ok := false; t.last_progress_at := null;
  t.completed_at := null; t.report := null; t.report_photo_ids := '{}'; t.summary := null; t.summary_at := null;
  t.score := null; t.score_note := null; t.scored_by := null; t.scored_at := null;
  t.follow_up_id := null; t.officer_id := null;

  for e in
    select x.id, x.type, x.actor_id, x.device_time, x.data d, x.follow_up_id, x.flagged
    from public.task_events x where x.task_id = p_task_id and x.deleted_at is null
    order by x.device_time, x.server_time, x.id
  loop
    ok := false;
    v_open := t.status in ('assigned', 'accepted', 'problem', 'handover');
    case e.type
      when 'accept' then
        if t.status = 'assigned' then
          t.status := 'accepted'; t.accepted_at := e.device_time; t.assignee_id := coalesce(t.assignee_id, e.actor_id);
          ok := true;
        end if;
      when 'raise' then
        if t.status in ('assigned', 'accepted') then
          t.resume_status := t.status; t.status := 'problem'; t.assignee_id := coalesce(t.assignee_id, e.actor_id);
          t.problem_note := e.d ->> 'note'; t.problem_at := e.device_time; t.escalation_level := t.assigner_level;
          ok := true;
        end if;
      when 'escalate' then
        if t.status = 'problem' and t.escalation_level <> 'executive' then
          t.escalation_level := case t.escalation_level when 'supervisor' then 'admin_head' else 'executive' end;
          ok := true;
        end if;
      when 'resolve' then
        if t.status = 'problem' then
          t.status := coalesce(t.resume_status, 'assigned'); t.resume_status := null; t.escalation_level := null;
          t.due_on := coalesce((e.d ->> 'due_on')::date, t.due_on);
          ok := true;
        end if;
      when 'progress' then
        if t.status in ('accepted', 'problem') then
          t.last_progress_at := e.device_time;
          ok := true;
        end if;
      when 'handover' then
        v_to := (e.d ->> 'to_id')::uuid;
        if t.status in ('assigned', 'accepted', 'problem') and v_to is distinct from t.assignee_id then
          t.resume_status := case when t.status = 'problem' then t.resume_status else t.status end;
          t.status := 'handover'; t.escalation_level := null;
          t.handover_from := t.assignee_id; t.handover_to := v_to; t.handover_note := e.d ->> 'note';
          t.handover_from_ok := t.assignee_id is null; t.handover_to_ok := false;
          t.due_on := coalesce((e.d ->> 'due_on')::date, t.due_on);
          ok := true;
        end if;
      when 'handover_confirm' then
        if t.status = 'handover' then
          v_from_ok := t.handover_from_ok or e.actor_id = t.handover_from;
          v_to_ok := t.handover_to_ok or e.actor_id = t.handover_to;
          if (v_from_ok, v_to_ok) is distinct from (t.handover_from_ok, t.handover_to_ok) then
            ok := true;
            if v_from_ok and v_to_ok then
              -- Both confirmed the written record: the new assignee carries on.
              t.status := 'accepted'; t.resume_status := null; t.assignee_id := t.handover_to; t.accepted_at := e.device_time;
              t.handover_from := null; t.handover_to := null; t.handover_from_ok := false; t.handover_to_ok := false;
            else
              t.handover_from_ok := v_from_ok; t.handover_to_ok := v_to_ok;
            end if;
          end if;
        end if;
      when 'complete' then
        if t.status = 'accepted' then
          t.status := 'completed'; t.completed_at := e.device_time; t.report := e.d ->> 'report';
          t.report_photo_ids := coalesce((select pg_catalog.array_agg(x::uuid) from pg_catalog.jsonb_array_elements_text(e.d -> 'photo_ids') x), '{}');
          ok := true;
        end if;
      when 'summary' then
        if t.status in ('completed', 'scored') and t.summary is null then
          t.summary := e.d ->> 'summary'; t.summary_at := e.device_time;
          ok := true;
        end if;
      when 'score' then
        if t.status = 'completed' then
          t.status := 'scored'; t.score := (e.d ->> 'score')::int; t.score_note := e.d ->> 'note';
          t.scored_by := e.actor_id; t.scored_at := e.device_time;
          ok := true;
        end if;
      when 'cancel' then
        if v_open then
          t.status := 'cancelled'; t.escalation_level := null;
          -- A cancelled handover is no longer pending.
          t.handover_to := null; t.handover_from := null; t.handover_from_ok := false; t.handover_to_ok := false;
          ok := true;
        end if;
      when 'follow_up' then
        v_id := e.follow_up_id::text;
        if v_open and not v_sheets ? v_id
           and (t.follow_up_id is null or v_sheets #>> array[t.follow_up_id::text, 'status'] <> 'open') then
          v_sheets := v_sheets || pg_catalog.jsonb_build_object(v_id, pg_catalog.jsonb_build_object(
            'id', e.follow_up_id, 'task_id', p_task_id, 'site_id', t.site_id, 'opened_by', e.actor_id,
            'officer_id', e.d ->> 'officer_id', 'reason', e.d ->> 'reason', 'instructions', e.d ->> 'instructions',
            'opened_at', e.device_time, 'level', 0, 'status', 'open'));
          t.follow_up_id := e.follow_up_id; t.officer_id := (e.d ->> 'officer_id')::uuid;
          ok := true;
        end if;
      when 'remind' then
        v_id := e.follow_up_id::text;
        f := v_sheets -> v_id;
        v_rank := case e.d ->> 'level' when 'first' then 1 when 'second' then 2 else 3 end;
        if f is not null and f ->> 'status' = 'open' and v_open and v_rank = (f ->> 'level')::int + 1 then
          f := f || pg_catalog.jsonb_build_object('level', v_rank, 'next_on', e.d -> 'next_on')
                 || case v_rank
                      when 1 then pg_catalog.jsonb_build_object('first_at', e.d -> 'reminded_at')
                      when 2 then pg_catalog.jsonb_build_object('second_at', e.d -> 'reminded_at', 'reported_to', e.d -> 'reported_to')
                      else pg_catalog.jsonb_build_object('final_at', e.d -> 'reminded_at', 'penalty', e.d -> 'penalty') end;
          v_sheets := v_sheets || pg_catalog.jsonb_build_object(v_id, f);
          ok := true;
        end if;
      when 'review' then
        v_id := e.follow_up_id::text;
        f := v_sheets -> v_id;
        if f is not null and e.d ->> 'step' = 'review' and f ->> 'status' = 'open' and not v_open then
          f := f || pg_catalog.jsonb_build_object('status', 'reviewed', 'reviewed_by', e.actor_id,
            'reviewed_at', e.device_time, 'review_note', e.d -> 'note');
          ok := true;
        elsif f is not null and e.d ->> 'step' = 'approve' and f ->> 'status' = 'reviewed' then
          f := f || pg_catalog.jsonb_build_object('status', 'approved', 'approved_by', e.actor_id, 'approved_at', e.device_time);
          ok := true;
        end if;
        if ok then
          v_sheets := v_sheets || pg_catalog.jsonb_build_object(v_id, f);
        end if;
    end case;
    if e.flagged is distinct from not ok then
      update public.task_events x set flagged = not ok where x.id = e.id;
    end if;
  end loop;

  if (t.*) is distinct from (o.*) then
    update public.tasks x set
      assignee_id = t.assignee_id, due_on = t.due_on, status = t.status, resume_status = t.resume_status,
      accepted_at = t.accepted_at, problem_note = t.problem_note, problem_at = t.problem_at,
      escalation_level = t.escalation_level, handover_from = t.handover_from, handover_to = t.handover_to,
      handover_note = t.handover_note, handover_from_ok = t.handover_from_ok, handover_to_ok = t.handover_to_ok,
      last_progress_at = t.last_progress_at, completed_at = t.completed_at, report = t.report,
      report_photo_ids = t.report_photo_ids, summary = t.summary, summary_at = t.summary_at, score = t.score,
      score_note = t.score_note, scored_by = t.scored_by, scored_at = t.scored_at,
      follow_up_id = t.follow_up_id, officer_id = t.officer_id
    where x.id = p_task_id;
  end if;

  -- The sheets as folded; a sheet whose opening no longer fits is tombstoned (its facts stay, flagged).
  for f in select s.value from pg_catalog.jsonb_each(v_sheets) s loop
    insert into public.follow_ups as x (id, task_id, site_id, opened_by, officer_id, reason, instructions, opened_at,
      level, first_at, second_at, final_at, reported_to, penalty, next_on, status, reviewed_by, reviewed_at,
      review_note, approved_by, approved_at, deleted_at)
    select r.id, r.task_id, r.site_id, r.opened_by, r.officer_id, r.reason, r.instructions, r.opened_at,
      r.level, r.first_at, r.second_at, r.final_at, r.reported_to, r.penalty, r.next_on, r.status, r.reviewed_by,
      r.reviewed_at, r.review_note, r.approved_by, r.approved_at, null
    from pg_catalog.jsonb_populate_record(null::public.follow_ups, f) r
    on conflict (id) do update set
      officer_id = excluded.officer_id, reason = excluded.reason, instructions = excluded.instructions,
      opened_at = excluded.opened_at, level = excluded.level, first_at = excluded.first_at,
      second_at = excluded.second_at, final_at = excluded.final_at, reported_to = excluded.reported_to,
      penalty = excluded.penalty, next_on = excluded.next_on, status = excluded.status,
      reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at, review_note = excluded.review_note,
      approved_by = excluded.approved_by, approved_at = excluded.approved_at, deleted_at = null
    where (x.officer_id, x.reason, x.instructions, x.opened_at, x.level, x.first_at, x.second_at, x.final_at,
           x.reported_to, x.penalty, x.next_on, x.status, x.reviewed_by, x.reviewed_at, x.review_note,
           x.approved_by, x.approved_at, x.deleted_at)
      is distinct from
          (excluded.officer_id, excluded.reason, excluded.instructions, excluded.opened_at, excluded.level,
           excluded.first_at, excluded.second_at, excluded.final_at, excluded.reported_to, excluded.penalty,
           excluded.next_on, excluded.status, excluded.reviewed_by, excluded.reviewed_at, excluded.review_note,
           excluded.approved_by, excluded.approved_at, null::timestamptz);
  end loop;
  update public.follow_ups x set deleted_at = pg_catalog.now()
  where x.task_id = p_task_id and x.deleted_at is null and not v_sheets ? x.id::text;
end;
$$;

revoke execute on function private.task_derive(uuid) from public, anon, authenticated;
