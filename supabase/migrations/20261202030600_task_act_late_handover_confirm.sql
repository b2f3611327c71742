-- task.act: a side's confirmation of a handover that was completed or called off meanwhile (the
-- phone was offline) is a fact: it is kept and flagged, no longer refused as 'forbidden' because
-- the row no longer names that person as a side (DESIGN.md invariant 2). The sides outside a
-- pending handover: the first assignee, anyone a handover went to, the current assignee, the line.
-- Otherwise the same function as in 20261202030300.

create or replace function private.sync_apply_task_act(p_entity_id uuid, p_payload jsonb)
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
    -- Outside a pending handover (done or called off meanwhile) a side's late confirmation does
    -- not fit; the fold flags it (kept, not refused). The sides: the first assignee, anyone a
    -- handover went to, the current assignee, the line.
    when 'handover_confirm' then case when t.status = 'handover' then auth.uid() in (t.handover_from, t.handover_to)
                                      else private.task_is_assignee(t) or private.task_in_line(t) or t.assigned_to = auth.uid()
                                        or exists (select 1 from public.task_events e where e.task_id = t.id and e.type = 'handover'
                                                   and e.data ->> 'to_id' = auth.uid()::text) end
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

revoke execute on function private.sync_apply_task_act(uuid, jsonb) from public, anon, authenticated;
