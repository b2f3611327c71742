// Generated event sets for the KPI tests: tasks, 督办 sheets with their reminders, applications with
// their decisions, seal and licence loans, rectifications — written straight into the tables (as a
// superuser: the KPIs read rows, however the engines made them), with times clustered around
// deadlines, the National Day holiday and its make-up Saturday (2026-10-10), and midnights.
import { randomUUID } from 'node:crypto'
import type { TestDb } from './database'

/** A small seeded PRNG (mulberry32): the same event set on every run. */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T
  return { next, int, pick, chance: (p: number) => next() < p }
}
type Rng = ReturnType<typeof rng>

const day = (base: string, n: number) => new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
/** A Shanghai wall-clock time on a day; 23:59 and 00:00 often (deadline minutes). */
function timeOn(r: Rng, date: string): string {
  const hm = r.pick(['23:59', '00:00', '09:00', '17:30', `${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`])
  return `${date}T${hm}:00+08:00`
}
const BASE = '2026-09-20'

export interface People {
  site: string
  other: string
  departments: string[]
  people: string[]
}

export async function generateTasks(db: TestDb, r: Rng, p: People, n: number): Promise<void> {
  const taskIds: { id: string; due: string; status: string; site: string }[] = []
  for (let i = 0; i < n; i++) {
    const id = randomUUID()
    const due = day(BASE, r.int(0, 75))
    const status = r.pick(['assigned', 'accepted', 'completed', 'completed', 'scored', 'cancelled'])
    const done = status === 'completed' || status === 'scored' ? timeOn(r, day(due, r.int(-3, 3))) : null
    const summary = done && r.chance(0.7) ? timeOn(r, day(done.slice(0, 10), r.int(0, 8))) : null
    const assignee = status === 'assigned' && r.chance(0.3) ? null : r.pick(p.people)
    const site = r.chance(0.8) ? p.site : p.other
    const dept = assignee === null || r.chance(0.4) ? r.pick(p.departments) : null
    await db.query(
      `insert into public.tasks (id, site_id, title, source, assigner_id, assigner_level, assigned_to, department_id, assigned_due_on,
         assigned_at, assignee_id, due_on, status, completed_at, summary_at, score, scored_at, scored_by)
       values ($1, $2, '生成的任务', 'instruction', $3, 'supervisor', $4, $5, $6, '2026-09-01T09:00:00+08:00', $4, $6, $7, $8, $9, $10, $11, $12)`,
      [id, site, p.people[0], assignee, dept, due, status, done, summary, status === 'scored' ? r.int(50, 100) : null,
       status === 'scored' ? timeOn(r, day(due, r.int(0, 10))) : null, status === 'scored' ? p.people[0] : null],
    )
    taskIds.push({ id, due, status, site })
  }
  for (const t of taskIds.filter(() => r.chance(0.4))) {
    const f = randomUUID()
    const opened = timeOn(r, day(t.due, r.int(-5, 5)))
    const level = r.int(0, 3)
    const times = [1, 2, 3].map((k) => (k <= level ? timeOn(r, day(opened.slice(0, 10), k * r.int(0, 4))) : null))
    await db.query(
      `insert into public.follow_ups (id, task_id, site_id, opened_by, officer_id, reason, instructions, opened_at, level,
         first_at, second_at, final_at, reported_to, penalty, status)
       values ($1, $2, $3, $4, $5, 'late', '按期办结', $6, $7, $8, $9, $10, $11, $12, $13)`,
      [f, t.id, t.site, p.people[0], r.pick(p.people), opened, level, times[0], times[1], times[2],
       level >= 2 ? p.people[0] : null, level === 3 ? '通报批评' : null, r.chance(0.85) ? 'open' : 'reviewed'],
    )
    for (const [k, lv] of ['first', 'second', 'final'].entries()) {
      const at = times[k]
      if (!at) continue
      const nextOn = r.chance(0.6) ? day(at.slice(0, 10), r.int(0, 4)) : null
      await db.query(
        `insert into public.task_events (id, task_id, follow_up_id, type, actor_id, device_time, data, flagged)
         values ($1, $2, $3, 'remind', $4, $5, $6, $7)`,
        [randomUUID(), t.id, f, p.people[0], at, JSON.stringify({ level: lv, channel: 'phone', reminded_at: at, next_on: nextOn }), r.chance(0.1)],
      )
    }
  }
}

