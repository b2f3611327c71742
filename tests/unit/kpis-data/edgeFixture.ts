/**
 * Generated KPI rows placed where a period read can miss them, for every month of 2026 in the
 * company's time zone: facts one second either side of a month's first midnight, items whose
 * deadline is in a month but whose record was made months before (a loan, a 督办 sheet opened
 * early, a reminder that set a far day, a task done late), items due after a holiday or a site's
 * own days off (a step opened before them, a summary due after them), and reopened records (an
 * application returned and resubmitted, a second 督办 sheet on the same task, a rectification
 * reopened with a new deadline).
 */
import type { AdminFieldDb } from '@/platform/db'
import { loadKpiBase } from '@/features/kpis/data/kpiReads'
import type { KpiContext } from '@/features/kpis/domain'
import { addDays, calendarDater, lastDayOfMonth, zonedParts } from '@/shared/lib/zonedTime'

export const EDGE_SITE = '00000000-0000-4000-8000-0000000000e1'
const OTHER_SITE = '00000000-0000-4000-8000-0000000000e2'
export const EDGE_PEOPLE = ['00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000f2']
const DEPT = '00000000-0000-4000-8000-0000000000d1'
export const EDGE_MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)

/** The instant of a company day's midnight plus `seconds` (the zone's offset on that day). */
export function atMidnight(day: string, timeZone: string, seconds = 0): string {
  const naive = Date.parse(`${day}T00:00:00Z`)
  let t = naive
  for (let i = 0; i < 3; i++) {
    const p = zonedParts(t, timeZone)
    t -= Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - naive
  }
  return new Date(t + seconds * 1000).toISOString()
}

