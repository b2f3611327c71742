-- 维修审批 (issue 9): a repair whose cost is above the admin head's approval threshold
-- (company.approval_amount_threshold) goes up the chain one level at a time — the fleet manager, then
-- the admin head, then the executive — on the requests engine, as its conditional steps do: the request
-- type 'vehicle_repair' (chain: the fleet manager; its amount above the threshold adds the admin head,
-- then the executive), the same data as REQUEST_TYPES in src/features/requests/domain/types.ts
-- (tests/db/requests.test.ts compares them). The fleet manager applies from the repair request, so their
-- own step is on record as theirs and the next level up decides.
--
-- maintenance.update gains approval_id (the fleet manager's own 'vehicle_repair' application, named
-- while the repair is still 'requested'). Letting a repair above the threshold go ahead (requested →
-- approved or in_progress) is a decision: without an approved application covering the cost it is
-- refused 'forbidden'. Completing one (a fact: the work was done) is never refused for it: it is kept
-- and flagged. Going ahead on an approved application marks it carried out. The device does the same
-- (src/features/fleet/domain/repairApproval.ts, data/fleetWrites.ts).
-- Re-creates private.sync_apply_maintenance_update (last: 20261202020100) with these additions.

insert into private.request_types values
  ('vehicle_repair', 'vehicle', '{fleet_manager}', 'estimated_cost', null, 'fleet_manager');

insert into private.request_type_fields (type, ord, key, kind, optional, required_if, max, min, options, after) values
  ('vehicle_repair', 1, 'vehicle', 'text', false, null, 60, null, null, null),
  ('vehicle_repair', 2, 'description', 'textarea', false, null, 1000, null, null, null),
  ('vehicle_repair', 3, 'garage', 'text', true, null, 100, null, null, null),
  ('vehicle_repair', 4, 'estimated_cost', 'amount', false, null, 1000000, null, null, null);

alter table public.maintenance_requests add column approval_id uuid references public.requests (id);
create index maintenance_requests_approval_idx on public.maintenance_requests (approval_id);

-- repairGate (repairApproval.ts): 'direct' (no cost, or at or below the threshold), 'waiting' (its
-- application pending or returned), 'covered' (approved for at least the cost), else 'escalate'.
create function private.maintenance_repair_gate(p_cost numeric, p_approval_id uuid)
returns text
language plpgsql stable
set search_path = ''
as $$
declare
  v_threshold numeric;
  r public.requests;
begin
  select coalesce(min(c.approval_amount_threshold), 5000) into v_threshold from public.company c where c.deleted_at is null;
  if p_cost is null or p_cost <= v_threshold then
    return 'direct';
  end if;
  select * into r from public.requests q where q.id = p_approval_id and q.deleted_at is null;
  if not found then
    return 'escalate';
  end if;
  if r.status in ('pending', 'returned') then
    return 'waiting';
  end if;
  if r.status = 'approved' and pg_catalog.jsonb_typeof(r.form -> 'estimated_cost') = 'number'
     and (r.form ->> 'estimated_cost')::numeric >= p_cost then
    return 'covered';
  end if;
  return 'escalate';
end;
$$;
revoke execute on function private.maintenance_repair_gate(numeric, uuid) from public, anon, authenticated;

