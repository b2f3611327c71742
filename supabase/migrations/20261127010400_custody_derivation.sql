-- Derived custody state (DESIGN.md invariant 3), computed in the transaction that
-- records an event: status, holder, due, condition, current label and has_conflict
-- of the asset, `flagged` on its events, and the status of its labels.
--
-- private.custody_derive folds ALL the asset's events in the domain's order
-- (custody.ts orderEvents: device time to the millisecond, then server time, then
-- id), mirroring applyEvent/isValidFrom step by step; tests/db/custody-fold.test.ts
-- feeds it the sequences of tests/unit/assets/custody.test.ts and compares with
-- foldEvents. An asset has few events, so folding them all is cheap; if
-- custody_events is partitioned by month, fold from a per-asset snapshot instead.

create function private.custody_derive(p_asset_id uuid)
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
  v_new text;
  v_old text;
  v_i int;
begin
  -- The label the asset was created with (id = asset id).
  select l.token, l.issued_at into v_init from public.asset_labels l where l.id = p_asset_id;
  if found then
    v_label := v_init.token;
    v_tok := array[v_init.token];
    v_tok_id := array[p_asset_id];
    v_tok_issued := array[v_init.issued_at];
    v_tok_gone := array[null::timestamptz];
  end if;

  for e in
    select ce.id, ce.type, ce.payload, ce.device_time
    from public.custody_events ce
    where ce.asset_id = p_asset_id
    -- JS Date compares milliseconds: truncate so both sides tie the same way.
    order by pg_catalog.date_trunc('milliseconds', ce.device_time),
             pg_catalog.date_trunc('milliseconds', ce.server_time), ce.id
  loop
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
    end if;

    if e.type = 'label_replaced' then
      v_new := e.payload ->> 'new_token';
      v_old := e.payload ->> 'old_token';
      -- The token it names and the one current until now are both superseded.
      for v_i in 1..coalesce(pg_catalog.array_length(v_tok, 1), 0) loop
        if (v_tok[v_i] = v_old or v_tok[v_i] = v_label) and v_tok[v_i] <> v_new and v_tok_gone[v_i] is null then
          v_tok_gone[v_i] := e.device_time;
        end if;
      end loop;
      v_i := pg_catalog.array_position(v_tok, v_new);
      if v_i is null then
        v_tok := v_tok || v_new;
        v_tok_id := v_tok_id || e.id;
        v_tok_issued := v_tok_issued || e.device_time;
        v_tok_gone := v_tok_gone || null::timestamptz;
      else
        v_tok_gone[v_i] := null; -- an old token put back in use
      end if;
      v_label := v_new;
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

  -- Write only what changed, so an unchanged row is not sent to devices again.
  update public.custody_events ce
  set flagged = (ce.id = any (v_conf_ids))
  where ce.asset_id = p_asset_id and ce.flagged is distinct from (ce.id = any (v_conf_ids));

  update public.assets a
  set status = v_status, holder_id = v_holder, due_at = v_due, condition = v_cond,
      label_token = v_label, has_conflict = pg_catalog.cardinality(v_open) > 0
  where a.id = p_asset_id
    and (a.status, a.holder_id, a.due_at, a.condition, a.label_token, a.has_conflict)
        is distinct from (v_status, v_holder, v_due, v_cond, v_label, pg_catalog.cardinality(v_open) > 0);

  -- Retire the superseded tokens first: one active label per asset at any moment.
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

revoke execute on function private.custody_derive(uuid) from public, anon, authenticated;
