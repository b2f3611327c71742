/**
 * What the device holds for the KPIs: the engines' rows it pulled (RLS already cut them to what
 * this user may see). The small things every figure needs (calendar, people, departments,
 * targets) are read once per open; the engines' rows are read one source and one period at a
 * time, through indexes, never as whole tables (a year of a 500-person company is ~200,000 rows).
 *
 * A period read is a superset of the rows whose items fall in the period: each window reaches
 * back as far as an item's day can lie after the fact that decides it (a summary is due 3 working
 * days after completion, an approval step 1 working day after it opened: WORKING_DAYS_REACH
 * covers the longest holiday), and a record read is read whole (an application with all its
 * decisions, a seal with its loan open at the window's start). The caller keeps only the items
 * whose day is in the period, so the figures are those of the whole tables.
 */
import { MAX_KEY, MIN_KEY } from '@/platform/db/keys'
import type { AdminFieldDb } from '@/platform/db'
import type { CustodyEventRow, DepartmentRow, KpiTargetRow, ProfileRow } from '@/platform/db/rows'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { DEFAULT_TIME_ZONE, addDays, type CalendarDate } from '@/shared/lib/zonedTime'
import type { KpiFacts, KpiSource, Period } from '../domain'

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

/** Calendar days a deadline counted in working days can lie after its start (the longest run of days off, with room). */
export const WORKING_DAYS_REACH = 45
/** Instants are compared as ISO text: two days either side covers any offset and format. */
const MARGIN = 2
const instant = (day: CalendarDate) => `${day}T00:00:00`

/** The rows one source's items in `period` can come from. */
export async function readSource(database: AdminFieldDb, source: KpiSource, period: Period): Promise<KpiFacts> {
  const lo = (days: number) => instant(addDays(period.from, -days))
  const hi = instant(addDays(period.to, MARGIN))
  switch (source) {
    case 'tasks': {
      // Due in the period (on time), completed up to a summary's reach before it, scored in it:
      // index ranges only (reading rows by thousands of ids is a cursor step each).
      const [due, completed, scored] = await Promise.all([
        database.tasks.where('due_on').between(period.from, period.to, true, true).toArray(),
        database.tasks.where('completed_at').between(lo(WORKING_DAYS_REACH), hi).toArray(),
        database.tasks.where('scored_at').between(lo(MARGIN), hi).toArray(),
      ])
      return { tasks: [...new Map([...due, ...completed, ...scored].map((t) => [t.id, t])).values()] }
    }
    case 'followUps': {
      // 督办 sheets are few (one per late or important task); a level's day can be set by any
      // earlier reminder, so every sheet is read, with its task and its remind facts.
      const followUps = await database.follow_ups.toArray()
      const [tasks, taskEvents] = await Promise.all([
        database.tasks.bulkGet([...new Set(followUps.map((f) => f.task_id))]),
        database.task_events.where('follow_up_id').above('').toArray(),
      ])
      return { followUps, tasks: tasks.filter((t) => t !== undefined), taskEvents: taskEvents.filter((e) => e.type === 'remind') }
    }
    case 'requests': {
      // An item's step opened within reach before its day: the facts from then on (a fold that
      // starts there makes every step opened since), and the applications they can be about —
      // those still pending, and those whose status changed since (a decision changes it).
      const since = lo(WORKING_DAYS_REACH)
      const [requestEvents, pending, changed] = await Promise.all([
        database.request_events.where('at').aboveOrEqual(since).toArray(),
        database.requests.where('[status+waiting_role+status_at]').between(['pending'], ['pending', MAX_KEY]).toArray(),
        database.requests.where('status_at').aboveOrEqual(since).toArray(),
      ])
      return { requests: [...new Map([...pending, ...changed].map((r) => [r.id, r])).values()], requestEvents }
    }
    case 'custody': {
      // Seals and licences only (the equipment, vehicle and uniform histories stay unread). A
      // loan's item falls on its due day: the acts that set a due time in the window name the
      // loans; each asset's facts are read from the earliest such loan's check-out on.
      const assets = await database.assets.where('kind').anyOf(['seal', 'licence']).toArray()
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
      // The seals' and licences' checks in the window, and each one's first act (from when it is owed).
      const keptAssets = await database.assets.where('kind').anyOf(['seal', 'licence']).toArray()
      const events = database.custody_events.where('[asset_id+device_time]')
      const [custodyChecks, firsts] = await Promise.all([
        keptAssets.length ? events.inAnyRange(keptAssets.map((a) => [[a.id, lo(MARGIN)], [a.id, hi]])).toArray() : [],
        Promise.all(keptAssets.map((a) => events.between([a.id, MIN_KEY], [a.id, MAX_KEY]).filter((e) => !e.deleted_at).first())),
      ])
      return { keptAssets, custodyChecks, custodyFirstActs: firsts.filter((e) => e !== undefined) }
    }
    case 'dispatches':
      // 用车申请 are few (one per car needed): all of them, their start_at decides the day.
      return { dispatches: await database.requests.where('[type+status]').between(['vehicle_dispatch', MIN_KEY], ['vehicle_dispatch', MAX_KEY]).toArray() }
    case 'trips': {
      const [trips, vehicles] = await Promise.all([database.trips.where('started_at').between(lo(MARGIN), hi).toArray(), database.assets.where('kind').equals('vehicle').toArray()])
      return { trips, vehicles }
    }
    case 'stays':
      return { stays: await database.dorm_stays.where('starts_on').between(period.from, period.to, true, true).toArray() }
    case 'fuel': {
      // A reading's sequence depends on the vehicle's every fill: each vehicle with a fill in the
      // window is read whole (fills are a few a week per vehicle), with the 90 days of its baseline.
      const inWindow = await database.fuel_logs.where('filled_at').between(lo(MARGIN), hi).toArray()
      const ids = [...new Set(inWindow.map((l) => l.vehicle_id))]
      const [fuelVehicles, fuelLogs] = await Promise.all([
        database.assets.bulkGet(ids),
        ids.length ? database.fuel_logs.where('vehicle_id').anyOf(ids).toArray() : [],
      ])
      return { fuelVehicles: fuelVehicles.filter((v) => v !== undefined), fuelLogs }
    }
    case 'beds': {
      // Every bed (one item per bed-day); the stays live now or ended since the window's start; the repair acts.
      const [beds, live, ended, bedEvents] = await Promise.all([
        database.dorm_beds.toArray(),
        database.dorm_stays.where('status').equals('active').toArray(),
        database.dorm_stays.where('ended_at').aboveOrEqual(lo(MARGIN)).toArray(),
        database.dorm_bed_events.where('type').anyOf(['repair_start', 'repair_end']).toArray(),
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
