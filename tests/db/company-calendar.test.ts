// Issue #12 point 8 on the server: the company calendar in SQL (China's statutory days from the
// chinese-days package, the company's and a site's own days, the week) is the device's
// (src/shared/lib/calendar) day for day, and rectifications are due on working days: 18:00
// company time on the 1st (critical) / 3rd (normal) working day after the submit, not 24/72
// clock hours (a Friday-evening failure was overdue on Sunday).
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import data from 'chinese-days/dist/chinese-days.json'
import { dayInfo, makeCalendar, statutoryFrom, type CalendarAdjustment } from '@/shared/lib/calendar'
import { addDays } from '@/shared/lib/zonedTime'
import { HQ, SZ, SANITATION, answers, createArea, fail, inspectionPayload, submit, TEMPLATES, act } from './support/checklists'
import { DEMO, openTestDb, type TestDb } from './support/database'

let db: TestDb
const U = DEMO.users

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db?.close())

async function setDay(day: string, site: string | null, kind: 'off' | 'work', note: string | null = null): Promise<CalendarAdjustment> {
  await db.query(`insert into public.calendar_days (id, day, site_id, kind, note) values ($1, $2, $3, $4, $5)`, [randomUUID(), day, site, kind, note])
  return { date: day, site_id: site, kind, note }
}

const iso = (s: string | undefined) => new Date(s as string).toISOString()

/** Submits a sanitation inspection of the area at `submittedAt` failing one normal and one critical item. */
async function inspectAt(areaId: string, submittedAt: string) {
  const template = TEMPLATES[SANITATION]!
  const critical = template.sections.flatMap((s) => s.items).find((i) => i.critical)!
  const p = inspectionPayload(areaId, SANITATION, answers(template, { floor_clean: fail(), [critical.key]: fail() }), {
    started_at: new Date(Date.parse(submittedAt) - 15 * 60_000).toISOString(),
    submitted_at: submittedAt,
  })
  expect((await submit(db, U.inspector, p)).status).toBe('applied')
  const rows = await db.query<{ id: string; severity: string; due: string }>(
    `select id, severity, to_json(due_at) #>> '{}' as due from public.rectifications where inspection_id = $1`, [p.id])
  return Object.fromEntries(rows.map((r) => [r.severity, { id: r.id, due: iso(r.due) }])) as Record<'critical' | 'normal', { id: string; due: string }>
}

describe('the statutory days on the server', () => {
  it('are exactly the installed chinese-days package (regenerate with supabase/scripts/gen-statutory-days.mjs)', async () => {
    const rows = await db.query<{ day: string; kind: string; name: string }>(`select day::text as day, kind, name from private.statutory_days order by day`)
    const expected = [
      ...Object.entries(data.holidays).map(([day, name]) => ({ day, kind: 'holiday', name })),
      ...Object.entries(data.workdays).map(([day, name]) => ({ day, kind: 'work', name })),
    ].sort((a, b) => a.day.localeCompare(b.day))
    expect(rows).toEqual(expected)
  })
})

