/**
 * What the device holds for the KPIs: the engines' rows it pulled (RLS already cut them to what
 * this user may see), the company calendar, the people's departments and the targets. Read once
 * per dashboard open; the formulas run over them in memory (features/kpis/domain).
 */
import type { AdminFieldDb } from '@/platform/db'
import type { DepartmentRow, KpiTargetRow, ProfileRow } from '@/platform/db/rows'
import { loadStatutoryDays, makeCalendar, type CompanyCalendar } from '@/shared/lib/calendar'
import { DEFAULT_TIME_ZONE } from '@/shared/lib/zonedTime'
import type { KpiFacts } from '../domain'

export interface KpiData {
  facts: KpiFacts
  calendar: CompanyCalendar
  timeZone: string
  profiles: ProfileRow[]
  departments: DepartmentRow[]
  targets: KpiTargetRow[]
}

const live = <T extends { deleted_at?: string | null }>(rows: T[]) => rows.filter((r) => !r.deleted_at)

export async function loadKpiData(database: AdminFieldDb): Promise<KpiData> {
  const [statutory, days, company, profiles, departments, targets] = await Promise.all([
    loadStatutoryDays(),
    database.calendar_days.toArray(),
    database.company.toArray(),
    database.profiles.toArray(),
    database.departments.toArray(),
    database.kpi_targets.toArray(),
  ])
  const assets = await database.assets.where('kind').anyOf(['seal', 'licence']).toArray()
  // Only the seals' and licences' events count: the equipment, vehicle and uniform histories are
  // most of the table and stay unread.
  const [tasks, followUps, taskEvents, requests, requestEvents, custodyEvents, areas, rectifications, inspections] = await Promise.all([
    database.tasks.toArray(),
    database.follow_ups.toArray(),
    database.task_events.toArray(),
    database.requests.toArray(),
    database.request_events.toArray(),
    database.custody_events.where('asset_id').anyOf(assets.map((a) => a.id)).toArray(),
    database.areas.toArray(),
    database.rectifications.toArray(),
    database.inspection_scores.toArray(),
  ])
  const calendar = makeCalendar(
    statutory,
    live(days).map((d) => ({ date: d.day, site_id: d.site_id, kind: d.kind, note: d.note })),
  )
  return {
    facts: {
      tasks,
      followUps,
      taskEvents: taskEvents.filter((e) => e.type === 'remind'),
      requests,
      requestEvents,
      assets,
      custodyEvents,
      areas,
      rectifications,
      // The compact score index (no answers to deserialise); `deleted` is its tombstone.
      inspections: inspections.map((i) => ({ ...i, deleted_at: i.deleted ? i.submitted_at : null })),
    },
    calendar,
    timeZone: live(company)[0]?.timezone ?? DEFAULT_TIME_ZONE,
    profiles: live(profiles),
    departments: live(departments),
    targets,
  }
}
