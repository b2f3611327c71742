/**
 * When the app may reload into a new version. Reloading throws away unsaved form input, and
 * while writes are unsynced we prefer the old code that wrote them to finish pushing them.
 */
export type UpdateBlocker = 'pending' | 'dirty'

export type UpdateDecision = { allowed: true } | { allowed: false; blockers: UpdateBlocker[] }

export function decideUpdate(input: { pending: number; dirty: boolean }): UpdateDecision {
  const blockers: UpdateBlocker[] = []
  if (input.pending > 0) blockers.push('pending')
  if (input.dirty) blockers.push('dirty')
  return blockers.length === 0 ? { allowed: true } : { allowed: false, blockers }
}
