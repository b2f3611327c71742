/**
 * Who may do what to a rectification, as error codes the UI translates
 * (`rectification.errors.<code>`). Pure: the repository passes the current row.
 */
import type { RectificationRow } from '@/platform/db/rows'

export type VerifyDecision = 'closed' | 'reopened'
export type RectError = 'notFound' | 'notAssignee' | 'notInspector' | 'badTransition' | 'photoRequired' | 'noteRequired' | 'tooLong'

/** Roles that verify on the spot (close or reopen). */
export const VERIFY_ROLES = ['inspector', 'admin_head'] as const
/** Roles that see the escalated (long overdue) list. */
export const ESCALATION_ROLES = ['admin_head'] as const
export const NOTE_MAX = 500

export const canVerify = (roles: readonly string[]): boolean => roles.some((r) => (VERIFY_ROLES as readonly string[]).includes(r))
export const seesEscalations = (roles: readonly string[]): boolean => roles.some((r) => (ESCALATION_ROLES as readonly string[]).includes(r))
export const isFixable = (r: Pick<RectificationRow, 'status'>): boolean => r.status === 'open' || r.status === 'reopened'

export function checkFix(
  row: RectificationRow | undefined,
  input: { actorId: string; note: string; photoCount: number },
): RectError | null {
  if (!row || row.deleted_at !== null) return 'notFound'
  if (row.assignee_id !== input.actorId) return 'notAssignee'
  if (!isFixable(row)) return 'badTransition'
  if (input.photoCount < 1) return 'photoRequired'
  if (input.note.length > NOTE_MAX) return 'tooLong'
  return null
}

export function checkVerify(
  row: RectificationRow | undefined,
  input: { roles: readonly string[]; decision: VerifyDecision; note: string },
): RectError | null {
  if (!row || row.deleted_at !== null) return 'notFound'
  if (!canVerify(input.roles)) return 'notInspector'
  if (row.status !== 'fixed') return 'badTransition'
  // Sending it back must say what is still wrong; closing may be silent.
  if (input.decision === 'reopened' && input.note.length === 0) return 'noteRequired'
  if (input.note.length > NOTE_MAX) return 'tooLong'
  return null
}
