/**
 * Who may do what to an asset: the buttons the asset page offers
 * (`allowedEvents`: role AND state) and the role check the server applies
 * before accepting an event (`mayRecord`: roles and who holds it, never the
 * status, so a fact recorded offline is not refused for a state conflict).
 */
import type { AssetKind } from './assetNumber'
import { isValidFrom, type CustodyState } from './custody'
import { CUSTODY_EVENT_TYPES, KEEPER_ROLE_BY_KIND, type CustodyEvent, type CustodyEventType } from './custodyEvents'

/** The person acting and all their roles (a person can hold several). */
export interface CustodyActor {
  person_id: string
  roles: readonly string[]
}

const HOLDER_EVENTS: readonly CustodyEventType[] = ['check_in', 'report_damaged', 'report_lost']
const DRIVER_EVENTS: readonly CustodyEventType[] = ['check_out', 'check_in']

function isKeeper(kind: AssetKind, actor: CustodyActor): boolean {
  return actor.roles.includes('admin_head') || actor.roles.includes(KEEPER_ROLE_BY_KIND[kind])
}

/**
 * The role part only: may this person record this type of event on this kind?
 * - admin_head and the kind's keeper: everything;
 * - a driver: check out and check in vehicles;
 * - the current holder: check in, report damaged or lost;
 * - anyone else (the executive reads but does not act): nothing.
 * `holder_id` is the holder as the acting device saw it.
 */
export function roleMayRecord(
  type: CustodyEventType,
  kind: AssetKind,
  actor: CustodyActor,
  state: Pick<CustodyState, 'holder_id'>,
): boolean {
  if (isKeeper(kind, actor)) return true
  if (kind === 'vehicle' && actor.roles.includes('driver') && DRIVER_EVENTS.includes(type)) return true
  return state.holder_id !== null && state.holder_id === actor.person_id && HOLDER_EVENTS.includes(type)
}

/** The actions to offer on the asset page: allowed by role AND a normal step from the state. */
export function allowedEvents(state: CustodyState, actor: CustodyActor, kind: AssetKind): CustodyEventType[] {
  return CUSTODY_EVENT_TYPES.filter((t) => isValidFrom(state, t) && roleMayRecord(t, kind, actor, state))
}

/**
 * The role check for one concrete event, as the server applies it before
 * accepting: `roleMayRecord`, plus a driver who is not a keeper may only
 * check a vehicle out to themselves.
 */
export function mayRecord(e: CustodyEvent, kind: AssetKind, actor: CustodyActor, state: Pick<CustodyState, 'holder_id'>): boolean {
  if (!roleMayRecord(e.type, kind, actor, state)) return false
  if (e.type === 'check_out' && !isKeeper(kind, actor)) return e.payload.to_person === actor.person_id
  return true
}
