/**
 * Who may do what to a rectification, as error codes the UI translates
 * (`rectification.errors.<code>`). The transitions themselves are the inspections domain's
 * (fixRectification / verifyRectification); this adds the form's own rules (note length,
 * a note when sending back) and maps the domain's keys to this feature's codes.
 */
import type { RectificationRow } from '@/platform/db/rows'
// The modules themselves, not the domain index: Home's chunk need not carry templates and rewards.
import type { InspectionErrorKey } from '@/features/inspections/domain/fields'
import { VERIFIER_ROLES, allowedActions, fixRectification, verifyRectification, type DueCalendar, type TransitionResult } from '@/features/inspections/domain/rectification'

export type VerifyDecision = 'closed' | 'reopened'
export type RectError =
  | 'notFound'
  | 'notAssignee'
  | 'notInspector'
  | 'badTransition'
  | 'afterPhotoRequired'
  | 'noteRequired'
  | 'tooLong'
  | 'invalid'
  | 'ownFix'
  | 'dueBeforeNow'

/** Roles that see the escalated (long overdue) list. */
export const ESCALATION_ROLES = ['admin_head'] as const
export const VERIFY_ROLES = VERIFIER_ROLES
export const NOTE_MAX = 500

export const canVerify = (roles: readonly string[]): boolean => roles.some((r) => VERIFIER_ROLES.includes(r))
export const seesEscalations = (roles: readonly string[]): boolean => roles.some((r) => (ESCALATION_ROLES as readonly string[]).includes(r))

const CODES: Partial<Record<InspectionErrorKey, RectError>> = {
  'inspections.errors.notAssignee': 'notAssignee',
  'inspections.errors.notInspector': 'notInspector',
  'inspections.errors.badTransition': 'badTransition',
  'inspections.errors.afterPhotoRequired': 'afterPhotoRequired',
  'inspections.errors.ownFix': 'ownFix',
  'inspections.errors.dueBeforeNow': 'dueBeforeNow',
}

type Outcome = { ok: true; row: RectificationRow } | { ok: false; error: RectError }

function outcome(r: TransitionResult): Outcome {
  return r.ok ? { ok: true, row: r.row } : { ok: false, error: CODES[r.error] ?? 'invalid' }
}

/** The buttons the page shows for this person. */
export function actionsFor(row: RectificationRow, actorId: string | null, roles: readonly string[]) {
  return actorId ? allowedActions(row, { id: actorId, roles }) : []
}

export function fixed(
  row: RectificationRow | undefined,
  input: { actorId: string; roles: readonly string[]; note: string; photoIds: string[]; at: string },
): Outcome {
  if (!row || row.deleted_at !== null) return { ok: false, error: 'notFound' }
  if (input.note.length > NOTE_MAX) return { ok: false, error: 'tooLong' }
  return outcome(fixRectification(row, { actor: { id: input.actorId, roles: input.roles }, at: input.at, photo_ids: input.photoIds, note: input.note }))
}

export function verified(
  row: RectificationRow | undefined,
  input: { actorId: string; roles: readonly string[]; decision: VerifyDecision; note: string; at: string; calendar: DueCalendar },
): Outcome {
  if (!row || row.deleted_at !== null) return { ok: false, error: 'notFound' }
  const actor = { id: input.actorId, roles: input.roles }
  const result = outcome(verifyRectification(row, { actor, at: input.at, outcome: input.decision === 'closed' ? 'close' : 'reopen', calendar: input.calendar }))
  if (!result.ok) return result
  // Sending it back must say what is still wrong; closing may be silent.
  if (input.decision === 'reopened' && input.note.length === 0) return { ok: false, error: 'noteRequired' }
  if (input.note.length > NOTE_MAX) return { ok: false, error: 'tooLong' }
  return result
}
