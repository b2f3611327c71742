/**
 * The custody engine's rules (DESIGN.md "Four engines"): an append-only event
 * log per asset, and the status / holder / due date derived from it.
 *
 * Two jobs, kept apart on purpose:
 * - `allowedEvents` / `mayRecord` answer "which buttons does this person get
 *   now?" — role AND state. The server uses the role part to refuse what is
 *   unauthorised.
 * - `foldEvents` answers "what is true after these facts?" — state only, and it
 *   never drops a fact (invariant 2). An event that does not fit the state it
 *   lands on (two offline devices both checked out the same seal) is applied
 *   anyway and leaves a `conflict` that a keeper closes with `resolve_conflict`.
 *
 * The SQL that derives status in the database must give the same answers as
 * `foldEvents`; tests/unit/assets/custody.test.ts is the reference.
 */
import { z } from 'zod'
import type { AssetKind } from './assetNumber'
import { E, choice, dateTime, optionalText, photoIds, text, uuid } from './fields'
import { isLabelToken } from './labelToken'

export const CUSTODY_STATUSES = [
  'in_stock', // 在库
  'checked_out', // 借出/外带
  'in_repair', // 维修中
  'lost', // 遗失
  'damaged', // 损坏
  'retired', // 停用/报废
] as const
export type CustodyStatus = (typeof CUSTODY_STATUSES)[number]

/** Condition noted at check-out, check-in and back from repair. */
export const CONDITIONS = ['good', 'worn', 'damaged'] as const
export type Condition = (typeof CONDITIONS)[number]

export const CUSTODY_EVENT_TYPES = [
  'check_out',
  'check_in',
  'transfer',
  'audit_seen',
  'report_damaged',
  'report_lost',
  'send_to_repair',
  'back_from_repair',
  'retire',
  'label_replaced',
  'resolve_conflict',
] as const
export type CustodyEventType = (typeof CUSTODY_EVENT_TYPES)[number]

/**
 * Who keeps each kind. Role codes match `ROLES` in features/auth (checked by a
 * unit test); they are strings here so the domain does not reach into another feature.
 */
export const KEEPER_ROLE_BY_KIND = {
  seal: 'seal_keeper',
  licence: 'asset_keeper',
  equipment: 'asset_keeper',
  vehicle: 'fleet_manager',
  uniform: 'asset_keeper',
} as const satisfies Record<AssetKind, string>
export type KeeperRole = (typeof KEEPER_ROLE_BY_KIND)[AssetKind]
export const KEEPER_ROLES = ['seal_keeper', 'asset_keeper', 'fleet_manager'] as const satisfies readonly KeeperRole[]

export function keeperRoleOf(kind: AssetKind): KeeperRole {
  return KEEPER_ROLE_BY_KIND[kind]
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

const envelope = {
  /** Device-made UUID: pushing the same event twice is one row. */
  id: uuid(),
  asset_id: uuid(),
  /** Who recorded it (profiles.id). */
  actor_id: uuid(),
  /** When it happened by the device clock; facts are ordered by this. */
  device_time: dateTime(),
  /** When the server received it; trusted for audit, used here only to break ties. */
  server_time: dateTime().nullish(),
  photo_ids: photoIds().optional(),
}

const note = optionalText(500).optional()

const payloads = {
  check_out: z.object({
    to_person: uuid(),
    /** Null: no deadline (e.g. a uniform issued for good). */
    due_at: dateTime().nullish().transform((v) => v ?? null),
    purpose: text(200),
    condition: choice(CONDITIONS),
  }),
  check_in: z.object({ condition: choice(CONDITIONS), note }),
  /** Straight from holder to holder without coming back; a new due date may be set. */
  transfer: z.object({ to_person: uuid(), due_at: dateTime().nullish().transform((v) => v ?? null), note }),
  audit_seen: z.object({ location: text(200) }),
  report_damaged: z.object({ note }),
  report_lost: z.object({ note }),
  send_to_repair: z.object({ note }),
  back_from_repair: z.object({ condition: choice(CONDITIONS), note }),
  retire: z.object({ note }),
  label_replaced: z.object({
    new_token: z.string().refine(isLabelToken, { error: E.token }),
    old_token: z.string().refine(isLabelToken, { error: E.token }).nullish(),
  }),
  /** A keeper states what is true, closing the listed conflicts. */
  resolve_conflict: z.object({
    conflict_ids: z.array(uuid()).min(1, { error: E.required }),
    status: choice(CUSTODY_STATUSES),
    holder_id: uuid().nullable(),
    due_at: dateTime().nullable(),
    note,
  }),
} as const

function eventSchema<T extends CustodyEventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), payload: payloads[type] })
}

/** A custody event as the device records and pushes it. */
export const custodyEventSchema = z
  .discriminatedUnion('type', [
    eventSchema('check_out'),
    eventSchema('check_in'),
    eventSchema('transfer'),
    eventSchema('audit_seen'),
    eventSchema('report_damaged'),
    eventSchema('report_lost'),
    eventSchema('send_to_repair'),
    eventSchema('back_from_repair'),
    eventSchema('retire'),
    eventSchema('label_replaced'),
    eventSchema('resolve_conflict'),
  ])
  .superRefine((e, ctx) => {
    // A deadline before the hand-over is a typing slip; the clock is the same device's.
    if ((e.type === 'check_out' || e.type === 'transfer') && e.payload.due_at !== null) {
      if (Date.parse(e.payload.due_at) <= Date.parse(e.device_time)) {
        ctx.addIssue({ code: 'custom', message: E.dueBeforeStart, path: ['payload', 'due_at'] })
      }
    }
    if (e.type === 'resolve_conflict') {
      const p = e.payload
      // The stated truth must itself be coherent: a holder exactly when checked out.
      if ((p.status === 'checked_out') !== (p.holder_id !== null)) {
        ctx.addIssue({ code: 'custom', message: E.required, path: ['payload', 'holder_id'] })
      }
    }
  })

export type CustodyEvent = z.output<typeof custodyEventSchema>
export type CustodyEventInput = z.input<typeof custodyEventSchema>
export type CustodyEventOf<T extends CustodyEventType> = Extract<CustodyEvent, { type: T }>

// ---------------------------------------------------------------------------
// Derived state
// ---------------------------------------------------------------------------

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
  last_seen: { event_id: string; device_time: string; location: string } | null
  /** The last event that changed status or holder: what a later conflict is "against". */
  basis_event_id: string | null
  /** Device time of the latest event folded. */
  last_event_time: string | null
  conflicts: CustodyConflict[]
  /** True while any conflict is unresolved: the asset page shows it to its keeper. */
  has_open_conflict: boolean
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

  return {
    ...next,
    condition,
    label_token,
    replaced_tokens,
    last_seen:
      e.type === 'audit_seen' ? { event_id: e.id, device_time: e.device_time, location: e.payload.location } : state.last_seen,
    basis_event_id: moved || e.type === 'resolve_conflict' ? e.id : state.basis_event_id,
    last_event_time: e.device_time,
    conflicts,
    has_open_conflict: conflicts.some((c) => c.resolved_by === null),
  }
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

// ---------------------------------------------------------------------------
// Who may do what
// ---------------------------------------------------------------------------

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
