/**
 * The custody state machine: status / holder / due date derived from an
 * asset's event log.
 *
 * `foldEvents` answers "what is true after these facts?" — by state only, and
 * it never drops a fact (invariant 2). An event that does not fit the state it
 * lands on (two offline devices both checked out the same seal) is applied
 * anyway and leaves a `conflict` that a keeper closes with `resolve_conflict`.
 * Who may record what is `custodyAccess.ts`; the server refuses only that.
 *
 * The SQL that derives status in the database must give the same answers as
 * `foldEvents`; tests/unit/assets/custody.test.ts is the reference.
 */
import type { Condition, CustodyEvent, CustodyEventType, CustodyStatus } from './custodyEvents'

/** An event that did not fit the state it landed on. Its id is the event's id. */
export interface CustodyConflict {
  id: string
  /** The event that set the state it clashed with (absent when it clashed with the initial state), then this one. */
  event_ids: string[]
  event_type: CustodyEventType
  from_status: CustodyStatus
  from_holder_id: string | null
  device_time: string
  /** The resolve_conflict event that closed it, or null while open. */
  resolved_by: string | null
}

export interface CustodyState {
  status: CustodyStatus
  holder_id: string | null
  due_at: string | null
  /** Purpose of the current check-out, shown on "what I hold". */
  purpose: string | null
  condition: Condition | null
  /** Current label token, when a label_replaced event set it. */
  label_token: string | null
  /** Tokens that now answer "label replaced". */
  replaced_tokens: string[]
  /** The latest audit / periodic check; `in_place` is null when the check did not say. */
  last_seen: { event_id: string; device_time: string; location: string; in_place: boolean | null } | null
  /** The last event that changed status or holder: what a later conflict is "against". */
  basis_event_id: string | null
  /** Device time of the latest event folded. */
  last_event_time: string | null
  conflicts: CustodyConflict[]
  /** True while any conflict is unresolved: the asset page shows it to its keeper. */
  has_open_conflict: boolean
  /** Since when the holder says it is back and the keeper has not confirmed (待保管员确认). */
  return_claimed_at: string | null
}

export const INITIAL_CUSTODY_STATE: Readonly<CustodyState> = Object.freeze({
  status: 'in_stock',
  holder_id: null,
  due_at: null,
  purpose: null,
  condition: null,
  label_token: null,
  replaced_tokens: [],
  last_seen: null,
  basis_event_id: null,
  last_event_time: null,
  conflicts: [],
  has_open_conflict: false,
  return_claimed_at: null,
})

/** The part of the state an event can contest. */
type Position = Pick<CustodyState, 'status' | 'holder_id'>

/**
 * Is `type` a normal next step from this state? Shared by the UI (which
 * buttons) and the fold (is this a conflict?).
 */
export function isValidFrom(state: Pick<CustodyState, 'status' | 'holder_id' | 'has_open_conflict'>, type: CustodyEventType): boolean {
  const { status } = state
  const held = state.holder_id !== null
  switch (type) {
    case 'check_out':
      return status === 'in_stock'
    case 'check_in':
      // Back from a loan; a lost item that turned up; a damaged item its holder still has.
      return status === 'checked_out' || status === 'lost' || (status === 'damaged' && held)
    case 'transfer':
      return status === 'checked_out'
    case 'audit_seen':
      return true
    case 'report_damaged':
      return status === 'in_stock' || status === 'checked_out'
    case 'report_lost':
      return status === 'in_stock' || status === 'checked_out' || status === 'damaged' || status === 'in_repair'
    case 'send_to_repair':
      // Whoever holds a damaged item checks it in first, so the keeper sends it.
      return status === 'in_stock' || (status === 'damaged' && !held)
    case 'back_from_repair':
      return status === 'in_repair'
    case 'retire':
      return status === 'in_stock' || status === 'in_repair' || status === 'lost' || (status === 'damaged' && !held)
    case 'label_replaced':
      return status !== 'retired'
    case 'resolve_conflict':
      return state.has_open_conflict
    case 'return_claimed':
      return status === 'checked_out' || (status === 'damaged' && held)
  }
}

/** What an event makes true, whether or not it was a valid step. */
function effect(state: CustodyState, e: CustodyEvent): Pick<CustodyState, 'status' | 'holder_id' | 'due_at' | 'purpose'> {
  const keep = { status: state.status, holder_id: state.holder_id, due_at: state.due_at, purpose: state.purpose }
  const back = { holder_id: null, due_at: null, purpose: null }
  switch (e.type) {
    case 'check_out':
      return { status: 'checked_out', holder_id: e.payload.to_person, due_at: e.payload.due_at, purpose: e.payload.purpose }
    case 'check_in':
      // Returned broken: it is in the cabinet, but not usable.
      return { status: e.payload.condition === 'damaged' ? 'damaged' : 'in_stock', ...back }
    case 'transfer':
      return { ...keep, status: 'checked_out', holder_id: e.payload.to_person, due_at: e.payload.due_at ?? state.due_at }
    case 'audit_seen':
      // Seeing a lost item means it was found; the keeper has it in hand.
      return state.status === 'lost' ? { status: 'in_stock', ...back } : keep
    case 'report_damaged':
      // The holder (if any) still has it and is still expected to return it.
      return { ...keep, status: 'damaged' }
    case 'report_lost':
      // The holder stays on record as responsible; there is no return date any more.
      return { ...keep, status: 'lost', due_at: null }
    case 'send_to_repair':
      return { status: 'in_repair', ...back }
    case 'back_from_repair':
      return { status: e.payload.condition === 'damaged' ? 'damaged' : 'in_stock', ...back }
    case 'retire':
      return { status: 'retired', ...back }
    case 'label_replaced':
    case 'return_claimed':
      // The holder's word moves nothing: they stay responsible until the keeper confirms.
      return keep
    case 'resolve_conflict':
      return {
        status: e.payload.status,
        holder_id: e.payload.holder_id,
        due_at: e.payload.due_at,
        purpose: e.payload.status === 'checked_out' ? state.purpose : null,
      }
  }
}

