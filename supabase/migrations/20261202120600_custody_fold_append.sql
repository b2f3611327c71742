-- The custody derivation appends in constant time (issue 8, point 11). It folded an asset's
-- whole history on every event (1.4 ms per event at 150 events, 5-7 ms at 2,000-3,000). Now
-- where the fold stands after the last event (position, open conflicts, labels) is kept in
-- private.custody_folds; an event that sorts after everything folded so far is one step from
-- there. An event that arrives out of order (an offline device's older scan), a call without an
-- event (asset.upsert's label) or an asset with no stored position folds the whole history as
-- before, and stores where it ends.
--
-- private.custody_derive below is 20261202090100_custody_requests.sql's (return_claimed) with the stored
-- position (the step itself is unchanged; tests/db/custody-fold.test.ts keeps comparing it with
-- the domain's foldEvents, both ways). private.custody_record is 20261202090100's, passing its
-- event to custody_derive.

create table private.custody_folds (
  asset_id uuid primary key references public.assets (id),
  -- The order key of the last event folded (ms-truncated device and server time, id).
  last_device timestamptz not null,
  last_server timestamptz not null,
  last_id uuid,
  status text not null,
  holder_id uuid,
  due_at timestamptz,
  condition text,
  label_token text,
  basis_id uuid,
  conflict_ids uuid[] not null default '{}',
  named_ids uuid[] not null default '{}',
  tok text[] not null default '{}',
  tok_id uuid[] not null default '{}',
  tok_issued timestamptz[] not null default '{}',
  tok_gone timestamptz[] not null default '{}',
  -- Since when the holder says it is back, unconfirmed (20261202090100's return_claimed).
  return_claimed_at timestamptz
);
alter table private.custody_folds enable row level security;
revoke all on private.custody_folds from public, anon, authenticated;

drop function private.custody_derive(uuid);

create function private.custody_derive(p_asset_id uuid, p_event_id uuid default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  e record;
  v_status text := 'in_stock';
  v_holder uuid;
  v_due timestamptz;
  v_cond text;
  v_label text;
  v_basis uuid;
  n_status text;
  n_holder uuid;
  n_due timestamptz;
  v_valid boolean;
  v_held boolean;
  v_conflicts jsonb := '[]'::jsonb;
  v_conf_ids uuid[] := '{}';
  v_named uuid[] := '{}';
  v_open uuid[];
  -- Labels: every token of the asset, in issue order, with when it was issued and superseded.
  v_tok text[] := '{}';
  v_tok_id uuid[] := '{}';
  v_tok_issued timestamptz[] := '{}';
  v_tok_gone timestamptz[] := '{}';
  v_init record;
  v_new_tok text;
  v_old text;
  v_i int;
  v_snap private.custody_folds;
  v_new_d timestamptz;
  v_new_s timestamptz;
  v_append boolean := false;
  v_label_moved boolean := false;
  v_last_d timestamptz;
  v_last_s timestamptz;
  v_last_id uuid;
  -- Events after this key are folded: everything (-infinity) or what follows the stored position.
  -- One predicate for both, so the cached plan is an index range either way.
  v_from_d timestamptz := '-infinity';
  v_from_s timestamptz := '-infinity';
  v_from_id uuid;
  -- The holder said they returned it (return_claimed) and the keeper has not confirmed yet.
  v_claim timestamptz;
begin
  -- Append: the new event sorts after everything folded so far, so the fold goes on from the
  -- stored position with that one step (constant time). Anything else folds the whole history.
  if p_event_id is not null then
    select f.* into v_snap from private.custody_folds f where f.asset_id = p_asset_id;
    select pg_catalog.date_trunc('milliseconds', ce.device_time), pg_catalog.date_trunc('milliseconds', ce.server_time)
    into v_new_d, v_new_s from public.custody_events ce where ce.id = p_event_id and ce.asset_id = p_asset_id;
    v_append := v_snap.asset_id is not null and v_new_d is not null
      and (v_new_d, v_new_s, p_event_id) > (v_snap.last_device, v_snap.last_server, v_snap.last_id);
  end if;

  if v_append then
    v_from_d := v_snap.last_device;
    v_from_s := v_snap.last_server;
    v_from_id := v_snap.last_id;
    v_status := v_snap.status;
    v_holder := v_snap.holder_id;
    v_due := v_snap.due_at;
    v_cond := v_snap.condition;
    v_label := v_snap.label_token;
    v_basis := v_snap.basis_id;
    v_conf_ids := v_snap.conflict_ids;
    v_named := v_snap.named_ids;
    v_tok := v_snap.tok;
    v_tok_id := v_snap.tok_id;
    v_tok_issued := v_snap.tok_issued;
    v_tok_gone := v_snap.tok_gone;
    v_claim := v_snap.return_claimed_at;
  else
    -- The label the asset was created with (id = asset id).
    select l.token, l.issued_at into v_init from public.asset_labels l where l.id = p_asset_id;
    if found then
      v_label := v_init.token;
      v_tok := array[v_init.token];
      v_tok_id := array[p_asset_id];
      v_tok_issued := array[v_init.issued_at];
      v_tok_gone := array[null::timestamptz];
    end if;
  end if;

  for e in
    select ce.id, ce.type, ce.payload, ce.device_time,
           pg_catalog.date_trunc('milliseconds', ce.device_time) as d, pg_catalog.date_trunc('milliseconds', ce.server_time) as s
    from public.custody_events ce
    where ce.asset_id = p_asset_id
      -- What sorts after v_from (the index range, then the exact order; a null id compares
      -- only when both times tie, which -infinity never does).
      and ce.device_time >= v_from_d
      and (pg_catalog.date_trunc('milliseconds', ce.device_time), pg_catalog.date_trunc('milliseconds', ce.server_time), ce.id)
          > (v_from_d, v_from_s, v_from_id)
    -- JS Date compares milliseconds: truncate so both sides tie the same way.
    order by pg_catalog.date_trunc('milliseconds', ce.device_time),
             pg_catalog.date_trunc('milliseconds', ce.server_time), ce.id
  loop
    v_last_d := e.d;
    v_last_s := e.s;
    v_last_id := e.id;
    v_held := v_holder is not null;
    -- isValidFrom (custody.ts); resolve_conflict is always applied.
    v_valid := case e.type
      when 'check_out' then v_status = 'in_stock'
      when 'check_in' then v_status in ('checked_out', 'lost') or (v_status = 'damaged' and v_held)
      when 'transfer' then v_status = 'checked_out'
      when 'audit_seen' then true
      when 'report_damaged' then v_status in ('in_stock', 'checked_out')
      when 'report_lost' then v_status in ('in_stock', 'checked_out', 'damaged', 'in_repair')
      when 'send_to_repair' then v_status = 'in_stock' or (v_status = 'damaged' and not v_held)
      when 'back_from_repair' then v_status = 'in_repair'
      when 'retire' then v_status in ('in_stock', 'in_repair', 'lost') or (v_status = 'damaged' and not v_held)
      when 'label_replaced' then v_status <> 'retired'
      when 'return_claimed' then v_status = 'checked_out' or (v_status = 'damaged' and v_held)
      else true
    end;

    -- effect (custody.ts): what the event makes true, valid step or not.
    n_status := v_status;
    n_holder := v_holder;
    n_due := v_due;
    case e.type
      when 'check_out' then
        n_status := 'checked_out';
        n_holder := (e.payload ->> 'to_person')::uuid;
        n_due := (e.payload ->> 'due_at')::timestamptz;
      when 'check_in' then
        n_status := case when e.payload ->> 'condition' = 'damaged' then 'damaged' else 'in_stock' end;
        n_holder := null;
        n_due := null;
      when 'transfer' then
        n_status := 'checked_out';
        n_holder := (e.payload ->> 'to_person')::uuid;
        n_due := coalesce((e.payload ->> 'due_at')::timestamptz, v_due);
      when 'audit_seen' then
        -- Seeing a lost item means it was found.
        if v_status = 'lost' then
          n_status := 'in_stock';
          n_holder := null;
          n_due := null;
        end if;
      when 'report_damaged' then
        n_status := 'damaged';
      when 'report_lost' then
        n_status := 'lost';
        n_due := null;
      when 'send_to_repair' then
        n_status := 'in_repair';
        n_holder := null;
        n_due := null;
      when 'back_from_repair' then
        n_status := case when e.payload ->> 'condition' = 'damaged' then 'damaged' else 'in_stock' end;
        n_holder := null;
        n_due := null;
      when 'retire' then
        n_status := 'retired';
        n_holder := null;
        n_due := null;
      when 'resolve_conflict' then
        n_status := e.payload ->> 'status';
        n_holder := (e.payload ->> 'holder_id')::uuid;
        n_due := (e.payload ->> 'due_at')::timestamptz;
      else
        null; -- label_replaced keeps the position
    end case;

    -- An invalid step that moves the position is a conflict; one that ends where
    -- we already are (both devices checked it in) contests nothing.
    if not v_valid and (n_status, n_holder) is distinct from (v_status, v_holder) then
      v_conf_ids := v_conf_ids || e.id;
      v_conflicts := v_conflicts || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'id', e.id,
        'event_ids', case when v_basis is null then pg_catalog.jsonb_build_array(e.id)
                          else pg_catalog.jsonb_build_array(v_basis, e.id) end,
        'event_type', e.type,
        'from_status', v_status,
        'from_holder_id', v_holder));
    end if;
    -- foldEvents closes a conflict named by any resolution, whatever its clock said.
    if e.type = 'resolve_conflict' then
      v_named := v_named || array(select x::uuid from pg_catalog.jsonb_array_elements_text(e.payload -> 'conflict_ids') x);
    end if;

    if (n_status, n_holder) is distinct from (v_status, v_holder) or e.type = 'resolve_conflict' then
      v_basis := e.id;
      v_claim := null;
    elsif e.type = 'return_claimed' and v_holder is not null then
      v_claim := coalesce(v_claim, e.device_time);
    end if;

    if e.type = 'label_replaced' then
      v_label_moved := true;
      v_new_tok := e.payload ->> 'new_token';
      v_old := e.payload ->> 'old_token';
      -- The token it names and the one current until now are both superseded.
      for v_i in 1..coalesce(pg_catalog.array_length(v_tok, 1), 0) loop
        if (v_tok[v_i] = v_old or v_tok[v_i] = v_label) and v_tok[v_i] <> v_new_tok and v_tok_gone[v_i] is null then
          v_tok_gone[v_i] := e.device_time;
        end if;
      end loop;
      v_i := pg_catalog.array_position(v_tok, v_new_tok);
      if v_i is null then
        v_tok := v_tok || v_new_tok;
        v_tok_id := v_tok_id || e.id;
        v_tok_issued := v_tok_issued || e.device_time;
        v_tok_gone := v_tok_gone || null::timestamptz;
      else
        v_tok_gone[v_i] := null; -- an old token put back in use
      end if;
      v_label := v_new_tok;
    end if;

    if e.type in ('check_out', 'check_in', 'back_from_repair') then
      v_cond := e.payload ->> 'condition';
    elsif e.type = 'report_damaged' then
      v_cond := 'damaged';
    elsif e.type = 'audit_seen' and e.payload ->> 'condition' is not null then
      v_cond := e.payload ->> 'condition';
    end if;

    v_status := n_status;
    v_holder := n_holder;
    v_due := n_due;
  end loop;

  v_open := array(select c from pg_catalog.unnest(v_conf_ids) c where not (c = any (v_named)));

  -- Where the fold stands now, for the next append.
  if v_last_d is not null or not v_append then
    insert into private.custody_folds as f (asset_id, last_device, last_server, last_id, status, holder_id, due_at,
      condition, label_token, basis_id, conflict_ids, named_ids, tok, tok_id, tok_issued, tok_gone, return_claimed_at)
    values (p_asset_id, coalesce(v_last_d, '-infinity'), coalesce(v_last_s, '-infinity'), v_last_id, v_status, v_holder, v_due,
      v_cond, v_label, v_basis, v_conf_ids, v_named, v_tok, v_tok_id, v_tok_issued, v_tok_gone, v_claim)
    on conflict (asset_id) do update set
      last_device = excluded.last_device, last_server = excluded.last_server, last_id = excluded.last_id,
      status = excluded.status, holder_id = excluded.holder_id, due_at = excluded.due_at,
      condition = excluded.condition, label_token = excluded.label_token, basis_id = excluded.basis_id,
      conflict_ids = excluded.conflict_ids, named_ids = excluded.named_ids, tok = excluded.tok,
      tok_id = excluded.tok_id, tok_issued = excluded.tok_issued, tok_gone = excluded.tok_gone,
      return_claimed_at = excluded.return_claimed_at;
  end if;

  -- Write only what changed, so an unchanged row is not sent to devices again. Appending
  -- changes no earlier event's standing: only the new ones can be flagged.
  update public.custody_events ce
  set flagged = (ce.id = any (v_conf_ids))
  where ce.asset_id = p_asset_id and ce.flagged is distinct from (ce.id = any (v_conf_ids))
    and ce.device_time >= v_from_d;

  update public.assets a
  set status = v_status, holder_id = v_holder, due_at = v_due, condition = v_cond,
      label_token = v_label, has_conflict = pg_catalog.cardinality(v_open) > 0, return_claimed_at = v_claim
  where a.id = p_asset_id
    and (a.status, a.holder_id, a.due_at, a.condition, a.label_token, a.has_conflict, a.return_claimed_at)
        is distinct from (v_status, v_holder, v_due, v_cond, v_label, pg_catalog.cardinality(v_open) > 0, v_claim);

  -- Retire the superseded tokens first: one active label per asset at any moment.
  -- (Appending anything but a label change leaves the labels as they were.)
  if v_append and not v_label_moved then
    return pg_catalog.jsonb_build_object('conflicts', v_conflicts, 'open', pg_catalog.to_jsonb(v_open));
  end if;
  for v_i in 1..coalesce(pg_catalog.array_length(v_tok, 1), 0) loop
    if v_tok[v_i] is distinct from v_label then
      insert into public.asset_labels (id, token, asset_id, status, issued_at, replaced_at)
      values (v_tok_id[v_i], v_tok[v_i], p_asset_id, 'replaced', v_tok_issued[v_i], coalesce(v_tok_gone[v_i], v_tok_issued[v_i]))
      on conflict (token) do update
        set status = excluded.status, replaced_at = excluded.replaced_at
        where (public.asset_labels.status, public.asset_labels.replaced_at)
              is distinct from (excluded.status, excluded.replaced_at);
    end if;
  end loop;
  if v_label is not null then
    v_i := pg_catalog.array_position(v_tok, v_label);
    insert into public.asset_labels (id, token, asset_id, status, issued_at, replaced_at)
    values (v_tok_id[v_i], v_label, p_asset_id, 'active', v_tok_issued[v_i], null)
    on conflict (token) do update
      set status = 'active', replaced_at = null
      where public.asset_labels.status is distinct from 'active';
  end if;

  return pg_catalog.jsonb_build_object(
    'conflicts', v_conflicts,
    'open', pg_catalog.to_jsonb(v_open));
end;
$$;

revoke execute on function private.custody_derive(uuid, uuid) from public, anon, authenticated;

create or replace function private.custody_record(p_event_id uuid, p_event jsonb, p_where text default '')
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_asset record;
  v_asset_id uuid;
  v_type text;
  v_time timestamptz;
  v_payload jsonb;
  v_photos uuid[];
  v_person uuid;
  v_existing record;
  v_keeper boolean;
  v_at record;
  v_allowed boolean;
  v_token text;
  v_out jsonb;
  v_conflict jsonb;
  v_raw jsonb;
  v_request_id uuid;
  v_link_flag text;
begin
  if pg_catalog.jsonb_typeof(p_event) is distinct from 'object' then
    perform private.sync_refuse('invalid', coalesce(nullif(pg_catalog.rtrim(p_where, '.'), ''), 'payload') || ': must be an object');
  end if;
  perform private.sync_only_fields(p_event, array['id', 'asset_id', 'actor_id', 'type', 'device_time', 'payload', 'photo_ids']);
  if p_event ? 'id' and private.val_uuid(p_event, 'id', p_where) <> p_event_id then
    perform private.sync_refuse('invalid', p_where || 'id: must be the op''s entity_id');
  end if;
  v_asset_id := private.val_uuid(p_event, 'asset_id', p_where);
  v_type := private.val_enum(p_event, 'type', array['check_out', 'check_in', 'transfer', 'audit_seen',
    'report_damaged', 'report_lost', 'send_to_repair', 'back_from_repair', 'retire', 'label_replaced',
    'resolve_conflict', 'return_claimed'], p_where);
  v_time := private.val_time(p_event, 'device_time', p_where);
  if p_event ? 'actor_id' and private.val_uuid(p_event, 'actor_id', p_where, false) is distinct from v_uid then
    perform private.sync_refuse('forbidden', p_where || 'actor_id: you record events as yourself');
  end if;
  -- A check-out or a retirement may name the application it carries out (证照借用, 印章停用).
  v_raw := p_event -> 'payload';
  if v_type in ('check_out', 'retire') and pg_catalog.jsonb_typeof(v_raw) = 'object' and v_raw ? 'request_id' then
    v_request_id := private.val_uuid(v_raw, 'request_id', p_where || 'payload.', false);
    v_raw := v_raw - 'request_id';
  end if;
  -- The holder's "returned" says what a check-in says: the condition and a note.
  v_payload := private.custody_payload(case when v_type = 'return_claimed' then 'check_in' else v_type end, v_raw, v_time, p_where);
  if v_request_id is not null then
    v_payload := v_payload || pg_catalog.jsonb_build_object('request_id', v_request_id);
  end if;
  v_photos := private.val_photo_ids(p_event, 'photo_ids', p_where);

  -- Lock the asset: events of one asset are recorded and folded one at a time.
  select a.id, a.kind, a.site_id, a.holder_id, a.keeper_role into v_asset
  from public.assets a where a.id = v_asset_id and a.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', p_where || 'asset_id: no such asset');
  end if;

  -- mayRecord (custodyAccess.ts): roles and who holds it, never the status.
  v_keeper := public.has_role_at('admin_head', v_asset.site_id) or public.has_role_at(v_asset.keeper_role, v_asset.site_id);
  if v_keeper then
    v_allowed := true;
  elsif v_asset.kind = 'vehicle' and v_type in ('check_out', 'check_in') and public.has_role_at('driver', v_asset.site_id) then
    if v_type = 'check_out' and (v_payload ->> 'to_person')::uuid is distinct from v_uid then
      perform private.sync_refuse('forbidden', p_where || 'payload.to_person: a driver checks a vehicle out only to themselves');
    end if;
    v_allowed := true;
  elsif v_type in ('check_in', 'return_claimed', 'report_damaged', 'report_lost') then
    -- The holder (roleMayRecord with holderAt): the holder now (a phone clock running
    -- behind), or the holder when the event happened (an offline hand-back before the
    -- next check-out); once it is back, the person it was last handed to may only record
    -- the hand-back again. A former holder of what someone else holds now may not.
    select h.holder_id, h.last_holder_id into v_at from private.custody_holder_at(v_asset_id, v_time) h;
    v_allowed := v_asset.holder_id = v_uid
      or v_at.holder_id = v_uid
      or (v_at.holder_id is null and v_type in ('check_in', 'return_claimed') and v_at.last_holder_id = v_uid);
  else
    v_allowed := false;
  end if;
  if not coalesce(v_allowed, false) then
    perform private.sync_refuse('forbidden', pg_catalog.format('custody.record: %s on a %s is not yours to record', v_type, v_asset.kind));
  end if;
  -- A seal or a licence is back only when its keeper confirms: the holder's check-in (an app
  -- from before this rule) is kept as what it is, their word that they returned it.
  if not v_keeper and v_asset.kind in ('seal', 'licence') and v_type = 'check_in' then
    v_type := 'return_claimed';
  end if;
  -- 印章停用: a seal is retired only through an approved application, by anyone.
  if v_asset.kind = 'seal' and v_type = 'retire' and v_request_id is null then
    perform private.sync_refuse('forbidden', p_where || 'payload.request_id: a seal is retired only through an approved application (印章停用)');
  end if;

  -- Ids are made on the device: the same event pushed again (another op) is the same fact.
  select ce.asset_id, ce.type, ce.flagged into v_existing from public.custody_events ce where ce.id = p_event_id;
  if found then
    if v_existing.asset_id <> v_asset_id or v_existing.type <> v_type then
      perform private.sync_refuse('invalid', p_where || 'id: already used by another event');
    end if;
    return case when v_existing.flagged then '{"status":"flagged","detail":"conflict: recorded before"}'::jsonb else '{}'::jsonb end;
  end if;

  if v_type = 'label_replaced' then
    foreach v_token in array array[v_payload ->> 'new_token', v_payload ->> 'old_token'] loop
      perform 1 from public.asset_labels l where l.token = v_token and l.asset_id <> v_asset_id;
      if found then
        perform private.sync_refuse('invalid', p_where || 'payload.' || case when v_token = v_payload ->> 'new_token'
          then 'new_token' else 'old_token' end || ': a label of another asset');
      end if;
    end loop;
  elsif v_type = 'resolve_conflict' then
    perform 1 from pg_catalog.jsonb_array_elements_text(v_payload -> 'conflict_ids') x
    where not exists (select 1 from public.custody_events ce where ce.id = x::uuid and ce.asset_id = v_asset_id);
    if found then
      perform private.sync_refuse('invalid', p_where || 'payload.conflict_ids: not events of this asset');
    end if;
  end if;

  if v_request_id is not null or (v_asset.kind = 'licence' and v_type = 'check_out') then
    v_link_flag := private.custody_request_check(v_asset.kind, v_type, v_request_id, p_where);
  end if;

  insert into public.custody_events (id, asset_id, type, actor_id, device_time, payload, photo_ids)
  values (p_event_id, v_asset_id, v_type, v_uid, v_time, v_payload, v_photos);

  if v_request_id is not null or (v_asset.kind = 'licence' and v_type = 'check_out') then
    insert into public.custody_requests (id, asset_id, request_id, flag, linked_by)
    values (p_event_id, v_asset_id, v_request_id, v_link_flag, v_uid);
    if v_link_flag is null then
      update public.requests r set fulfilled_at = v_time, fulfilled_by = v_uid where r.id = v_request_id and r.fulfilled_at is null;
    end if;
  end if;

  -- Everyone named on the asset keeps seeing it (authz.my_involved_asset_ids).
  v_person := coalesce(v_payload ->> 'to_person', v_payload ->> 'holder_id')::uuid;
  insert into private.asset_people (person_id, asset_id)
  select x, v_asset_id from (values (v_uid), (v_person)) as t (x) where x is not null
  on conflict do nothing;

  v_out := private.custody_derive(v_asset_id, p_event_id);
  -- Flagged when an open conflict involves this event: it clashed, or it is the
  -- earlier fact a later-synced one now clashes with.
  select c into v_conflict from pg_catalog.jsonb_array_elements(v_out -> 'conflicts') c
  where c -> 'event_ids' ? p_event_id::text and (v_out -> 'open') ? (c ->> 'id')
  limit 1;
  if v_conflict is not null then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', pg_catalog.format(
      'conflict: %s while %s%s', v_conflict ->> 'event_type', v_conflict ->> 'from_status',
      coalesce(' (holder ' || (v_conflict ->> 'from_holder_id') || ')', '')));
  end if;
  -- No application is a matter for the admin head's review, not a conflict: applied, marked on the link.
  if v_link_flag = 'assets.flags.applicationNotApproved' then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', v_link_flag);
  end if;
  return '{}'::jsonb;
end;
$$;

revoke execute on function private.custody_record(uuid, jsonb, text) from public, anon, authenticated;
