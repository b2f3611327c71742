/**
 * The KPI pages on the server (issue 14): public.kpi_figures (a month's figures, and a 12-month
 * trend by month in one call) and public.kpi_items (a month's drill-down) over a year of a 500-person company,
 * as the head of administration (RLS: sees everything), on PGlite or DATABASE_URL's server.
 * The year is written directly as a restore would (triggers off): 30,000 tasks with 8,000 督办
 * sheets, 20,000 applications with 60,000 decisions, 60 seals and licences with 20,000 loan acts
 * (~138,000 rows of the engines the KPIs read most). Figures are reported, never asserted;
 * the checks are that the figures count the rows seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, openTestDb, type TestDb } from '../db/support/database'
import { createReport, percentile } from './support/report'

/** Runs of each page; KPI_TREND=1 also times the year's trend (one kpi_figures by month: a year of items). */
const RUNS = 3
const TREND = process.env.KPI_TREND === '1'
const NOW = '2026-11-20T04:00:00Z'
const MONTH = { from: '2026-11-01', to: '2026-11-30' }
const HQ = DEMO.sites['SH-HQ'] as string
const reader = DEMO.users.adminHead as string

async function seedYear(db: TestDb): Promise<number> {
  const people = (await db.query<{ id: string }>('select id from public.profiles order by id')).map((p) => p.id)
  const depts = (await db.query<{ id: string }>('select id from public.departments order by id')).map((d) => d.id)
  await db.query('begin')
  await db.query('set local session_replication_role = replica')
  await db.query(
    `insert into public.tasks (id, site_id, title, source, assigner_id, assigner_level, assigned_to, department_id, assigned_due_on,
       assigned_at, assignee_id, due_on, status, completed_at, summary_at, score, scored_at, scored_by)
     select gen_random_uuid(), $1::uuid, '生成的任务', 'instruction', $2::uuid, 'supervisor', p, null, d, (d - 5)::timestamptz, p, d,
            case when i % 7 = 0 then 'accepted' when i % 3 = 0 then 'scored' else 'completed' end,
            case when i % 7 = 0 then null else (d + (i % 5) - 2 + time '10:00') at time zone 'Asia/Shanghai' end,
            case when i % 7 <> 0 and i % 4 <> 0 then (d + 2 + time '09:00') at time zone 'Asia/Shanghai' end,
            case when i % 7 <> 0 and i % 3 = 0 then 60 + i % 40 end,
            case when i % 7 <> 0 and i % 3 = 0 then (d + 5 + time '09:00') at time zone 'Asia/Shanghai' end,
            case when i % 7 <> 0 and i % 3 = 0 then $2::uuid end
     from generate_series(0, 29999) i, lateral (select date '2026-01-01' + (i % 360) as d, ($3::uuid[])[1 + i % array_length($3::uuid[], 1)] as p) x`,
    [HQ, reader, people],
  )
  await db.query(
    `insert into public.follow_ups (id, task_id, site_id, opened_by, officer_id, reason, instructions, opened_at, level, first_at, second_at, reported_to, status)
     select gen_random_uuid(), t.id, t.site_id, $1::uuid, $1::uuid, 'late', '按期办结', (t.due_on + 1 + time '09:00') at time zone 'Asia/Shanghai', 1 + (n % 2),
            (t.due_on + 1 + time '15:00') at time zone 'Asia/Shanghai', case when n % 2 = 1 then (t.due_on + 4 + time '09:00') at time zone 'Asia/Shanghai' end,
            case when n % 2 = 1 then $1::uuid end, 'open'
     from (select t.*, row_number() over (order by t.id) n from public.tasks t where t.title = '生成的任务') t where n <= 8000`,
    [reader],
  )
  await db.query(
    `insert into public.requests (id, type, site_id, department_id, applicant_id, title, form, status, revision, step, chain,
       waiting_role, fulfiller_role, submitted_at, status_at, decided_at, first_pass, deciders)
     select gen_random_uuid(), (array['seal_use','seal_lifecycle','licence_affair','licence_borrow','vehicle_dispatch'])[1 + i % 5], $1,
            ($3::uuid[])[1 + i % array_length($3::uuid[], 1)], ($2::uuid[])[1 + i % array_length($2::uuid[], 1)], '生成的申请',
            jsonb_build_object('start_at', s + interval '2 days'), 'approved', 1, 0, '[]', null, 'seal_keeper', s, s + interval '2 days 1 hour',
            s + interval '2 days 1 hour', i % 5 <> 0, array[$4::uuid]
     from generate_series(0, 19999) i, lateral (select timestamptz '2026-01-01 01:00+00' + (i % 360) * interval '1 day' as s) x`,
    [HQ, people, depts, reader],
  )
  await db.query(
    `insert into public.request_events (id, request_id, action, actor_id, step, revision, at)
     select gen_random_uuid(), r.id, a.action, case when a.k = 0 then r.applicant_id else $1 end, case when a.k = 0 then null else a.k - 1 end, 1,
            r.submitted_at + a.k * interval '1 day 30 minutes'
     from public.requests r cross join (values (0, 'submit'), (1, 'approve'), (2, 'approve')) a(k, action) where r.title = '生成的申请'`,
    [reader],
  )
  await db.query(
    `insert into public.assets (id, kind, number, name, site_id, status, condition)
     select gen_random_uuid(), case when i % 2 = 0 then 'seal' else 'licence' end, case when i % 2 = 0 then 'SEAL-' else 'LIC-' end || (900000 + i), '印章证照 ' || i, $1, 'in_stock', 'good'
     from generate_series(0, 59) i`,
    [HQ],
  )
  await db.query(
    `insert into public.custody_events (id, asset_id, type, actor_id, device_time, payload)
     select gen_random_uuid(), a.id, e.type, $1, d + e.h * interval '1 hour',
            case when e.type = 'check_out' then jsonb_build_object('to_person', ($2::uuid[])[1 + k % array_length($2::uuid[], 1)], 'due_at', d + interval '8 hours') else '{}'::jsonb end
     from (select a.*, row_number() over (order by a.id) n from public.assets a where a.name like '印章证照 %') a
     cross join generate_series(0, 166) k
     cross join lateral (select timestamptz '2026-01-01 01:00+00' + (k * 2 + a.n % 2) * interval '1 day' as d) x
     cross join lateral (values ('check_out', 0), ('check_in', case when k % 6 = 0 then 11 else 7 end)) e(type, h)`,
    [reader, people],
  )
  await db.query('commit')
  const counted = await db.query<{ n: number }>(
    `select ((select count(*) from public.tasks) + (select count(*) from public.follow_ups) + (select count(*) from public.requests)
      + (select count(*) from public.request_events) + (select count(*) from public.custody_events))::int as n`,
  )
  return counted[0]?.n ?? 0
}