describe('private.is_working_day is the device calendar, day for day', () => {
  it('agrees with dayInfo over 2025–2026 with company and site days of both kinds', async () => {
    const adjustments = [
      await setDay('2026-03-16', null, 'off', '公司年会'),
      await setDay('2026-03-21', null, 'work', '盘点'),
      await setDay('2026-03-17', HQ, 'off', '总部停电'),
      // A site's own day wins over the company's and over a statutory holiday.
      await setDay('2026-03-16', SZ, 'work', '工厂照常'),
      await setDay('2026-10-02', SZ, 'work', '国庆值班'),
    ]
    const cal = makeCalendar(statutoryFrom(data), adjustments)
    const rows = await db.query<{ day: string; hq: boolean; sz: boolean; company: boolean }>(
      `select d::date::text as day, private.is_working_day(d::date, $1) as hq, private.is_working_day(d::date, $2) as sz,
              private.is_working_day(d::date, null) as company
       from generate_series('2025-01-01'::date, '2026-12-31'::date, interval '1 day') d order by d`, [HQ, SZ])
    expect(rows).toHaveLength(730)
    const wrong = rows.filter(
      (r) => r.hq !== dayInfo(cal, r.day, HQ).working || r.sz !== dayInfo(cal, r.day, SZ).working || r.company !== dayInfo(cal, r.day, null).working,
    )
    expect(wrong).toEqual([])
    expect(rows.find((r) => r.day === '2026-10-02')).toEqual({ day: '2026-10-02', hq: false, sz: true, company: false })
    expect(rows.find((r) => r.day === '2026-03-16')).toEqual({ day: '2026-03-16', hq: false, sz: true, company: false })
  })

  it('add_working_days counts working days only (3 from a Friday is the next Wednesday; over National Day)', async () => {
    const q = (day: string, n: number) => db.query<{ d: string }>(`select private.add_working_days($1::date, $2, null)::text as d`, [day, n]).then((r) => r[0]?.d)
    expect(await q('2026-11-27', 3)).toBe('2026-12-02')
    expect(await q('2026-09-30', 1)).toBe('2026-10-08')
    // 2026-10-10 is a Saturday worked in lieu (调休).
    expect(await q('2026-10-09', 1)).toBe('2026-10-10')
    expect(await q('2026-10-03', 0)).toBe('2026-10-08')
  })
})

// Acts lie in the past (a device time more than an hour ahead of the server is flagged, issue 8).
describe('rectifications are due on working days', () => {
  it('a Friday-evening failure: critical due Monday 18:00, normal Wednesday 18:00 (Shanghai), not Saturday/Monday', async () => {
    const area = await createArea(db, { site_id: HQ })
    // Friday 2026-11-06 17:30 in Shanghai.
    const due = await inspectAt(area, '2026-11-06T09:30:00.000Z')
    expect(due.critical.due).toBe('2026-11-09T10:00:00.000Z')
    expect(due.normal.due).toBe('2026-11-11T10:00:00.000Z')
  })

  it('a company day off and a site\'s own working day move the deadline', async () => {
    await setDay('2026-11-16', null, 'off', '公司活动')
    const hq = await createArea(db, { site_id: HQ })
    // Friday 2026-11-13: Monday the 16th is a company day off → critical due Tuesday.
    expect((await inspectAt(hq, '2026-11-13T02:00:00.000Z')).critical.due).toBe('2026-11-17T10:00:00.000Z')
    // Suzhou works Saturday the 14th → its critical item is due that Saturday.
    await setDay('2026-11-14', SZ, 'work', '补班')
    const sz = await createArea(db, { site_id: SZ, department_id: DEMO.departments.PRD })
    expect((await inspectAt(sz, '2026-11-13T02:00:00.000Z')).critical.due).toBe('2026-11-14T10:00:00.000Z')
  })

  it('a reopened one is due in working days from the verification', async () => {
    const area = await createArea(db, { site_id: HQ })
    const due = await inspectAt(area, '2026-11-04T01:00:00.000Z')
    const id = due.normal.id
    expect((await act(db, U.cleaner, 'rectification.fix', { rectification_id: id, note: '已处理', photo_ids: [randomUUID()] }, '2026-11-05T01:00:00.000Z')).status).toBe('applied')
    // Reopened on Friday 2026-11-06 (10:00 Shanghai): 3 working days → Wednesday the 11th 18:00.
    expect((await act(db, U.inspector, 'rectification.verify', { rectification_id: id, decision: 'reopened', note: '仍有污渍' }, '2026-11-06T02:00:00.000Z')).status).toBe('applied')
    const [row] = await db.query<{ due: string; status: string }>(`select status, to_json(due_at) #>> '{}' as due from public.rectifications where id = $1`, [id])
    expect(row).toMatchObject({ status: 'reopened' })
    expect(iso(row?.due)).toBe('2026-11-11T10:00:00.000Z')
    expect(addDays('2026-11-06', 5)).toBe('2026-11-11')
  })
})
