-- Op kinds round.record (保洁记录) and round.review (remote photo scoring).

-- The round's review_* columns = its standing review: the latest by the reviewer's device
-- time (then server time, id). Returns the standing review's id.
create function private.round_derive(p_round_id uuid)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v record;
begin
  select r.id, r.reviewer_id, r.reviewed_at, r.score, r.comment, r.decision into v
  from public.round_reviews r where r.round_id = p_round_id
  order by r.reviewed_at desc, r.server_time desc, r.id desc limit 1;
  update public.cleaning_rounds c
  set review_status = coalesce(v.decision, 'pending'), review_score = v.score, review_comment = v.comment,
      reviewed_by = v.reviewer_id, reviewed_at = v.reviewed_at
  where c.id = p_round_id
    and (c.review_status, c.review_score, c.review_comment, c.reviewed_by, c.reviewed_at)
        is distinct from (coalesce(v.decision, 'pending'), v.score::numeric, v.comment, v.reviewer_id, v.reviewed_at);
  return v.id;
end;
$$;

-- round.record, entity_id = the round's id:
--   { id?: entity_id, area_id, done_at, via: 'scan'|'list', photo_ids: uuid[1..10], note?, cleaner_id?: the caller }
-- The area's responsible person, or any cleaner of the area's site.
create function private.sync_apply_round_record(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_area record;
  v_area_id uuid;
  v_done timestamptz;
  v_via text;
  v_photos uuid[];
  v_note text;
  v_existing record;
begin
  perform private.sync_only_fields(p_payload, array['id', 'area_id', 'done_at', 'via', 'photo_ids', 'note', 'cleaner_id']);
  if p_payload ? 'id' and private.val_uuid(p_payload, 'id') <> p_entity_id then
    perform private.sync_refuse('invalid', 'id: must be the op''s entity_id');
  end if;
  if p_payload ? 'cleaner_id' and private.val_uuid(p_payload, 'cleaner_id', '', false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', 'cleaner_id: you record your own rounds');
  end if;
  v_area_id := private.val_uuid(p_payload, 'area_id');
  v_done := private.val_time(p_payload, 'done_at');
  v_via := private.val_enum(p_payload, 'via', array['scan', 'list']);
  v_photos := private.val_photo_ids(p_payload, 'photo_ids');
  if pg_catalog.cardinality(v_photos) = 0 then
    perform private.sync_refuse('invalid', 'photo_ids: at least one "after" photo');
  end if;
  v_note := private.val_text(p_payload, 'note', 500, '', false);

  select a.site_id, a.responsible_id into v_area from public.areas a where a.id = v_area_id;
  if not found then
    perform private.sync_refuse('not_found', 'area_id: no such area');
  end if;
  if not (v_area.responsible_id is not distinct from v_uid or public.has_role_at('cleaner', v_area.site_id)) then
    perform private.sync_refuse('forbidden', 'round.record: the area''s responsible person or a cleaner of its site only');
  end if;

  select c.area_id, c.cleaner_id, c.done_at, c.via, c.photo_ids, c.note into v_existing
  from public.cleaning_rounds c where c.id = p_entity_id;
  if found then
    if (v_existing.area_id, v_existing.cleaner_id, v_existing.done_at, v_existing.via, v_existing.photo_ids, v_existing.note)
       is distinct from (v_area_id, v_uid, v_done, v_via, v_photos, v_note) then
      perform private.sync_refuse('invalid', 'id: a different round was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;

  insert into public.cleaning_rounds (id, area_id, cleaner_id, done_at, via, photo_ids, note)
  values (p_entity_id, v_area_id, v_uid, v_done, v_via, v_photos, v_note);
  return '{}'::jsonb;
end;
$$;

-- round.review, entity_id = the review's id:
--   { round_id, score: integer 0..100, comment?, decision: 'accepted'|'sent_back' }
-- An inspector or the admin head of the area's site. Reviews are append-only facts; the
-- latest by device time stands on the round. A review older than the standing one is
-- kept and the op answers 'flagged'.
create function private.sync_apply_round_review(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_round_id uuid;
  v_site uuid;
  v_existing record;
  v_score int;
  v_comment text;
  v_decision text;
begin
  perform private.sync_only_fields(p_payload, array['round_id', 'score', 'comment', 'decision']);
  v_round_id := private.val_uuid(p_payload, 'round_id');
  v_score := private.val_number(p_payload, 'score', 0, 100, true)::int;
  v_comment := private.val_text(p_payload, 'comment', 500, '', false);
  v_decision := private.val_enum(p_payload, 'decision', array['accepted', 'sent_back']);

  select a.site_id into v_site
  from public.cleaning_rounds c join public.areas a on a.id = c.area_id where c.id = v_round_id;
  if not found then
    perform private.sync_refuse('not_found', 'round_id: no such round');
  end if;
  if not (public.has_role_at('inspector', v_site) or public.has_role_at('admin_head', v_site)) then
    perform private.sync_refuse('forbidden', 'round.review: inspector or admin_head of the area''s site only');
  end if;

  select r.round_id, r.reviewer_id, r.score, r.comment, r.decision into v_existing
  from public.round_reviews r where r.id = p_entity_id;
  if found then
    if (v_existing.round_id, v_existing.reviewer_id, v_existing.score, v_existing.comment, v_existing.decision)
       is distinct from (v_round_id, v_uid, v_score, v_comment, v_decision) then
      perform private.sync_refuse('invalid', 'id: a different review was already recorded with this id');
    end if;
    return '{"status":"duplicate"}'::jsonb;
  end if;

  insert into public.round_reviews (id, round_id, reviewer_id, reviewed_at, score, comment, decision)
  values (p_entity_id, v_round_id, v_uid, private.sync_op_device_time(), v_score, v_comment, v_decision);
  if private.round_derive(v_round_id) is distinct from p_entity_id then
    return '{"status":"flagged","detail":"round: a later review already stands"}'::jsonb;
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.round_derive(uuid) from public, anon, authenticated;
revoke execute on function private.sync_apply_round_record(uuid, jsonb) from public, anon, authenticated;
revoke execute on function private.sync_apply_round_review(uuid, jsonb) from public, anon, authenticated;
