-- Foreign keys added on branches that landed beside the advisor's index sweep
-- (20261202120500): each gets its covering index too (tests/db/security.test.ts).
create index if not exists kpi_targets_set_by_idx on public.kpi_targets (set_by);
