-- KPIs (issue 14), part 1: what the figures need that the database did not hold yet.
--
-- 1. The statutory working-day calendar in SQL. The device reads China's holidays and make-up
--    working days (调休) from the chinese-days package (src/shared/lib/calendar/statutory.ts);
--    the server needs the same days to count "N working days" for the KPIs. These rows are that
--    package's data from 2020 on, as of the version in package-lock.json; when the package is
--    updated for a new year (each winter), add that year's rows in a migration
--    (tests/db/kpis.test.ts fails while the two disagree on a covered year).
-- 2. private.is_working_day / private.add_working_days: src/shared/lib/calendar/workingDays.ts
--    in SQL (site adjustment, then company, then statutory, then the week).
-- 3. A department's head (部门负责人, DESIGN.md "Roles and time"): departments.head_id. The KPI
--    functions show a department head their department's figures. Set by an administrator in
--    SQL for now (no op kind carries it yet).

create table private.statutory_days (
  day date primary key,
  working boolean not null,
  name text not null check (char_length(name) <= 100)
);
alter table private.statutory_days enable row level security;
revoke all on private.statutory_days from public, anon, authenticated;

insert into private.statutory_days (day, working, name) values
  ('2020-01-01', false, 'New Year''s Day,元旦,1'),
  ('2020-01-19', true, 'Spring Festival,春节,3'),
  ('2020-01-24', false, 'Spring Festival,春节,3'),
  ('2020-01-25', false, 'Spring Festival,春节,3'),
  ('2020-01-26', false, 'Spring Festival,春节,3'),
  ('2020-01-27', false, 'Spring Festival,春节,3'),
  ('2020-01-28', false, 'Spring Festival,春节,3'),
  ('2020-01-29', false, 'Spring Festival,春节,3'),
  ('2020-01-30', false, 'Spring Festival,春节,3'),
  ('2020-01-31', false, 'Spring Festival,春节,3'),
  ('2020-02-01', false, 'Spring Festival,春节,3'),
  ('2020-02-02', false, 'Spring Festival,春节,3'),
  ('2020-04-04', false, 'Tomb-sweeping Day,清明,1'),
  ('2020-04-05', false, 'Tomb-sweeping Day,清明,1'),
  ('2020-04-06', false, 'Tomb-sweeping Day,清明,1'),
  ('2020-04-26', true, 'Labour Day,劳动节,1'),
  ('2020-05-01', false, 'Labour Day,劳动节,1'),
  ('2020-05-02', false, 'Labour Day,劳动节,1'),
  ('2020-05-03', false, 'Labour Day,劳动节,1'),
  ('2020-05-04', false, 'Labour Day,劳动节,1'),
  ('2020-05-05', false, 'Labour Day,劳动节,1'),
  ('2020-05-09', true, 'Labour Day,劳动节,1'),
  ('2020-06-25', false, 'Dragon Boat Festival,端午,1'),
  ('2020-06-26', false, 'Dragon Boat Festival,端午,1'),
  ('2020-06-27', false, 'Dragon Boat Festival,端午,1'),
  ('2020-06-28', true, 'Dragon Boat Festival,端午,1'),
  ('2020-09-27', true, 'National Day,国庆节,3'),
  ('2020-10-01', false, 'National Day,国庆节,3'),
  ('2020-10-02', false, 'National Day,国庆节,3'),
  ('2020-10-03', false, 'National Day,国庆节,3'),
  ('2020-10-04', false, 'National Day,国庆节,3'),
  ('2020-10-05', false, 'National Day,国庆节,3'),
  ('2020-10-06', false, 'National Day,国庆节,3'),
  ('2020-10-07', false, 'National Day,国庆节,3'),
  ('2020-10-08', false, 'National Day,国庆节,3'),
  ('2020-10-10', true, 'National Day,国庆节,3'),
  ('2021-01-01', false, 'New Year''s Day,元旦,1'),
  ('2021-01-02', false, 'New Year''s Day,元旦,1'),
  ('2021-01-03', false, 'New Year''s Day,元旦,1'),
  ('2021-02-07', true, 'Spring Festival,春节,3'),
  ('2021-02-11', false, 'Spring Festival,春节,3'),
  ('2021-02-12', false, 'Spring Festival,春节,3'),
  ('2021-02-13', false, 'Spring Festival,春节,3'),
  ('2021-02-14', false, 'Spring Festival,春节,3'),
  ('2021-02-15', false, 'Spring Festival,春节,3'),
  ('2021-02-16', false, 'Spring Festival,春节,3'),
  ('2021-02-17', false, 'Spring Festival,春节,3'),
  ('2021-02-20', true, 'Spring Festival,春节,3'),
  ('2021-04-03', false, 'Tomb-sweeping Day,清明,1'),
  ('2021-04-04', false, 'Tomb-sweeping Day,清明,1'),
  ('2021-04-05', false, 'Tomb-sweeping Day,清明,1'),
  ('2021-04-25', true, 'Labour Day,劳动节,1'),
  ('2021-05-01', false, 'Labour Day,劳动节,1'),
  ('2021-05-02', false, 'Labour Day,劳动节,1'),
  ('2021-05-03', false, 'Labour Day,劳动节,1'),
  ('2021-05-04', false, 'Labour Day,劳动节,1'),
  ('2021-05-05', false, 'Labour Day,劳动节,1'),
  ('2021-05-08', true, 'Labour Day,劳动节,1'),
  ('2021-06-12', false, 'Dragon Boat Festival,端午,1'),
  ('2021-06-13', false, 'Dragon Boat Festival,端午,1'),
  ('2021-06-14', false, 'Dragon Boat Festival,端午,1'),
  ('2021-09-18', true, 'Mid-autumn Festival,中秋,1'),
  ('2021-09-19', false, 'Mid-autumn Festival,中秋,1'),
  ('2021-09-20', false, 'Mid-autumn Festival,中秋,1'),
  ('2021-09-21', false, 'Mid-autumn Festival,中秋,1'),
  ('2021-09-26', true, 'National Day,国庆节,3'),
  ('2021-10-01', false, 'National Day,国庆节,3'),
  ('2021-10-02', false, 'National Day,国庆节,3'),
  ('2021-10-03', false, 'National Day,国庆节,3'),
  ('2021-10-04', false, 'National Day,国庆节,3'),
  ('2021-10-05', false, 'National Day,国庆节,3'),
  ('2021-10-06', false, 'National Day,国庆节,3'),
  ('2021-10-07', false, 'National Day,国庆节,3'),
  ('2021-10-09', true, 'National Day,国庆节,3'),
  ('2022-01-01', false, 'New Year''s Day,元旦,1'),
  ('2022-01-02', false, 'New Year''s Day,元旦,1'),
  ('2022-01-03', false, 'New Year''s Day,元旦,1'),
  ('2022-01-29', true, 'Spring Festival,春节,3'),
  ('2022-01-30', true, 'Spring Festival,春节,3'),
  ('2022-01-31', false, 'Spring Festival,春节,3'),
  ('2022-02-01', false, 'Spring Festival,春节,3'),
  ('2022-02-02', false, 'Spring Festival,春节,3'),
  ('2022-02-03', false, 'Spring Festival,春节,3'),
  ('2022-02-04', false, 'Spring Festival,春节,3'),
  ('2022-02-05', false, 'Spring Festival,春节,3'),
  ('2022-02-06', false, 'Spring Festival,春节,3'),
  ('2022-04-02', true, 'Tomb-sweeping Day,清明,1'),
  ('2022-04-03', false, 'Tomb-sweeping Day,清明,1'),
  ('2022-04-04', false, 'Tomb-sweeping Day,清明,1'),
  ('2022-04-05', false, 'Tomb-sweeping Day,清明,1'),
  ('2022-04-24', true, 'Labour Day,劳动节,1'),
  ('2022-04-30', false, 'Labour Day,劳动节,1'),
  ('2022-05-01', false, 'Labour Day,劳动节,1'),
  ('2022-05-02', false, 'Labour Day,劳动节,1'),
  ('2022-05-03', false, 'Labour Day,劳动节,1'),
  ('2022-05-04', false, 'Labour Day,劳动节,1'),
  ('2022-05-07', true, 'Labour Day,劳动节,1'),
  ('2022-06-03', false, 'Dragon Boat Festival,端午,1'),
  ('2022-06-04', false, 'Dragon Boat Festival,端午,1'),
  ('2022-06-05', false, 'Dragon Boat Festival,端午,1'),
  ('2022-09-10', false, 'Mid-autumn Festival,中秋,1'),
  ('2022-09-11', false, 'Mid-autumn Festival,中秋,1'),
  ('2022-09-12', false, 'Mid-autumn Festival,中秋,1'),
  ('2022-10-01', false, 'National Day,国庆节,3'),
  ('2022-10-02', false, 'National Day,国庆节,3'),
  ('2022-10-03', false, 'National Day,国庆节,3'),
  ('2022-10-04', false, 'National Day,国庆节,3'),
  ('2022-10-05', false, 'National Day,国庆节,3'),
  ('2022-10-06', false, 'National Day,国庆节,3'),
  ('2022-10-07', false, 'National Day,国庆节,3'),
  ('2022-10-08', true, 'National Day,国庆节,3'),
  ('2022-10-09', true, 'National Day,国庆节,3'),
  ('2022-12-31', false, 'New Year''s Day,元旦,1'),
  ('2023-01-01', false, 'New Year''s Day,元旦,1'),
  ('2023-01-02', false, 'New Year''s Day,元旦,1'),
  ('2023-01-21', false, 'Spring Festival,春节,3'),
  ('2023-01-22', false, 'Spring Festival,春节,3'),
  ('2023-01-23', false, 'Spring Festival,春节,3'),
  ('2023-01-24', false, 'Spring Festival,春节,3'),
  ('2023-01-25', false, 'Spring Festival,春节,3'),
  ('2023-01-26', false, 'Spring Festival,春节,3'),
  ('2023-01-27', false, 'Spring Festival,春节,3'),
  ('2023-01-28', true, 'Spring Festival,春节,3'),
  ('2023-01-29', true, 'Spring Festival,春节,3'),
  ('2023-04-05', false, 'Tomb-sweeping Day,清明,1'),
  ('2023-04-23', true, 'Labour Day,劳动节,1'),
  ('2023-04-29', false, 'Labour Day,劳动节,1'),
  ('2023-04-30', false, 'Labour Day,劳动节,1'),
  ('2023-05-01', false, 'Labour Day,劳动节,1'),
  ('2023-05-02', false, 'Labour Day,劳动节,1'),
  ('2023-05-03', false, 'Labour Day,劳动节,1'),
  ('2023-05-06', true, 'Labour Day,劳动节,1'),
  ('2023-06-22', false, 'Dragon Boat Festival,端午,1'),
  ('2023-06-23', false, 'Dragon Boat Festival,端午,1'),
  ('2023-06-24', false, 'Dragon Boat Festival,端午,1'),
  ('2023-06-25', true, 'Dragon Boat Festival,端午,1'),
  ('2023-09-29', false, 'Mid-autumn Festival,中秋,1'),
  ('2023-09-30', false, 'National Day,国庆节,3'),
  ('2023-10-01', false, 'National Day,国庆节,3'),
  ('2023-10-02', false, 'National Day,国庆节,3'),
  ('2023-10-03', false, 'National Day,国庆节,3'),
  ('2023-10-04', false, 'National Day,国庆节,3'),
  ('2023-10-05', false, 'National Day,国庆节,3'),
  ('2023-10-06', false, 'National Day,国庆节,3'),
  ('2023-10-07', true, 'National Day,国庆节,3'),
  ('2023-10-08', true, 'National Day,国庆节,3'),
  ('2024-01-01', false, 'New Year''s Day,元旦,1'),
  ('2024-02-04', true, 'Spring Festival,春节,3'),
  ('2024-02-10', false, 'Spring Festival,春节,3'),
  ('2024-02-11', false, 'Spring Festival,春节,3'),
  ('2024-02-12', false, 'Spring Festival,春节,3'),
  ('2024-02-13', false, 'Spring Festival,春节,3'),
  ('2024-02-14', false, 'Spring Festival,春节,3'),
  ('2024-02-15', false, 'Spring Festival,春节,3'),
  ('2024-02-16', false, 'Spring Festival,春节,3'),
  ('2024-02-17', false, 'Spring Festival,春节,3'),
  ('2024-02-18', true, 'Spring Festival,春节,3'),
  ('2024-04-04', false, 'Tomb-sweeping Day,清明,1'),
  ('2024-04-05', false, 'Tomb-sweeping Day,清明,1'),
  ('2024-04-06', false, 'Tomb-sweeping Day,清明,1'),
  ('2024-04-07', true, 'Tomb-sweeping Day,清明,1'),
  ('2024-04-28', true, 'Labour Day,劳动节,1'),
  ('2024-05-01', false, 'Labour Day,劳动节,1'),
  ('2024-05-02', false, 'Labour Day,劳动节,1'),
  ('2024-05-03', false, 'Labour Day,劳动节,1'),
  ('2024-05-04', false, 'Labour Day,劳动节,1'),
  ('2024-05-05', false, 'Labour Day,劳动节,1'),
  ('2024-05-11', true, 'Labour Day,劳动节,1'),
  ('2024-06-10', false, 'Dragon Boat Festival,端午,1'),
  ('2024-09-14', true, 'Mid-autumn Festival,中秋,1'),
  ('2024-09-15', false, 'Mid-autumn Festival,中秋,1'),
  ('2024-09-16', false, 'Mid-autumn Festival,中秋,1'),
  ('2024-09-17', false, 'Mid-autumn Festival,中秋,1'),
  ('2024-09-29', true, 'National Day,国庆节,3'),
  ('2024-10-01', false, 'National Day,国庆节,3'),
  ('2024-10-02', false, 'National Day,国庆节,3'),
  ('2024-10-03', false, 'National Day,国庆节,3'),
  ('2024-10-04', false, 'National Day,国庆节,3'),
  ('2024-10-05', false, 'National Day,国庆节,3'),
  ('2024-10-06', false, 'National Day,国庆节,3'),
  ('2024-10-07', false, 'National Day,国庆节,3'),
  ('2024-10-12', true, 'National Day,国庆节,3'),
  ('2025-01-01', false, 'New Year''s Day,元旦,1'),
  ('2025-01-26', true, 'Spring Festival,春节,4'),
  ('2025-01-28', false, 'Spring Festival,春节,4'),
  ('2025-01-29', false, 'Spring Festival,春节,4'),
  ('2025-01-30', false, 'Spring Festival,春节,4'),
  ('2025-01-31', false, 'Spring Festival,春节,4'),
  ('2025-02-01', false, 'Spring Festival,春节,4'),
  ('2025-02-02', false, 'Spring Festival,春节,4'),
  ('2025-02-03', false, 'Spring Festival,春节,4'),
  ('2025-02-04', false, 'Spring Festival,春节,4'),
  ('2025-02-08', true, 'Spring Festival,春节,4'),
  ('2025-04-04', false, 'Tomb-sweeping Day,清明,1'),
  ('2025-04-05', false, 'Tomb-sweeping Day,清明,1'),
  ('2025-04-06', false, 'Tomb-sweeping Day,清明,1'),
  ('2025-04-27', true, 'Labour Day,劳动节,2'),
  ('2025-05-01', false, 'Labour Day,劳动节,2'),
  ('2025-05-02', false, 'Labour Day,劳动节,2'),
  ('2025-05-03', false, 'Labour Day,劳动节,2'),
  ('2025-05-04', false, 'Labour Day,劳动节,2'),
  ('2025-05-05', false, 'Labour Day,劳动节,2'),
  ('2025-05-31', false, 'Dragon Boat Festival,端午,1'),
  ('2025-06-01', false, 'Dragon Boat Festival,端午,1'),
  ('2025-06-02', false, 'Dragon Boat Festival,端午,1'),
  ('2025-09-28', true, 'National Day,国庆节,3'),
  ('2025-10-01', false, 'National Day,国庆节,3'),
  ('2025-10-02', false, 'National Day,国庆节,3'),
  ('2025-10-03', false, 'National Day,国庆节,3'),
  ('2025-10-04', false, 'National Day,国庆节,3'),
  ('2025-10-05', false, 'National Day,国庆节,3'),
  ('2025-10-06', false, 'Mid-autumn Festival,中秋,1'),
  ('2025-10-07', false, 'National Day,国庆节,3'),
  ('2025-10-08', false, 'National Day,国庆节,3'),
  ('2025-10-11', true, 'National Day,国庆节,3'),
  ('2026-01-01', false, 'New Year''s Day,元旦,1'),
  ('2026-01-02', false, 'New Year''s Day,元旦,1'),
  ('2026-01-03', false, 'New Year''s Day,元旦,1'),
  ('2026-01-04', true, 'New Year''s Day,元旦,1'),
  ('2026-02-14', true, 'Spring Festival,春节,4'),
  ('2026-02-15', false, 'Spring Festival,春节,4'),
  ('2026-02-16', false, 'Spring Festival,春节,4'),
  ('2026-02-17', false, 'Spring Festival,春节,4'),
  ('2026-02-18', false, 'Spring Festival,春节,4'),
  ('2026-02-19', false, 'Spring Festival,春节,4'),
  ('2026-02-20', false, 'Spring Festival,春节,4'),
  ('2026-02-21', false, 'Spring Festival,春节,4'),
  ('2026-02-22', false, 'Spring Festival,春节,4'),
  ('2026-02-23', false, 'Spring Festival,春节,4'),
  ('2026-02-28', true, 'Spring Festival,春节,4'),
  ('2026-04-04', false, 'Tomb-sweeping Day,清明,1'),
  ('2026-04-05', false, 'Tomb-sweeping Day,清明,1'),
  ('2026-04-06', false, 'Tomb-sweeping Day,清明,1'),
  ('2026-05-01', false, 'Labour Day,劳动节,2'),
  ('2026-05-02', false, 'Labour Day,劳动节,2'),
  ('2026-05-03', false, 'Labour Day,劳动节,2'),
  ('2026-05-04', false, 'Labour Day,劳动节,2'),
  ('2026-05-05', false, 'Labour Day,劳动节,2'),
  ('2026-05-09', true, 'Labour Day,劳动节,2'),
  ('2026-06-19', false, 'Dragon Boat Festival,端午,1'),
  ('2026-06-20', false, 'Dragon Boat Festival,端午,1'),
  ('2026-06-21', false, 'Dragon Boat Festival,端午,1'),
  ('2026-09-20', true, 'National Day,国庆节,3'),
  ('2026-09-25', false, 'Mid-autumn Festival,中秋,1'),
  ('2026-09-26', false, 'Mid-autumn Festival,中秋,1'),
  ('2026-09-27', false, 'Mid-autumn Festival,中秋,1'),
  ('2026-10-01', false, 'National Day,国庆节,3'),
  ('2026-10-02', false, 'National Day,国庆节,3'),
  ('2026-10-03', false, 'National Day,国庆节,3'),
  ('2026-10-04', false, 'National Day,国庆节,3'),
  ('2026-10-05', false, 'National Day,国庆节,3'),
  ('2026-10-06', false, 'National Day,国庆节,3'),
  ('2026-10-07', false, 'National Day,国庆节,3'),
  ('2026-10-10', true, 'National Day,国庆节,3');

