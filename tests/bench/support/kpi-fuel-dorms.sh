#!/usr/bin/env bash
# Server timing of the two KPI sources of 20261204010000 on PostgreSQL 15 (issue 14), in a scratch
# database made from the migrations and dropped after: 1,000 beds with 10,000 stays and 2,000
# repair acts over a year; 50 vehicles with 100 fills each. Prints EXPLAIN ANALYZE's execution time
# of private.kpi_items_dorms / kpi_items_fuel for one month (3 runs each) and public.kpi_figures' month.
# Usage: DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres bash tests/bench/support/kpi-fuel-dorms.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${DATABASE_URL:?set DATABASE_URL}"
db="adminfield_kpibench_$$"
base="${DATABASE_URL%/*}"
trap 'psql "$DATABASE_URL" -qc "drop database if exists $db with (force)" >/dev/null' EXIT
psql "$DATABASE_URL" -qc "create database $db"
cat tests/db/support/supabase-shim.sql supabase/migrations/*.sql | psql -q -v ON_ERROR_STOP=1 "$base/$db" >/dev/null 2>/tmp/kpibench.log
psql -q -v ON_ERROR_STOP=1 "$base/$db" <<'SQL'
set session_replication_role = replica;
alter table public.dorm_beds drop constraint if exists dorm_beds_label_token_check;
insert into public.dorm_beds (id, room_id, building_id, site_id, code, label_token, created_at)
select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '00000000-0000-4000-8000-00000000000a', 'B' || (g % 100), 'T' || g, '2025-12-01'
from generate_series(1, 1000) g;
insert into public.dorm_stays (id, bed_id, room_id, building_id, site_id, occupant_id, gender, starts_on, allocated_by, allocated_at, status, checked_in_at, ended_at)
select gen_random_uuid(), b.id, b.room_id, b.building_id, b.site_id, gen_random_uuid(), 'male', d::date, gen_random_uuid(), d, case when k = 9 then 'active' else 'ended' end,
       d, case when k = 9 then null else d + interval '30 days' end
from (select id, room_id, building_id, site_id, row_number() over () as n from public.dorm_beds) b
cross join generate_series(0, 9) k
cross join lateral (select timestamptz '2025-12-01 10:00+08' + (k * 36 + (b.n % 5)) * interval '1 day' as d) x;
insert into public.dorm_bed_events (id, bed_id, site_id, type, actor_id, device_time, payload)
select gen_random_uuid(), b.id, b.site_id, case when k % 2 = 0 then 'repair_start' else 'repair_end' end, gen_random_uuid(),
       timestamptz '2025-12-01 10:00+08' + (k * 180 + 31) * interval '1 day' + (k % 2) * interval '3 days', '{}'
from public.dorm_beds b cross join generate_series(0, 1) k;
insert into public.assets (id, kind, number, name, site_id, details)
select ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, 'vehicle', 'VEH-' || lpad(g::text, 4, '0'), 'v' || g, '00000000-0000-4000-8000-00000000000a', '{}'
from generate_series(1, 50) g;
insert into public.fuel_logs (id, vehicle_id, driver_id, filled_at, odometer_km, litres, amount, full_tank, missed_previous, status)
select gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(v::text, 12, '0'))::uuid, gen_random_uuid(),
       timestamptz '2025-12-01 09:00+08' + i * interval '3.6 days', 10000 + i * 400 + (v * 7 + i * 13) % 50, 30 + (v + i) % 20, 250, i % 5 <> 0, false, 'complete'
from generate_series(1, 50) v cross join generate_series(1, 100) i;
set session_replication_role = default;
analyze;
SQL
for f in "private.kpi_items_dorms('Asia/Shanghai', '2026-12-02', '2026-11-01', '2026-11-30')" "private.kpi_items_fuel('Asia/Shanghai', '2026-11-01', '2026-11-30')"; do
  for run in 1 2 3; do
    printf '%s run %s: ' "${f%%(*}" "$run"
    psql -qAt "$base/$db" -c "explain (analyze, timing off) select count(*) from $f" | grep 'Execution Time'
  done
done
psql -qAt "$base/$db" -c "select kpi, count(*) from (select * from private.kpi_items_dorms('Asia/Shanghai', '2026-12-02', '2026-11-01', '2026-11-30') union all select * from private.kpi_items_fuel('Asia/Shanghai', '2026-11-01', '2026-11-30')) i group by kpi"
