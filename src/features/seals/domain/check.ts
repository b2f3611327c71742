/**
 * The periodic seal check (定期检查, manual 2.2 node 6): for each seal, its condition and
 * whether it is in its cabinet, recorded as 'audit_seen' custody events in one confirm.
 */
import type { Condition, CustodyEventInput } from '@/features/assets/domain/custodyEvents'

export interface SealCheckEntry {
  seal_id: string
  /** The designated cabinet: the audit's location. */
  cabinet: string
  condition: Condition
  in_place: boolean
  note?: string
}

/** One audit_seen event per checked seal, same device time, fresh ids. */
export function sealCheckEvents(entries: readonly SealCheckEntry[], actorId: string, now: Date, newId: () => string = () => crypto.randomUUID()): CustodyEventInput[] {
  const deviceTime = now.toISOString()
  return entries.map((e) => ({
    id: newId(),
    asset_id: e.seal_id,
    actor_id: actorId,
    device_time: deviceTime,
    type: 'audit_seen' as const,
    payload: { location: e.cabinet || '—', condition: e.condition, in_place: e.in_place },
  }))
}

export interface LastCheck {
  at: string
  condition: string | null
  in_place: boolean | null
}

/** The latest check per seal from audit_seen events (a check carries in_place; a plain "seen here" does not). */
export function lastChecks(events: readonly { asset_id: string; type: string; device_time: string; payload: Record<string, unknown> }[]): Map<string, LastCheck> {
  const out = new Map<string, LastCheck>()
  for (const e of events) {
    if (e.type !== 'audit_seen' || typeof e.payload.in_place !== 'boolean') continue
    const prev = out.get(e.asset_id)
    if (prev && Date.parse(prev.at) >= Date.parse(e.device_time)) continue
    out.set(e.asset_id, {
      at: e.device_time,
      condition: typeof e.payload.condition === 'string' ? e.payload.condition : null,
      in_place: e.payload.in_place,
    })
  }
  return out
}
