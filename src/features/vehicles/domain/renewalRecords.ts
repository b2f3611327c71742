/**
 * A vehicle's renewals from the rule rows (its own and the fleet defaults) and its registry
 * dates, and what completing a renewal job changes. The server keeps the same rules
 * (renewal_rule.upsert and maintenance.update in supabase/migrations/20261202020100_*):
 *
 * - A kind's interval is the vehicle's own row's when that row sets one, else the fleet
 *   default's (vehicle_id null).
 * - "Last done" is per vehicle: only the vehicle's own row carries it. A default's last done
 *   is never applied to every vehicle (the server refuses one on a new default).
 * - An interval with no last done for the vehicle is due now, "last done not recorded",
 *   so the fleet manager records it; except insurance and annual inspection when the
 *   registry has the date, which then anchors it.
 * - The registry's insurance end and annual inspection date always count, whatever rules
 *   exist; per kind the most urgent of the registry date and the rule is the one listed.
 * - Completing a renewal job (a maintenance request marked as the service, the inspection
 *   or the insurance) sets the vehicle's last done to the completion's company day and the
 *   odometer reading then, unless a later one is recorded; without an own row one is made
 *   with no interval (the default's applies).
 */
import { DEFAULT_TIME_ZONE, type CalendarDate } from '@/shared/lib/zonedTime'
import { compareUrgency, registryRules, renewalStatus, type RenewalRule, type RenewalStatus } from './renewals'

export const RECORD_KINDS = ['service', 'annual_inspection', 'insurance'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** A renewal_rules row (device and server alike). */
export interface RenewalRecord {
  id: string
  /** null = the fleet default. */
  vehicle_id: string | null
  kind: RecordKind
  every_km: number | null
  every_months: number | null
  last_done_at: CalendarDate | null
  last_done_km: number | null
}

export interface RenewalVehicle {
  id: string
  /** Its last known reading. */
  odometer_km: number | null
  insurance_end?: CalendarDate | null
  annual_inspection_on?: CalendarDate | null
}

const hasInterval = (r: RenewalRecord | undefined): r is RenewalRecord => !!r && (r.every_km !== null || r.every_months !== null)

function registered(v: RenewalVehicle, kind: RecordKind): CalendarDate | null {
  if (kind === 'insurance') return v.insurance_end ?? null
  if (kind === 'annual_inspection') return v.annual_inspection_on ?? null
  return null
}

/** The rule a kind's rows give this vehicle (null: no interval anywhere). */
export function vehicleRule(v: RenewalVehicle, kind: RecordKind, records: readonly RenewalRecord[]): RenewalRule | null {
  const own = records.find((r) => r.vehicle_id === v.id && r.kind === kind)
  const def = records.find((r) => r.vehicle_id === null && r.kind === kind)
  const src = hasInterval(own) ? own : hasInterval(def) ? def : null
  if (!src) return null
  return {
    id: own?.id ?? src.id,
    vehicle_id: v.id,
    kind,
    label: null,
    interval_months: src.every_months,
    interval_km: src.every_km,
    last_done_on: own?.last_done_at ?? null,
    last_done_km: own?.last_done_km ?? null,
    due_on: null,
    due_km: null,
    driver_id: null,
  }
}

/** One status per kind the vehicle has (rules and registry dates), in RECORD_KINDS order. */
export function vehicleRenewals(
  v: RenewalVehicle,
  records: readonly RenewalRecord[],
  now: Date | number | string,
  timeZone: string = DEFAULT_TIME_ZONE,
): RenewalStatus[] {
  const out: RenewalStatus[] = []
  const reg = registryRules(
    { id: v.id, insurance_end: v.insurance_end ?? '', annual_inspection_on: v.annual_inspection_on ?? '' },
    { insurance: `${v.id}:insurance`, annual_inspection: `${v.id}:annual_inspection` },
  )
  for (const kind of RECORD_KINDS) {
    const candidates: RenewalStatus[] = []
    const rule = vehicleRule(v, kind, records)
    const date = registered(v, kind)
    if (rule) {
      const s = renewalStatus(rule, v, now, timeZone)
      if (!(s.last_done_unknown && date)) candidates.push(s)
    }
    const regRule = reg.find((r) => r.kind === kind)
    if (date && regRule) candidates.push(renewalStatus(regRule, v, now, timeZone))
    candidates.sort(compareUrgency)
    if (candidates[0]) out.push(candidates[0])
  }
  return out
}

export interface RenewalDoneInput {
  vehicle_id: string
  kind: RecordKind
  /** The completion's calendar day in the company zone. */
  done_on: CalendarDate
  done_km: number | null
  /** The id a new own row gets (the device makes it; the server uses the same). */
  rule_id: string
}

/** The vehicle's own row after a renewal job is completed, or null when a later one is already recorded. */
export function renewalDone(records: readonly RenewalRecord[], done: RenewalDoneInput): RenewalRecord | null {
  const own = records.find((r) => r.vehicle_id === done.vehicle_id && r.kind === done.kind)
  if (own) {
    if (own.last_done_at !== null && own.last_done_at > done.done_on) return null
    return { ...own, last_done_at: done.done_on, last_done_km: done.done_km }
  }
  return {
    id: done.rule_id,
    vehicle_id: done.vehicle_id,
    kind: done.kind,
    every_km: null,
    every_months: null,
    last_done_at: done.done_on,
    last_done_km: done.done_km,
  }
}
