/**
 * Deterministic fleets for the bench (`npm run bench`) and the scale tests: realistic fill
 * patterns (full fills when the tank runs low, some partial top-ups, monthly price moves)
 * with a few anomalies planted on purpose, so a run can be checked as well as timed.
 */
import { ANOMALY_KINDS, type AnomalyEntry, type AnomalyKind, type AnomalyVehicle } from './anomalies'

export interface BenchFleet {
  vehicles: AnomalyVehicle[]
  entries: AnomalyEntry[]
  /** Anomalies planted on purpose; a run must find each of them. */
  planted: { entry_id: string; kind: AnomalyKind }[]
}

export interface BenchOptions {
  vehicles?: number
  days?: number
  /** Fill-ups per vehicle instead of `days` (e.g. 5,000 for the one-vehicle bench). */
  entriesPerVehicle?: number
  seed?: number
  /** Plant one of each anomaly about every this many entries (0: none). */
  plantEvery?: number
}

/** mulberry32: tiny, fast and the same on every engine. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width)
/** A UUID-shaped id that encodes (vehicle, entry) so failures are readable. */
const uuidOf = (kind: number, v: number, i: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(v, 4)}${hex(i, 8)}`

const START = Date.UTC(2024, 0, 1, 1) // 09:00 in Shanghai
const DAY = 86_400_000

/**
 * A fleet of `vehicles` (default 200) over `days` (default 730, two years), or
 * `entriesPerVehicle` fills each. Planted: an odometer typo, a fill above the tank, a
 * duplicate fill minutes later, a price 35 % off and an interval with 60 % more fuel.
 */
export function benchFleet(options: BenchOptions = {}): BenchFleet {
  const nVehicles = options.vehicles ?? 200
  const days = options.days ?? 730
  const perVehicle = options.entriesPerVehicle ?? Number.POSITIVE_INFINITY
  const plantEvery = options.plantEvery ?? 150
  const rand = rng(options.seed ?? 42)
  const vehicles: AnomalyVehicle[] = []
  const entries: AnomalyEntry[] = []
  const planted: BenchFleet['planted'] = []

  for (let v = 0; v < nVehicles; v++) {
    const diesel = rand() < 0.2
    const tank = diesel ? 70 : 50 + Math.floor(rand() * 3) * 5
    const lPer100 = (diesel ? 9 : 6.5) + rand() * 3
    const kmPerDay = 60 + rand() * 80
    const id = uuidOf(1, v, 0)
    vehicles.push({ id, tank_size_l: tank })
    let odo = 20_000 + Math.floor(rand() * 50_000)
    let t = START + Math.floor(rand() * DAY)
    let fuel = tank
    let exactOdo = odo
    const firstOfVehicle = entries.length
    const typos = new Map<AnomalyEntry, number>()
    for (let i = 0; i < perVehicle; i++) {
      // Drive until a quarter of the tank is left (or, rarely, top up at half).
      const partial = rand() < 0.12
      const burnTo = partial ? tank * 0.5 : tank * 0.25
      const km = Math.max(20, ((fuel - burnTo) / lPer100) * 100)
      const noise = 1 + (rand() - 0.5) * 0.06
      exactOdo += km
      odo = Math.round(exactOdo)
      t += Math.max(3_600_000, Math.round((km / kmPerDay) * DAY))
      if (t >= START + days * DAY) break
      const burnt = (km / 100) * lPer100 * noise
      fuel = Math.max(0, fuel - burnt)
      const litres = Math.round((partial ? (tank - fuel) * 0.5 : tank - fuel) * 100) / 100
      fuel += litres
      const month = Math.floor((t - START) / (30 * DAY))
      let price = (diesel ? 7.4 : 7.8) + 0.08 * Math.sin(month) + (rand() - 0.5) * 0.1
      const entryId = uuidOf(2, v, i)
      const entry: AnomalyEntry = {
        id: entryId,
        vehicle_id: id,
        filled_at: new Date(t).toISOString(),
        odometer_km: odo,
        litres,
        unit_price: 0,
        amount: 0,
        full_tank: !partial,
        missed_previous: false,
        fuel_type: diesel ? 'diesel_0' : 'gasoline_92',
        status: 'complete',
      }
      const slot = plantEvery > 0 && i > 30 ? i % plantEvery : -1
      if (slot === 10) {
        entry.odometer_km = odo + 10_000 // typo: one digit too many km
        typos.set(entry, odo)
        planted.push({ entry_id: entryId, kind: ANOMALY_KINDS.odometerOutOfSequence })
      } else if (slot === 40) {
        entry.litres = Math.round(tank * 1.3 * 100) / 100
        planted.push({ entry_id: entryId, kind: ANOMALY_KINDS.tankExceeded })
      } else if (slot === 70) {
        price *= 1.35
        planted.push({ entry_id: entryId, kind: ANOMALY_KINDS.priceOutlier })
      } else if (slot === 100 && entry.full_tank) {
        // 60 % more fuel than the distance explains: fuel going somewhere else.
        entry.litres = Math.round(litres * 1.6 * 100) / 100
        planted.push({ entry_id: entryId, kind: ANOMALY_KINDS.economyOutlier })
      }
      entry.unit_price = Math.round(price * 100) / 100
      entry.amount = Math.round((entry.litres ?? 0) * entry.unit_price * 100) / 100
      entries.push(entry)
      if (slot === 130) {
        // The same fill entered twice, 20 minutes and 3 km apart.
        const dupId = uuidOf(3, v, i)
        entries.push({ ...entry, id: dupId, filled_at: new Date(t + 20 * 60_000).toISOString(), odometer_km: odo + 3, full_tank: false })
        planted.push({ entry_id: dupId, kind: ANOMALY_KINDS.tooClose })
      }
    }
    // A typo among the last few fills has nothing after it to show it up: take it back.
    for (const e of entries.slice(Math.max(firstOfVehicle, entries.length - 3))) {
      const real = typos.get(e)
      if (real === undefined) continue
      e.odometer_km = real
      planted.splice(planted.findIndex((p) => p.entry_id === e.id), 1)
    }
  }
  return { vehicles, entries, planted }
}