const REQUEST_TYPES = ['seal_use', 'seal_lifecycle', 'licence_affair', 'licence_borrow', 'vehicle_dispatch']

export async function generateRequests(db: TestDb, r: Rng, p: People, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const id = randomUUID()
    const applicant = r.pick(p.people)
    let t = Date.parse(timeOn(r, day(BASE, r.int(0, 60))))
    const events: [string, number, number | null][] = [['submit', t, null]]
    let status = 'pending'
    let revision = 1
    let firstPass: boolean | null = null
    let decidedAt: number | null = null
    const steps = r.int(1, 2)
    let step = 0
    for (let k = 0; k < 5 && status === 'pending'; k++) {
      t += r.int(1, 96) * 3_600_000
      const a = r.pick(['approve', 'approve', 'return', 'reject', 'withdraw', 'wait'])
      if (a === 'wait') break
      if (a === 'withdraw') status = 'withdrawn'
      else if (a === 'return') {
        events.push(['return', t, step])
        t += r.int(1, 48) * 3_600_000
        events.push(['resubmit', t, null])
        revision++
        step = 0
        continue
      } else if (a === 'reject') {
        status = 'rejected'
        decidedAt = t
        firstPass = false
      } else if (++step >= steps) {
        status = 'approved'
        decidedAt = t
        firstPass = revision === 1
      }
      events.push([a, t, a === 'withdraw' ? null : step - (a === 'approve' ? 1 : 0)])
    }
    const type = r.pick(REQUEST_TYPES)
    // 用车申请: when the car is needed, around the decision (dispatch_on_time).
    const form = type === 'vehicle_dispatch' ? { start_at: new Date(t + r.int(-24, 48) * 3_600_000 + r.pick([0, 60_000])).toISOString() } : {}
    await db.query(
      `insert into public.requests (id, type, site_id, department_id, applicant_id, title, form, status, revision, step, chain,
         waiting_role, fulfiller_role, submitted_at, status_at, decided_at, first_pass, deciders)
       values ($1, $2, $3, $4, $5, '生成的申请', $12, $6, $7, 0, '[]', $8, 'seal_keeper', $9, $9, $10, $11, $13)`,
      [id, type, r.chance(0.8) ? p.site : p.other, r.chance(0.7) ? r.pick(p.departments) : null, applicant, status,
       revision, status === 'pending' ? 'admin_head' : null, new Date(events[0]![1]).toISOString(),
       decidedAt === null ? null : new Date(decidedAt).toISOString(), firstPass, JSON.stringify(form),
       decidedAt === null ? [] : [p.people[0], r.pick(p.people)]],
    )
    let rev = 1
    for (const [action, at, s] of events) {
      const decision = action === 'approve' || action === 'reject' || action === 'return'
      await db.query(
        `insert into public.request_events (id, request_id, action, actor_id, on_behalf_of, step, revision, note, at, flag)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [randomUUID(), id, action, decision ? p.people[0] : applicant, decision && r.chance(0.2) ? r.pick(p.people) : null,
         decision ? Math.max(0, s ?? 0) : null, rev, action === 'reject' || action === 'return' ? '材料不全' : null,
         new Date(at).toISOString(), decision && r.chance(0.08) ? 'requests.flags.stale' : null],
      )
      if (action === 'resubmit') rev++
    }
  }
}

export async function generateLoans(db: TestDb, r: Rng, p: People, assets: string[], n: number): Promise<void> {
  for (const asset of assets) {
    let t = Date.parse(timeOn(r, day(BASE, r.int(0, 20))))
    for (let i = 0; i < n; i++) {
      t += r.int(1, 72) * 3_600_000
      const type = r.pick(['check_out', 'check_out', 'check_in', 'check_in', 'transfer', 'report_lost', 'audit_seen'])
      const due = r.chance(0.8) ? new Date(t + r.int(-2, 48) * 3_600_000).toISOString() : null
      const payload: Record<string, unknown> =
        type === 'check_out' ? { to_person: r.pick(p.people), ...(due ? { due_at: due } : {}) }
        : type === 'transfer' ? { to_person: r.pick(p.people), ...(due && r.chance(0.5) ? { due_at: due } : {}) }
        : type === 'audit_seen' ? { location: '印章柜', ...(r.chance(0.8) ? { in_place: r.chance(0.8) } : {}) }
        : {}
      await db.query(
        `insert into public.custody_events (id, asset_id, type, actor_id, device_time, payload, flagged) values ($1, $2, $3, $4, $5, $6, $7)`,
        [randomUUID(), asset, type, p.people[0], new Date(t).toISOString(), JSON.stringify(payload), r.chance(0.05)],
      )
    }
  }
}

export async function generateRectifications(db: TestDb, r: Rng, p: People, inspectionId: string, areaId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const due = new Date(Date.parse(timeOn(r, day(BASE, r.int(0, 70))))).toISOString()
    const status = r.pick(['open', 'fixed', 'closed', 'reopened'])
    const fixed = status === 'open' ? null : new Date(Date.parse(due) + r.int(-48, 48) * 3_600_000 + r.pick([0, 60_000])).toISOString()
    await db.query(
      `insert into public.rectifications (id, inspection_id, area_id, item_key, item_text, assignee_id, severity, due_at, status, fixed_at)
       values ($1, $2, $3, $4, '生成的整改', $5, 'normal', $6, $7, $8)`,
      [randomUUID(), inspectionId, areaId, `gen_${i}_${r.int(0, 1e6)}`, r.chance(0.5) ? r.pick(p.people) : null, due, status, fixed],
    )
  }
}

/** Trips (some with their pre-trip check) of one vehicle, and stays on a room's beds (some checked in late or never). */
export async function generateField(db: TestDb, r: Rng, p: People, vehicle: string, beds: { id: string }[], room: { roomId: string; buildingId: string }, n: number): Promise<void> {
  const [template] = await db.query<{ id: string }>('select id from public.checklist_templates order by id limit 1')
  for (let i = 0; i < n; i++) {
    const started = timeOn(r, day(BASE, r.int(0, 60)))
    const driver = r.pick(p.people)
    let check: string | null = null
    if (r.chance(0.7)) {
      check = randomUUID()
      await db.query(
        `insert into public.vehicle_checks (id, vehicle_id, template_id, driver_id, started_at, submitted_at, answers, critical_failed)
         values ($1, $2, $3, $4, $5, $5, '[]', false)`,
        [check, vehicle, template!.id, driver, started],
      )
    }
    await db.query(
      `insert into public.trips (id, vehicle_id, driver_id, started_at, purpose, destination, odometer_start, vehicle_check_id, deleted_at)
       values ($1, $2, $3, $4, '送文件', '市区', $5, $6, $7)`,
      [randomUUID(), vehicle, driver, started, 1000 + i, check, r.chance(0.05) ? started : null],
    )
  }
  for (let i = 0; i < n; i++) {
    const startsOn = day(BASE, r.int(0, 60))
    const status = r.pick(['reserved', 'active', 'active', 'ended', 'cancelled'])
    const checkedIn = status === 'active' || status === 'ended' ? timeOn(r, day(startsOn, r.int(-1, 2))) : null
    await db.query(
      `insert into public.dorm_stays (id, bed_id, room_id, building_id, site_id, occupant_id, gender, starts_on, allocated_by, allocated_at, status, checked_in_at)
       values ($1, $2, $3, $4, $5, $6, 'male', $7, $8, $9, $10, $11)`,
      [randomUUID(), r.pick(beds).id, room.roomId, room.buildingId, p.site, r.pick(p.people), startsOn, r.pick(p.people), `${startsOn}T08:00:00+08:00`, status, checkedIn],
    )
  }
}

/**
 * Fill-ups of some vehicles from June on (so the 90 days before each month have intervals for the
 * median), full and partial, with typos in the odometer (too high, too low, repeated), missed
 * fill-ups, drafts, no reading, deleted entries; the first vehicle gets a set baseline.
 */
export async function generateFuel(db: TestDb, r: Rng, p: People, vehicles: string[], n: number): Promise<void> {
  for (const [v, vehicle] of vehicles.entries()) {
    let odo = 20_000 + v * 5_000
    for (let i = 0; i < n; i++) {
      const filled = timeOn(r, day('2026-06-01', Math.floor((i * 155) / n) + r.int(0, 2)))
      odo += r.int(0, 10) === 0 ? 0 : r.int(150, 700)
      const typo = r.int(0, 30)
      const reading = r.chance(0.05) ? null : typo === 0 ? odo + 10_000 : typo === 1 ? odo - 5_000 : odo
      const full = r.chance(0.8)
      const draft = r.chance(0.05)
      const litres = draft ? null : (r.int(1500, 6500) / 100).toFixed(2)
      await db.query(
        `insert into public.fuel_logs (id, vehicle_id, driver_id, filled_at, odometer_km, litres, amount, full_tank, missed_previous, status, deleted_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [randomUUID(), vehicle, r.pick(p.people), filled, reading, litres, litres === null ? null : (Number(litres) * 7.5).toFixed(2), full,
         r.chance(0.05), draft ? 'draft' : 'complete', r.chance(0.03) ? filled : null],
      )
    }
  }
  await db.query('update public.assets set fuel_baseline_l100km = 9.5 where id = $1', [vehicles[0]])
}

