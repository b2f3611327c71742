-- 提前退宿 (early leave, issue 10) on the requests engine, as 入住申请 and 调宿申请: the request type
-- 'dorm_leave', the same data as REQUEST_TYPES in src/features/requests/domain/types.ts
-- (tests/db/requests.test.ts compares them). The resident applies before the stay's expected end (reason,
-- when they leave); the admin head approves; it ends in the normal check-out (dorm_check_out.submit,
-- unchanged): the check-out of the applicant's stay carries the application out — marked fulfilled, and
-- the check-out record names it (leave_request_id), so the reason stays with the stay's end.

insert into private.request_types values
  ('dorm_leave', 'reason', '{admin_head}', null, null, 'dorm_manager');

insert into private.request_type_fields (type, ord, key, kind, optional, required_if, max, min, options, after) values
  ('dorm_leave', 1, 'reason', 'textarea', false, null, 500, null, null, null),
  ('dorm_leave', 2, 'leave_at', 'datetime', false, null, 0, null, null, null);

-- The 提前退宿申请 a check-out carried out (null: an ordinary check-out). Derived, never from the device.
alter table public.dorm_check_outs add column leave_request_id uuid references public.requests (id);
create index dorm_check_outs_leave_request_idx on public.dorm_check_outs (leave_request_id) where leave_request_id is not null;

-- Before the row is written: the applicant's approved, not yet carried out 提前退宿申请 (the earliest
-- submitted) is carried out by this check-out of their stay.
create function private.tg_dorm_check_out_leave()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_request uuid;
begin
  select q.id into v_request from public.requests q
  where q.type = 'dorm_leave' and q.applicant_id = new.occupant_id and q.status = 'approved'
    and q.fulfilled_at is null and q.deleted_at is null
  order by q.submitted_at, q.id
  limit 1
  for update;
  if v_request is not null then
    new.leave_request_id := v_request;
    update public.requests q set fulfilled_at = new.submitted_at, fulfilled_by = new.recorded_by where q.id = v_request;
  end if;
  return new;
end;
$$;
revoke execute on function private.tg_dorm_check_out_leave() from public, anon, authenticated;
create trigger dorm_check_out_leave before insert on public.dorm_check_outs
  for each row execute function private.tg_dorm_check_out_leave();
