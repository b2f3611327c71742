-- The requests engine (申请与审批): applications with an approval chain by role, their events
-- (append-only: submit, resubmit, approve, reject, return, withdraw) and delegations while away
-- (代理审批). The application row is DERIVED from its events by private.request_apply_event, in
-- the transaction of the op that brings the event (invariant 3); src/features/requests/domain/
-- lifecycle.ts is the same fold on the device.

-- The approver company setting: above this amount (yuan) the admin head, then the executive join.
alter table public.company add column approval_amount_threshold numeric(12, 2) not null default 5000
  check (approval_amount_threshold between 0 and 100000000);

create table public.requests (
  id uuid primary key,
  type text not null check (type ~ '^[a-z][a-z_]{0,39}$'),
  site_id uuid references public.sites (id),
  department_id uuid references public.departments (id),
  applicant_id uuid not null references public.profiles (id),
  title text not null check (char_length(title) <= 60),
  form jsonb not null check (jsonb_typeof(form) = 'object'),
  photo_ids uuid[] not null default '{}' check (cardinality(photo_ids) <= 10),
  status text not null check (status in ('pending', 'returned', 'approved', 'rejected', 'withdrawn')),
  revision int not null check (revision between 1 and 1000),
  step int not null check (step between 0 and 20),
  chain jsonb not null check (jsonb_typeof(chain) = 'array'),
  -- The role the application waits for (pending only): the approvers' inbox.
  waiting_role text check (waiting_role in ('fleet_manager', 'admin_head', 'executive')),
  -- Who carries it out once approved (keepers see approved ones of their kinds).
  fulfiller_role text not null check (fulfiller_role in ('seal_keeper', 'asset_keeper', 'fleet_manager')),
  -- Everyone who decided a step: they keep seeing what they decided.
  deciders uuid[] not null default '{}',
  submitted_at timestamptz not null,
  status_at timestamptz not null,
  decided_at timestamptz,
  first_pass boolean,
  due_back_at timestamptz,
  fulfilled_at timestamptz,
  fulfilled_by uuid references public.profiles (id),
  -- 用车申请: the vehicle and the driver the fleet manager assigned when approving.
  assignment jsonb check (assignment is null or jsonb_typeof(assignment) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check ((status = 'pending') = (waiting_role is not null)),
  check ((fulfilled_at is null) = (fulfilled_by is null))
);
create index requests_applicant_idx on public.requests (applicant_id, submitted_at);
create index requests_inbox_idx on public.requests (waiting_role, site_id) where status = 'pending';
create index requests_site_status_idx on public.requests (site_id, status);
create index requests_department_idx on public.requests (department_id);
create index requests_fulfilled_by_idx on public.requests (fulfilled_by);
create index requests_row_xid_idx on public.requests (row_xid, id);

create table public.request_events (
  id uuid primary key,
  request_id uuid not null references public.requests (id),
  action text not null check (action in ('submit', 'resubmit', 'withdraw', 'approve', 'reject', 'return')),
  actor_id uuid not null references public.profiles (id),
  on_behalf_of uuid references public.profiles (id),
  step int check (step between 0 and 20),
  revision int not null check (revision between 1 and 1000),
  note text check (char_length(note) <= 500),
  form jsonb check (form is null or jsonb_typeof(form) = 'object'),
  assignment jsonb check (assignment is null or jsonb_typeof(assignment) = 'object'),
  -- When the actor acted (device clock); received_at is the server's time of receipt.
  at timestamptz not null,
  received_at timestamptz not null default now(),
  -- Kept but not applied: the application had changed (another approver decided, withdrawn, edited).
  flag text check (flag in ('requests.flags.stale')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (action not in ('reject', 'return') or char_length(btrim(note)) >= 1),
  check ((action in ('approve', 'reject', 'return')) = (step is not null))
);
create index request_events_request_idx on public.request_events (request_id, received_at);
create index request_events_actor_idx on public.request_events (actor_id);
create index request_events_on_behalf_idx on public.request_events (on_behalf_of);
create index request_events_row_xid_idx on public.request_events (row_xid, id);

create table public.approval_delegations (
  id uuid primary key,
  from_user uuid not null references public.profiles (id),
  to_user uuid not null references public.profiles (id),
  -- Calendar days in the company's time zone, both included.
  starts_on date not null,
  ends_on date not null,
  created_by uuid not null references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  row_xid xid8 not null default pg_current_xact_id(),
  check (from_user <> to_user),
  check (ends_on >= starts_on and ends_on - starts_on <= 366)
);
create index approval_delegations_to_idx on public.approval_delegations (to_user) where deleted_at is null;
create index approval_delegations_from_idx on public.approval_delegations (from_user);
create index approval_delegations_created_by_idx on public.approval_delegations (created_by);
create index approval_delegations_row_xid_idx on public.approval_delegations (row_xid, id);

create trigger request_events_append_only before update or delete on public.request_events
  for each row execute function private.tg_append_only();
create trigger request_events_no_truncate before truncate on public.request_events
  for each statement execute function private.tg_append_only();

create trigger stamp_sync_row before insert or update on public.requests
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.request_events
  for each row execute function private.tg_stamp_sync_row();
create trigger stamp_sync_row before insert or update on public.approval_delegations
  for each row execute function private.tg_stamp_sync_row();
create trigger audit_row after insert or update or delete on public.requests
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.request_events
  for each row execute function private.tg_audit_row();
create trigger audit_row after insert or update or delete on public.approval_delegations
  for each row execute function private.tg_audit_row();

alter table public.requests enable row level security;
alter table public.request_events enable row level security;
alter table public.approval_delegations enable row level security;

-- The types as data, equal to REQUEST_TYPES in src/features/requests/domain/types.ts
-- (tests/db/requests-types.test.ts compares them). No client reads these: RLS on, no policy.
create table private.request_types (
  type text primary key,
  title_key text not null,
  chain text[] not null,
  amount_key text,
  due_key text,
  fulfiller text not null
);
create table private.request_type_fields (
  type text not null references private.request_types (type),
  ord int not null,
  key text not null,
  kind text not null check (kind in ('text', 'textarea', 'int', 'amount', 'choice', 'datetime')),
  optional boolean not null default false,
  required_if text[] check (cardinality(required_if) = 2),
  max numeric not null,
  min numeric,
  options text[],
  after text,
  primary key (type, key)
);
-- The level directly above each approver role (LEVEL_ABOVE in types.ts).
create table private.approver_levels (role text primary key, above text);
alter table private.request_types enable row level security;
alter table private.request_type_fields enable row level security;
alter table private.approver_levels enable row level security;

insert into private.approver_levels values ('fleet_manager', 'admin_head'), ('admin_head', 'executive'), ('executive', null);

insert into private.request_types values
  ('seal_use', 'document_title', '{admin_head,executive}', null, 'due_at', 'seal_keeper'),
  ('seal_lifecycle', 'seal_name', '{admin_head,executive}', 'cost', null, 'seal_keeper'),
  ('licence_affair', 'licence_name', '{admin_head,executive}', null, null, 'asset_keeper'),
  ('licence_borrow', 'licence_name', '{admin_head,executive}', null, 'due_at', 'asset_keeper'),
  ('vehicle_dispatch', 'destination', '{fleet_manager}', 'estimated_cost', 'end_at', 'fleet_manager');

insert into private.request_type_fields (type, ord, key, kind, optional, required_if, max, min, options, after) values
  ('seal_use', 1, 'document_title', 'text', false, null, 200, null, null, null),
  ('seal_use', 2, 'document_type', 'choice', false, null, 20, null,
    '{contract,letter,certificate,financial,application,personnel,other}', null),
  ('seal_use', 3, 'copies', 'int', false, null, 999, 1, null, null),
  ('seal_use', 4, 'seal_name', 'text', false, null, 60, null, null, null),
  ('seal_use', 5, 'purpose', 'textarea', false, null, 500, null, null, null),
  ('seal_use', 6, 'mode', 'choice', false, null, 20, null, '{stamp_here,take_out}', null),
  ('seal_use', 7, 'due_at', 'datetime', false, '{mode,take_out}', 0, null, null, null),
  ('seal_lifecycle', 1, 'action', 'choice', false, null, 20, null, '{engrave,enable,retire}', null),
  ('seal_lifecycle', 2, 'seal_name', 'text', false, null, 60, null, null, null),
  ('seal_lifecycle', 3, 'seal_type', 'text', false, null, 40, null, null, null),
  ('seal_lifecycle', 4, 'unit_name', 'text', false, null, 100, null, null, null),
  ('seal_lifecycle', 5, 'quantity', 'int', false, null, 20, 1, null, null),
  ('seal_lifecycle', 6, 'reason', 'textarea', false, null, 500, null, null, null),
  ('seal_lifecycle', 7, 'cost', 'amount', true, null, 1000000, null, null, null),
  ('licence_affair', 1, 'action', 'choice', false, null, 20, null, '{obtain,change,renew}', null),
  ('licence_affair', 2, 'licence_name', 'text', false, null, 100, null, null, null),
  ('licence_affair', 3, 'authority', 'text', false, null, 100, null, null, null),
  ('licence_affair', 4, 'materials', 'textarea', false, null, 1000, null, null, null),
  ('licence_affair', 5, 'reason', 'textarea', false, null, 500, null, null, null),
  ('licence_borrow', 1, 'licence_name', 'text', false, null, 100, null, null, null),
  ('licence_borrow', 2, 'copy_kind', 'choice', false, null, 20, null, '{original,copy}', null),
  ('licence_borrow', 3, 'purpose', 'textarea', false, null, 500, null, null, null),
  ('licence_borrow', 4, 'borrow_at', 'datetime', false, null, 0, null, null, null),
  ('licence_borrow', 5, 'due_at', 'datetime', false, null, 0, null, null, 'borrow_at'),
  ('vehicle_dispatch', 1, 'destination', 'text', false, null, 100, null, null, null),
  ('vehicle_dispatch', 2, 'start_at', 'datetime', false, null, 0, null, null, null),
  ('vehicle_dispatch', 3, 'end_at', 'datetime', false, null, 0, null, null, 'start_at'),
  ('vehicle_dispatch', 4, 'passengers', 'int', false, null, 60, 1, null, null),
  ('vehicle_dispatch', 5, 'purpose', 'textarea', false, null, 500, null, null, null),
  ('vehicle_dispatch', 6, 'estimated_cost', 'amount', true, null, 1000000, null, null, null);

grant select on public.requests, public.request_events, public.approval_delegations to authenticated;