function samePosition(a: Position, b: Position): boolean {
  return a.status === b.status && a.holder_id === b.holder_id
}

function timeKey(iso: string | null | undefined): number {
  const ms = iso ? Date.parse(iso) : Number.NaN
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms
}

/**
 * Facts in the order they happened: device time (parsed, so offsets compare
 * correctly), then server receipt time, then id, so every device and the
 * server fold the same list the same way whatever order it arrived in.
 */
export function orderEvents<T extends Pick<CustodyEvent, 'id' | 'device_time' | 'server_time'>>(events: readonly T[]): T[] {
  return [...events].sort(
    (a, b) =>
      timeKey(a.device_time) - timeKey(b.device_time) ||
      timeKey(a.server_time) - timeKey(b.server_time) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** Applies one event. Pure: returns a new state. */
export function applyEvent(state: CustodyState, e: CustodyEvent): CustodyState {
  const valid = e.type === 'resolve_conflict' || isValidFrom(state, e.type)
  const next = effect(state, e)
  let conflicts = state.conflicts

  // An invalid step that ends where we already are (two keepers both checked the
  // same item in) contests nothing: recorded, but nothing for a keeper to do.
  if (!valid && !samePosition(state, next)) {
    conflicts = [
      ...conflicts,
      {
        id: e.id,
        event_ids: state.basis_event_id ? [state.basis_event_id, e.id] : [e.id],
        event_type: e.type,
        from_status: state.status,
        from_holder_id: state.holder_id,
        device_time: e.device_time,
        resolved_by: null,
      },
    ]
  }
  if (e.type === 'resolve_conflict') {
    const ids = new Set(e.payload.conflict_ids)
    conflicts = conflicts.map((c) => (ids.has(c.id) && c.resolved_by === null ? { ...c, resolved_by: e.id } : c))
  }

  const moved = !samePosition(state, next)
  let { label_token, replaced_tokens } = state
  if (e.type === 'label_replaced') {
    const old = e.payload.old_token ?? state.label_token
    label_token = e.payload.new_token
    if (old && old !== label_token && !replaced_tokens.includes(old)) replaced_tokens = [...replaced_tokens, old]
  }

  let condition = state.condition
  if (e.type === 'check_out' || e.type === 'check_in' || e.type === 'back_from_repair') condition = e.payload.condition
  else if (e.type === 'report_damaged') condition = 'damaged'
  else if (e.type === 'audit_seen' && e.payload.condition) condition = e.payload.condition

  return {
    ...next,
    condition,
    label_token,
    replaced_tokens,
    last_seen:
      e.type === 'audit_seen'
        ? { event_id: e.id, device_time: e.device_time, location: e.payload.location, in_place: e.payload.in_place ?? null }
        : state.last_seen,
    basis_event_id: moved || e.type === 'resolve_conflict' ? e.id : state.basis_event_id,
    return_claimed_at: returnClaim(state, e, moved),
    last_event_time: e.device_time,
    conflicts,
    has_open_conflict: conflicts.some((c) => c.resolved_by === null),
  }
}

/** A move (the keeper's check-in, anything else) ends the claim; the first claim while held starts it. */
function returnClaim(state: CustodyState, e: CustodyEvent, moved: boolean): string | null {
  if (moved || e.type === 'resolve_conflict') return null
  if (e.type === 'return_claimed' && state.holder_id !== null) return state.return_claimed_at ?? e.device_time
  return state.return_claimed_at
}

/**
 * Derives an asset's custody state from its events, in any order given.
 *
 * A resolution can carry an earlier device time than the conflict it names
 * (a drifting clock); a second pass closes such conflicts too, so the result
 * never depends on whose clock was right.
 */
export function foldEvents(events: readonly CustodyEvent[], initial: CustodyState = INITIAL_CUSTODY_STATE): CustodyState {
  const state = orderEvents(events).reduce(applyEvent, initial)
  const resolvedBy = new Map<string, string>()
  for (const e of events) {
    if (e.type === 'resolve_conflict') for (const id of e.payload.conflict_ids) if (!resolvedBy.has(id)) resolvedBy.set(id, e.id)
  }
  if (!state.conflicts.some((c) => c.resolved_by === null && resolvedBy.has(c.id))) return state
  const conflicts = state.conflicts.map((c) => (c.resolved_by === null && resolvedBy.has(c.id) ? { ...c, resolved_by: resolvedBy.get(c.id) ?? null } : c))
  return { ...state, conflicts, has_open_conflict: conflicts.some((c) => c.resolved_by === null) }
}

/** Conflicts a keeper still has to look at. */
export function openConflicts(state: CustodyState): CustodyConflict[] {
  return state.conflicts.filter((c) => c.resolved_by === null)
}
