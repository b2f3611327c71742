-- 入住申请 on the requests engine (issue 10): the request type 'dorm_stay', the same data as REQUEST_TYPES
-- in src/features/requests/domain/types.ts (tests/db/requests.test.ts compares them): the admin head
-- approves; the dorm manager carries it out by allocating a bed (dorm_bed.record 'allocate' with the
-- application's id marks it fulfilled, private.dorm_bed_event). 'dorm_manager' becomes a fulfiller role.

alter table public.requests drop constraint requests_fulfiller_role_check;
alter table public.requests add constraint requests_fulfiller_role_check
  check (fulfiller_role in ('seal_keeper', 'asset_keeper', 'fleet_manager', 'dorm_manager'));

insert into private.request_types values
  ('dorm_stay', 'reason', '{admin_head}', null, null, 'dorm_manager');

insert into private.request_type_fields (type, ord, key, kind, optional, required_if, max, min, options, after) values
  ('dorm_stay', 1, 'reason', 'textarea', false, null, 500, null, null, null),
  ('dorm_stay', 2, 'gender', 'choice', false, null, 10, null, '{male,female}', null),
  ('dorm_stay', 3, 'move_in_at', 'datetime', false, null, 0, null, null, null),
  ('dorm_stay', 4, 'move_out_at', 'datetime', true, null, 0, null, null, 'move_in_at'),
  ('dorm_stay', 5, 'shift', 'text', true, null, 20, null, null, null),
  ('dorm_stay', 6, 'preferences', 'textarea', true, null, 500, null, null, null);
