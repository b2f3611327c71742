import type { EconomyEntry } from '@/features/vehicles/domain/sequence'

let seq = 0

/** A fill at day `day` (08:00Z + day days from 2026-01-01) with sensible defaults. */
export function fill(
  odometer_km: number | null,
  litres: number | null,
  o: Partial<EconomyEntry> & { day?: number; price?: number } = {},
): EconomyEntry {
  const { day, price = 8, ...rest } = o
  seq++
  const d = day ?? seq
  return {
    id: `e${seq}`,
    vehicle_id: 'v1',
    filled_at: new Date(Date.UTC(2026, 0, 1, 8) + d * 86_400_000).toISOString(),
    odometer_km,
    litres,
    amount: litres === null ? null : Math.round(litres * price * 100) / 100,
    full_tank: true,
    missed_previous: false,
    status: 'complete',
    ...rest,
  }
}

/** Entries with ids e1..en relative to this call (resets the counter). */
export function series(build: () => EconomyEntry[]): EconomyEntry[] {
  seq = 0
  return build()
}
