-- The company calendar on the server (issue #12 point 8; the KPIs of issue 14 count working days with it too).
--
-- A day is a working day by, most specific first: the site's own day (calendar_days with its
-- site_id), the company's (site_id null), China's statutory calendar (private.statutory_days,
-- loaded from the chinese-days package by supabase/scripts/gen-statutory-days.mjs into
-- 20261202066100_statutory_days.sql: a holiday is off, a make-up day is worked), then the week
-- (Saturday and Sunday off). The device twin is src/shared/lib/calendar.

create table private.statutory_days (
  day date primary key,
  kind text not null check (kind in ('holiday', 'work')),
  -- As the package writes it: "English,中文,days".
  name text not null check (char_length(name) <= 100)
);
alter table private.statutory_days enable row level security;
revoke all on private.statutory_days from public, anon, authenticated;

-- Whether a company day is a working day at a site (p_site null: the company's own days only).
create function private.is_working_day(p_day date, p_site uuid)
returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select c.kind = 'work' from public.calendar_days c
     where p_site is not null and c.day = p_day and c.site_id = p_site and c.deleted_at is null),
    (select c.kind = 'work' from public.calendar_days c
     where c.day = p_day and c.site_id is null and c.deleted_at is null),
    (select s.kind = 'work' from private.statutory_days s where s.day = p_day),
    extract(isodow from p_day) < 6);
$$;

-- The p_n-th working day after p_day (p_day itself not counted; 0: p_day if working, else the
-- next one), as addWorkingDays on the device.
create function private.add_working_days(p_day date, p_n int, p_site uuid)
returns date
language plpgsql stable
set search_path = ''
as $$
declare
  v_day date := p_day;
  v_left int := p_n;
  i int := 0;
begin
  if p_n is null or p_n < 0 or p_n > 1000 then
    raise exception 'add_working_days: n must be within 0..1000' using errcode = '22023';
  end if;
  if p_n = 0 then
    while not private.is_working_day(v_day, p_site) loop
      v_day := v_day + 1;
      i := i + 1;
      if i > 3660 then raise exception 'add_working_days: no working day found' using errcode = '22023'; end if;
    end loop;
    return v_day;
  end if;
  while v_left > 0 loop
    v_day := v_day + 1;
    if private.is_working_day(v_day, p_site) then
      v_left := v_left - 1;
    end if;
    i := i + 1;
    if i > 10980 then raise exception 'add_working_days: no working day found' using errcode = '22023'; end if;
  end loop;
  return v_day;
end;
$$;


revoke execute on function private.is_working_day(date, uuid) from public, anon, authenticated;
revoke execute on function private.add_working_days(date, int, uuid) from public, anon, authenticated;
