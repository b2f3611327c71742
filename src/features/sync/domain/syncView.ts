/**
 * How sync state is shown: the badge's status and the i18n keys for phases, refusal
 * reasons and op kinds. Pure; the state shape mirrors the engine's SyncState.
 */
export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'backoff' | 'offline' | 'signed_out'

export interface SyncSummary {
  phase: SyncPhase
  online: boolean
  pending: number
  /** False until the outbox has been counted (the engine loads after the first screen). */
  counted: boolean
  attentionCount: number
}

export type BadgeKind = 'checking' | 'attention' | 'offline' | 'syncing' | 'pending' | 'synced'

export interface BadgeStatus {
  kind: BadgeKind
  count: number
}

/** The most important thing to say, in priority order: not yet known, refused writes, offline, activity, backlog. */
export function badgeStatus(s: SyncSummary): BadgeStatus {
  const offline = !s.online || s.phase === 'offline'
  // Never "synced" over an outbox not yet read: offline is known, the rest is not.
  if (!s.counted) return { kind: offline ? 'offline' : 'checking', count: 0 }
  if (s.attentionCount > 0) return { kind: 'attention', count: s.attentionCount }
  if (offline) return { kind: 'offline', count: s.pending }
  if (s.phase === 'pushing' || s.phase === 'pulling') return { kind: 'syncing', count: s.pending }
  if (s.pending > 0) return { kind: 'pending', count: s.pending }
  return { kind: 'synced', count: 0 }
}

const KNOWN_REASONS = ['forbidden', 'invalid', 'not_found', 'unknown_kind'] as const

/** i18n key for a server refusal reason; unknown codes fall back to a generic message. */
export function reasonKey(reason: string | null): string {
  return (KNOWN_REASONS as readonly (string | null)[]).includes(reason) ? `sync.reason.${reason}` : 'sync.reason.unknown'
}

const KNOWN_KINDS = ['department.upsert', 'department.delete', 'profile.update'] as const

/** i18n key for an op kind ('department.upsert' → sync.kind.department_upsert). */
export function kindKey(kind: string): string {
  return (KNOWN_KINDS as readonly string[]).includes(kind) ? `sync.kind.${kind.replace('.', '_')}` : 'sync.kind.other'
}
