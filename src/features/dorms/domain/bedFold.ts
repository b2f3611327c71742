/**
 * A bed's state folded from its events, like the custody engine's foldEvents: ordered by device
 * time (then server time, then id), never dropping a fact (invariant 2).
 *
 * No double booking, never a silent overwrite: two dorm managers who allocate the same bed offline
 * both keep their allocation (two reserved stays); the first by device time holds the bed, the
 * bed shows an open `double_booking` conflict naming both stays, and a `resolve_conflict` (or a
 * cancel of one of them) closes it. An allocation onto a bed under repair is kept and opens an
 * `in_repair` conflict. Someone who physically checks in holds the bed: a reserved holder gives way
 * (the conflict stays open until resolved), an occupant does not.
 *
 * private.dorm_bed_derive in SQL gives the same answers; tests/db/dorms.test.ts compares them.
 */
import { orderEvents } from '@/features/assets/domain/custody'
import type { BedEvent } from './bedEvents'
import type { BedStatus } from './rooms'

export const STAY_STATUSES = ['reserved', 'active', 'ended', 'cancelled'] as const
export type StayStatus = (typeof STAY_STATUSES)[number]

export interface StayState {
  id: string
  occupant_id: string
  status: StayStatus
  /** Device time of the allocation (of the check-in for a walk-in). */
  allocated_at: string
  checked_in_at: string | null
  /** Checked out, or cancelled. */
  ended_at: string | null
}

export type BedConflictKind = 'double_booking' | 'in_repair'

export interface BedConflict {
  /** The event that raised it. */
  id: string
  kind: BedConflictKind
  stay_ids: string[]
  device_time: string
  /** The resolve_conflict event that closed it, or null. */
  resolved_by: string | null
  /** Still needs the dorm manager: unresolved, and its stays still contend (or the bed is still in repair). */
  open: boolean
}

export interface BedState {
  status: BedStatus
  /** The stay holding the bed (reserved or active), or null. */
  stay_id: string | null
  occupant_id: string | null
  in_repair: boolean
  /** Every stay of this bed, in the order they were made. */
  stays: StayState[]
  conflicts: BedConflict[]
  has_open_conflict: boolean
  last_event_time: string | null
}

export const INITIAL_BED_STATE: Readonly<BedState> = Object.freeze({
  status: 'vacant',
  stay_id: null,
  occupant_id: null,
  in_repair: false,
  stays: [],
  conflicts: [],
  has_open_conflict: false,
  last_event_time: null,
})

const live = (s: StayState | undefined): boolean => s !== undefined && (s.status === 'reserved' || s.status === 'active')

interface Working {
  current: string | null
  in_repair: boolean
  stays: Map<string, StayState>
  conflicts: BedConflict[]
}

/** Who holds the bed when its holder leaves: a live stay, active before reserved, earliest made first. */
function successor(w: Working): string | null {
  const candidates = [...w.stays.values()].filter(live)
  const next = candidates.find((s) => s.status === 'active') ?? candidates[0]
  return next?.id ?? null
}

function addConflict(w: Working, e: BedEvent, kind: BedConflictKind, stayIds: string[]): void {
  const covered = w.conflicts.some((c) => c.kind === kind && c.resolved_by === null && stayIds.every((id) => c.stay_ids.includes(id)))
  if (!covered) w.conflicts.push({ id: e.id, kind, stay_ids: stayIds, device_time: e.device_time, resolved_by: null, open: true })
}

function setStatus(w: Working, id: string, status: StayStatus, at: string): void {
  const s = w.stays.get(id)
  if (!s) return
  w.stays.set(id, { ...s, status, ended_at: status === 'ended' || status === 'cancelled' ? at : s.ended_at })
  if (w.current === id && !live(w.stays.get(id))) w.current = successor(w)
}

