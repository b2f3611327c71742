/**
 * A small state-machine helper shared by maintenance and accident reports: which action
 * moves which status where, and who may act. Refusals are i18n keys.
 */
import { E, type VehicleErrorKey } from './fields'

export interface Actor {
  id: string
  roles: readonly string[]
}

export type TransitionTable<S extends string, A extends string> = Record<A, { from: readonly S[]; to: S }>

export type Transition<T> = { ok: true; value: T } | { ok: false; reason: VehicleErrorKey }

/** The fleet manager decides on vehicles (the custody keeper role for vehicles). */
export const FLEET_ROLES: readonly string[] = ['fleet_manager', 'admin_head']

export const isFleetManager = (actor: Actor) => actor.roles.some((r) => FLEET_ROLES.includes(r))

/** Checks the move and the actor; the caller applies the payload. */
export function checkMove<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  status: S,
  action: A,
  actor: Actor,
): { ok: true; to: S } | { ok: false; reason: VehicleErrorKey } {
  if (!isFleetManager(actor)) return { ok: false, reason: E.notAllowed }
  const move = table[action]
  if (!move.from.includes(status)) return { ok: false, reason: E.badTransition }
  return { ok: true, to: move.to }
}

/** Actions allowed from a status (for the buttons the UI shows). */
export function actionsFrom<S extends string, A extends string>(table: TransitionTable<S, A>, status: S): A[] {
  return (Object.keys(table) as A[]).filter((a) => table[a].from.includes(status))
}