/** Seeds the edge rows in `timeZone` (the company's); the context of the figures (today: `now`). */
export async function seedEdges(db: AdminFieldDb, timeZone: string, now: number): Promise<KpiContext> {
  let n = 0
  const id = () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`
  const at = (day: string, seconds = 0) => atMidnight(day, timeZone, seconds)
  const [p1, p2] = EDGE_PEOPLE as [string, string]
  await db.company.add({ id: id(), name: 'edge', timezone: timeZone, updated_at: '', deleted_at: null } as never)
  await db.profiles.bulkAdd(EDGE_PEOPLE.map((p, i) => ({ id: p, display_name: `e${i}`, phone: null, site_id: EDGE_SITE, department_id: DEPT, updated_at: '', deleted_at: null })))
  // The site's own week off before June (05-25 … 05-29), and a company day off on 2026-03-02.
  await db.calendar_days.bulkAdd([
    ...['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29'].map((day) => ({ id: id(), day, site_id: EDGE_SITE, kind: 'off' as const, note: null, updated_at: '', deleted_at: null })),
    { id: id(), day: '2026-03-02', site_id: null, kind: 'off' as const, note: null, updated_at: '', deleted_at: null },
  ])
  const tasks: Record<string, unknown>[] = []
  const sheets: Record<string, unknown>[] = []
  const taskEvents: Record<string, unknown>[] = []
  const requests: Record<string, unknown>[] = []
  const requestEvents: Record<string, unknown>[] = []
  const custody: Record<string, unknown>[] = []
  const rects: Record<string, unknown>[] = []
  const scores: Record<string, unknown>[] = []
  const trips: Record<string, unknown>[] = []
  const stays: Record<string, unknown>[] = []
  const task = (due: string, completed: string | null, more: Record<string, unknown> = {}) => {
    const t = { id: id(), site_id: EDGE_SITE, department_id: null, assignee_id: p1, status: completed ? 'completed' : 'accepted', due_on: due, completed_at: completed, summary_at: null, score: null, scored_at: null, deleted_at: null, follow_up_id: null as string | null, ...more }
    tasks.push(t)
    return t
  }
  const sheet = (t: { id: string; follow_up_id: string | null }, opened: string, first: string | null, second: string | null, status = 'open') => {
    const s = { id: id(), task_id: t.id, officer_id: p2, opened_at: opened, first_at: first, second_at: second, final_at: null, status, level: second ? 2 : first ? 1 : 0, deleted_at: null }
    sheets.push(s)
    t.follow_up_id = s.id
    return s
  }
  const remind = (s: { id: string; task_id: string }, time: string, level: string, nextOn: string | null) =>
    taskEvents.push({ id: id(), task_id: s.task_id, follow_up_id: s.id, type: 'remind', actor_id: p2, device_time: time, data: { level, next_on: nextOn }, flagged: false, deleted_at: null })
  const request = (type: string, acts: [string, string][], more: Record<string, unknown> = {}) => {
    const rid = id()
    for (const [action, time] of acts) requestEvents.push({ id: id(), request_id: rid, action, actor_id: action === 'submit' || action === 'resubmit' || action === 'withdraw' ? p1 : p2, on_behalf_of: null, at: time, flag: null, deleted_at: null })
    const last = acts[acts.length - 1]!
    const status = { approve: 'approved', reject: 'rejected', return: 'returned', withdraw: 'withdrawn' }[last[0]] ?? 'pending'
    const decided = status === 'approved' || status === 'rejected'
    const firstPass = acts.filter(([a]) => a === 'return' || a === 'reject').length === 0
    requests.push({ id: rid, type, form: {}, deciders: decided ? [p2] : [], site_id: EDGE_SITE, department_id: null, applicant_id: p1, status, waiting_role: status === 'pending' ? 'admin_head' : null, status_at: last[1], decided_at: decided ? last[1] : null, first_pass: decided ? firstPass : null, deleted_at: null, ...more })
  }
  const seal = { id: id(), kind: 'seal', site_id: EDGE_SITE, number: 'E-S', name: 'seal', status: 'in_stock', holder_id: null, keeper_id: p2, due_at: null, label_token: null, updated_at: '', deleted_at: null }
  const licence = { ...seal, id: id(), kind: 'licence', number: 'E-L', name: 'licence' }
  const vehicle = { ...seal, id: id(), kind: 'vehicle', number: 'E-V', name: 'car' }
  const assets = [seal, licence, vehicle]
  const act = (asset: { id: string }, type: string, time: string, payload: Record<string, unknown> = {}) =>
    custody.push({ id: id(), asset_id: asset.id, type, actor_id: p2, device_time: time, server_time: null, payload, photo_ids: [], flagged: false, updated_at: '', deleted_at: null })
  const area = { id: id(), site_id: EDGE_SITE, department_id: DEPT, responsible_id: p2, name: 'edge', updated_at: '', deleted_at: null }

  act(seal, 'audit_seen', at('2025-11-03', 36_000), { location: '柜', in_place: true })
  act(licence, 'audit_seen', at('2025-11-04', 36_000), { location: '柜', in_place: true })
  for (const month of EDGE_MONTHS) {
    const first = `${month}-01`
    const last = lastDayOfMonth(month)
    const nextFirst = addDays(last, 1)
    const early = addDays(first, -70)
    // Affairs: done in the last second of the month (its summary due after the month's turn),
    // done in the first second of the next, a deadline met late two months after, scored at the turn.
    task(last, at(nextFirst, -1), { summary_at: at(addDays(nextFirst, 3), -1) })
    task(nextFirst, at(nextFirst), { status: 'scored', score: 88, scored_at: at(nextFirst, -1) })
    task(`${month}-15`, at(addDays(first, 60), 100))
    task(addDays(last, -2), at(last, 80_000), { status: 'scored', score: 70, scored_at: at(nextFirst) })
    // 督办: a sheet opened at the last second of the month, first reminded at the turn, whose
    // reminder set a day two months on; a sheet opened months before on a task due on the last day
    // (its next levels due the day after); a task reopened to 督办 twice (the first sheet approved).
    const late = task(`${month}-10`, null)
    const a = sheet(late, at(nextFirst, -1), at(nextFirst), null)
    remind(a, at(nextFirst), 'first', addDays(nextFirst, 61))
    const important = task(last, at(addDays(nextFirst, 5), 3600))
    const b = sheet(important, at(early, 3600), at(early, 7200), at(addDays(early, 3), 7200))
    remind(b, at(early, 7200), 'first', null)
    remind(b, at(addDays(early, 3), 7200), 'second', last)
    const twice = task(addDays(last, -1), null)
    const c1 = sheet(twice, at(addDays(first, -20), 3600), at(addDays(first, -20), 7200), null, 'approved')
    remind(c1, at(addDays(first, -20), 7200), 'first', first)
    const c2 = sheet(twice, at(first, -1), null, null)
    void c2
    // Applications: submitted at the month's last second (the step due after the turn), returned
    // and resubmitted (decided next month, not first pass), pending since the month's last day,
    // withdrawn, and a 用车申请 needed at the turn.
    request('seal_use', [['submit', at(nextFirst, -1)], ['approve', at(addDays(nextFirst, 1), 100)]])
    request('licence_affair', [['submit', at(early, 40_000)], ['return', at(addDays(early, 2), 40_000)], ['resubmit', at(last, 50_000)], ['approve', at(nextFirst, 1)]])
    request('seal_lifecycle', [['submit', at(last, 70_000)]])
    request('seal_use', [['submit', at(first, 30_000)], ['withdraw', at(first, 40_000)]])
    request('vehicle_dispatch', [['submit', at(addDays(first, -3))], ['approve', at(nextFirst, 5)]], { form: { start_at: at(nextFirst, -1) } })
    request('vehicle_dispatch', [['submit', at(addDays(first, -3))]], { form: { start_at: at(nextFirst) } })
    // Loans: checked out months before, due at the month's last second, back a second late; a
    // transfer that set a due time at the turn; the cabinet checks either side of midnight.
    const lent = { ...seal, id: id(), number: `E-S${month}` }
    assets.push(lent)
    act(lent, 'check_out', at(early, 30_000), { to_person: p1, due_at: at(nextFirst, -1) })
    act(lent, 'check_in', at(nextFirst))
    act(licence, 'check_out', at(addDays(first, 2), 30_000), { to_person: p1, due_at: at(addDays(first, 3)) })
    act(licence, 'transfer', at(addDays(first, 2), 40_000), { to_person: p2, due_at: at(nextFirst) })
    act(licence, 'check_in', at(nextFirst, -1))
    if (month.endsWith('3') || month.endsWith('7')) act(seal, 'audit_seen', at(nextFirst, -1), { location: '柜', in_place: true })
    else act(seal, 'audit_seen', at(nextFirst), { location: '柜', in_place: true })
    // Rectifications due either side of the turn, one reopened (its earlier fix kept, a new deadline).
    for (const [due, fixed, status] of [
      [at(nextFirst, -1), at(nextFirst, -1), 'closed'],
      [at(nextFirst), at(nextFirst, 1), 'fixed'],
      [at(nextFirst, -1), at(addDays(first, 10)), 'open'],
    ] as const)
      rects.push({ id: id(), inspection_id: id(), area_id: area.id, item_key: 'k', item_text: 't', assignee_id: null, severity: 'normal', due_at: due, status, fix_note: null, fix_photo_ids: [], fixed_at: fixed, verified_by: null, verified_at: null, updated_at: '', deleted_at: null })
    scores.push({ id: id(), area_id: area.id, submitted_at: at(nextFirst, -1), score: 80, server_score: null, deleted: false })
    scores.push({ id: id(), area_id: area.id, submitted_at: at(nextFirst), score: 90, server_score: 91, deleted: false })
    trips.push({ id: id(), vehicle_id: vehicle.id, driver_id: p1, started_at: at(nextFirst, -1), vehicle_check_id: null, deleted_at: null })
    trips.push({ id: id(), vehicle_id: vehicle.id, driver_id: p1, started_at: at(nextFirst), vehicle_check_id: id(), deleted_at: null })
    for (const day of [last, nextFirst]) stays.push({ id: id(), bed_id: id(), room_id: id(), building_id: id(), site_id: EDGE_SITE, occupant_id: p1, gender: 'male', department_id: null, shift: null, starts_on: day, ends_on: null, request_id: null, allocated_by: p2, allocated_at: at(addDays(day, -20)), status: 'active', checked_in_at: at(addDays(day, 1), -1), deleted_at: null })
  }
  // A step opened before the site's week off (due on 06-01 there), a summary due after it (06-03), and before the company's day
  // off (opened on 02-28, a make-up working day, due on 03-03).
  request('seal_use', [['submit', at('2026-05-22', 50_000)], ['approve', at('2026-06-03', 3600)]])
  request('seal_use', [['submit', at('2026-05-22', 60_000)]])
  request('seal_use', [['submit', at('2026-02-28', 50_000)], ['approve', at('2026-03-03', 3600)]], { site_id: OTHER_SITE })
  task('2026-05-20', at('2026-05-22', 50_000))

  await db.tasks.bulkAdd(tasks as never[])
  await db.follow_ups.bulkAdd(sheets as never[])
  await db.task_events.bulkAdd(taskEvents as never[])
  await db.requests.bulkAdd(requests as never[])
  await db.request_events.bulkAdd(requestEvents as never[])
  await db.assets.bulkAdd(assets as never[])
  await db.custody_events.bulkAdd(custody as never[])
  await db.areas.add(area as never)
  await db.rectifications.bulkAdd(rects as never[])
  await db.inspection_scores.bulkAdd(scores as never[])
  await db.trips.bulkAdd(trips as never[])
  await db.dorm_stays.bulkAdd(stays as never[])
  const base = await loadKpiBase(db)
  const dateOf = calendarDater(base.timeZone)
  const dept = new Map(base.profiles.map((p) => [p.id, p.department_id]))
  return { calendar: base.calendar, timeZone: base.timeZone, today: dateOf(now), now, dateOf, departmentOf: (p) => (p ? (dept.get(p) ?? null) : null) }
}
