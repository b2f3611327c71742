-- KPIs (issue 14), part 1: what the figures need that the database did not hold yet.
--
-- A department's head (部门负责人, DESIGN.md "Roles and time"): departments.head_id. The KPI
-- functions show a department head their department's figures. Set by an administrator in
-- SQL for now (no op kind carries it yet). The working days the KPIs count are
-- 20261202066000_company_calendar.sql's.

alter table public.departments add column head_id uuid references public.profiles (id);
create index departments_head_id_idx on public.departments (head_id) where head_id is not null;
