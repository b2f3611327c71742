-- Template validation and inspection scoring, the server's copy of
-- src/features/inspections/domain/{template,scoring}.ts. tests/db/inspections-scoring.test.ts
-- compares checklist_score with the domain's scoreInspection on many answer sets:
-- change both together.

-- A template version's sections and grading, checked like templateSchema and returned
-- normalised (texts trimmed, only known keys). Refuses 'invalid' with the JSON path.
create function private.checklist_template_json(p_sections jsonb, p_grading jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  key_re constant text := '^[a-z][a-z0-9_]{0,63}$';
  grades constant text[] := array['excellent', 'good', 'fair', 'poor', 'pass', 'fail'];
  v_sections jsonb := '[]'::jsonb;
  v_items jsonb;
  v_section jsonb;
  v_item jsonb;
  v_out jsonb;
  v_thresholds jsonb := '[]'::jsonb;
  v_t jsonb;
  v_min numeric;
  v_prev numeric;
  v_mode text;
  v_section_keys text[] := '{}';
  v_item_keys text[] := '{}';
  v_grades text[] := '{}';
  w text;
  si int;
  ii int;
begin
  if pg_catalog.jsonb_typeof(p_sections) is distinct from 'array'
     or pg_catalog.jsonb_array_length(p_sections) not between 1 and 50 then
    perform private.sync_refuse('invalid', 'sections: 1 to 50 sections');
  end if;
  for v_section, si in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_sections) with ordinality e (value, n) loop
    w := pg_catalog.format('sections[%s].', si);
    if pg_catalog.jsonb_typeof(v_section) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('sections[%s]: must be an object', si));
    end if;
    perform private.sync_only_fields(v_section, array['key', 'title_zh', 'title_en', 'items']);
    if pg_catalog.jsonb_typeof(v_section -> 'key') is distinct from 'string' or (v_section ->> 'key') !~ key_re then
      perform private.sync_refuse('invalid', w || 'key: a-z, 0-9, _ (starting with a letter)');
    end if;
    if (v_section ->> 'key') = any (v_section_keys) then
      perform private.sync_refuse('invalid', w || 'key: duplicate ' || (v_section ->> 'key'));
    end if;
    v_section_keys := v_section_keys || (v_section ->> 'key');
    if pg_catalog.jsonb_typeof(v_section -> 'items') is distinct from 'array'
       or pg_catalog.jsonb_array_length(v_section -> 'items') not between 1 and 200 then
      perform private.sync_refuse('invalid', w || 'items: 1 to 200 items');
    end if;
    v_items := '[]'::jsonb;
    for v_item, ii in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(v_section -> 'items') with ordinality e (value, n) loop
      w := pg_catalog.format('sections[%s].items[%s].', si, ii);
      if pg_catalog.jsonb_typeof(v_item) is distinct from 'object' then
        perform private.sync_refuse('invalid', pg_catalog.format('sections[%s].items[%s]: must be an object', si, ii));
      end if;
      perform private.sync_only_fields(v_item, array['key', 'text_zh', 'text_en', 'guidance_zh', 'guidance_en',
        'mode', 'max_points', 'allow_na', 'critical', 'photo_on_fail']);
      if pg_catalog.jsonb_typeof(v_item -> 'key') is distinct from 'string' or (v_item ->> 'key') !~ key_re then
        perform private.sync_refuse('invalid', w || 'key: a-z, 0-9, _ (starting with a letter)');
      end if;
      -- Item keys name answers and rectifications: unique across the template.
      if (v_item ->> 'key') = any (v_item_keys) then
        perform private.sync_refuse('invalid', w || 'key: duplicate ' || (v_item ->> 'key'));
      end if;
      v_item_keys := v_item_keys || (v_item ->> 'key');
      v_mode := private.val_enum(v_item, 'mode', array['pass_fail', 'points'], w);
      v_out := pg_catalog.jsonb_build_object(
        'key', v_item ->> 'key',
        'text_zh', private.val_text(v_item, 'text_zh', 200, w),
        'text_en', private.val_text(v_item, 'text_en', 200, w),
        'mode', v_mode,
        'max_points', private.val_number(v_item, 'max_points', 1, 100, true, w)::int,
        'allow_na', private.val_bool(v_item, 'allow_na', w),
        'critical', private.val_bool(v_item, 'critical', w),
        'photo_on_fail', private.val_bool(v_item, 'photo_on_fail', w));
      if (v_out ->> 'critical')::boolean and v_mode <> 'pass_fail' then
        perform private.sync_refuse('invalid', w || 'critical: only for pass_fail items');
      end if;
      -- Guidance is optional text (kept as sent, trimmed, when present).
      if v_item ? 'guidance_zh' then
        if pg_catalog.jsonb_typeof(v_item -> 'guidance_zh') <> 'string' or pg_catalog.char_length(pg_catalog.btrim(v_item ->> 'guidance_zh')) > 1000 then
          perform private.sync_refuse('invalid', w || 'guidance_zh: text up to 1000 characters');
        end if;
        v_out := v_out || pg_catalog.jsonb_build_object('guidance_zh', pg_catalog.btrim(v_item ->> 'guidance_zh'));
      end if;
      if v_item ? 'guidance_en' then
        if pg_catalog.jsonb_typeof(v_item -> 'guidance_en') <> 'string' or pg_catalog.char_length(pg_catalog.btrim(v_item ->> 'guidance_en')) > 1000 then
          perform private.sync_refuse('invalid', w || 'guidance_en: text up to 1000 characters');
        end if;
        v_out := v_out || pg_catalog.jsonb_build_object('guidance_en', pg_catalog.btrim(v_item ->> 'guidance_en'));
      end if;
      v_items := v_items || pg_catalog.jsonb_build_array(v_out);
    end loop;
    w := pg_catalog.format('sections[%s].', si);
    v_sections := v_sections || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
      'key', v_section ->> 'key',
      'title_zh', private.val_text(v_section, 'title_zh', 100, w),
      'title_en', private.val_text(v_section, 'title_en', 100, w),
      'items', v_items));
  end loop;

  if pg_catalog.jsonb_typeof(p_grading) is distinct from 'object' then
    perform private.sync_refuse('invalid', 'grading: must be an object');
  end if;
  perform private.sync_only_fields(p_grading, array['thresholds', 'pass_mark']);
  if pg_catalog.jsonb_typeof(p_grading -> 'thresholds') is distinct from 'array'
     or pg_catalog.jsonb_array_length(p_grading -> 'thresholds') not between 1 and 10 then
    perform private.sync_refuse('invalid', 'grading.thresholds: 1 to 10 thresholds');
  end if;
  for v_t, ii in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_grading -> 'thresholds') with ordinality e (value, n) loop
    w := pg_catalog.format('grading.thresholds[%s].', ii);
    if pg_catalog.jsonb_typeof(v_t) is distinct from 'object' then
      perform private.sync_refuse('invalid', pg_catalog.format('grading.thresholds[%s]: must be an object', ii));
    end if;
    perform private.sync_only_fields(v_t, array['grade', 'min']);
    v_min := private.val_number(v_t, 'min', 0, 100, false, w);
    -- Highest first, strictly, so "the first threshold reached" is well defined.
    if v_prev is not null and not (v_min < v_prev) then
      perform private.sync_refuse('invalid', w || 'min: thresholds must go down strictly');
    end if;
    v_prev := v_min;
    if private.val_enum(v_t, 'grade', grades, w) = any (v_grades) then
      perform private.sync_refuse('invalid', w || 'grade: duplicate');
    end if;
    v_grades := v_grades || (v_t ->> 'grade');
    v_thresholds := v_thresholds || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object('grade', v_t ->> 'grade', 'min', v_t -> 'min'));
  end loop;
  -- The last min is 0, so every percent gets a grade.
  if v_prev <> 0 then
    perform private.sync_refuse('invalid', pg_catalog.format('grading.thresholds[%s].min: the last must be 0', ii));
  end if;
  return pg_catalog.jsonb_build_object(
    'sections', v_sections,
    'grading', pg_catalog.jsonb_build_object(
      'thresholds', v_thresholds,
      'pass_mark', private.val_number(p_grading, 'pass_mark', 0, 100, false, 'grading.') * 1));
