/**
 * Turns a zod error into one message per field. Domain schemas use i18n keys as messages
 * (e.g. 'validation.required'), so the UI translates them; no UI text lives in domain code.
 */
export interface FieldIssue {
  key: string
  params: Record<string, unknown>
}

interface IssueLike {
  path: readonly PropertyKey[]
  message: string
  maximum?: unknown
}

export function fieldIssues(error: { issues: readonly IssueLike[] }): Record<string, FieldIssue> {
  const out: Record<string, FieldIssue> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_')
    if (out[field]) continue
    const key = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid'
    out[field] = { key, params: issue.maximum === undefined ? {} : { max: Number(issue.maximum) } }
  }
  return out
}