describe('kpis on the server', () => {
  let db: TestDb
  const report = createReport(`KPIs on the server (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}): a year of a 500-person company, as the head of administration`)

  beforeAll(async () => {
    db = await openTestDb()
    const t0 = performance.now()
    const rows = await seedYear(db)
    expect(rows).toBeGreaterThan(130_000)
    report.add({ what: `seed ${rows.toLocaleString('en')} rows`, value: (performance.now() - t0) / 1000, unit: 's' })
  }, 1_800_000)
  afterAll(async () => {
    report.print()
    await db?.close()
  })

  it('kpi_figures for a month, a 12-month trend, kpi_items for a month', async () => {
    const figures: number[] = []
    const trend: number[] = []
    const items: number[] = []
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now()
      const f = await db.asUser(reader, (q) => q<{ kpi: string; decided: number }>('select kpi, decided from public.kpi_figures($1, $2, null, null, $3)', [MONTH.from, MONTH.to, NOW]))
      figures.push(performance.now() - t)
      expect(f.find((x) => x.kpi === 'approval_on_time')!.decided).toBeGreaterThan(1000)
      t = performance.now()
      if (TREND) {
        const byMonth = await db.asUser(reader, (q) => q<{ month: string }>('select kpi, value, month::text as month from public.kpi_figures($1, $2, null, null, $3, true)', ['2026-01-01', '2026-12-31', NOW]))
        expect(new Set(byMonth.map((f) => f.month)).size).toBe(12)
      }
      trend.push(performance.now() - t)
      t = performance.now()
      const list = await db.asUser(reader, (q) => q<{ kpi: string }>('select kpi, key, record_id, day, value, due, done_at from public.kpi_items($1, $2, $3)', [MONTH.from, MONTH.to, NOW]))
      items.push(performance.now() - t)
      expect(list.length).toBeGreaterThan(3000)
      console.log(`figures ${Math.round(figures[i]!)} ms, trend (12 calls) ${Math.round(trend[i]!)} ms, items ${Math.round(items[i]!)} ms (${list.length} items)`)
    }
    report.add({ what: 'kpi_figures, one month, p50', value: percentile(figures, 50), unit: 'ms' })
    report.add({ what: 'kpi_figures, one month, p95', value: percentile(figures, 95), unit: 'ms', goal: '≤ 500 ms' })
    if (TREND) report.add({ what: 'kpi_figures by month, 12 months (a trend, one call), p95', value: percentile(trend, 95), unit: 'ms' })
    report.add({ what: 'kpi_items, one month (drill-down), p50', value: percentile(items, 50), unit: 'ms' })
    report.add({ what: 'kpi_items, one month (drill-down), p95', value: percentile(items, 95), unit: 'ms', goal: '≤ 500 ms' })
  }, 3_600_000)
})
