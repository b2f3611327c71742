/**
 * Who may do what to an asset: the buttons the asset page offers
 * (`allowedEvents`: role AND state) and the role check the server applies
 * before accepting an event (`mayRecord`: roles and who holds it, never the
 * status, so a fact recorded offline is not refused for a state conflict).
 */
import type { AssetKind } from './assetNumber'
import { RETURN_CONFIRMED_KINDS } from './assetRoles'
import { INITIAL_CUSTODY_STATE, applyEvent, isValidFrom, orderEvents, type CustodyState } from './custody'
import { CUSTODY_EVENT_TYPES, KEEPER_ROLE_BY_KIND, type CustodyEvent, type CustodyEventType } from './custodyEvents'

/** The person acting and all their roles (a person can hold several). */
export interface CustodyActor {
  person_id: string
  roles: readonly string[]
}

const HOLDER_EVENTS: readonly CustodyEventType[] = ['check_in', 'report_damaged', 'report_lost']
const KEEPER_CONFIRMED_HOLDER_EVENTS: readonly CustodyEventType[] = ['return_claimed', 'report_damaged', 'report_lost']
const DRIVER_EVENTS: readonly CustodyEventType[] = ['check_out', 'check_in']

export function keeperConfirmsReturn(kind: AssetKind): boolean {
  return RETURN_CONFIRMED_KINDS.includes(kind)
}

function isKeeper(kind: AssetKind, actor: CustodyActor): boolean {
  return actor.roles.includes('admin_head') || actor.roles.includes(KEEPER_ROLE_BY_KIND[kind])
}

/**
 * Who held the asset, as far as the holder's own steps go: `holder_id` the holder (when the
 * event happened: `holderAt`; for an event recorded now, as the acting device sees it), and
 * `last_holder_id` who it was last handed to, if it has been returned since (`holderAt` only).
 */
export interface HolderStanding {
  holder_id: string | null
  last_holder_id?: string | null
}

/**
 * The role part only: may this person record this type of event on this kind?
 * - admin_head and the kind's keeper: everything;
 * - a driver: check out and check in vehicles;
 * - the holder: check in, report damaged or lost; of a seal or licence, say it is returned
 *   (return_claimed) instead of checking it in: the keeper's check-in confirms it;
 * - the person it was last handed to, once it is back: check in again (both the keeper and
 *   the holder recorded the hand-back; the second changes nothing);
 * - anyone else (the executive reads but does not act; a former holder once it went to
 *   someone else): nothing.
 */
export function roleMayRecord(type: CustodyEventType, kind: AssetKind, actor: CustodyActor, state: HolderStanding): boolean {
  if (isKeeper(kind, actor)) return true
  if (kind === 'vehicle' && actor.roles.includes('driver') && DRIVER_EVENTS.includes(type)) return true
  const holderEvents = keeperConfirmsReturn(kind) ? KEEPER_CONFIRMED_HOLDER_EVENTS : HOLDER_EVENTS
  const handBack: CustodyEventType = keeperConfirmsReturn(kind) ? 'return_claimed' : 'check_in'
  if (state.holder_id !== null) return state.holder_id === actor.person_id && holderEvents.includes(type)
  return type === handBack && state.last_holder_id != null && state.last_holder_id === actor.person_id
}

/** The actions to offer on the asset page: allowed by role AND a normal step from the state. */
export function allowedEvents(state: CustodyState, actor: CustodyActor, kind: AssetKind): CustodyEventType[] {
  return CUSTODY_EVENT_TYPES.filter(
    (t) =>
      isValidFrom(state, t) &&
      roleMayRecord(t, kind, actor, state) &&
      // A claim already waits for the keeper; the keeper's own check-in is the confirmation.
      !(t === 'return_claimed' && (state.return_claimed_at !== null || isKeeper(kind, actor))),
  )
}

/**
 * The role check for one concrete event, as the server applies it before
 * accepting: `roleMayRecord`, plus a driver who is not a keeper may only
 * check a vehicle out to themselves, and a seal is retired only with its application.
 */
export function mayRecord(e: CustodyEvent, kind: AssetKind, actor: CustodyActor, state: HolderStanding): boolean {
  if (!roleMayRecord(e.type, kind, actor, state)) return false
  // 印章停用: nobody retires a seal alone, only through an approved application.
  if (e.type === 'retire' && kind === 'seal' && !e.payload.request_id) return false
  if (e.type === 'check_out' && !isKeeper(kind, actor)) return e.payload.to_person === actor.person_id
  return true
}

/**
 * The standing for `e` by the asset's other events that come before it (`orderEvents`
 * order): who held it then, and who it was last handed to. The server allows a holder's
 * step when `mayRecord` passes with this standing or with the asset's holder now (a phone
 * clock running behind): so a hand-back recorded offline before the next check-out counts,
 * while someone who held the asset once cannot check it in or report it after it went to
 * someone else (private.custody_holder_at mirrors this).
 */
export function holderAt(events: readonly CustodyEvent[], e: Pick<CustodyEvent, 'id' | 'device_time' | 'server_time'>): Required<HolderStanding> {
  const ordered = orderEvents([...events.filter((x) => x.id !== e.id), e])
  let state = INITIAL_CUSTODY_STATE
  let last: string | null = null
  for (const x of ordered.slice(0, ordered.indexOf(e)) as CustodyEvent[]) {
    state = applyEvent(state, x)
    if (state.holder_id !== null) last = state.holder_id
  }
  return { holder_id: state.holder_id, last_holder_id: last }
}
