/**
 * Trip odometer checks (出车里程). A reading is a fact: it is never refused, only flagged
 * (DESIGN.md invariant 2), so the fleet manager sees "backwards" and "implausible" trips
 * instead of drivers inventing numbers to get past a form.
 */
import { toEpochMs } from '@/shared/lib/zonedTime'

export const ODOMETER_FLAGS = {
  backwards: 'vehicles.flags.odometerBackwards',
  implausible: 'vehicles.flags.odometerImplausible',
  belowLastKnown: 'vehicles.flags.odometerBelowLastKnown',
} as const
export type OdometerFlagKind = (typeof ODOMETER_FLAGS)[keyof typeof ODOMETER_FLAGS]

export interface OdometerFlag {
  kind: OdometerFlagKind
  detail: Record<string, number | null>
}

export interface PlausibilityOptions {
  /** Average speed no car keeps up over a trip (km/h). */
  maxKmPerHour?: number
  /** Distance no driver covers in a day (km per 24 h). */
  maxKmPerDay?: number
  /** Distances this small are never implausible (clock rounding on short hops). */
  slackKm?: number
}

const DEFAULTS: Required<PlausibilityOptions> = { maxKmPerHour: 150, maxKmPerDay: 1_500, slackKm: 10 }

/** The most a trip of `hours` can cover: the speed limit, and per day the daily limit. */
export function maxPlausibleKm(hours: number, options: PlausibilityOptions = {}): number {
  const o = { ...DEFAULTS, ...options }
  const h = Math.max(0, hours)
  return Math.min(o.maxKmPerHour * h, o.maxKmPerDay * Math.max(1, h / 24)) + o.slackKm
}

export interface TripReadings {
  odometer_start: number
  odometer_end: number
  started_at: string
  ended_at: string
}

/** Flags for a finished trip: end below start ('backwards'), or a jump its duration cannot explain. */
export function checkTripOdometer(trip: TripReadings, options: PlausibilityOptions = {}): OdometerFlag[] {
  const distance = trip.odometer_end - trip.odometer_start
  if (distance < 0) {
    return [{ kind: ODOMETER_FLAGS.backwards, detail: { odometer_start: trip.odometer_start, odometer_end: trip.odometer_end } }]
  }
  const ms = toEpochMs(trip.ended_at) - toEpochMs(trip.started_at)
  const hours = Number.isFinite(ms) ? Math.max(0, ms / 3_600_000) : 0
  if (distance > maxPlausibleKm(hours, options)) {
    return [
      {
        kind: ODOMETER_FLAGS.implausible,
        detail: { distance_km: distance, hours: Math.round(hours * 100) / 100, km_per_hour: hours > 0 ? Math.round(distance / hours) : null },
      },
    ]
  }
  return []
}

/** A trip starting below the vehicle's last known reading went backwards since then. */
export function checkStartReading(odometerStart: number, lastKnown: LastReading | null): OdometerFlag[] {
  if (lastKnown === null || odometerStart >= lastKnown.km) return []
  return [{ kind: ODOMETER_FLAGS.belowLastKnown, detail: { odometer_start: odometerStart, last_known_km: lastKnown.km } }]
}

export type ReadingSource = 'trip_start' | 'trip_end' | 'fuel' | 'registry'

export interface LastReading {
  km: number
  /** Null for the registry's figure, which has no time. */
  at: string | null
  source: ReadingSource
  /** The trip or fuel entry it came from. */
  id: string | null
}

export interface ReadingSources {
  /** The registry's odometer (vehicleFieldsSchema.odometer_km): used when nothing newer exists. */
  registry_km?: number | null
  trips?: readonly {
    id: string
    started_at: string
    odometer_start: number
    ended_at?: string | null
    odometer_end?: number | null
    deleted_at?: string | null
  }[]
  fuel?: readonly { id: string; filled_at: string; odometer_km: number | null; deleted_at?: string | null }[]
}

/**
 * The pre-fill for the next reading: the latest reading by time across trips and fuel logs
 * (a tie goes to the higher reading), else the registry's. Latest, not highest: one typo
 * of 10× must not become every later pre-fill.
 */
export function lastKnownReading(sources: ReadingSources): LastReading | null {
  let best: LastReading | null = null
  let bestMs = Number.NEGATIVE_INFINITY
  const offer = (km: number | null | undefined, at: string | null | undefined, source: ReadingSource, id: string) => {
    if (km === null || km === undefined || !at) return
    const ms = toEpochMs(at)
    if (Number.isNaN(ms)) return
    if (ms > bestMs || (ms === bestMs && best !== null && km > best.km)) {
      best = { km, at, source, id }
      bestMs = ms
    }
  }
  for (const t of sources.trips ?? []) {
    if (t.deleted_at) continue
    offer(t.odometer_start, t.started_at, 'trip_start', t.id)
    offer(t.odometer_end, t.ended_at, 'trip_end', t.id)
  }
  for (const f of sources.fuel ?? []) if (!f.deleted_at) offer(f.odometer_km, f.filled_at, 'fuel', f.id)
  if (best) return best
  const reg = sources.registry_km
  return reg === null || reg === undefined ? null : { km: reg, at: null, source: 'registry', id: null }
}