create or replace function private.sync_apply_maintenance_update(p_entity_id uuid, p_payload jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_id uuid;
  v_req public.maintenance_requests;
  v_status text;
  v_completed timestamptz;
  v_renewal text;
  v_rule uuid;
  v_km int;
  v_done_at timestamptz;
  v_approval uuid;
  v_cost numeric;
  v_gate text;
  v_flag text;
  v_rank constant jsonb := '{"requested":0,"approved":1,"in_progress":2,"completed":3,"rejected":3}';
begin
  perform private.sync_only_fields(p_payload, array['request_id', 'status', 'garage', 'cost', 'completed_at', 'note',
    'renewal_kind', 'renewal_rule_id', 'odometer_km', 'approval_id']);
  v_id := private.val_uuid(p_payload, 'request_id');
  v_status := private.val_enum(p_payload, 'status', array['requested', 'approved', 'in_progress', 'completed', 'rejected']);
  perform private.val_text(p_payload, 'garage', 100, '', false);
  perform private.val_number(p_payload, 'cost', 0, 10000000, false, '', false);
  perform private.val_text(p_payload, 'note', 500, '', false);
  v_completed := private.val_time(p_payload, 'completed_at', '', false);
  if v_completed is not null and v_status <> 'completed' then
    perform private.sync_refuse('invalid', 'completed_at: only with status completed');
  end if;
  v_renewal := private.val_enum(p_payload, 'renewal_kind', array['service', 'annual_inspection', 'insurance'], '', false);
  v_km := private.val_number(p_payload, 'odometer_km', 0, 9999999, true, '', false)::int;
  if v_renewal is not null then
    if v_status <> 'completed' then
      perform private.sync_refuse('invalid', 'renewal_kind: only with status completed');
    end if;
    v_rule := private.val_uuid(p_payload, 'renewal_rule_id');
  elsif p_payload ? 'renewal_rule_id' or p_payload ? 'odometer_km' then
    perform private.sync_refuse('invalid', 'renewal_rule_id: only with renewal_kind');
  end if;
  v_approval := private.val_uuid(p_payload, 'approval_id', '', false);
  if v_approval is not null and v_status <> 'requested' then
    perform private.sync_refuse('invalid', 'approval_id: only while the repair is requested (sent up for approval)');
  end if;
  select m.* into v_req from public.maintenance_requests m where m.id = v_id and m.deleted_at is null for update;
  if not found then
    perform private.sync_refuse('not_found', 'request_id: no such maintenance request');
  end if;
  if not private.vehicle_is_fleet_manager(v_req.vehicle_id) then
    perform private.sync_refuse('forbidden', 'maintenance.update: the fleet manager of the vehicle''s site');
  end if;
  if v_approval is not null then
    perform 1 from public.requests q
    where q.id = v_approval and q.type = 'vehicle_repair' and q.applicant_id = v_uid and q.deleted_at is null;
    if not found then
      perform private.sync_refuse('not_found', 'approval_id: no vehicle_repair application of yours (push it first)');
    end if;
  end if;

  if v_status <> v_req.status
     and (v_req.status in ('completed', 'rejected') or (v_rank ->> v_status)::int <= (v_rank ->> v_req.status)::int) then
    return pg_catalog.jsonb_build_object('status', 'flagged',
      'detail', pg_catalog.format('status: %s → %s does not fit', v_req.status, v_status));
  end if;
  if v_approval is not null and v_req.status <> 'requested' then
    return pg_catalog.jsonb_build_object('status', 'flagged',
      'detail', pg_catalog.format('approval_id: the repair is already %s', v_req.status));
  end if;

  -- Above the threshold, the repair goes ahead only on an approved application covering its cost.
  v_cost := case when p_payload ? 'cost' then private.val_number(p_payload, 'cost', 0, 10000000, false, '', false) else v_req.cost end;
  v_approval := coalesce(v_approval, v_req.approval_id);
  v_gate := private.maintenance_repair_gate(v_cost, v_approval);
  if v_req.status = 'requested' and v_status in ('approved', 'in_progress') and v_gate not in ('direct', 'covered') then
    perform private.sync_refuse('forbidden', pg_catalog.format(
      'maintenance.update: %s yuan is above the approval threshold; the admin head and the executive approve it first (a vehicle_repair application, now %s)',
      v_cost, v_gate));
  end if;
  if v_status = 'completed' and v_gate not in ('direct', 'covered') then
    v_flag := pg_catalog.format('vehicles.flags.costAboveApproval: %s yuan completed without an approval covering it', v_cost);
  end if;

  update public.maintenance_requests m
  set status = v_status,
      decided_by = case when v_req.status = 'requested' and v_status <> 'requested' then v_uid else m.decided_by end,
      garage = case when p_payload ? 'garage' then private.val_text(p_payload, 'garage', 100, '', false) else m.garage end,
      cost = v_cost,
      note = case when p_payload ? 'note' then private.val_text(p_payload, 'note', 500, '', false) else m.note end,
      approval_id = v_approval,
      completed_at = case when v_status = 'completed'
                          then coalesce(v_completed, m.completed_at, private.sync_op_device_time()) end
  where m.id = v_id
  returning m.completed_at into v_done_at;
  -- Going ahead on its approved application carries the application out.
  if v_req.status = 'requested' and v_status in ('approved', 'in_progress', 'completed') and v_approval is not null then
    update public.requests q set fulfilled_at = private.sync_op_device_time(), fulfilled_by = v_uid
    where q.id = v_approval and q.status = 'approved' and q.fulfilled_at is null;
  end if;
  if v_renewal is not null then
    perform private.renewal_done(v_req.vehicle_id, v_renewal, v_rule, v_done_at, v_km);
  end if;
  perform private.vehicle_state_derive(v_req.vehicle_id);
  if v_flag is not null then
    return pg_catalog.jsonb_build_object('status', 'flagged', 'detail', v_flag);
  end if;
  return '{}'::jsonb;
end;
$$;
revoke execute on function private.sync_apply_maintenance_update(uuid, jsonb) from public, anon, authenticated;
