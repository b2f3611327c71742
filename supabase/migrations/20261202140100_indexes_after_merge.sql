-- Foreign keys added on branches that landed beside the advisor's index sweep
-- (20261202120500): the KPI targets, dorm check-outs and supervision plans get their covering indexes too.
create index if not exists kpi_targets_set_by_idx on public.kpi_targets (set_by);
create index if not exists dorm_check_outs_check_in_id_idx on public.dorm_check_outs (check_in_id);
create index if not exists dorm_check_outs_recorded_by_idx on public.dorm_check_outs (recorded_by);
create index if not exists dorm_check_outs_template_id_idx on public.dorm_check_outs (template_id);
create index if not exists supervision_plans_published_by_idx on public.supervision_plans (published_by);
create index if not exists supervision_plans_reported_by_idx on public.supervision_plans (reported_by);
create index if not exists supervision_plans_reviewed_by_idx on public.supervision_plans (reviewed_by);
