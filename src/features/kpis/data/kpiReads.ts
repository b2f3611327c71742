/**
 * What the device holds for the KPIs: the engines' rows it pulled (RLS already cut them to what
 * this user may see). The small things every figure needs (calendar, people, departments,
 * targets) are read once per open; the engines' rows are read one source and one period at a
 * time, through indexes, never as whole tables (a year of a 500-person company is ~200,000 rows).
 *
 * A period read is a superset of the rows whose items fall in the period: each window reaches
 * back as far as an item's day can lie after the fact that decides it (a summary is due 3 working
 * days after completion, an approval step 1 working day after it opened: counted back on the
 * company calendar, over every site's own days off, as the server does), a record read is read
 * whole (an application with its acts from the window on, a 督办 sheet with all its reminders, a
 * seal with its loan open at the window's start), and a record whose item's day is set by another
 * row is found through that row (a 督办 level due the day a reminder set, or the day after its
 * task's deadline). The caller keeps only the items whose day is in the period, so the figures
 * are those of the whole tables (tests/unit/kpis-data/period*.test.ts).
 *
 * The sources asked together (the month's open: all of them) share what they both read
 * (ReadScope): the tasks due around the period, the seals and licences.
 */
import { MAX_KEY, MIN_KEY } from '@/platform/db/keys'
import type { AdminFieldDb } from '@/platform/db'
import type { CustodyEventRow, DepartmentRow, KpiTargetRow, ProfileRow, RequestEventRow, RequestRow } from '@/platform/db/rows'
import { byIds, ofValues, ranges, rowsOfKeys } from '@/platform/db/batchReads'
import { isWorkingDay, loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { SUMMARY_WORKING_DAYS } from '@/features/tasks/domain/deadlines'
import { DEFAULT_TIME_ZONE, addDays, type CalendarDate } from '@/shared/lib/zonedTime'
import { APPROVAL_WORKING_DAYS, OPENS_STEP, type KpiFacts, type KpiSource, type Period } from '../domain'

export interface KpiBase {
  calendar: CompanyCalendar
  timeZone: string
  profiles: ProfileRow[]
  departments: DepartmentRow[]
  targets: KpiTargetRow[]
}

const live = <T extends { deleted_at?: string | null }>(rows: T[]) => rows.filter((r) => !r.deleted_at)

export async function loadKpiBase(database: AdminFieldDb): Promise<KpiBase> {
  const [statutory, days, company, profiles, departments, targets] = await Promise.all([
    loadStatutoryDays(),
    database.calendar_days.toArray(),
    database.company.toArray(),
    database.profiles.toArray(),
    database.departments.toArray(),
    database.kpi_targets.toArray(),
  ])
  const calendar = makeCalendar(
    statutory,
    live(days).map((d) => ({ date: d.day, site_id: d.site_id, kind: d.kind, note: d.note })),
  )
  return { calendar, timeZone: live(company)[0]?.timezone ?? DEFAULT_TIME_ZONE, profiles: live(profiles), departments: live(departments), targets }
}

/** Calendar days a deadline counted in working days can lie after its start, without the calendar (the longest run of days off, with room). */
export const WORKING_DAYS_REACH = 45
/** Instants are compared as ISO text: two days either side covers any offset and format. */
const MARGIN = 2
const instant = (day: CalendarDate) => `${day}T00:00:00`

/**
 * The first day a deadline `n` working days after it can fall on or after `day`: the n-th day
 * before `day` that is a working day for the company and at every site with its own calendar
 * (a day working everywhere is working for each site, so no site can start earlier). Without a
 * calendar, WORKING_DAYS_REACH calendar days. Mirrors private.kpi_working_days_back.
 */
export function workingDaysBack(calendar: CompanyCalendar | undefined, day: CalendarDate, n: number): CalendarDate {
  if (!calendar) return addDays(day, -WORKING_DAYS_REACH)
  const sites = [null, ...calendar.sites.keys()]
  let d = day
  for (let left = n, i = 0; left > 0; i++) {
    if (i > 3660) return '0000-01-01'
    d = addDays(d, -1)
    if (sites.every((s) => isWorkingDay(calendar, d, s))) left--
  }
  return d
}

/**
 * What the sources read together (the month's open, a trend) share: the company calendar (the
 * working-day reaches are counted on it) and each read made once for all of them (the tasks due
 * around the period feed the affairs and the 督办 KPIs; the seals and licences both custody ones).
 */
export interface ReadScope {
  calendar?: CompanyCalendar
  reads?: Map<string, Promise<unknown>>
  /** Tests: force a whole-table read (Infinity) or per-key ranges (0) where the read chooses. */
  wholeRowsPerKey?: number
}
/**
 * A whole-table read is chosen while it returns at most this many rows per key it replaces: in
 * Chromium an index range costs ~0.1–0.4 ms a request, a getAll ~0.012–0.03 ms a row (measured by
 * tests/bench/kpis.bench.ts: a ratio of 8 to 18).
 */
export const WHOLE_ROWS_PER_KEY = 12
export const readScope = (calendar?: CompanyCalendar, wholeRowsPerKey?: number): ReadScope => ({ calendar, reads: new Map(), wholeRowsPerKey })

function once<T>(scope: ReadScope, key: string, read: () => Promise<T>): Promise<T> {
  let p = scope.reads?.get(key) as Promise<T> | undefined
  if (!p) {
    p = read()
    scope.reads?.set(key, p)
  }
  return p
}

/** Tasks due from the day before the period to its end (a 督办 level is due the day after its task). */
const tasksDue = (database: AdminFieldDb, scope: ReadScope, period: Period) =>
  once(scope, `tasks:due:${period.from}:${period.to}`, () => database.tasks.where('due_on').between(addDays(period.from, -1), period.to, true, true).toArray())
const keptAssets = (database: AdminFieldDb, scope: ReadScope) => once(scope, 'assets:kept', () => ofValues(database, database.assets, 'kind', ['seal', 'licence']))

const byId = <T extends { id: string }>(...lists: (readonly T[])[]) => new Map(lists.flat().map((r) => [r.id, r]))

/**
 * The applications whose acts read left a step open: the last live act (in the fold's order)
 * opened one. Not those whose row says they were approved by that very act (their final step: any
 * later act is stale, flagged by the same fold that wrote the row).
 */
export function stepsOpenAtEnd(acts: readonly RequestEventRow[], requests: ReadonlyMap<string, RequestRow>): string[] {
  const last = new Map<string, RequestEventRow>()
  for (const e of acts) {
    if (e.flag || e.deleted_at) continue
    const seen = last.get(e.request_id)
    if (!seen || laterAct(e, seen)) last.set(e.request_id, e)
  }
  const out: string[] = []
  for (const [id, e] of last) {
    if (!OPENS_STEP.has(e.action)) continue
    const r = requests.get(id)
    if (e.action === 'approve' && r?.status === 'approved' && Date.parse(r.status_at) === Date.parse(e.at)) continue
    out.push(id)
  }
  return out
}
/** The fold's order (items.ts byTime): the instant, then the id. */
const laterAct = (a: RequestEventRow, b: RequestEventRow) => {
  const d = Date.parse(a.at) - Date.parse(b.at)
  return d > 0 || (d === 0 && a.id > b.id)
}

/** The rows one source's items in `period` can come from. */
export async function readSource(database: AdminFieldDb, source: KpiSource, period: Period, scope: ReadScope = {}): Promise<KpiFacts> {
  const lo = (days: number) => instant(addDays(period.from, -days))
  const hi = instant(addDays(period.to, MARGIN))
  const back = (workingDays: number) => instant(addDays(workingDaysBack(scope.calendar, period.from, workingDays), -MARGIN))
  switch (source) {
    case 'tasks': {
      // Due in the period (on time), completed up to a summary's reach before it, scored in it.
      // The tasks due are read once (shared with the 督办 sheets); of the others only the keys,
      // and the rows of those not due in the period (few: most are done around their deadline).
      const [due, completed, scored] = await Promise.all([
        tasksDue(database, scope, period),
        database.tasks.where('completed_at').between(back(SUMMARY_WORKING_DAYS), hi).primaryKeys(),
        database.tasks.where('scored_at').between(lo(MARGIN), hi).primaryKeys(),
      ])
      const inPeriod = due.filter((t) => t.due_on >= period.from)
      return { tasks: await byIds(database.tasks, [...inPeriod.map((t) => t.id), ...completed, ...scored], byId(due)) }
    }
    case 'followUps': {
      // A sheet's items fall on its opening day (the first level), its first reminder's day (first
      // success), a day a reminder set (the next level), or the day after its task's deadline
      // (a level no reminder set a day for): the sheets of each, read whole with their task. The
      // remind facts (a level's day is set by the first reminder of the level before) only of the
      // sheets whose next level can fall in the period: those of the tasks due then, and those a
      // reminder set a day in it for. Another sheet's next levels fall outside it with or without
      // its reminders (on a day set outside it, or after its task's deadline outside it); its
      // first level and first success need none.
      const dueTo = addDays(period.to, -1)
      const [opened, firsts, setDays, due] = await Promise.all([
        database.follow_ups.where('opened_at').between(lo(MARGIN), hi).toArray(),
        database.follow_ups.where('first_at').between(lo(MARGIN), hi).toArray(),
        database.task_events.where('data.next_on').between(period.from, period.to, true, true).toArray(),
        tasksDue(database, scope, period),
      ])
      // Every task due then, not only those naming a sheet (follow_up_id: its latest, and a row
      // synced before its task's may name none yet): all their sheets.
      const dueIds = due.filter((t) => t.due_on <= dueTo).map((t) => t.id)
      // Per key, an index range each (thousands of requests for a month), or the table whole
      // while it is small for the keys asked (a year: ~8,000 sheets for ~2,500 tasks due, ~12,000
      // task facts for ~1,300 sheets).
      const perKey = scope.wholeRowsPerKey ?? WHOLE_ROWS_PER_KEY
      const ofTasks = await rowsOfKeys(database, database.follow_ups, dueIds, (f) => f.task_id, (id) => database.follow_ups.where('task_id').equals(id).toArray(), perKey)
      const setSheets = setDays.filter((e) => e.type === 'remind' && e.follow_up_id).map((e) => e.follow_up_id!)
      const known = byId(opened, firsts, ofTasks.rows)
      const followUps = await byIds(database.follow_ups, [...known.keys(), ...setSheets], ofTasks.whole.length ? byId(ofTasks.whole) : known)
      const nextLevels = [...new Set([...ofTasks.rows.map((f) => f.id), ...setSheets])]
      const [tasks, taskEvents] = await Promise.all([
        byIds(database.tasks, followUps.map((f) => f.task_id), byId(due)),
        rowsOfKeys(database, database.task_events, nextLevels, (e) => e.follow_up_id, (id) => database.task_events.where('follow_up_id').equals(id).toArray(), perKey),
      ])
      return { followUps, tasks, taskEvents: taskEvents.rows.filter((e) => e.type === 'remind') }
    }
    case 'requests': {
      // A step is due the working day after the act that opened it: the acts from that reach
      // before the period to its end, and the later acts of the applications whose last act there
      // left a step open (the decision closing it, or none: the step still waiting). A fold that
      // starts there makes every step opened since. First-pass rates: the applications decided in
      // the period.
      const [acts, decided] = await Promise.all([
        database.request_events.where('at').between(back(APPROVAL_WORKING_DAYS), hi).toArray(),
        database.requests.where('decided_at').between(lo(MARGIN), hi).toArray(),
      ])
      const ids = [...new Set(acts.map((e) => e.request_id))]
      const requests = await byIds(database.requests, [...decided.map((r) => r.id), ...ids], byId(decided))
      const open = stepsOpenAtEnd(acts, byId(requests))
      const later = await ranges(database, database.request_events, open, (id) => database.request_events.where('[request_id+at]').between([id, hi], [id, MAX_KEY], false, true).toArray())
      return { requests, requestEvents: [...acts, ...later] }
    }
    case 'custody': {
      // Seals and licences only (the equipment, vehicle and uniform histories stay unread). A
      // loan's item falls on its due day: the acts that set a due time in the window name the
      // loans; each asset's facts are read from the earliest such loan's check-out on.
      const assets = await keptAssets(database, scope)
      const ours = new Set(assets.map((a) => a.id))
      const setsDue = (await database.custody_events.where('payload.due_at').between(lo(MARGIN), hi).toArray()).filter((e) => ours.has(e.asset_id))
      const earliest = new Map<string, CustodyEventRow>()
      for (const e of setsDue) if ((earliest.get(e.asset_id)?.device_time ?? '\uffff') > e.device_time) earliest.set(e.asset_id, e)
      const byAsset = () => database.custody_events.where('[asset_id+device_time]')
      const custodyEvents = await Promise.all(
        [...earliest.values()].map(async (e) => {
          let since = e.device_time
          if (e.type !== 'check_out') {
            // A transfer that set the due time: back to the check-out of its loan.
            const back = await byAsset().between([e.asset_id, MIN_KEY], [e.asset_id, since], true, true).reverse().until((x) => x.type === 'check_out' && !x.flagged && !x.deleted_at, true).toArray()
            since = back[back.length - 1]?.device_time ?? since
          }
          return byAsset().between([e.asset_id, since], [e.asset_id, MAX_KEY], true, true).toArray()
        }),
      )
      return { assets, custodyEvents: custodyEvents.flat() }
    }
    case 'custodyChecks': {
      // The seals' and licences' checks in the months that end in the period (an item is due on
      // its month's last day, met by a check any day of that month), and each one's first act
      // (from when it is owed).
      const kept = await keptAssets(database, scope)
      const events = database.custody_events.where('[asset_id+device_time]')
      const since = instant(addDays(`${period.from.slice(0, 7)}-01`, -MARGIN))
      const [custodyChecks, firsts] = await Promise.all([
        ranges(database, database.custody_events, kept.map((a) => a.id), (id) => events.between([id, since], [id, hi], true, true).toArray()),
        Promise.all(kept.map((a) => events.between([a.id, MIN_KEY], [a.id, MAX_KEY]).filter((e) => !e.deleted_at).first())),
      ])
      return { keptAssets: kept, custodyChecks, custodyFirstActs: firsts.filter((e) => e !== undefined) }
    }
    case 'dispatches':
      // 用车申请 by the time the car is needed (their day); other types' forms with a start_at are left to the formula.
      return { dispatches: await database.requests.where('form.start_at').between(lo(MARGIN), hi).toArray() }
    case 'trips': {
      const [trips, vehicles] = await Promise.all([database.trips.where('started_at').between(lo(MARGIN), hi).toArray(), database.assets.where('kind').equals('vehicle').toArray()])
      return { trips, vehicles }
    }
    case 'stays':
      return { stays: await database.dorm_stays.where('starts_on').between(period.from, period.to, true, true).toArray() }
    case 'fuel': {
      // A reading's sequence depends on the vehicle's every fill: each vehicle with a fill in the
      // window is read whole (fills are a few a week per vehicle), with the 90 days of its baseline:
      // one index range per vehicle, in anyOf's order (whose cursor steps through the fills one by one).
      const inWindow = await database.fuel_logs.where('filled_at').between(lo(MARGIN), hi).toArray()
      const ids = [...new Set(inWindow.map((l) => l.vehicle_id))].sort()
      const [fuelVehicles, fuelLogs] = await Promise.all([
        database.assets.bulkGet(ids),
        ofValues(database, database.fuel_logs, 'vehicle_id', ids),
      ])
      return { fuelVehicles: fuelVehicles.filter((v) => v !== undefined), fuelLogs }
    }
    case 'beds': {
      // Every bed (one item per bed-day); the stays live now or ended since the window's start; the repair acts.
      const [beds, live, ended, bedEvents] = await Promise.all([
        database.dorm_beds.toArray(),
        database.dorm_stays.where('status').equals('active').toArray(),
        database.dorm_stays.where('ended_at').aboveOrEqual(lo(MARGIN)).toArray(),
        ofValues(database, database.dorm_bed_events, 'type', ['repair_start', 'repair_end']),
      ])
      return { beds, bedStays: [...new Map([...live, ...ended].map((s) => [s.id, s])).values()], bedEvents, bedPeriod: period }
    }
    case 'checklists': {
      const [areas, rectifications, inspections] = await Promise.all([
        database.areas.toArray(),
        database.rectifications.where('due_at').between(lo(MARGIN), hi).toArray(),
        database.inspection_scores.where('submitted_at').between(lo(MARGIN), hi).toArray(),
      ])
      // The compact score index (no answers to deserialise); `deleted` is its tombstone.
      return { areas, rectifications, inspections: inspections.map((i) => ({ ...i, deleted_at: i.deleted ? i.submitted_at : null })) }
    }
  }
}
