/**
 * Every KPI's items from one set of facts (the device's tables, or a test's hand-made ones),
 * grouped by the engine whose rows they come from: the dashboard reads and computes one source
 * for one window at a time (data/kpiWindows.ts), the tests compute all of them at once.
 */
import { KPI_SOURCES, type KpiSource } from './sourceOf'
import type { KpiContext, KpiItem } from './items'
import { taskItems, followUpItems, type FollowUpFacts, type RemindFacts, type TaskFacts } from './sources/tasks'
import { requestItems, type RequestEventFacts, type RequestFacts } from './sources/requests'
import { custodyItems, type AssetFacts, type CustodyFacts } from './sources/custody'
import { checklistItems, type AreaFacts, type InspectionFacts, type RectificationFacts } from './sources/checklists'
import { fuelItems, type FuelLogFacts, type FuelVehicleFacts } from './sources/fuel'
import { occupancyItems, type BedEventFacts, type BedFacts, type OccupancyStayFacts } from './sources/dorms'
import type { Period } from './figures'
import { custodyCheckItems, dispatchItems, stayItems, tripItems, type DispatchFacts, type KeptAssetFacts, type StayFacts, type TripFacts } from './sources/field'

export interface KpiFacts {
  tasks?: readonly TaskFacts[]
  followUps?: readonly FollowUpFacts[]
  taskEvents?: readonly (RemindFacts & { follow_up_id?: string | null })[]
  requests?: readonly RequestFacts[]
  requestEvents?: readonly RequestEventFacts[]
  assets?: readonly AssetFacts[]
  custodyEvents?: readonly CustodyFacts[]
  areas?: readonly AreaFacts[]
  rectifications?: readonly RectificationFacts[]
  inspections?: readonly InspectionFacts[]
  /** Seals and licences with their keeper, and each one's first recorded act (periodic checks). */
  keptAssets?: readonly KeptAssetFacts[]
  custodyFirstActs?: readonly CustodyFacts[]
  /** The audit_seen acts of the seals and licences (or all their acts). */
  custodyChecks?: readonly CustodyFacts[]
  /** 用车申请 (vehicle_dispatch applications). */
  dispatches?: readonly DispatchFacts[]
  trips?: readonly TripFacts[]
  /** Vehicles' sites (trips are scoped by their vehicle's site). */
  vehicles?: readonly { id: string; site_id: string | null }[]
  stays?: readonly StayFacts[]
  /** Vehicles (with their fuel baseline) and every live fill of each (fuel economy). */
  fuelVehicles?: readonly FuelVehicleFacts[]
  fuelLogs?: readonly FuelLogFacts[]
  /** Beds, the stays that can cover the days, the beds' repair acts (occupancy). */
  beds?: readonly BedFacts[]
  bedStays?: readonly OccupancyStayFacts[]
  bedEvents?: readonly BedEventFacts[]
  /** The days occupancy makes items for (one per bed per day): unbounded (to today) when absent. */
  bedPeriod?: Period
}

export { KPI_SOURCE, KPI_SOURCES, type KpiSource } from './sourceOf'

function groupBy<T>(rows: readonly T[], key: (row: T) => string | null | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    if (k == null) continue
    let list = out.get(k)
    if (!list) out.set(k, (list = []))
    list.push(row)
  }
  return out
}

/** One source's items from the facts it needs (the others are ignored). */
export function sourceItems(source: KpiSource, ctx: KpiContext, facts: KpiFacts): KpiItem[] {
  switch (source) {
    case 'tasks':
      return taskItems(ctx, facts.tasks ?? [])
    case 'followUps':
      return followUpItems(
        ctx,
        facts.followUps ?? [],
        new Map((facts.tasks ?? []).map((t) => [t.id, t])),
        groupBy(facts.taskEvents ?? [], (e) => (e.type === 'remind' ? e.follow_up_id : null)),
      )
    case 'requests':
      return requestItems(ctx, facts.requests ?? [], groupBy(facts.requestEvents ?? [], (e) => e.request_id))
    case 'custody':
      return custodyItems(ctx, facts.assets ?? [], groupBy(facts.custodyEvents ?? [], (e) => e.asset_id))
    case 'checklists':
      return checklistItems(ctx, new Map((facts.areas ?? []).map((a) => [a.id, a])), facts.rectifications ?? [], facts.inspections ?? [])
    case 'custodyChecks':
      return custodyCheckItems(ctx, facts.keptAssets ?? [], facts.custodyFirstActs ?? [], facts.custodyChecks ?? [])
    case 'dispatches':
      return dispatchItems(ctx, facts.dispatches ?? [])
    case 'trips':
      return tripItems(ctx, new Map((facts.vehicles ?? []).map((v) => [v.id, v.site_id])), facts.trips ?? [])
    case 'stays':
      return stayItems(ctx, facts.stays ?? [])
    case 'fuel':
      return fuelItems(ctx, facts.fuelVehicles ?? [], facts.fuelLogs ?? [])
    case 'beds':
      return occupancyItems(ctx, facts.bedPeriod ?? { from: '0000-01-01', to: '9999-12-31' }, facts.beds ?? [], facts.bedStays ?? [], facts.bedEvents ?? [])
  }
}

export function allItems(ctx: KpiContext, facts: KpiFacts): KpiItem[] {
  return KPI_SOURCES.flatMap((s) => sourceItems(s, ctx, facts))
}