end;
$$;

-- Scores answers against a template version (scoring.ts scoreInspection), refusing
-- 'invalid' with a detail naming the item when the answers are not a complete, valid set.
-- Returns { earned, possible, percent, grade, critical_failed, passed,
--           failed_items: [{ key, text_zh, critical }] (template order) }.
-- Percent in integers: r = floor((2·1000·earned + possible) / (2·possible)), percent = r / 10.
create function private.checklist_score(p_sections jsonb, p_grading jsonb, p_answers jsonb)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_by_key jsonb := '{}'::jsonb;
  v_a jsonb;
  v_item jsonb;
  v_key text;
  v_result text;
  v_points numeric;
  v_photos int;
  v_earned bigint := 0;
  v_possible bigint := 0;
  v_critical boolean := false;
  v_failed jsonb := '[]'::jsonb;
  v_is_failed boolean;
  v_percent numeric;
  v_grade text;
  v_t jsonb;
  i int;
begin
  if pg_catalog.jsonb_typeof(p_answers) is distinct from 'array' then
    perform private.sync_refuse('invalid', 'answers: must be an array');
  end if;
  -- Shape of each answer, one per item.
  for v_a, i in select e.value, e.n - 1 from pg_catalog.jsonb_array_elements(p_answers) with ordinality e (value, n) loop
    if pg_catalog.jsonb_typeof(v_a) is distinct from 'object' or pg_catalog.jsonb_typeof(v_a -> 'item_key') is distinct from 'string' then
      perform private.sync_refuse('invalid', pg_catalog.format('answers[%s]: an object with item_key', i));
    end if;
    v_key := v_a ->> 'item_key';
    perform private.sync_only_fields(v_a, array['item_key', 'result', 'points', 'note', 'photo_ids']);
    if v_by_key ? v_key then
      perform private.sync_refuse('invalid', 'answers.' || v_key || ': answered twice');
    end if;
    v_by_key := v_by_key || pg_catalog.jsonb_build_object(v_key, v_a);
  end loop;

  for v_item in
    select it.value from pg_catalog.jsonb_array_elements(p_sections) with ordinality s (value, sn)
    cross join lateral pg_catalog.jsonb_array_elements(s.value -> 'items') with ordinality it (value, n)
    order by s.sn, it.n
  loop
    v_key := v_item ->> 'key';
    v_a := v_by_key -> v_key;
    if v_a is null then
      perform private.sync_refuse('invalid', 'answers.' || v_key || ': unanswered');
    end if;
    v_by_key := v_by_key - v_key;
    v_result := private.val_enum(v_a, 'result', array['pass', 'fail', 'na', 'points'], 'answers.' || v_key || '.');
    v_points := private.val_number(v_a, 'points', 0, 100000, true, 'answers.' || v_key || '.', false);
    if v_a ? 'note' and pg_catalog.jsonb_typeof(v_a -> 'note') not in ('string', 'null') then
      perform private.sync_refuse('invalid', 'answers.' || v_key || '.note: must be text');
    end if;
    if pg_catalog.char_length(v_a ->> 'note') > 2000 then
      perform private.sync_refuse('invalid', 'answers.' || v_key || '.note: at most 2000 characters');
    end if;
    v_photos := pg_catalog.cardinality(private.val_photo_ids(v_a, 'photo_ids', 'answers.' || v_key || '.'));

    if v_result = 'na' then
      if not (v_item ->> 'allow_na')::boolean then
        perform private.sync_refuse('invalid', 'answers.' || v_key || ': N/A not allowed for this item');
      end if;
    elsif v_result = 'points' then
      if v_item ->> 'mode' <> 'points' then
        perform private.sync_refuse('invalid', 'answers.' || v_key || ': a pass_fail item is answered pass or fail');
      elsif v_points is null then
        perform private.sync_refuse('invalid', 'answers.' || v_key || '.points: required');
      elsif v_points > (v_item ->> 'max_points')::int then
        perform private.sync_refuse('invalid', 'answers.' || v_key || '.points: 0 to ' || (v_item ->> 'max_points'));
      end if;
    elsif v_item ->> 'mode' <> 'pass_fail' then
      perform private.sync_refuse('invalid', 'answers.' || v_key || ': a points item is answered with points');
    end if;
    if v_result <> 'points' and v_points is not null then
      perform private.sync_refuse('invalid', 'answers.' || v_key || '.points: only for a points answer');
    end if;

    v_is_failed := v_result = 'fail' or (v_result = 'points' and 2 * v_points < (v_item ->> 'max_points')::int);
    if v_is_failed and (v_item ->> 'photo_on_fail')::boolean and v_photos = 0 then
      perform private.sync_refuse('invalid', 'answers.' || v_key || '.photo_ids: a photo is required when it fails');
    end if;

    if v_result <> 'na' then
      v_possible := v_possible + (v_item ->> 'max_points')::int;
      v_earned := v_earned + case v_result when 'pass' then (v_item ->> 'max_points')::int
                                           when 'points' then v_points::int else 0 end;
    end if;
    if v_result = 'fail' and (v_item ->> 'critical')::boolean then
      v_critical := true;
    end if;
    if v_is_failed then
      v_failed := v_failed || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'key', v_key, 'text_zh', v_item ->> 'text_zh', 'critical', (v_item ->> 'critical')::boolean));
    end if;
  end loop;
  -- Whatever is left names no item of this version.
  for v_key in select k from pg_catalog.jsonb_object_keys(v_by_key) k order by 1 limit 1 loop
    perform private.sync_refuse('invalid', 'answers.' || v_key || ': no such item in this template version');
  end loop;

  if v_possible > 0 then
    -- Integer division of non-negative numbers is floor: half-up to one decimal.
    v_percent := pg_catalog.round(((2 * 1000 * v_earned + v_possible) / (2 * v_possible))::numeric / 10, 1);
    if v_critical then
      v_grade := p_grading -> 'thresholds' -> -1 ->> 'grade';
    else
      for v_t in select e.value from pg_catalog.jsonb_array_elements(p_grading -> 'thresholds') with ordinality e (value, n) order by e.n loop
        if v_percent >= (v_t ->> 'min')::numeric then
          v_grade := v_t ->> 'grade';
          exit;
        end if;
      end loop;
      v_grade := coalesce(v_grade, p_grading -> 'thresholds' -> -1 ->> 'grade');
    end if;
  end if;

  return pg_catalog.jsonb_build_object(
    'earned', v_earned,
    'possible', v_possible,
    'percent', v_percent,
    'grade', v_grade,
    'critical_failed', v_critical,
    'passed', not v_critical and coalesce(v_percent >= (p_grading ->> 'pass_mark')::numeric, false),
    'failed_items', v_failed);
end;
$$;

revoke execute on function private.checklist_template_json(jsonb, jsonb) from public, anon, authenticated;
revoke execute on function private.checklist_score(jsonb, jsonb, jsonb) from public, anon, authenticated;