function apply(w: Working, e: BedEvent): void {
  switch (e.type) {
    case 'allocate': {
      const id = e.payload.stay_id
      if (w.stays.has(id)) return
      w.stays.set(id, { id, occupant_id: e.payload.occupant_id, status: 'reserved', allocated_at: e.device_time, checked_in_at: null, ended_at: null })
      if (w.current !== null) addConflict(w, e, 'double_booking', [w.current, id])
      else {
        w.current = id
        if (w.in_repair) addConflict(w, e, 'in_repair', [id])
      }
      return
    }
    case 'check_in': {
      const id = e.payload.stay_id
      const known = w.stays.get(id)
      // A walk-in (no allocation on this bed) is still a stay: the person is there.
      w.stays.set(id, {
        ...(known ?? { id, occupant_id: e.payload.occupant_id, allocated_at: e.device_time, ended_at: null }),
        status: 'active',
        checked_in_at: e.device_time,
      })
      const holder = w.current === null ? undefined : w.stays.get(w.current)
      if (holder === undefined || w.current === id) {
        if (w.current === null && w.in_repair) addConflict(w, e, 'in_repair', [id])
        w.current = id
      } else {
        addConflict(w, e, 'double_booking', [holder.id, id])
        // Physically there beats a reservation; an occupant keeps the bed.
        if (holder.status === 'reserved') w.current = id
      }
      return
    }
    case 'cancel': {
      if (w.stays.get(e.payload.stay_id)?.status === 'reserved') setStatus(w, e.payload.stay_id, 'cancelled', e.device_time)
      return
    }
    case 'check_out': {
      if (live(w.stays.get(e.payload.stay_id))) setStatus(w, e.payload.stay_id, 'ended', e.device_time)
      return
    }
    case 'repair_start':
      w.in_repair = true
      return
    case 'repair_end':
      w.in_repair = false
      return
    case 'resolve_conflict': {
      const keep = e.payload.keep_stay_id
      const named = new Set(e.payload.conflict_ids)
      for (const c of w.conflicts) {
        if (!named.has(c.id) || c.resolved_by !== null) continue
        c.resolved_by = e.id
        for (const id of c.stay_ids) {
          if (id === keep) continue
          const s = w.stays.get(id)
          if (s?.status === 'reserved') setStatus(w, id, 'cancelled', e.device_time)
          else if (s?.status === 'active') setStatus(w, id, 'ended', e.device_time)
        }
        if (c.kind === 'in_repair' && keep !== null) w.in_repair = false
      }
      if (keep !== null && live(w.stays.get(keep))) w.current = keep
      return
    }
  }
}

function isOpen(c: BedConflict, w: Working): boolean {
  if (c.resolved_by !== null) return false
  if (c.kind === 'in_repair') return w.in_repair && c.stay_ids.some((id) => live(w.stays.get(id)))
  return c.stay_ids.filter((id) => live(w.stays.get(id))).length >= 2
}

/** Derives a bed's state from its events, in any order given. */
export function foldBedEvents(events: readonly BedEvent[]): BedState {
  const w: Working = { current: null, in_repair: false, stays: new Map(), conflicts: [] }
  const ordered = orderEvents(events)
  for (const e of ordered) apply(w, e)
  // A resolution whose clock ran earlier than the conflict it names still closes it.
  for (const e of ordered) {
    if (e.type !== 'resolve_conflict') continue
    for (const c of w.conflicts) if (c.resolved_by === null && e.payload.conflict_ids.includes(c.id)) c.resolved_by = e.id
  }
  const conflicts = w.conflicts.map((c) => ({ ...c, open: isOpen(c, w) }))
  const holder = w.current === null ? undefined : w.stays.get(w.current)
  const status: BedStatus = holder?.status === 'active' ? 'occupied' : holder?.status === 'reserved' ? 'reserved' : w.in_repair ? 'under_repair' : 'vacant'
  return {
    status,
    stay_id: holder?.id ?? null,
    occupant_id: holder?.occupant_id ?? null,
    in_repair: w.in_repair,
    stays: [...w.stays.values()],
    conflicts,
    has_open_conflict: conflicts.some((c) => c.open),
    last_event_time: ordered.at(-1)?.device_time ?? null,
  }
}

/** Ids of the events that raised a conflict (flagged on both sides). */
export function flaggedEventIds(state: BedState): Set<string> {
  return new Set(state.conflicts.map((c) => c.id))
}

/** Conflicts the dorm manager still has to look at. */
export function openBedConflicts(state: BedState): BedConflict[] {
  return state.conflicts.filter((c) => c.open)
}