/**
 * A room's beds made on 2026-09-01 with stays checked in and out (some the same day, some still
 * there, some cancelled), and repairs started and ended, across month ends at midnight.
 */
export async function generateOccupancy(db: TestDb, r: Rng, p: People, beds: { id: string }[], room: { roomId: string; buildingId: string }, n: number): Promise<void> {
  // created_at is kept by the stamp trigger: made earlier, as a bed set up before the stays.
  await db.query(`set session_replication_role = replica`)
  await db.query(`update public.dorm_beds set created_at = '2026-09-01T10:00:00+08:00' where room_id = $1`, [room.roomId])
  await db.query(`set session_replication_role = default`)
  for (let i = 0; i < n; i++) {
    const bed = r.pick(beds).id
    const inDay = day('2026-08-25', r.int(0, 70))
    const status = r.pick(['active', 'ended', 'ended', 'cancelled', 'reserved'])
    const checkedIn = status === 'reserved' || status === 'cancelled' ? null : timeOn(r, inDay)
    const ended = status === 'ended' ? timeOn(r, day(inDay, r.int(0, 20))) : null
    await db.query(
      `insert into public.dorm_stays (id, bed_id, room_id, building_id, site_id, occupant_id, gender, starts_on, allocated_by, allocated_at, status, checked_in_at, ended_at, deleted_at)
       values ($1, $2, $3, $4, $5, $6, 'male', $7, $8, $9, $10, $11, $12, $13)`,
      [randomUUID(), bed, room.roomId, room.buildingId, p.site, r.pick(p.people), inDay, p.people[0], `${inDay}T08:00:00+08:00`, status, checkedIn,
       ended && ended < checkedIn! ? checkedIn : ended, r.chance(0.05) ? `${inDay}T09:00:00+08:00` : null],
    )
  }
  for (let i = 0; i < n / 3; i++) {
    const at = timeOn(r, day('2026-08-28', r.int(0, 65)))
    await db.query(
      `insert into public.dorm_bed_events (id, bed_id, site_id, type, actor_id, device_time, payload)
       values ($1, $2, $3, $4, $5, $6, '{}')`,
      [randomUUID(), r.pick(beds).id, p.site, r.chance(0.55) ? 'repair_start' : 'repair_end', p.people[0], at],
    )
  }
}