create function private.is_working_day(p_day date, p_site uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select c.kind = 'work' from public.calendar_days c
      where c.day = p_day and c.site_id = p_site and c.deleted_at is null),
    (select c.kind = 'work' from public.calendar_days c
      where c.day = p_day and c.site_id is null and c.deleted_at is null),
    (select s.working from private.statutory_days s where s.day = p_day),
    extract(isodow from p_day) < 6);
$$;

-- The n-th working day after p_day (the day itself not counted), n >= 1: addWorkingDays.
create function private.add_working_days(p_day date, p_n int, p_site uuid)
returns date
language plpgsql stable
set search_path = ''
as $$
declare
  v_day date := p_day;
  v_left int := p_n;
begin
  if p_n < 1 or p_n > 1000 then
    raise exception 'working days: 1..1000' using errcode = '22023';
  end if;
  for i in 1 .. 11000 loop
    v_day := v_day + 1;
    if private.is_working_day(v_day, p_site) then
      v_left := v_left - 1;
      if v_left = 0 then
        return v_day;
      end if;
    end if;
  end loop;
  raise exception 'no working day found' using errcode = '22023';
end;
$$;

revoke execute on function private.is_working_day(date, uuid) from public, anon, authenticated;
revoke execute on function private.add_working_days(date, int, uuid) from public, anon, authenticated;

alter table public.departments add column head_id uuid references public.profiles (id);
create index departments_head_id_idx on public.departments (head_id) where head_id is not null;
