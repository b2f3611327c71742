/**
 * A vehicle's fuel baseline (油耗基准, L/100 km): what its fill-to-fill intervals are judged against
 * (the KPI fuel_within_baseline). Set by the fleet manager or the admin head of its site; empty =
 * the median of its intervals in the 90 days before each month. The server
 * (private.sync_apply_vehicle_fuel_baseline_set) checks the same range and two decimals.
 */
export const FUEL_BASELINE_MIN = 0.1
export const FUEL_BASELINE_MAX = 99.99

export type BaselineInput = { ok: true; value: number | null } | { ok: false; error: 'vehicles.baseline.range' }

/** Typed text → the baseline (null: back to the median). */
export function parseBaseline(text: string): BaselineInput {
  const s = text.trim()
  if (s === '') return { ok: true, value: null }
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(s)) return { ok: false, error: 'vehicles.baseline.range' }
  const n = Number(s)
  return n >= FUEL_BASELINE_MIN && n <= FUEL_BASELINE_MAX ? { ok: true, value: n } : { ok: false, error: 'vehicles.baseline.range' }
}

/** Who may set it: the fleet manager or the admin head. */
export function canSetBaseline(roles: readonly string[]): boolean {
  return roles.includes('fleet_manager') || roles.includes('admin_head')
}
