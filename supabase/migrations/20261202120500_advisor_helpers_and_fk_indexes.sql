-- What Supabase's database advisor (its published lint queries, on the migrated schema on
-- PostgreSQL 15) reported (issue 8, point 8).
--
-- 1. The role helpers has_role, has_any_role, has_role_at and current_user_site_ids were security
--    definer functions in public, so PostgREST offered them as RPCs to every signed-in user; only
--    sync_push and sync_pull are meant to be API. They move to schema authz (not exposed; the
--    policies that call them follow, being bound to the functions, not their names). Functions
--    that name them as public.* (the op kinds, run by sync_push as the owner) call same-named
--    wrappers in public that only the owner may execute.
--    New policies and helpers: call authz.has_role(...) etc. (tests/db/security.test.ts fails when
--    anything but sync_push and sync_pull in public is executable by authenticated).
-- 2. Foreign keys without a covering index: every one gets one (joins and filters of RLS and the
--    pull, and deletes of the rows they name, no longer scan the table). tests/db/security.test.ts
--    fails on a new foreign key without one.

alter function public.has_role(text) set schema authz;
alter function public.has_any_role(text[]) set schema authz;
alter function public.has_role_at(text, uuid) set schema authz;
alter function public.current_user_site_ids() set schema authz;

create function public.has_role(p_role text)
returns boolean
language sql stable
set search_path = ''
as $$ select authz.has_role(p_role) $$;

create function public.has_any_role(p_roles text[])
returns boolean
language sql stable
set search_path = ''
as $$ select authz.has_any_role(p_roles) $$;

create function public.has_role_at(p_role text, p_site_id uuid)
returns boolean
language sql stable
set search_path = ''
as $$ select authz.has_role_at(p_role, p_site_id) $$;

create function public.current_user_site_ids()
returns uuid[]
language sql stable
set search_path = ''
as $$ select authz.current_user_site_ids() $$;

revoke execute on function public.has_role(text) from public, anon, authenticated;
revoke execute on function public.has_any_role(text[]) from public, anon, authenticated;
revoke execute on function public.has_role_at(text, uuid) from public, anon, authenticated;
revoke execute on function public.current_user_site_ids() from public, anon, authenticated;

create index areas_department_id_idx on public.areas (department_id);
create index assets_keeper_id_idx on public.assets (keeper_id);
create index calendar_days_site_id_idx on public.calendar_days (site_id);
create index cleaning_rounds_reviewed_by_idx on public.cleaning_rounds (reviewed_by);
create index dorm_beds_building_id_idx on public.dorm_beds (building_id);
create index dorm_check_ins_recorded_by_idx on public.dorm_check_ins (recorded_by);
create index dorm_check_ins_template_id_idx on public.dorm_check_ins (template_id);
create index dorm_stays_allocated_by_idx on public.dorm_stays (allocated_by);
create index dorm_stays_building_id_idx on public.dorm_stays (building_id);
create index dorm_stays_department_id_idx on public.dorm_stays (department_id);
create index follow_ups_approved_by_idx on public.follow_ups (approved_by);
create index follow_ups_opened_by_idx on public.follow_ups (opened_by);
create index follow_ups_reported_to_idx on public.follow_ups (reported_to);
create index follow_ups_reviewed_by_idx on public.follow_ups (reviewed_by);
create index ledger_entries_published_by_idx on public.ledger_entries (published_by);
create index maintenance_requests_decided_by_idx on public.maintenance_requests (decided_by);
create index asset_people_asset_id_idx on private.asset_people (asset_id);
create index ledger_publications_published_by_idx on private.ledger_publications (published_by);
create index webhook_targets_department_id_idx on private.webhook_targets (department_id);
create index webhook_targets_site_id_idx on private.webhook_targets (site_id);
create index rectification_events_actor_id_idx on public.rectification_events (actor_id);
create index rectifications_fixed_by_idx on public.rectifications (fixed_by);
create index rectifications_verified_by_idx on public.rectifications (verified_by);
create index round_reviews_reviewer_id_idx on public.round_reviews (reviewer_id);
create index seal_usages_requester_id_idx on public.seal_usages (requester_id);
create index task_events_actor_id_idx on public.task_events (actor_id);
create index tasks_assigned_to_idx on public.tasks (assigned_to);
create index tasks_handover_from_idx on public.tasks (handover_from);
create index tasks_scored_by_idx on public.tasks (scored_by);
create index trips_vehicle_check_id_idx on public.trips (vehicle_check_id);
create index vehicle_checks_template_id_idx on public.vehicle_checks (template_id);
create index vehicle_states_active_trip_id_idx on public.vehicle_states (active_trip_id);
create index vehicle_states_reason_check_id_idx on public.vehicle_states (reason_check_id);
